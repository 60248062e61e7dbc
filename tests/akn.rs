//! Akoma Ntoso output and input: every sample in every language is valid
//! under the OASIS schema for fastxml and xmllint alike, its FRBR IRIs and
//! eIds follow the naming convention (the eIds the same in all six language
//! versions of one document), undoc → AKN → undoc gives the same canonical
//! XML, `.akn.xml` sources are read and checked at their lines, and real
//! Akoma Ntoso documents are read with a report of what the model cannot hold.

mod common;

use std::path::{Path, PathBuf};

use undoc::diagnostic::Code;
use undoc::lang::{ALL, Lang};
use undoc::model::Document;
use undoc::read::{self, InputFormat};
use undoc::validate::SchemaEngine;
use undoc::write;

fn engine() -> &'static dyn SchemaEngine {
    undoc::validate::xsd::akoma_ntoso().expect("the Akoma Ntoso schema compiles")
}

fn akn(doc: &Document) -> String {
    write::akn::write(doc)
        .expect("the document has a symbol and date")
        .xml
}

fn read_akn(xml: &str) -> read::ReadOutcome {
    read::akn::read(xml)
}

fn sample_docs() -> Vec<(PathBuf, Document)> {
    common::samples()
        .into_iter()
        .map(|path| {
            let doc = common::read_file(&path).document.expect("the sample reads");
            (path, doc)
        })
        .collect()
}

/// xmllint's verdict on `xml` against the AKN schema: `None` when valid,
/// else the line of its first error.
fn xmllint_first_error(xmllint: &Path, xml: &str) -> Option<u32> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("doc.akn.xml");
    std::fs::write(&file, xml).expect("write");
    let schema = common::root().join("schemas/akn/akomantoso30.xsd");
    let out = std::process::Command::new(xmllint)
        .args(["--noout", "--schema"])
        .arg(&schema)
        .arg(&file)
        .output()
        .expect("xmllint runs");
    if out.status.success() {
        return None;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr.lines().next().unwrap_or("");
    let line = first.split(':').nth(1).and_then(|l| l.trim().parse().ok());
    Some(line.unwrap_or(0))
}

#[test]
fn every_sample_writes_akn_valid_for_fastxml_and_xmllint() {
    let xmllint = common::tool("xmllint");
    for (path, doc) in sample_docs() {
        let xml = akn(&doc);
        let violations = engine().validate(&xml);
        assert!(violations.is_empty(), "{}: {violations:?}", path.display());
        if let Some(xmllint) = &xmllint {
            assert_eq!(
                xmllint_first_error(xmllint, &xml),
                None,
                "{}",
                path.display()
            );
        }
        assert_eq!(
            xml,
            akn(&doc),
            "{}: the output is deterministic",
            path.display()
        );
    }
}

