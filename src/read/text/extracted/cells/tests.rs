//! Raw tables' grids from their cells in pdftotext's order, one cell a
//! line: the leftovers after the last figures (the stub's heading, a
//! row's label, a spanning heading) set back only when they fit exactly.

use super::super::grid::Grid;
use super::super::pages::split;
use super::{
    Cells, continued_rows, grid_first_label_after, grid_of_wrapped_cells, grid_with_late_header,
    rebuild,
};

/// The cells as raw text sets them: one a line, a blank line between.
fn raw(cells: &[&str]) -> String {
    cells.iter().map(|c| format!("{c}\n\n")).collect()
}

/// The grid of the first reading of `cells` that fits, in the order the
/// table finder tries them.
fn any_reading(cells: &[&str]) -> Option<Grid> {
    let lines = Cells::of(&split(&raw(cells)));
    rebuild(&lines)
        .or_else(|| grid_first_label_after(&lines))
        .or_else(|| grid_of_wrapped_cells(&lines))
        .or_else(|| grid_with_late_header(&lines))
        .map(|(grid, _)| grid)
}

/// Asserts the grid rebuilt from `cells`: its header and body rows.
fn assert_table(cells: &[&str], head: &[&str], body: &[&[&str]]) {
    let grid = any_reading(cells).expect("a clear grid");
    assert_eq!(grid.head, head);
    assert_eq!(grid.body, body);
}

/// Asserts that no reading of `cells` gives a grid: the table stays a block.
fn assert_kept(cells: &[&str]) {
    let found = any_reading(cells);
    assert!(found.is_none(), "{found:?}");
}

/// A table whose stub heading (`Type of offence`) pdftotext gives after
/// the rows, before the total's label.
const STUB_HEADING_AFTER: &[&str] = &[
    "Cases",
    "Convictionsa",
    "Wildlife trafficking",
    "412",
    "97",
    "Illegal logging",
    "276",
    "58",
    "Illegal fishing",
    "189",
    "41",
    "Waste trafficking",
    "93",
    "22",
    "970",
    "218",
    "Type of offence",
    "Total",
];

#[test]
fn the_stub_heading_after_the_rows_goes_back_to_the_header() {
    assert_table(
        STUB_HEADING_AFTER,
        &["Type of offence", "Cases", "Convictionsa"],
        &[
            &["Wildlife trafficking", "412", "97"],
            &["Illegal logging", "276", "58"],
            &["Illegal fishing", "189", "41"],
            &["Waste trafficking", "93", "22"],
            &["Total", "970", "218"],
        ],
    );
}

/// Asserts that `cells` give the rows `body` under one heading across
/// the table holding every header cell's words in the order read.
fn assert_header_joined(cells: &[&str], words: &str, body: &[&[&str]]) {
    let grid = any_reading(cells).expect("a clear grid");
    assert!(grid.head_joined, "{grid:?}");
    let columns = body[0].len();
    let mut head = vec!["<"; columns];
    head[0] = words;
    assert_eq!(grid.head, head);
    assert_eq!(grid.body, body);
}

#[test]
fn two_labels_after_the_rows_under_a_header_with_its_stub_heading_join_the_header() {
    // The stub has its heading: the leftover that is no total's label
    // cannot be placed in a column, so the header is kept as one heading.
    let body: &[&[&str]] = &[
        &["Wildlife trafficking", "412", "97"],
        &["Illegal logging", "276", "58"],
        &["Illegal fishing", "189", "41"],
        &["Waste trafficking", "93", "22"],
        &["Total", "970", "218"],
    ];
    let mut cells = vec!["Offence"];
    cells.extend_from_slice(STUB_HEADING_AFTER);
    assert_header_joined(&cells, "Offence Cases Convictionsa Type of offence", body);
    // Three labels after the rows for two places: the same.
    let mut cells = STUB_HEADING_AFTER.to_vec();
    cells.push("All offences");
    assert_header_joined(
        &cells,
        "Cases Convictionsa Type of offence All offences",
        body,
    );
}

/// A table whose header of two rows pdftotext gives partly after the
/// rows, as it reads a table with a heading's label hung in the margin
/// under it: the total's label, then a lower heading and a spanning one.
const HEADER_AFTER: &[&str] = &[
    "Expenditure",
    "Source of funds",
    "2024",
    "Amount",
    "Percentage",
    "Regular budget",
    "18.2",
    "19.0",
    "0.8",
    "4.4",
    "Extrabudgetary resources",
    "346.2",
    "412.0",
    "65.8",
    "19.0",
    "364.4",
    "431.0",
    "66.6",
    "18.3",
    "Total",
    "2022",
    "Change",
];

#[test]
fn header_cells_after_the_rows_are_kept_as_one_heading_across_the_table() {
    assert_header_joined(
        HEADER_AFTER,
        "Expenditure Source of funds 2024 Amount Percentage 2022 Change",
        &[
            &["Regular budget", "18.2", "19.0", "0.8", "4.4"],
            &["Extrabudgetary resources", "346.2", "412.0", "65.8", "19.0"],
            &["Total", "364.4", "431.0", "66.6", "18.3"],
        ],
    );
    // In Russian, the total's label among the leftovers is told by its word.
    let russian: Vec<&str> = HEADER_AFTER
        .iter()
        .map(|&c| if c == "Total" { "Итого" } else { c })
        .collect();
    let grid = any_reading(&russian).expect("a clear grid");
    assert_eq!(grid.body[2][0], "Итого");
}

