//! Schema files read from the local disk by their `file:` URLs. fastxml
//! resolves a schema's imports and includes as URLs against the URL of the
//! schema that names them, so each file is named by a proper `file:` URL
//! (spaces and other characters escaped) and read back from it. Nothing is
//! fetched from the network.

use std::path::{Path, PathBuf};

use fastxml::schema::fetcher::error::FetchError;
use fastxml::schema::{FetchResult, SchemaFetcher};
use url::Url;

/// The `file:` URL of `path`, made absolute from the working directory.
pub(super) fn file_url(path: &Path) -> Result<String, String> {
    let absolute = std::path::absolute(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Url::from_file_path(&absolute)
        .map(String::from)
        .map_err(|()| format!("{}: not a path a URL can name", path.display()))
}

/// Reads the schema files that `file:` URLs name; refuses every other URL.
pub(super) struct LocalFiles;

impl SchemaFetcher for LocalFiles {
    fn fetch(&self, url: &str) -> fastxml::Result<FetchResult> {
        let failed = |message: String| FetchError::RequestFailed {
            url: url.to_string(),
            message,
        };
        let path = local_path(url).ok_or_else(|| failed("only local files are read".into()))?;
        let content =
            std::fs::read(&path).map_err(|e| failed(format!("{}: {e}", path.display())))?;
        Ok(FetchResult {
            content,
            // As named, so that the file's own imports resolve beside it.
            final_url: url.to_string(),
            redirected: false,
        })
    }
}

/// The file a `file:` URL names.
fn local_path(url: &str) -> Option<PathBuf> {
    Url::parse(url)
        .ok()
        .filter(|u| u.scheme() == "file")?
        .to_file_path()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_spaces_goes_there_and_back() {
        let path = Path::new("/tmp/my schemas/un doc#1.xsd");
        let url = file_url(path).expect("url");
        assert_eq!(url, "file:///tmp/my%20schemas/un%20doc%231.xsd");
        assert_eq!(local_path(&url).as_deref(), Some(path));
        let sibling = Url::parse(&url)
            .expect("parse")
            .join("xml.xsd")
            .expect("join");
        assert_eq!(
            local_path(sibling.as_str()).as_deref(),
            Some(Path::new("/tmp/my schemas/xml.xsd"))
        );
    }

    #[test]
    fn only_local_files_are_read() {
        for url in [
            "http://www.w3.org/2001/xml.xsd",
            "https://example.org/a.xsd",
            "ftp://x/y",
        ] {
            let e = LocalFiles.fetch(url).expect_err(url).to_string();
            assert!(e.contains("only local files are read"), "{e}");
        }
        let missing = file_url(Path::new("/nonexistent/undoc.xsd")).expect("url");
        assert!(LocalFiles.fetch(&missing).is_err());
    }
}