#[test]
fn fastxml_and_xmllint_agree_on_invalid_akn() {
    let Some(xmllint) = common::tool("xmllint") else {
        return;
    };
    let (_, doc) = sample_docs()
        .into_iter()
        .find(|(p, _)| p.ends_with("report-en.txt"))
        .expect("sample");
    let xml = akn(&doc);
    let broken = [
        xml.replacen("<num>2.</num>", "<num>2.</num><bogus/>", 1),
        xml.replacen(r#"<doc name="report">"#, "<doc>", 1),
        xml.replacen(r#"<FRBRcountry value="un"/>"#, "", 1),
        xml.replacen(
            r#"date="2025-08-04" name="publication""#,
            r#"date="2025-13-04" name="publication""#,
            1,
        ),
        foreign_paragraph_text(&xml),
    ];
    for bad in broken {
        let fastxml = engine().validate(&bad);
        let first = fastxml
            .first()
            .map(|v| v.line)
            .expect("fastxml finds the error");
        assert_eq!(
            Some(first),
            xmllint_first_error(&xmllint, &bad),
            "{fastxml:?}"
        );
    }
}

/// `xml` with the first paragraph's `<p>` in another namespace: fastxml
/// matches elements by local name, undoc's namespace pass refuses it there.
fn foreign_paragraph_text(xml: &str) -> String {
    let para = xml.find("<paragraph ").expect("a paragraph");
    let open = para + xml[para..].find("<p>").expect("its text");
    let close = open + xml[open..].find("</p>").expect("its end");
    format!(
        "{}<x:p xmlns:x=\"urn:evil\">{}</x:p>{}",
        &xml[..open],
        &xml[open + 3..close],
        &xml[close + 4..]
    )
}

#[test]
fn elements_of_other_namespaces_stand_where_wildcards_admit_them() {
    let (_, doc) = sample_docs()
        .into_iter()
        .find(|(p, _)| p.ends_with("report-en.txt"))
        .expect("sample");
    let local = r##"<proprietary source="#other"><x:p xmlns:x="urn:evil"><x:num/></x:p></proprietary></meta>"##;
    let xml = akn(&doc).replacen("</meta>", local, 1);
    assert!(engine().validate(&xml).is_empty());
    if let Some(xmllint) = common::tool("xmllint") {
        assert_eq!(xmllint_first_error(&xmllint, &xml), None);
    }
}

#[test]
fn samples_round_trip_through_akn_to_the_same_canonical_xml() {
    for (path, doc) in sample_docs() {
        let outcome = read_akn(&akn(&doc));
        assert!(
            outcome.diagnostics.is_empty(),
            "{}: {:?}",
            path.display(),
            outcome.diagnostics
        );
        let back = outcome.document.expect("the AKN reads back");
        assert_eq!(
            write::xml::write(&back).xml,
            write::xml::write(&doc).xml,
            "{}",
            path.display()
        );
    }
}

/// Every construct of the model, in canonical undoc XML: preamble, summary
/// without heading, level-4 and unnumbered subheadings, roman and bullet
/// lists, a footnote in the title and one no mark refers to, a link, an
/// emphasis in bold, a cell alignment, a spacer column, a figure with notes,
/// annexes numbered and not, sections outside chapters, and an empty body
/// in the second case.
const EVERY_CONSTRUCT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:undoc:1" xml:lang="fr">
  <masthead>
    <symbol>A/HRC/60/45/Add.1</symbol>
    <organ>Assemblée générale</organ>
    <organ>Conseil des droits de l’homme</organ>
    <distribution>Limited</distribution>
    <date>2025-07-01</date>
    <original>en</original>
    <session-body>Conseil des droits de l’homme</session-body>
    <session>Soixantième session</session>
    <session-dates>8 septembre-3 octobre 2025</session-dates>
    <agenda>Point 3 de l’ordre du jour</agenda>
    <agenda>Point 4</agenda>
    <agenda-title>Promotion et protection de tous les droits de l’homme</agenda-title>
    <job-number>25-10234 (F)</job-number>
    <duty-station>Geneva</duty-station>
  </masthead>
  <title>Visite au <emph>pays</emph><noteref n="1"/></title>
  <subtitle>Note du secrétariat</subtitle>
  <summary>
    <p>Un résumé <strong>très <emph>court</emph> voir <ref>A/RES/70/1</ref></strong>.</p>
  </summary>
  <preamble>
    <p>Texte d’ouverture <link href="https://www.ohchr.org">HCDH</link>.</p>
  </preamble>
  <body>
    <section n="1">
      <heading>Section seule</heading>
      <subheading level="4" n="1">Sous-titre</subheading>
      <subheading level="3">Sans numéro</subheading>
      <para n="1">Alinéa<noteref n="2"/> :<list kind="roman">
          <item n="1">premier :<list kind="bullet">
            <item n="1">puce</item>
            <item n="2">autre</item>
          </list></item>
          <item n="2">second.</item>
        </list></para>
      <p>Texte libre dans la section.</p>
      <figure n="2">
        <title>Graphique</title>
        <image type="image/png" width="1" height="1">
          iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
        </image>
        <alt>Une image</alt>
        <notes>
          <note n="1">Note a.</note>
        </notes>
        <source>Source : HCDH.</source>
      </figure>
    </section>
  </body>
  <footnotes>
    <footnote n="1">Note du titre.</footnote>
    <footnote n="2">Note de l’alinéa.</footnote>
    <footnote n="3">Note sans appel.</footnote>
  </footnotes>
  <annex n="1">
    <heading>Première annexe</heading>
    <para n="1">Dans l’annexe.</para>
    <table>
      <columns>
        <column align="start"/>
        <column align="end" spacer="true"/>
        <column align="center"/>
      </columns>
      <head>
        <row>
          <cell rows="2">A</cell>
          <cell cols="2" align="end">B<table-noteref n="1"/></cell>
        </row>
        <row>
          <cell/>
          <cell>C</cell>
        </row>
      </head>
      <rows>
        <row total="true">
          <cell>Total</cell>
          <cell>
            <p>un</p>
            <p>deux</p>
          </cell>
          <cell>3</cell>
        </row>
      </rows>
      <notes>
        <note n="1">Lettre.</note>
      </notes>
    </table>
  </annex>
  <annex>
    <heading>Annexe sans numéro</heading>
  </annex>
</document>
"#;

fn every_construct() -> Document {
    read::xml::read(EVERY_CONSTRUCT)
        .document
        .expect("the fixture reads")
}

#[test]
fn every_construct_of_the_model_round_trips_and_validates() {
    let doc = every_construct();
    let mut empty = doc.clone();
    empty.body.clear();
    empty.summary = None;
    for doc in [doc, empty] {
        let xml = akn(&doc);
        let violations = engine().validate(&xml);
        assert!(violations.is_empty(), "{violations:?}\n{xml}");
        let outcome = read_akn(&xml);
        assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
        let back = outcome.document.expect("reads back");
        assert_eq!(write::xml::write(&back).xml, write::xml::write(&doc).xml);
    }
}

/// The metadata writes identity values unescaped only when they need no
/// escaping: a symbol with markup characters is escaped wherever it
/// stands (IRIs, `showAs`, the cover page) and the file stays well formed.
#[test]
fn a_symbol_with_markup_characters_is_escaped_in_the_metadata() {
    let mut doc = every_construct();
    let symbol = doc
        .masthead
        .symbol
        .as_mut()
        .expect("the fixture has a symbol");
    symbol.value = r#"A/80/7 <&"'>"#.to_string();
    let xml = akn(&doc);
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "not well formed at {}: {e}\n{xml}",
                reader.buffer_position()
            ),
        }
    }
    assert!(
        xml.contains(r#"showAs="A/80/7 &lt;&amp;&quot;&apos;&gt;""#),
        "{xml}"
    );
    assert!(xml.contains("/A-80-7_&lt;&amp;&quot;&apos;&gt;/"), "{xml}");
    assert!(!xml.contains(r#"A/80/7 <"#), "{xml}");
}

#[test]
fn akn4un_structure_names_and_identifiers() {
    let xml = akn(&every_construct());
    for expected in [
        r#"<doc name="note">"#,
        r#"<FRBRthis value="/akn/un/doc/report/un-ga-hrc/2025-07-01/A-HRC-60-45-Add.1/!main"/>"#,
        r#"<FRBRthis value="/akn/un/doc/report/un-ga-hrc/2025-07-01/A-HRC-60-45-Add.1/fra@2025-07-01/!main"/>"#,
        r#"<FRBRthis value="/akn/un/doc/report/un-ga-hrc/2025-07-01/A-HRC-60-45-Add.1/fra@2025-07-01/!main.xml"/>"#,
        r#"<FRBRlanguage language="fra"/>"#,
        r#"<FRBRnumber value="A-HRC-60-45-Add.1" showAs="A/HRC/60/45/Add.1"/>"#,
        r#"<TLCOrganization eId="un-ga-hrc""#,
        r#"<TLCRole eId="author""#,
        r#"<TLCConcept eId="limited""#,
        r#"<eventRef eId="e_issued" date="2025-07-01""#,
        r##"<docAuthority refersTo="#un-ga-hrc">Assemblée générale<eol/>Conseil des droits de l’homme</docAuthority>"##,
        r#"<docDate date="2025-07-01">1er juillet 2025</docDate>"#,
        r#"<docketNumber>25-10234 (F)</docketNumber>"#,
        r#"<ref href="/akn/un/statement/deliberation/un-ga/2015/A-RES-70-1">A/RES/70/1</ref>"#,
        r#"<authorialNote marker="1" placement="bottom" eId="authorialNote_1"><p>Note du titre.</p></authorialNote>"#,
        r#"<note eId="authorialNote_3" marker="3">"#,
        r#"<list eId="para_1__list_1" undoc:kind="roman">"#,
        r#"<point eId="para_1__list_1__point_i__list_1__point_2">"#,
        r#"<section eId="sec_A">"#,
        r#"<hcontainer eId="sec_A__hcontainer_1" name="subheading" undoc:level="4">"#,
        r#"<attachment eId="att_1">"#,
        r#"<paragraph eId="att_1__para_1">"#,
        r#"<FRBRthis value="/akn/un/doc/report/un-ga-hrc/2025-07-01/A-HRC-60-45-Add.1/!annex_1"/>"#,
        r#"<img src="data:image/png;base64,iVBOR"#,
        r#"<th rowspan="2"><p>A</p></th>"#,
        r#"<tr undoc:total="true">"#,
    ] {
        assert!(xml.contains(expected), "missing {expected}\n{xml}");
    }
}

fn eids(xml: &str) -> Vec<&str> {
    xml.split(r#" eId=""#)
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("closing quote")])
        .collect()
}

#[test]
fn eids_are_unique_and_the_same_in_all_six_language_versions() {
    let (_, doc) = sample_docs()
        .into_iter()
        .find(|(p, _)| p.ends_with("report-en.txt"))
        .expect("sample");
    let versions: Vec<String> = ALL
        .iter()
        .map(|&lang| {
            akn(&Document {
                lang,
                ..doc.clone()
            })
        })
        .collect();
    let english = eids(&versions[2]);
    let mut unique = english.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), english.len(), "eIds repeat: {english:?}");
    for expected in [
        "chp_I",
        "chp_II__sec_A",
        "para_3",
        "para_4__list_1__point_3__list_1__point_c",
    ] {
        assert!(english.contains(&expected), "{expected} in {english:?}");
    }
    for (lang, xml) in ALL.iter().zip(&versions) {
        assert_eq!(eids(xml), english, "{lang:?}");
        assert!(engine().validate(xml).is_empty(), "{lang:?}");
        let back = read_akn(xml).document.expect("reads back");
        assert_eq!(back.lang, *lang);
        assert_eq!(
            write::xml::write(&back).xml,
            write::xml::write(&Document {
                lang: *lang,
                ..doc.clone()
            })
            .xml
        );
    }
    assert!(versions[1].contains("<num>二.</num>") && versions[0].contains("<num>ثانيا -</num>"));
}

