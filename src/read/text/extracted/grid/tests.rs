//! The layout grid on lines built here as pdftotext -layout sets them:
//! labels wrapped, right-to-left tables, squeezed tables whose columns
//! drift, tables over pages placed anew, figures run together.

use super::*;
use crate::read::text::extracted::pages::split;

/// The body rows' labels (the stub column), in order.
fn row_labels(grid: &Grid) -> Vec<&str> {
    grid.body.iter().map(|r| r[0].as_str()).collect()
}

#[test]
fn years_and_words_with_figures_are_not_values() {
    assert!(is_value("22.6") && is_value("(1 336.4)") && is_value("–"));
    assert!(!is_value("2022年") && !is_value("2024") && !is_value("金额2022年"));
    // Staff grades head a staffing table's columns; a bracketed number
    // in a row is a decrease.
    assert!(!is_value("D-1") && !is_value("P-5–") && !is_value("GS-6"));
    assert!(is_value("12-15") && is_value("3-4a"));
    assert_eq!(
        cells("Net change   – (17)   (3)")
            .iter()
            .map(|c| c.text)
            .collect::<Vec<_>>(),
        ["Net change", "–", "(17)", "(3)"]
    );
}

#[test]
fn a_label_wrapped_before_a_capital_is_one_row_and_a_heading_stays_apart() {
    let rows = split(concat!(
        "Origine                                                  Première   Deuxième\n",
        "États                                                          24         31\n",
        "Organisations intergouvernementales et entités des Nations\n",
        "Unies                                                           6          9\n",
        "Institutions nationales des droits de l'homme et société\n",
        "civile                                                         19         27\n",
        "Europe\n",
        "Amérique latine                                                 4          5\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    let labels = row_labels(&grid);
    assert_eq!(
        labels,
        [
            "États",
            "Organisations intergouvernementales et entités des Nations Unies",
            "Institutions nationales des droits de l'homme et société civile",
            "Europe",
            "Amérique latine",
        ]
    );
}

#[test]
fn a_right_to_left_table_is_read_mirrored_with_its_raised_mark_on_its_label() {
    // As pdftotext -layout sets it (direction marks out): figures at
    // the left, labels at the right, a note letter raised onto the
    // figures' line and its label alone on the next.
    let rows = split(concat!(
        "2023a      2015                                          المنطقة\n",
        "19         17                                            أفريقيا\n",
        "44         40                                     الدول العربية\n",
        "54         44                                 b\n",
        "                                         آسيا والمحيط الهادئ\n",
        "52         45                                              العالم\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(grid.head, ["المنطقة", "2015", "2023a"]);
    assert_eq!(
        grid.body,
        [
            ["أفريقيا", "17", "19"],
            ["الدول العربية", "40", "44"],
            ["آسيا والمحيط الهادئ b", "44", "54"],
            ["العالم", "45", "52"],
        ]
    );
}

#[test]
fn right_to_left_labels_whose_right_edges_drift_are_the_stub() {
    // As pdftotext -layout sets Arabic: the labels, flush right, end
    // seven columns apart; figures keep their columns.
    let rows = split(concat!(
        "النسبة المئوية              المبلغ    2024      2020                                                          فئة البلدان\n",
        "20,5                        16        94        78                                          البلدان المنخفضة الدخل\n",
        "10,8                        39        401       362                        البلدان المتوسطة الدخل من الشريحة الدنيا\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(
        grid.head,
        ["فئة البلدان", "2020", "2024", "المبلغ", "النسبة المئوية"]
    );
    let labels = row_labels(&grid);
    assert_eq!(
        labels,
        [
            "البلدان المنخفضة الدخل",
            "البلدان المتوسطة الدخل من الشريحة الدنيا"
        ]
    );
}

#[test]
fn two_figures_one_space_apart_are_two_cells_and_a_thousands_space_is_not() {
    // As pdftotext -layout closes a narrow gap between a share and
    // the next amount (A/80/600, A/80/614).
    let rows = split(concat!(
        "                                      2024/25 variance         2026/27 variance\n",
        "\n",
        "International staff                   $426.1         2.5% ($2 033.4)    (11.2%)\n",
        "Air operations                      $1 555.9         7.7%  ($1 750.0) (9.8%)\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    // Each period's heading spans its amount and its share.
    assert_eq!(
        grid.head,
        ["", "2024/25 variance", "<", "2026/27 variance", "<"]
    );
    assert_eq!(
        grid.body,
        [
            [
                "International staff",
                "$426.1",
                "2.5%",
                "($2 033.4)",
                "(11.2%)"
            ],
            ["Air operations", "$1 555.9", "7.7%", "($1 750.0)", "(9.8%)"],
        ]
    );
    // Words with figures stay one cell.
    let rows = split("Post           Count\nP-3 (2 posts)      4\nP-4 (1 post)       2\n");
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(grid.body[0], ["P-3 (2 posts)", "4"]);
}

#[test]
fn a_squeezed_table_is_read_by_its_cells_order_and_its_stacked_headings_apart() {
    // As pdftotext -layout sets a wide table (A/80/600): the last
    // columns drift by rows, three figures run together, two headings
    // one space apart under a stacked header; a dash off its column.
    let rows = split(concat!(
        "                                                  Variance\n",
        "                            2024/25       Unencumbered                     2025/26        2026/27\n",
        " Category             apportionment            balance      Percentage apportionment      estimates\n",
        "\n",
        " Military personnel         7 425.1            (895.4)          (12.1)        8 879.5        7 064.6\n",
        " Civilian personnel        25 334.7              177.2             0.7        26 196.6 23 620.3\n",
        " Operational costs         36 031.3            4 776.9            13.3          35 618.0 32 024.4\n",
        " Voluntary contributions in kind\n",
        " (budgeted)                   519.0              302.0            58.2          519.0            –\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(
        grid.head,
        [
            "Category",
            "2024/25 apportionment",
            "Variance Unencumbered balance",
            "Percentage",
            "2025/26 apportionment",
            "2026/27 estimates"
        ]
    );
    assert_eq!(
        grid.body,
        [
            [
                "Military personnel",
                "7 425.1",
                "(895.4)",
                "(12.1)",
                "8 879.5",
                "7 064.6"
            ],
            [
                "Civilian personnel",
                "25 334.7",
                "177.2",
                "0.7",
                "26 196.6",
                "23 620.3"
            ],
            [
                "Operational costs",
                "36 031.3",
                "4 776.9",
                "13.3",
                "35 618.0",
                "32 024.4"
            ],
            [
                "Voluntary contributions in kind (budgeted)",
                "519.0",
                "302.0",
                "58.2",
                "519.0",
                "–"
            ],
        ]
    );
    // Drifting columns with a row a cell short fit neither by edges
    // nor by order: no grid.
    let short = split(concat!(
        " Category             apportionment            balance      Percentage apportionment\n",
        " Military personnel         7 425.1            (895.4)          (12.1)        8 879.5\n",
        " Civilian personnel        25 334.7              177.2             0.7 26 196.6\n",
        " Operational costs         36 031.3            4 776.9          35 618.0\n",
    ));
    assert!(rebuild(&short).is_none());
}

#[test]
fn a_table_whose_next_page_sets_its_columns_apart_is_read_in_order_or_not_at_all() {
    // As pdftotext -layout places each page anew (A/80/614): the second
    // page's columns stand four places right of the first's, and a
    // dash runs into the total.
    let page = |shift: usize, rows: &[(&str, [&str; 3])]| -> String {
        rows.iter()
            .map(|(label, v)| {
                format!(
                    "{label:<22}{:>w$}{:>10}{:>10}\n",
                    v[0],
                    v[1],
                    v[2],
                    w = 8 + shift
                )
            })
            .collect()
    };
    let first = page(0, &[("Approved 2024/25", ["135", "–", "3 115"])]);
    let second =
        page(4, &[("Actual 2024/25", ["126", "–", "3 112"])]).replace("–     3 112", "– 3 112");
    let rows = split(&format!("{first}\u{c}{second}"));
    let grid = rebuild(&rows).expect("read in order");
    assert_eq!(
        grid.body,
        [
            ["Approved 2024/25", "135", "–", "3 115"],
            ["Actual 2024/25", "126", "–", "3 112"],
        ]
    );
    // A row a cell short, its page set twelve places right: not in
    // order, and by edges its first figure would join the dash's
    // column: the two pages give more columns than any line has cells.
    let short = page(12, &[("Actual 2024/25", ["126", "", "3 112"])]);
    let rows = split(&format!("{first}\u{c}{short}"));
    assert!(rebuild(&rows).is_none());
}

#[test]
fn a_page_set_further_right_keeps_its_indented_total_in_the_stub() {
    // As pdftotext -layout sets undoc's own Chinese table over two
    // pages: the second page five places right, its total indented.
    let rows = split(concat!(
        "     区域                  项目数      恢复面积\n",
        "     非洲                      14       1 250\n",
        "     亚洲及太平洋                9         860\n",
        "\u{c}          区域                      项目数          恢复面积\n",
        "          西亚                          2              95\n",
        "               共计                    30           2 615\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(grid.head, ["区域", "项目数", "恢复面积"]);
    assert_eq!(
        grid.body,
        [
            ["非洲", "14", "1 250"],
            ["亚洲及太平洋", "9", "860"],
            ["西亚", "2", "95"],
            ["共计", "30", "2 615"],
        ]
    );
}

#[test]
fn a_total_run_together_alone_on_a_page_set_apart_comes_apart() {
    // As pdftotext -layout sets undoc's own French table over two pages:
    // the second holds the repeated header and the bold total row only,
    // its figures run together and its page set four places right.
    let rows = split(concat!(
        "                                                                                              Deuxième                Deuxième\n",
        "             Adoption du rapport                                                Pourcentage     session   Variation    sessiona\n",
        "\n",
        "             Organisations intergouvernementales et entités des Nations Unies      63 534      28 802     79 839       14 888\n",
        "             Organisations non gouvernementales                                    36 778      47 435     79 167       12 423\n",
        "             États non membres observateurs                                        10 484      36 923     84 462       28 369\n",
        "\u{c}                                                                                               Deuxième                 Deuxième\n",
        "                 Adoption du rapport                                             Pourcentage     session   Variation     sessiona\n",
        "\n",
        "                       Total                                                       436 831     482 304 452 633          482 353\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(
        grid.body.last().expect("rows"),
        &["Total", "436 831", "482 304", "452 633", "482 353"]
    );
}

#[test]
fn a_header_repeated_with_other_spacing_is_dropped() {
    let rows = split(
        "区域                  项目数     恢复面积\n非洲                      14       1 250\n\u{c}区域              项目数               恢复面积\n西亚                       2          95\n",
    );
    let grid = rebuild(&rows).expect("a clear grid");
    let labels = row_labels(&grid);
    assert_eq!(labels, ["非洲", "西亚"]);
}

#[test]
fn amounts_one_space_apart_are_split_where_a_column_ends() {
    // pdftotext closed the gap between two amounts of the total row; the
    // other rows' cells end where each should.
    let rows = split(concat!(
        "Participation                        Nombre Pourcentage   Variation\n",
        "\n",
        "Organisations intergouvernementales  45 128     10 551    70 560\n",
        "États non membres observateurs        3 838     23 681    22 069\n",
        "    Total                           518 014    561 330 451 912\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(grid.body[2], ["Total", "518 014", "561 330", "451 912"]);
    // One amount whose groups end nowhere else stays whole.
    let rows = split(concat!(
        "Category          Amount     Share\n",
        "Posts          1 250 000        12\n",
        "Travel            82 000         3\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(grid.body[0], ["Posts", "1 250 000", "12"]);
    // A bold total row run together in two places, its figures drifting
    // from the columns' ends as bold glyphs do.
    let rows = split(concat!(
        "Conclusions                          Participants   Variation   Dont femmes   Nombre
",
        "
",
        "États non membres observateurs             64 747      74 034        39 751    24 914
",
        "Organisations intergouvernementales        70 735      45 828        13 657    25 708
",
        "Institutions nationales                    51 019       6 884        38 697    63 383
",
        "      Total                               746 900 566 395          690 796 597 042
",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(
        grid.body[3],
        ["Total", "746 900", "566 395", "690 796", "597 042"]
    );
}

#[test]
fn amounts_cut_wrongly_at_the_edges_come_apart_by_their_groups() {
    // As pdftotext -layout sets undoc's own French table: the total row
    // runs three bold amounts together (`381 364 313 795 340 393`); the
    // groups ending nearest the columns' edges would cut it into `381
    // 364`, `313 795 340` and `393`, figures in the wrong columns. Every
    // other amount has two groups: so have these.
    let rows = split(concat!(
        "                    Débat général                                                      Pourcentage   Dont femmes   Nombre   Nombrea\n",
        "                    Institutions nationales des droits de l'homme et société civile       24 681         11 406    83 916   80 390\n",
        "                    États non membres observateurs                                        27 129            119    30 954   56 899\n",
        "                    États                                                                 70 870         88 571    38 349   72 152\n",
        "                    Organisations non gouvernementales                                    87 076         37 354    13 057   18 147\n",
        "                    Organisations intergouvernementales et entités des Nations Unies      63 787         67 888     7 266   37 640\n",
        "\u{c}               Débat général                                                      Pourcentage   Dont femmes   Nombre   Nombrea\n",
        "               États                                                                 75 138         88 421    37 633   37 380\n",
        "               Institutions nationales des droits de l'homme et société civile       82 906         40 098    17 639   31 252\n",
        "               Organisations intergouvernementales et entités des Nations Unies      49 618         47 507    84 981    6 533\n",
        "                     Total                                                          481 205       381 364 313 795 340 393\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(
        grid.body.last().expect("rows"),
        &["Total", "481 205", "381 364", "313 795", "340 393"]
    );
}

#[test]
fn a_body_row_alike_on_two_pages_is_kept() {
    // A staffing table's `Net change` row, the same figures for posts on
    // the first page and for all positions on the next: a row, not a
    // header repeated at the page's top.
    let rows = split(concat!(
        "                                          Posts     Positions\n",
        "Approved posts 2024/25                       14             –\n",
        "Approved temporary positions 2024/25          –             1\n",
        "Net change                                  (3)             –\n",
        "\u{c}Total, including temporary positions\n",
        "Approved 2024/25                             15             1\n",
        "Proposed 2026/27                             12             1\n",
        "Net change                                  (3)             –\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    let labels = row_labels(&grid);
    assert_eq!(
        labels,
        [
            "Approved posts 2024/25",
            "Approved temporary positions 2024/25",
            "Net change",
            "Total, including temporary positions",
            "Approved 2024/25",
            "Proposed 2026/27",
            "Net change",
        ]
    );
}

#[test]
fn a_staffing_header_squeezed_one_space_apart_falls_on_its_columns() {
    // As pdftotext -layout sets a staffing table's header (A/80/600): the
    // grades' words one space apart and narrower than the figures'
    // columns, the grade ranges stacked, the group headings on a line of
    // their own.
    let rows = split(concat!(
        "                                    International staff       National staff\n",
        "                                   USG– D-2–\n",
        "Civilian staff                      ASG D-1 FS Subtotal            NPO   Total\n",
        "     Approved posts 2024/25            1     2       3        6      9      15\n",
        "     Proposed posts 2026/27            1     2       3        6     10      16\n",
        "     Net change                        –     –       –        –      1       1\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(
        grid.head,
        [
            "Civilian staff",
            "USG–ASG",
            "D-2–D-1",
            "FS",
            "Subtotal",
            "NPO",
            "Total"
        ]
    );
    assert_eq!(
        grid.over,
        [["", "", "", "International staff", "", "National staff", ""]]
    );
    assert_eq!(grid.body[2], ["Net change", "–", "–", "–", "–", "1", "1"]);
}

#[test]
fn a_subtotal_run_into_its_total_comes_apart_where_net_change_rows_set_the_columns() {
    // As pdftotext -layout sets a staffing table's last columns (A/80/600,
    // support component): too narrow for two spaces, so most rows run the
    // subtotal into the total (`17 238`), and only the `Net change` rows,
    // a nil or decrease beside a decrease (`– (1)`), show four columns.
    let rows = split(concat!(
        "                                 Posts    Temp.    Subtotal Total\n",
        "Approved posts 2024/25                 1       2        17 238\n",
        "Proposed posts 2026/27                 1       2        14 217\n",
        "Net change                             –       –         – (1)\n",
        "Approved 2024/25                       1       3        17 239\n",
        "Proposed 2026/27                       1       3        14 218\n",
        "Net change                             –       –       (3) (3)\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(
        grid.body,
        [
            ["Approved posts 2024/25", "1", "2", "17", "238"],
            ["Proposed posts 2026/27", "1", "2", "14", "217"],
            ["Net change", "–", "–", "–", "(1)"],
            ["Approved 2024/25", "1", "3", "17", "239"],
            ["Proposed 2026/27", "1", "3", "14", "218"],
            ["Net change", "–", "–", "(3)", "(3)"],
        ]
    );
}

#[test]
fn a_label_indented_under_two_group_headings_is_the_stub() {
    // A vacancy-rate table (A/80/630): `National Professional Officers`
    // stands eleven places in, under `National staff` under `Civilian
    // personnel`, left of every figure; a text column's cells would not
    // start a row.
    let rows = split(concat!(
        "Category                                                  Proposed 2025/26   Proposed 2026/27\n",
        "Civilian personnel\n",
        "      International staff                                             75.0               30.0\n",
        "      National staff\n",
        "           National Professional Officers                             75.0               30.0\n",
        "           National General Service staff                             75.0               30.0\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(
        grid.body,
        [
            ["Civilian personnel", "", ""],
            ["International staff", "75.0", "30.0"],
            ["National staff", "", ""],
            ["National Professional Officers", "75.0", "30.0"],
            ["National General Service staff", "75.0", "30.0"],
        ]
    );
}

#[test]
fn headings_one_space_apart_past_their_edges_fall_on_their_columns() {
    // As pdftotext -layout sets a French table whose headings are longer
    // than its figures: one space between them, each ending a place or two
    // past its column's edge, so the second `Dont` is nearer the second
    // column's edge than the third's.
    let rows = split(concat!(
        "Documentation                      Dont femmes Contributions Dont femmes Dont femmes\n",
        "\n",
        "États                                    5 666       53 135      79 327      31 148\n",
        "Institutions nationales                 71 478       69 755       5 044      72 975\n",
        "Organisations non gouvernementales      59 718       31 524      46 242      18 882\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(
        grid.head,
        [
            "Documentation",
            "Dont femmes",
            "Contributions",
            "Dont femmes",
            "Dont femmes"
        ]
    );
    assert_eq!(grid.body[1][1], "71 478");
}

#[test]
fn a_row_label_set_apart_from_its_number_by_a_tab_is_one_label() {
    let rows = split(concat!(
        "Category                                                  Total\n",
        "\n",
        "I.   Military observers\n",
        "     Approved 2024/25                                       135\n",
        "     Net change                                               –\n",
        "II.  Military contingents\n",
        "     Approved 2024/25                                     3 115\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(grid.head, ["Category", "Total"]);
    let labels = row_labels(&grid);
    assert_eq!(
        labels,
        [
            "I. Military observers",
            "Approved 2024/25",
            "Net change",
            "II. Military contingents",
            "Approved 2024/25"
        ]
    );
    assert_eq!(grid.body[1][1], "135");
}

/// A budget's legislative history: labels that go on under their row's
/// figures after a dash, columns of symbols and dates set flush left (so
/// their right edges drift), an amount one space from the next period's
/// report, and a last row with amounts only.
#[test]
fn a_legislative_history_is_read_with_its_labels_going_on_under_their_figures() {
    let rows = split(concat!(
        "                                                          2024/25                                    2025/26\n",
        "\n",
        "                                 Report             Date                Amount Report           Date                Amount\n",
        "\n",
        "Proposed budget –                A/78/737           26 January 2024  301 237.4 A/79/741         21 January 2025  316 515.8\n",
        "Secretary-General\n",
        "Recommendation –                 A/78/744/Add.4     8 April 2024     300 936.2 A/79/724/Add.11  14 April 2025    313 120.9\n",
        "Advisory Committee\n",
        "on Administrative and\n",
        "Budgetary Questions\n",
        "Appropriation –                  A/RES/78/297       28 June 2024     297 776.2 A/RES/79/301     30 June 2025     309 120.9\n",
        "General Assembly\n",
        "Appropriation (net)                                                  293 392.6                                   304 089.0\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    assert_eq!(grid.head.len(), 7, "{:?}", grid.head);
    assert_eq!(grid.head[3], "Amount");
    assert_eq!(grid.head[4], "Report");
    assert_eq!(
        grid.body,
        [
            [
                "Proposed budget – Secretary-General",
                "A/78/737",
                "26 January 2024",
                "301 237.4",
                "A/79/741",
                "21 January 2025",
                "316 515.8"
            ],
            [
                "Recommendation – Advisory Committee on Administrative and Budgetary Questions",
                "A/78/744/Add.4",
                "8 April 2024",
                "300 936.2",
                "A/79/724/Add.11",
                "14 April 2025",
                "313 120.9"
            ],
            [
                "Appropriation – General Assembly",
                "A/RES/78/297",
                "28 June 2024",
                "297 776.2",
                "A/RES/79/301",
                "30 June 2025",
                "309 120.9"
            ],
            [
                "Appropriation (net)",
                "",
                "",
                "293 392.6",
                "",
                "",
                "304 089.0"
            ],
        ]
    );
}

/// A nil's dash run into a row's label (`Net change –`, its column empty)
/// is no label going on: the total's label under it heads its own rows.
#[test]
fn a_nil_dash_run_into_a_label_does_not_take_the_next_label() {
    let rows = split(concat!(
        "Category                               Approved     Proposed\n",
        "Approved posts                               12           14\n",
        "Net change –                                               2\n",
        "Total, including temporary positions\n",
        "Approved 2024/25                             13           15\n",
    ));
    let grid = rebuild(&rows).expect("a clear grid");
    let labels = row_labels(&grid);
    assert_eq!(
        labels,
        [
            "Approved posts",
            "Net change –",
            "Total, including temporary positions",
            "Approved 2024/25"
        ]
    );
}
