//! The Docker image (`Dockerfile`): hadolint finds nothing to say about the
//! Dockerfile; the image is built and run on the samples when a Docker
//! engine answers (`docker info`), skipped with a note otherwise (building
//! it is a release build, about four minutes on two cores).

mod common;

use std::process::Command;

use common::root;

fn docker_works() -> bool {
    Command::new("docker")
        .arg("info")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn hadolint_passes_the_dockerfile() {
    let Some(hadolint) = common::tool("hadolint") else {
        return;
    };
    let out = Command::new(hadolint)
        .arg(root().join("Dockerfile"))
        .output()
        .expect("hadolint runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn the_image_builds_and_converts_a_mounted_folder() {
    if !docker_works() {
        eprintln!("note: no Docker engine (`docker info` fails); skipping the image build");
        return;
    }
    let tag = "undoc-test:latest";
    let built = Command::new("docker")
        .args(["build", "-t", tag, "."])
        .current_dir(root())
        .status()
        .expect("docker runs");
    assert!(built.success(), "docker build");
    let out = tempfile::tempdir().expect("tempdir");
    let samples = root().join("samples");
    let mounts = [
        format!("{}:/work/samples:ro", samples.display()),
        format!("{}:/work/out", out.path().display()),
    ];
    let id = |flag: &str| {
        let out = Command::new("id").arg(flag).output().expect("id runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let user = format!("{}:{}", id("-u"), id("-g"));
    let run = Command::new("docker")
        .args([
            "run", "--rm", "-u", &user, "-v", &mounts[0], "-v", &mounts[1], tag,
        ])
        .args(["convert", "samples", "-o", "out", "--to", "xml", "-q"])
        .output()
        .expect("docker runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = std::fs::read_dir(out.path()).expect("out").count();
    assert!(
        written > common::samples().len(),
        "one XML per sample and the manifest"
    );
}