#[test]
fn leftovers_that_no_header_can_hold_keep_the_table_a_block() {
    fn with(from: &str, to: &'static str) -> Vec<&'static str> {
        HEADER_AFTER
            .iter()
            .map(|&c| if c == from { to } else { c })
            .collect()
    }
    // No leftover is a total's label: which is the last row's is not told.
    assert_kept(&with("Total", "All sources"));
    // A sentence after the rows is the text's, not a heading.
    assert_kept(&with("Change", "Figures are rounded."));
    // A leftover naming a row: the rows were read amiss.
    assert_kept(&with("Change", "Regular budget"));
    // More leftovers than columns.
    let mut cells = HEADER_AFTER.to_vec();
    cells.extend(["Spent", "Planned", "Variance"]);
    assert_kept(&cells);
    // Rows labelled alike stand in groups: the leftovers may be the
    // groups' headings.
    assert_kept(&with("Extrabudgetary resources", "Regular budget"));
}

/// The body rows of the participation tables below, however their header
/// comes.
const PARTICIPANTS: &[&[&str]] = &[
    &["Member States", "112", "9", "46", "5"],
    &["Intergovernmental organizations", "7", "4", "3", "2"],
    &["Non-governmental organizations", "–", "6", "–", "4"],
];

/// A table with a header of two rows whose first row's label and second
/// spanning heading pdftotext gives after the rows.
fn first_label_after(spanning: &[&'static str]) -> Vec<&'static str> {
    let mut cells = vec![
        "In person",
        "Category",
        "Experts",
        "Observers",
        "Experts",
        "Observers",
        "112",
        "9",
        "46",
        "5",
        "Intergovernmental organizations",
        "7",
        "4",
        "3",
        "2",
        "Non-governmental organizations",
        "–",
        "6",
        "–",
        "4",
        "Member States",
    ];
    cells.extend_from_slice(spanning);
    cells
}

#[test]
fn the_first_rows_label_after_the_rows_comes_back_with_a_spanning_heading() {
    assert_table(
        &first_label_after(&["Online"]),
        &[
            "Category",
            "Experts",
            "Observers",
            "Experts",
            "Online In person Observers",
        ],
        PARTICIPANTS,
    );
}

#[test]
fn a_label_after_the_rows_without_a_heading_or_with_two_is_kept() {
    // Without a spanning heading after the rows, the last label before
    // the figures is the first row's, and the one after has no place.
    assert_kept(&first_label_after(&[]));
    // Two leftovers beyond the row's label: more than a header of two
    // rows over four columns can lack.
    assert_kept(&first_label_after(&["Online", "Other"]));
}

/// The cells of a table's part on a new page, under a header of three
/// columns.
fn continued(cells: &[&str]) -> Option<Vec<Vec<String>>> {
    let head: Vec<String> = ["Region", "Projects", "Areaa"].map(String::from).to_vec();
    continued_rows(&head, cells.iter().map(|c| c.to_string()).collect(), 2)
}

#[test]
fn a_tables_part_on_a_new_page_gives_whole_rows_under_its_repeated_header() {
    let rows = [["West Asiab", "2", "95"], ["Total", "30", "2 615"]];
    // Stub column first, the header repeated around it.
    let stub_first = [
        "Region",
        "West Asiab",
        "Total",
        "Projects",
        "Areaa",
        "2",
        "95",
        "30",
        "2 615",
    ];
    assert_eq!(continued(&stub_first).expect("whole rows"), rows);
    // Row by row, without the header.
    let row_by_row = ["West Asiab", "2", "95", "Total", "30", "2 615"];
    assert_eq!(continued(&row_by_row).expect("whole rows"), rows);
}

#[test]
fn a_tables_part_on_a_new_page_without_whole_rows_is_not_taken() {
    // Three labels for two rows' figures; a row one figure short.
    assert!(
        continued(&[
            "Region",
            "West Asia",
            "Gulf",
            "Total",
            "2",
            "95",
            "30",
            "2 615"
        ])
        .is_none()
    );
    assert!(continued(&["West Asia", "2", "95", "Total", "30"]).is_none());
}

/// A table whose header cells and row labels are wrapped over two lines
/// (`wrap` between the lines: a line break within a cell, a blank line
/// between cells), its stub heading given after the rows.
fn wrapped(wrap: &str) -> Vec<String> {
    [
        "In person|Experts",
        "In person|Observers",
        "Online|Experts",
        "Online|Observers",
        "Member States",
        "112",
        "9",
        "46",
        "5",
        "Intergovernmental|organizations",
        "7",
        "4",
        "3",
        "2",
        "Non-governmental|organizations",
        "–",
        "6",
        "–",
        "4",
        "Category",
    ]
    .map(|c| c.replace('|', wrap))
    .to_vec()
}

#[test]
fn a_cells_lines_without_a_blank_line_between_are_one_wrapped_cell() {
    let cells = wrapped("\n");
    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
    assert_table(
        &cells,
        &[
            "Category",
            "In person Experts",
            "In person Observers",
            "Online Experts",
            "Online Observers",
        ],
        PARTICIPANTS,
    );
}

#[test]
fn lines_apart_by_a_blank_line_are_not_joined_into_one_cell() {
    // Each line its own block: a group heading over a row, say, whose
    // figures' place the order does not tell.
    let cells = wrapped("\n\n");
    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
    assert_kept(&cells);
}