#[test]
fn akn_files_are_read_as_akn_and_named_after_their_stem() {
    let akn_format = InputFormat::for_path(Path::new("a/report.akn.xml")).expect("a format");
    assert_eq!(akn_format.name, "akn");
    assert_eq!(
        InputFormat::for_path(Path::new("a/report.xml")).map(|f| f.name),
        Some("xml")
    );
    assert_eq!(
        akn_format.stem(Path::new("a/report.AKN.xml")),
        PathBuf::from("a/report")
    );
    let (_, doc) = sample_docs()
        .into_iter()
        .find(|(p, _)| p.ends_with("report-fr.txt"))
        .expect("sample");
    let input = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    std::fs::write(input.path().join("a.akn.xml"), akn(&doc)).expect("write");
    common::convert(&[input.path()], out.path(), &["--to", "xml,akn,pdf"]);
    for name in ["a.xml", "a.akn.xml", "a.pdf"] {
        assert!(out.path().join(name).is_file(), "{name}");
    }
    let again = std::fs::read_to_string(out.path().join("a.akn.xml")).expect("akn");
    assert_eq!(again, akn(&doc), "AKN in, the same AKN out");
    let xml = std::fs::read_to_string(out.path().join("a.xml")).expect("xml");
    assert_eq!(xml, write::xml::write(&doc).xml);
    // One output named by its suffix: the longest that matches.
    let single = out.path().join("one.akn.xml");
    let source = input.path().join("a.akn.xml");
    let (code, _, stderr) = common::run(&[
        "convert",
        source.to_str().expect("path"),
        "-o",
        single.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let one = std::fs::read_to_string(&single).expect("one output");
    assert_eq!(one, akn(&doc));
}

#[test]
fn the_two_xml_vocabularies_are_told_apart_by_their_namespace() {
    let akn_head = akn(&every_construct());
    let undoc_head = EVERY_CONSTRUCT;
    assert!(read::akn::looks_like(akn_head.as_bytes()));
    assert!(!read::xml::looks_like(akn_head.as_bytes()));
    assert!(read::xml::looks_like(undoc_head.as_bytes()));
    assert!(!read::akn::looks_like(undoc_head.as_bytes()));
    let dir = tempfile::tempdir().expect("temp dir");
    let misnamed = dir.path().join("report.bin");
    std::fs::write(&misnamed, &akn_head).expect("write");
    let (_, stdout, stderr) = common::run(&["validate", misnamed.to_str().expect("path")]);
    let output = format!("{stdout}{stderr}");
    assert!(
        output.contains("rename it with the suffix .akn.xml"),
        "{output}"
    );
    let wrong_reader = dir.path().join("report.xml");
    std::fs::write(&wrong_reader, &akn_head).expect("write");
    let (_, stdout, stderr) = common::run(&["validate", wrong_reader.to_str().expect("path")]);
    let output = format!("{stdout}{stderr}");
    assert!(
        output.contains("which undoc reads when its name ends in .akn.xml"),
        "{output}"
    );
    assert!(
        !output.contains("UND020"),
        "no schema errors repeat it: {output}"
    );
}

/// A sample's AKN with a schema error (a foreign element in the body) and a
/// rule error (paragraph 2 numbered 7), and the lines of both.
fn broken_akn() -> (String, u32, u32) {
    let (_, doc) = sample_docs()
        .into_iter()
        .find(|(p, _)| p.ends_with("report-en.txt"))
        .expect("sample");
    let xml = akn(&doc)
        .replacen("<num>2.</num>", "<num>7.</num>", 1)
        .replacen("<mainBody>", "<mainBody>\n      <bogus/>", 1);
    let line_of = |needle: &str| {
        xml.lines()
            .position(|l| l.contains(needle))
            .expect("present") as u32
            + 1
    };
    let (schema_line, rule_line) = (line_of("<bogus/>"), line_of(r#"eId="para_2""#));
    (xml, schema_line, rule_line)
}

#[test]
fn validate_checks_akn_sources_at_their_lines_in_every_format() {
    let (xml, schema_line, rule_line) = broken_akn();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.akn.xml");
    std::fs::write(&file, &xml).expect("write");
    let (exit, found) = common::validate_json(&file);
    assert_eq!(exit, 1);
    assert!(found.contains(&(schema_line, "UND021".into())), "{found:?}");
    assert!(found.contains(&(rule_line, "UND030".into())), "{found:?}");
    if let Some(xmllint) = common::tool("xmllint") {
        assert_eq!(xmllint_first_error(&xmllint, &xml), Some(schema_line));
    }
    let path = file.to_str().expect("path");
    for (format, marks) in [
        (
            "human",
            [
                format!("broken.akn.xml:{schema_line}:"),
                format!("broken.akn.xml:{rule_line}:"),
            ],
        ),
        (
            "junit",
            [
                format!("broken.akn.xml:{schema_line}:"),
                format!("broken.akn.xml:{rule_line}:"),
            ],
        ),
        (
            "sarif",
            [
                format!("\"startLine\": {schema_line}"),
                format!("\"startLine\": {rule_line}"),
            ],
        ),
        (
            "github",
            [format!("line={schema_line},"), format!("line={rule_line},")],
        ),
    ] {
        let (exit, stdout, stderr) = common::run(&["validate", "--format", format, path]);
        assert_eq!(exit, 1, "{format}");
        let output = format!("{stdout}{stderr}");
        for mark in marks {
            assert!(output.contains(&mark), "{format}: {mark} not in\n{output}");
        }
    }
}

#[test]
fn real_akn_documents_are_read_and_what_the_model_cannot_hold_is_reported() {
    let xmllint = common::tool("xmllint");
    let dir = common::root().join("tests/fixtures/akn");
    for name in ["ssi-2017-126.akn.xml", "asp-2017-1.akn.xml"] {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).expect("fixture");
        assert!(engine().validate(&text).is_empty(), "{name}");
        if let Some(xmllint) = &xmllint {
            assert_eq!(xmllint_first_error(xmllint, &text), None, "{name}");
        }
        let outcome = common::read_file(&path);
        let doc = outcome.document.expect("the document is read");
        eprintln!("{name}: what the model cannot hold:");
        for d in &outcome.diagnostics {
            assert_eq!(d.code, Code::AknUnheld, "{d:?}");
            eprintln!("  line {}: {}", d.span.line, d.message);
        }
        assert!(
            outcome
                .diagnostics
                .iter()
                .any(|d| d.message.contains("<act>"))
        );
        assert!(
            !undoc::model::plain_text(&doc.title.value).is_empty(),
            "{name}: a title"
        );
        assert_eq!(doc.lang, Lang::En);
        let tables = count_tables(&doc);
        assert!(tables >= 1, "{name}: {tables} tables");
        assert!(!doc.paragraphs().is_empty(), "{name}: paragraphs");
    }
    let ssi = common::read_file(&dir.join("ssi-2017-126.akn.xml"))
        .document
        .expect("ssi");
    assert_eq!(
        ssi.footnotes.iter().map(|f| f.n).collect::<Vec<_>>(),
        (1..=11).collect::<Vec<_>>()
    );
}

fn count_tables(doc: &Document) -> usize {
    fn walk(blocks: &[undoc::model::Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                undoc::model::Block::Table(_) => 1,
                undoc::model::Block::Chapter(d) | undoc::model::Block::Section(d) => {
                    walk(&d.blocks)
                }
                _ => 0,
            })
            .sum()
    }
    walk(&doc.body) + doc.annexes.iter().map(|a| walk(&a.blocks)).sum::<usize>()
}

#[test]
fn hostile_akn_is_refused_without_panic() {
    let xml = akn(&every_construct());
    let code = |source: &str| {
        let outcome = read_akn(source);
        assert!(outcome.document.is_none(), "refused");
        outcome.diagnostics.first().map(|d| d.code)
    };
    let doctype = xml.replacen(
        "<akomaNtoso",
        "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><akomaNtoso",
        1,
    );
    assert_eq!(code(&doctype), Some(Code::ForbiddenXml));
    let deep = format!("{}{}", "<p>".repeat(80), "</p>".repeat(80));
    let nested = xml.replacen("<p>", &format!("<p>{deep}"), 1);
    assert_eq!(code(&nested), Some(Code::ForbiddenXml));
    let entity = xml.replacen("<p>", "<p>&x;", 1);
    assert_eq!(code(&entity), Some(Code::ForbiddenXml));
    let undeclared = xml.replacen("<p>", "<q:p>", 1);
    assert_eq!(code(&undeclared), Some(Code::MalformedXml));
    // Every cut of the file ends in a document or diagnostics, never a panic.
    for cut in (0..xml.len())
        .step_by(53)
        .filter(|&i| xml.is_char_boundary(i))
    {
        let outcome = read_akn(&xml[..cut]);
        assert!(outcome.document.is_some() || !outcome.diagnostics.is_empty());
    }
    // So does a document stripped of each kind of element in turn.
    for element in ["meta", "coverPage", "preface", "mainBody", "num", "content"] {
        let stripped = strip_elements(&xml, element);
        let outcome = read_akn(&stripped);
        assert!(
            outcome.document.is_some() || !outcome.diagnostics.is_empty(),
            "{element}"
        );
    }
}

/// `xml` without any `<element …>…</element>` (not nested in itself).
fn strip_elements(xml: &str, element: &str) -> String {
    let (open, close) = (format!("<{element}"), format!("</{element}>"));
    let mut out = String::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        if !after.starts_with(['>', ' ']) {
            out.push_str(&rest[..at + open.len()]);
            rest = after;
            continue;
        }
        let Some(end) = rest[at..].find(&close) else {
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + end + close.len()..];
    }
    out.push_str(rest);
    out
}
