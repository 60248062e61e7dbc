//! Where layout tables begin and end, on small pages built here: a table
//! going on over pages (its header repeated, a description cell alone),
//! and the next table after a table's notes or under a title of its own.

use super::super::pages::split;
use super::{Piece, find, opens_raw_heading};

/// The tables found in layout text (pages apart by form feeds), each as
/// its rows' first words.
fn tables(text: &str) -> Vec<Vec<String>> {
    let lines = split(text);
    let vocab = super::super::hyphen::Vocabulary::new(&lines);
    let pieces = find(
        lines,
        (true, 80),
        (&super::super::contents::Titles::default(), &vocab),
        &mut Vec::new(),
        &mut Vec::new(),
    );
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Table(b) => Some(
                b.rows
                    .iter()
                    .filter(|l| !l.is_blank())
                    .map(|l| l.trimmed().split("  ").next().unwrap_or("").to_string())
                    .collect(),
            ),
            Piece::Line(_) => None,
        })
        .collect()
}

#[test]
fn a_table_goes_on_over_pages_with_its_description_column_alone() {
    // The header is set far right, over the figures: the rows' margin is
    // the row labels', so the description column counts as inside.
    let text = "\
(Thousands of United States dollars)

                                                           Estimated    Realized
        Budget class             Description of the              (1)         (2)

        Military                 Reduced deployment                –     3 065.8
        Facilities               Solar power: installing     1 502.9       166.5
                                 plants in 3 camps;
                                 returning animals;




                                 remediating soil
\u{c}
                                                           Estimated    Realized
        Budget class             Description of the              (1)         (2)

                                 Recycling: metals and
                                 glass; composting
        Medical                  Troops hospital                   –       216.4

        1. The next paragraph follows the table.
";
    let found = tables(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].iter().any(|r| r == "remediating soil"));
    assert!(found[0].iter().any(|r| r == "Recycling: metals and"));
}

#[test]
fn a_notes_letter_or_a_title_over_a_new_header_ends_a_table() {
    let text = "\
Category                                          Total

I.   Military observers
     Approved 2024/25                               135
     Proposed 2026/27                               135
 a
     Funded under general temporary assistance.

Component 2: support

                                 International   National
Civilian staff                           staff      staff

     Approved posts                          1          4
     Proposed posts                          2          5


Component 3: military

Category                                          Total

     Approved 2024/25                               218
     Proposed 2026/27                               218
";
    let found = tables(text);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(
        found[0].last().map(String::as_str),
        Some("Proposed 2026/27")
    );
    assert_eq!(found[1].last().map(String::as_str), Some("Proposed posts"));
}

#[test]
fn a_text_table_goes_on_where_the_next_page_repeats_its_header() {
    let text = "\
Decision/request                          Action taken to implement decision/request


Requests the Secretary-General to         As at 31 December 2025, 14 of the 15
improve comprehensive oversight           recommendations were implemented.



\u{c}

Decision/request                          Action taken to implement decision/request


Requests that future budget proposals     The mission support ratio in the
demonstrate the scalability of support    2025/26 period is 444.9.
";
    let found = tables(text);
    assert_eq!(found.len(), 1, "{found:?}");
}

/// A table of one value column under a caption and title set far right of
/// the row labels (centred, or flush right in right-to-left text), with
/// the given line between the title and the column's heading.
fn captioned_far_right(units: &str) -> String {
    format!(
        "\
The posts of the office are set out below, by category of staff.
                          Table 3
                          Posts by category of staff
                          {units}
                                          Approved

Professional and higher                        120
General Service                                 80
Total                                          200
"
    )
}

#[test]
fn a_caption_and_title_set_far_right_are_not_header_cells() {
    // Indented like the column's heading, the caption, title and units
    // line are the table's head: the header begins under the units line.
    let found = tables(&captioned_far_right("(Number of posts)"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0][0], "Approved", "{found:?}");
    // A heading's period (`(2024/25)`) is not a units line: it stays in
    // the header, which begins under the title.
    let found = tables(&captioned_far_right("(2024/25)"));
    assert_eq!(found[0][..2], ["(2024/25)", "Approved"], "{found:?}");
}

#[test]
fn a_lone_number_with_a_short_line_and_a_paragraph_after_it_is_a_heading() {
    // Raw text: a table's total, then the next subsection's heading, its
    // label alone on a line, then its first paragraph.
    let lines = split(
        "Total\n\n2.\n\nExtrabudgetary resources\n15. Several innovative financing approaches have emerged.\n",
    );
    assert!(opens_raw_heading(&lines, 2, 80));
    // A figure `2.` with a row label and that row's figures after it is a cell.
    let lines = split("Total\n\n2.\n\nExtrabudgetary resources\n\n346.2\n\n412.0\n");
    assert!(!opens_raw_heading(&lines, 2, 80));
}

#[test]
fn a_heading_over_prose_that_introduces_the_next_table_is_not_a_row() {
    // A/80/614: `Human resources` with its note letter, then a sentence
    // ending `as follows:` over the next table's header.
    let text = "\
 Category                                   apportionment    expenditure

 Military and police personnel                121 382.1      135 366.5
       Total requirements                     297 776.2      296 804.1


                    Human resources a
                          The proposed budget provides for the deployment of uniformed personnel and
                    civilian staff as follows:

                                                             United     Formed        Total
 Approved 2024/25                                              135        492          627
";
    let found = tables(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[0].last().map(String::as_str),
        Some("Total requirements")
    );
    assert!(
        !found.concat().iter().any(|r| r.contains("Human")),
        "{found:?}"
    );
}
