//! The six official languages' conventions, in one place: masthead words,
//! dates, how chapters, sections, paragraphs and list items are numbered, and
//! which script each language is written in.

use crate::model::{Date, ListKind};
use crate::script::Script;

/// One of the six official languages of the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Arabic (right-to-left).
    Ar,
    /// Chinese.
    Zh,
    /// English.
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

/// All six languages, in the UN's alphabetical (English) order.
pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Arabic chapter ordinals (`أولا` … `عشرون`), 1-based.
const AR_ORDINALS: [&str; 20] = [
    "أولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
    "حادي عشر",
    "ثاني عشر",
    "ثالث عشر",
    "رابع عشر",
    "خامس عشر",
    "سادس عشر",
    "سابع عشر",
    "ثامن عشر",
    "تاسع عشر",
    "عشرون",
];

/// Arabic section letter names in abjad order (`ألف`, `باء`, `جيم`, …).
const AR_SECTIONS: [&str; 28] = [
    "ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم",
    "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد",
    "ظاء", "غين",
];

/// Arabic subparagraph letters in abjad order (`أ`, `ب`, `ج`, …).
const AR_LETTERS: [&str; 28] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
];

const ZH_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

impl Lang {
    /// ISO 639-1 code, as in `xml:lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// Parses an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        ALL.into_iter().find(|l| l.code() == code)
    }

    /// ISO 639-2 (alpha-3, terminology) code, as Akoma Ntoso IRIs and
    /// `FRBRlanguage` write it.
    pub fn iso639_2(self) -> &'static str {
        match self {
            Lang::Ar => "ara",
            Lang::Zh => "zho",
            Lang::En => "eng",
            Lang::Fr => "fra",
            Lang::Ru => "rus",
            Lang::Es => "spa",
        }
    }

    /// Parses an ISO 639-2 code; the bibliographic forms `chi` and `fre` are
    /// accepted too.
    pub fn from_iso639_2(code: &str) -> Option<Lang> {
        match code {
            "chi" => Some(Lang::Zh),
            "fre" => Some(Lang::Fr),
            _ => ALL.into_iter().find(|l| l.iso639_2() == code),
        }
    }

    /// The language's English name (`Chinese`).
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::Ar => "Arabic",
            Lang::Zh => "Chinese",
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::Ru => "Russian",
            Lang::Es => "Spanish",
        }
    }

    /// The letter of this language in a job number: `26-04887 (E)`.
    pub fn job_letter(self) -> char {
        match self {
            Lang::Ar => 'A',
            Lang::Zh => 'C',
            Lang::En => 'E',
            Lang::Fr => 'F',
            Lang::Ru => 'R',
            Lang::Es => 'S',
        }
    }

    /// "United Nations" as the masthead prints it in this language.
    pub fn organization_name(self) -> &'static str {
        match self {
            Lang::Ar => "الأمم المتحدة",
            Lang::Zh => "联合国",
            Lang::En => "United Nations",
            Lang::Fr => "Nations Unies",
            Lang::Ru => "Организация Объединенных Наций",
            Lang::Es => "Naciones Unidas",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The language tag word processors use for text in this language
    /// (Word's `w:lang`): `ar-SA`, `zh-CN`, `en-GB`, `fr-FR`, `ru-RU`, `es-ES`.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Ar => "ar-SA",
            Lang::Zh => "zh-CN",
            Lang::En => "en-GB",
            Lang::Fr => "fr-FR",
            Lang::Ru => "ru-RU",
            Lang::Es => "es-ES",
        }
    }

    /// The tag of Latin-script text inside this version (symbols, names):
    /// the language's own tag, English in the Arabic and Chinese versions.
    pub fn latin_text_locale(self) -> &'static str {
        self.latin_text_lang().locale()
    }

    /// The language of Latin-script text inside this version: its own,
    /// English in the Arabic and Chinese versions.
    pub fn latin_text_lang(self) -> Lang {
        match self {
            Lang::Ar | Lang::Zh => Lang::En,
            other => other,
        }
    }

    /// Whether the template's letter spacing and width scaling of Latin
    /// text apply: not to joined Arabic script nor to fixed-pitch Chinese.
    pub fn takes_letter_spacing(self) -> bool {
        !matches!(self, Lang::Ar | Lang::Zh)
    }

    /// The font the DGACM template names for this language's own script
    /// beside Times New Roman: SimSun (East Asian) for Chinese, Simplified
    /// Arabic (complex script) for Arabic.
    pub fn script_font(self) -> Option<&'static str> {
        match self {
            Lang::Zh => Some("SimSun"),
            Lang::Ar => Some("Simplified Arabic"),
            _ => None,
        }
    }

    /// Recognises a language by any name a masthead or front matter may use:
    /// code, English name, the name in French or Spanish, or its own name.
    pub fn from_name(name: &str) -> Option<Lang> {
        let n = name.trim().trim_end_matches('.').to_lowercase();
        let n = n.as_str();
        let found = match n {
            "ar" | "arabic" | "arabe" | "árabe" | "العربية" | "арабский" => {
                Lang::Ar
            }
            "zh" | "chinese" | "chinois" | "chino" | "中文" | "китайский" => Lang::Zh,
            "en" | "english" | "anglais" | "inglés" | "ingles" | "английский" => {
                Lang::En
            }
            "fr" | "french" | "français" | "francais" | "francés" | "frances" | "французский" => {
                Lang::Fr
            }
            "ru" | "russian" | "russe" | "ruso" | "русский" => Lang::Ru,
            "es" | "spanish" | "espagnol" | "español" | "espanol" | "испанский" => {
                Lang::Es
            }
            _ => return None,
        };
        Some(found)
    }

    /// The version-language line under the date (`Chinese`, `Français`, `Español`).
    pub fn version_line(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Es => "Español",
            other => other.english_name(),
        }
    }

    /// The language's name as written in a masthead of language `version`
    /// (`English` in English-form mastheads, `anglais` in French, `inglés` in Spanish).
    pub fn name_in(self, version: Lang) -> &'static str {
        match version {
            Lang::Fr => match self {
                Lang::Ar => "arabe",
                Lang::Zh => "chinois",
                Lang::En => "anglais",
                Lang::Fr => "français",
                Lang::Ru => "russe",
                Lang::Es => "espagnol",
            },
            Lang::Es => match self {
                Lang::Ar => "árabe",
                Lang::Zh => "chino",
                Lang::En => "inglés",
                Lang::Fr => "francés",
                Lang::Ru => "ruso",
                Lang::Es => "español",
            },
            _ => self.english_name(),
        }
    }

    /// The masthead line saying which language the document was written in.
    pub fn original_line(self, original: Lang) -> String {
        let mut line = String::with_capacity(24);
        self.push_original_line(&mut line, original);
        line
    }

    /// [`Lang::original_line`] appended to `out`.
    pub fn push_original_line(self, out: &mut String, original: Lang) {
        out.push_str(if self == Lang::Fr {
            "Original : "
        } else {
            "Original: "
        });
        out.push_str(original.name_in(self));
    }

    /// The masthead's distribution line.
    pub fn distribution_line(self, distribution: crate::model::Distribution) -> String {
        let mut line = String::with_capacity(24);
        self.push_distribution_line(&mut line, distribution);
        line
    }

    /// [`Lang::distribution_line`] appended to `out`.
    pub fn push_distribution_line(
        self,
        out: &mut String,
        distribution: crate::model::Distribution,
    ) {
        use crate::model::Distribution::*;
        let (opening, word) = match (self, distribution) {
            (Lang::Fr, General) => ("Distr. ", "générale"),
            (Lang::Fr, Limited) => ("Distr. ", "limitée"),
            (Lang::Fr, Restricted) => ("Distr. ", "restreinte"),
            (Lang::Es, General) => ("Distr. ", "general"),
            (Lang::Es, Limited) => ("Distr. ", "limitada"),
            (Lang::Es, Restricted) => ("Distr. ", "reservada"),
            (_, d) => ("Distr.: ", d.as_str()),
        };
        out.push_str(opening);
        out.push_str(word);
    }

    /// The language the masthead's distribution, date and original lines are
    /// written in: English in Arabic, Chinese, English and Russian versions,
    /// the version's own language in French and Spanish.
    pub fn masthead_lang(self) -> Lang {
        match self {
            Lang::Fr | Lang::Es => self,
            _ => Lang::En,
        }
    }

    /// The masthead date: English form in Arabic, Chinese, English and Russian
    /// versions, localized in French and Spanish.
    pub fn masthead_date(self, date: Date) -> String {
        let mut line = String::with_capacity(24);
        self.push_masthead_date(&mut line, date);
        line
    }

    /// [`Lang::masthead_date`] appended to `out`.
    pub fn push_masthead_date(self, out: &mut String, date: Date) {
        let m = (date.month as usize).clamp(1, 12) - 1;
        let (month, between) = match self {
            Lang::Fr => (MONTHS_FR[m], " "),
            Lang::Es => (MONTHS_ES[m], " de "),
            _ => (MONTHS_EN[m], " "),
        };
        push_decimal(out, date.day);
        if self == Lang::Fr && date.day == 1 {
            out.push_str("er");
        }
        for part in [between, month, between] {
            out.push_str(part);
        }
        if date.year < 0 {
            out.push('-');
        }
        push_decimal(out, date.year.unsigned_abs());
    }

    /// The word that introduces an annex (`Annex`, `Annexe`, `附件`).
    pub fn annex_word(self) -> &'static str {
        match self {
            Lang::Ar => "المرفق",
            Lang::Zh => "附件",
            Lang::En => "Annex",
            Lang::Fr => "Annexe",
            Lang::Ru => "Приложение",
            Lang::Es => "Anexo",
        }
    }

    /// The chapter number as written before a heading: `I.`, `一.`, `أولا -`.
    pub fn chapter_label(self, n: u32) -> String {
        let mut label = String::with_capacity(16);
        self.push_chapter_label(&mut label, n);
        label
    }

    /// [`Lang::chapter_label`] appended to `out`.
    pub fn push_chapter_label(self, out: &mut String, n: u32) {
        match self {
            Lang::Ar => {
                push_arabic_ordinal(out, n);
                out.push_str(" -");
            }
            Lang::Zh => {
                push_chinese_numeral(out, n);
                out.push('.');
            }
            _ => {
                push_roman(out, n, true);
                out.push('.');
            }
        }
    }

    /// The section letter as written before a heading: `A.`, `ألف -`.
    pub fn section_label(self, n: u32) -> String {
        let mut label = String::with_capacity(16);
        self.push_section_label(&mut label, n);
        label
    }

    /// [`Lang::section_label`] appended to `out`.
    pub fn push_section_label(self, out: &mut String, n: u32) {
        match self {
            Lang::Ar => {
                push_named(out, &AR_SECTIONS, n);
                out.push_str(" -");
            }
            _ => {
                push_latin_letter(out, n, true);
                out.push('.');
            }
        }
    }

    /// The paragraph number as typed before a paragraph: `1.`, Arabic `1 -`.
    pub fn para_label(self, n: u32) -> String {
        let mut label = String::with_capacity(12);
        self.push_para_label(&mut label, n);
        label
    }

    /// [`Lang::para_label`] appended to `out`, for writers that write a
    /// label for every paragraph and would otherwise allocate each.
    pub fn push_para_label(self, out: &mut String, n: u32) {
        push_decimal(out, n);
        out.push_str(match self {
            Lang::Ar => " -",
            _ => ".",
        });
    }

    /// A list item's label: `(a)`/`a)`/`(أ)`, `(i)`/`i)`, `1.`.
    pub fn item_label(self, kind: ListKind, n: u32) -> String {
        let mut label = String::with_capacity(8);
        self.push_item_label(&mut label, kind, n);
        label
    }

    /// [`Lang::item_label`] appended to `out`, for writers that write a
    /// label for every item and would otherwise allocate each.
    pub fn push_item_label(self, out: &mut String, kind: ListKind, n: u32) {
        // French, Spanish and Russian close the label only: `a)`, `i)`.
        let open = !matches!(self, Lang::Fr | Lang::Es | Lang::Ru);
        match kind {
            ListKind::Decimal => self.push_para_label(out, n),
            ListKind::Alpha if self == Lang::Ar => {
                out.push('(');
                push_named(out, &AR_LETTERS, n);
                out.push(')');
            }
            ListKind::Roman if self == Lang::Ar => {
                out.push('\'');
                push_decimal(out, n);
                out.push('\'');
            }
            ListKind::Alpha | ListKind::Roman => {
                if open {
                    out.push('(');
                }
                match kind {
                    ListKind::Alpha => push_latin_letter(out, n, false),
                    _ => push_roman(out, n, false),
                }
                out.push(')');
            }
            ListKind::Bullet => out.push('•'),
        }
    }

    /// A subheading's number: level 3 like a paragraph (`1.`, Arabic `1 -`),
    /// level 4 like a subparagraph (`(a)`, `a)`, `(أ)`).
    pub fn subheading_label(self, level: u8, n: u32) -> String {
        if level <= 3 {
            self.para_label(n)
        } else {
            self.item_label(ListKind::Alpha, n)
        }
    }

    /// Words that begin a note's subtitle or title (`Note by the
    /// Secretariat`); in Chinese, that end it (`秘书处的说明`).
    pub fn note_words(self) -> &'static [&'static str] {
        match self {
            Lang::Ar => &["مذكرة"],
            Lang::Zh => &["说明"],
            Lang::En => &["Note"],
            Lang::Fr => &["Note"],
            Lang::Ru => &["Записка"],
            Lang::Es => &["Nota"],
        }
    }

    /// The patterns that hyphenate this language's words at line ends, if
    /// it is hyphenated: the PDF writer's hyphens and the extracted-text
    /// reader's joins follow the same dictionary.
    pub const fn hyphenation(self) -> Option<hypher::Lang> {
        match self {
            Lang::En => Some(hypher::Lang::English),
            Lang::Fr => Some(hypher::Lang::French),
            Lang::Es => Some(hypher::Lang::Spanish),
            Lang::Ru => Some(hypher::Lang::Russian),
            Lang::Ar | Lang::Zh => None,
        }
    }

    /// Compounds this language always writes with their hyphen, whose
    /// joined form is no word (`ci-après`, `Secretary-General`): pdftotext's
    /// raw reading drops the hyphen where a line breaks at it, and these
    /// get it back even where the document writes them nowhere else.
    pub fn fixed_compounds(self) -> &'static [&'static str] {
        match self {
            Lang::Ar | Lang::Zh | Lang::Es => &[],
            Lang::En => &[
                "Secretary-General",
                "follow-up",
                "decision-making",
                "long-term",
                "medium-term",
                "short-term",
                "high-level",
                "well-being",
                "non-governmental",
                "South-South",
                "open-source",
            ],
            Lang::Fr => &[
                "ci-après",
                "ci-dessus",
                "ci-dessous",
                "ci-joint",
                "ci-jointe",
                "ci-contre",
                "peut-être",
                "au-delà",
                "sous-programme",
                "sous-programmes",
                "sous-région",
                "sous-régional",
                "sous-régionale",
                "sous-régionaux",
                "États-Unis",
                "Royaume-Uni",
                "porte-parole",
                "Haut-Commissariat",
                "Haut-Commissaire",
            ],
            Lang::Ru => &[
                "государства-члены",
                "государств-членов",
                "государствам-членам",
                "государствами-членами",
                "государствах-членах",
                "по-прежнему",
                "социально-экономического",
                "социально-экономических",
                "социально-экономической",
                "социально-экономическое",
                "социально-экономические",
            ],
        }
    }

    /// Words that begin a letter's title (`Letter dated …`); in Chinese,
    /// that end it (`…的信`).
    pub fn letter_words(self) -> &'static [&'static str] {
        match self {
            Lang::Ar => &["رسالة"],
            Lang::Zh => &["的信"],
            Lang::En => &["Letter dated", "Identical letters"],
            Lang::Fr => &["Lettre datée", "Lettres identiques"],
            Lang::Ru => &["Письмо", "Идентичные письма"],
            Lang::Es => &["Carta de fecha", "Cartas idénticas"],
        }
    }

    /// The heading of a report's summary box.
    pub fn summary_word(self) -> &'static str {
        match self {
            Lang::Ar => "موجز",
            Lang::Zh => "摘要",
            Lang::En => "Summary",
            Lang::Fr => "Résumé",
            Lang::Ru => "Резюме",
            Lang::Es => "Resumen",
        }
    }

    /// The heading of a table of contents (`Contents`), which readers drop:
    /// the writers make their own.
    pub fn contents_word(self) -> &'static str {
        match self {
            Lang::Ar => "المحتويات",
            Lang::Zh => "目录",
            Lang::En => "Contents",
            Lang::Fr => "Table des matières",
            Lang::Ru => "Содержание",
            Lang::Es => "Índice",
        }
    }

    /// The head of a table of contents' column of page numbers.
    pub fn page_word(self) -> &'static str {
        match self {
            Lang::Ar => "الصفحة",
            Lang::Zh => "页次",
            Lang::En | Lang::Fr => "Page",
            Lang::Ru => "Стр.",
            Lang::Es => "Página",
        }
    }

    /// The label of a table of contents entry: `IV.`, `B.`, `Annex II`.
    pub fn entry_label(self, kind: crate::model::EntryKind) -> String {
        use crate::model::EntryKind;
        match kind {
            EntryKind::Chapter(n) => self.chapter_label(n),
            EntryKind::Section(n) => self.section_label(n),
            EntryKind::Annex(n) => self.annex_label(n),
        }
    }

    /// The word before a table's number.
    pub fn table_word(self) -> &'static str {
        match self {
            Lang::Ar => "الجدول",
            Lang::Zh => "表",
            Lang::En => "Table",
            Lang::Fr => "Tableau",
            Lang::Ru => "Таблица",
            Lang::Es => "Cuadro",
        }
    }

    /// A table's label: `Table 3`, `Cuadro 3`, `表3`.
    pub fn table_label(self, n: u32) -> String {
        match self {
            Lang::Zh => format!("表{n}"),
            _ => format!("{} {n}", self.table_word()),
        }
    }

    /// The word before a figure's number.
    pub fn figure_word(self) -> &'static str {
        match self {
            Lang::Ar => "الشكل",
            Lang::Zh => "图",
            Lang::En | Lang::Fr => "Figure",
            Lang::Ru => "Диаграмма",
            Lang::Es => "Gráfico",
        }
    }

    /// A figure's label: `Figure II`, `Gráfico II`, `图二`, `الشكل الثاني`.
    pub fn figure_label(self, n: u32) -> String {
        match self {
            Lang::Zh => format!("图{}", chinese_numeral(n)),
            Lang::Ar => match n
                .checked_sub(1)
                .and_then(|i| AR_ORDINAL_ADJECTIVES.get(i as usize))
            {
                Some(word) => format!("{} {word}", self.figure_word()),
                _ => format!("{} {n}", self.figure_word()),
            },
            _ => format!("{} {}", self.figure_word(), roman(n, true)),
        }
    }

    /// The label of a table's total row (`Total`, `Итого`, `共计`).
    pub fn total_word(self) -> &'static str {
        self.total_labels()[0]
    }

    /// How the labels of a table's total rows begin: totals and subtotals,
    /// and the net and gross lines budget tables set in bold with them.
    pub fn total_labels(self) -> &'static [&'static str] {
        match self {
            Lang::Ar => &["المجموع"],
            Lang::Zh => &["共计", "合计", "小计", "总计"],
            Lang::Ru => &["Итого", "Всего", "Промежуточный итог"],
            Lang::En => &[
                "Total",
                "Subtotal",
                "Grand total",
                "Net change",
                "Net requirements",
                "Gross requirements",
            ],
            Lang::Fr => &["Total", "Sous-total"],
            Lang::Es => &["Total", "Subtotal"],
        }
    }

    /// The word before a table's or figure's source line (`Source: …`).
    pub fn source_word(self) -> &'static str {
        match self {
            Lang::Ar => "المصدر",
            Lang::Zh => "资料来源",
            Lang::En | Lang::Fr => "Source",
            Lang::Ru => "Источник",
            Lang::Es => "Fuente",
        }
    }

    /// The annex label: `Annex I`, `Annexe II`, `附件一`, `المرفق الأول`.
    pub fn annex_label(self, n: Option<u32>) -> String {
        match (self, n) {
            (_, None) => self.annex_word().to_string(),
            (Lang::Zh, Some(n)) => format!("附件{}", chinese_numeral(n)),
            (Lang::Ar, Some(n)) => format!("{} {}", self.annex_word(), arabic_ordinal(n)),
            (_, Some(n)) => format!("{} {}", self.annex_word(), roman(n, true)),
        }
    }

    /// The script this language is written in.
    pub fn script(self) -> Script {
        match self {
            Lang::Ar => Script::Arabic,
            Lang::Zh => Script::Han,
            Lang::Ru => Script::Cyrillic,
            Lang::En | Lang::Fr | Lang::Es => Script::Latin,
        }
    }

    /// Whether `c` belongs to the script this language is written in.
    pub fn is_native_char(self, c: char) -> bool {
        self.script().has_letter(c)
    }

    /// The name of this language's script, for diagnostics.
    pub fn script_name(self) -> &'static str {
        self.script().name()
    }
}

/// Parses a masthead date in English (`29 September 2023`), French
/// (`26 mars 2021`, `1er mars 2021`), Spanish (`15 de junio de 2004`) or
/// Russian (`28 октября 2014 года`) form.
pub fn parse_written_date(text: &str) -> Option<Date> {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !matches!(*w, "de" | "года" | "г."))
        .collect();
    if words.len() != 3 {
        return None;
    }
    let day: u32 = words[0].trim_end_matches("er").parse().ok()?;
    let month = [
        &MONTHS_EN[..],
        &MONTHS_FR[..],
        &MONTHS_ES[..],
        &MONTHS_RU[..],
    ]
    .iter()
    .find_map(|names| names.iter().position(|m| m.to_lowercase() == words[1]))
    .or_else(|| (words[1] == "setiembre").then_some(8))?;
    if words[2].len() != 4 {
        return None;
    }
    let year: i32 = words[2].parse().ok()?;
    Some(Date {
        year,
        month: month as u32 + 1,
        day,
    })
}

/// Every month name a masthead date may use, for suggestions.
pub fn month_names() -> impl Iterator<Item = &'static str> {
    [MONTHS_EN, MONTHS_FR, MONTHS_ES, MONTHS_RU]
        .into_iter()
        .flatten()
}

/// The distribution words of every language's form, for suggestions.
pub const DISTRIBUTION_WORDS: [&str; 9] = [
    "General",
    "Limited",
    "Restricted",
    "générale",
    "limitée",
    "restreinte",
    "general",
    "limitada",
    "reservada",
];

/// Every language name a masthead's `Original:` line may use, for suggestions.
pub fn language_names() -> impl Iterator<Item = &'static str> {
    ALL.into_iter()
        .flat_map(|l| [Lang::En, Lang::Fr, Lang::Es].map(|v| l.name_in(v)))
}

/// Parses a distribution line in any language's form
/// (`Distr.: General`, `Distr. générale`, `Distr. general`, `Distr. limitada`).
pub fn parse_distribution(line: &str) -> Option<crate::model::Distribution> {
    use crate::model::Distribution::*;
    let rest = line.trim().strip_prefix("Distr.")?;
    let word = rest
        .trim_start_matches([':', ' ', '\u{a0}'])
        .trim()
        .to_lowercase();
    match word.as_str() {
        "general" | "générale" | "generale" => Some(General),
        "limited" | "limitée" | "limitee" | "limitada" => Some(Limited),
        "restricted" | "restreinte" | "reservada" | "restringida" => Some(Restricted),
        _ => None,
    }
}

/// Parses an `Original: English` line in any language's form; returns the language.
pub fn parse_original_line(line: &str) -> Option<Lang> {
    let rest = line.trim().strip_prefix("Original")?;
    let rest = rest.trim_start_matches([' ', '\u{a0}']).strip_prefix(':')?;
    Lang::from_name(rest)
}

/// The language whose distribution line has this form, where only one
/// language writes it so (`Distr. générale` is French, `Distr. limitada`
/// Spanish; `Distr.: General` is shared by four languages).
pub fn distribution_language(line: &str) -> Option<Lang> {
    use crate::model::Distribution::*;
    let line = line.trim();
    let forms = |lang: Lang| [General, Limited, Restricted].map(|d| lang.distribution_line(d));
    let matching: Vec<Lang> = ALL
        .into_iter()
        .filter(|&lang| forms(lang).iter().any(|f| f == line))
        .collect();
    match matching.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// The words that mark a masthead's session and agenda lines in one language.
#[derive(Debug, Clone, Copy)]
pub struct MastheadWords {
    /// A session line begins with one of these (`الدورة …`)…
    pub session_openings: &'static [&'static str],
    /// …or ends with one of these (`Eightieth session`, `第八十届会议`).
    pub session_endings: &'static [&'static str],
    /// An agenda line begins with one of these (lower case).
    pub agenda_openings: &'static [&'static str],
    /// An agenda line holds all of these (Chinese: `…议程…项目…`).
    pub agenda_all_of: &'static [&'static str],
    /// A subtitle begins with one of these (`Report of the Secretary-General`)…
    pub subtitle_openings: &'static [&'static str],
    /// …or ends with one of these (`秘书长的报告`).
    pub subtitle_endings: &'static [&'static str],
}

impl Lang {
    /// The words of this language's session, agenda and subtitle lines.
    pub fn masthead_words(self) -> MastheadWords {
        const NONE: &[&str] = &[];
        match self {
            Lang::En => MastheadWords {
                session_openings: NONE,
                session_endings: &[" session"],
                agenda_openings: &["item ", "items ", "agenda item", "provisional agenda item"],
                agenda_all_of: NONE,
                subtitle_openings: &[
                    "Report of",
                    "Report on",
                    "Note by",
                    "Letter dated",
                    "Note verbale",
                ],
                subtitle_endings: NONE,
            },
            Lang::Fr => MastheadWords {
                session_openings: NONE,
                session_endings: &[" session"],
                agenda_openings: &["point ", "points "],
                agenda_all_of: NONE,
                subtitle_openings: &["Rapport", "Note", "Lettre datée"],
                subtitle_endings: NONE,
            },
            Lang::Es => MastheadWords {
                session_openings: NONE,
                session_endings: &["período de sesiones"],
                agenda_openings: &["tema ", "temas "],
                agenda_all_of: NONE,
                subtitle_openings: &["Informe", "Nota", "Carta de fecha"],
                subtitle_endings: NONE,
            },
            Lang::Ru => MastheadWords {
                session_openings: NONE,
                session_endings: &["сессия"],
                agenda_openings: &["пункт ", "пункты "],
                agenda_all_of: NONE,
                subtitle_openings: &["Доклад", "Записка", "Письмо"],
                subtitle_endings: NONE,
            },
            Lang::Ar => MastheadWords {
                session_openings: &["الدورة"],
                session_endings: NONE,
                agenda_openings: &["البند ", "البندان "],
                agenda_all_of: NONE,
                subtitle_openings: &["تقرير", "مذكرة", "رسالة"],
                subtitle_endings: NONE,
            },
            Lang::Zh => MastheadWords {
                session_openings: NONE,
                session_endings: &["届会议"],
                agenda_openings: &["议程项目", "临时议程项目"],
                agenda_all_of: &["议程", "项目"],
                subtitle_openings: NONE,
                subtitle_endings: &["报告", "说明", "的信"],
            },
        }
    }
}

/// Full stops of the six languages' scripts (Chinese `。`).
pub const FULL_STOPS: [char; 2] = ['.', '。'];
/// Question and exclamation marks (Chinese full-width, Arabic `؟`).
pub const QUESTION_EXCLAMATION: [char; 5] = ['!', '！', '?', '？', '؟'];
/// Colons and semicolons (Chinese full-width, Arabic `؛`): what ends a
/// clause that introduces a list, or an item of one.
pub const CLAUSE_MARKS: [char; 5] = [':', '：', ';', '；', '؛'];
/// Commas (Chinese full-width, Arabic `،`).
pub const COMMAS: [char; 3] = [',', '，', '،'];

/// Whether `text` ends with a mark of one of `sets` (the sets above).
pub fn ends_with_mark(text: &str, sets: &[&[char]]) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| sets.iter().any(|set| set.contains(&c)))
}

/// Whether a table row's label is a total's, in any of the six languages
/// (`Total`, `Subtotal`, `Net change`, `Итого`, `小计`), note letters
/// perhaps after it: text that lost its bold (a PDF's) still tells its
/// total rows by it. The label's word must end there: `المجموعة` (a
/// group) is not `المجموع` (the total).
pub fn is_total_label(text: &str) -> bool {
    ALL.iter()
        .flat_map(|lang| lang.total_labels())
        .filter_map(|label| text.strip_prefix(label))
        .any(ends_a_word)
}

/// Whether `rest`, what follows a word, leaves the word whole: nothing,
/// anything but a letter or digit, or note letters (`a`, `a,b`).
fn ends_a_word(rest: &str) -> bool {
    let notes = || {
        rest.split(',')
            .all(|mark| mark.len() == 1 && mark.bytes().all(|b| b.is_ascii_lowercase()))
    };
    rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) || notes()
}

/// The largest number written in Roman numerals: past it a numeral is a
/// run of thousands of `M` (4,294,967 for `u32::MAX`), so digits are used.
pub const MAX_ROMAN: u32 = 3999;

/// Roman numeral for `n` (1–3999), upper or lower case; digits past
/// [`MAX_ROMAN`], so a label never grows with the number's value.
pub fn roman(n: u32, upper: bool) -> String {
    let mut out = String::with_capacity(8);
    push_roman(&mut out, n, upper);
    out
}

/// [`roman`] appended to `out` (ids and labels of chapters and items).
pub fn push_roman(out: &mut String, n: u32, upper: bool) {
    if n > MAX_ROMAN {
        push_decimal(out, n);
        return;
    }
    const TABLE: [(u32, &str, &str); 13] = [
        (1000, "M", "m"),
        (900, "CM", "cm"),
        (500, "D", "d"),
        (400, "CD", "cd"),
        (100, "C", "c"),
        (90, "XC", "xc"),
        (50, "L", "l"),
        (40, "XL", "xl"),
        (10, "X", "x"),
        (9, "IX", "ix"),
        (5, "V", "v"),
        (4, "IV", "iv"),
        (1, "I", "i"),
    ];
    let mut n = n;
    for (value, upper_digits, lower_digits) in TABLE {
        while n >= value {
            out.push_str(if upper { upper_digits } else { lower_digits });
            n -= value;
        }
    }
}

/// Parses a Roman numeral (either case, canonical form only).
pub fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let upper = s.to_ascii_uppercase();
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<u32>> = upper.chars().map(value).collect();
    let digits = digits?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    let n = u32::try_from(total).ok().filter(|&n| n > 0)?;
    (roman(n, true) == upper).then_some(n)
}

/// The largest number written with letters (`zzz`, as far as
/// [`parse_latin_letter`] reads): past it the letters would repeat `n / 26`
/// times (165 million for `u32::MAX`), so digits are used.
pub const MAX_LATIN_LETTER: u32 = 26 * 3;

/// Latin letter label: 1 → `a`, 26 → `z`, 27 → `aa`; digits past
/// [`MAX_LATIN_LETTER`].
pub fn latin_letter(n: u32, upper: bool) -> String {
    let mut s = String::with_capacity(3);
    push_latin_letter(&mut s, n, upper);
    s
}

/// [`latin_letter`] appended to `out` (ids and labels of list items).
pub fn push_latin_letter(out: &mut String, n: u32, upper: bool) {
    if n > MAX_LATIN_LETTER {
        push_decimal(out, n);
        return;
    }
    let n = n.max(1) - 1;
    let base = if upper { b'A' } else { b'a' };
    let letter = char::from(base + (n % 26) as u8);
    for _ in 0..=n / 26 {
        out.push(letter);
    }
}

/// Parses a Latin letter label (`a`, `B`, `aa`); Cyrillic look-alikes count as Latin.
pub fn parse_latin_letter(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().map(cyrillic_lookalike).collect();
    let first = *chars.first()?;
    if !first.is_ascii_alphabetic() || chars.iter().any(|&c| c != first) || chars.len() > 3 {
        return None;
    }
    let idx = (first.to_ascii_lowercase() as u8 - b'a') as u32;
    Some(idx + 1 + 26 * (chars.len() as u32 - 1))
}

/// Maps a Cyrillic capital or small letter that looks like a Latin one to it.
fn cyrillic_lookalike(c: char) -> char {
    match c {
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        other => other,
    }
}

/// Chinese numeral 1–99: 一, 十, 十一, 二十三; digits past 99 (the tens
/// digit alone cannot write them).
pub fn chinese_numeral(n: u32) -> String {
    let mut s = String::with_capacity(9);
    push_chinese_numeral(&mut s, n);
    s
}

/// [`chinese_numeral`] appended to `out` (writers label every chapter).
pub fn push_chinese_numeral(out: &mut String, n: u32) {
    if n > 99 {
        return push_decimal(out, n);
    }
    let (tens, ones) = (n / 10, n % 10);
    if tens > 1 {
        out.push(ZH_DIGITS[(tens % 10) as usize]);
    }
    if tens >= 1 {
        out.push('十');
    }
    if ones > 0 || n == 0 {
        out.push(ZH_DIGITS[ones as usize]);
    }
}

/// Entry `n` (from 1; 0 is taken as 1) of a list of names, or `n` in
/// digits past its end, appended to `out`.
fn push_named(out: &mut String, names: &[&str], n: u32) {
    match names.get(n.max(1) as usize - 1) {
        Some(name) => out.push_str(name),
        None => push_decimal(out, n),
    }
}

/// Parses a Chinese numeral 1–99.
pub fn parse_chinese_numeral(s: &str) -> Option<u32> {
    let mut numeral = String::with_capacity(9);
    (1..100).find(|&n| {
        numeral.clear();
        push_chinese_numeral(&mut numeral, n);
        numeral == s
    })
}

/// Arabic chapter ordinal (`أولا`, `ثانيا`, …); falls back to digits past 20.
pub fn arabic_ordinal(n: u32) -> String {
    let mut s = String::with_capacity(24);
    push_arabic_ordinal(&mut s, n);
    s
}

/// [`arabic_ordinal`] appended to `out`.
pub fn push_arabic_ordinal(out: &mut String, n: u32) {
    match n {
        1..=20 => out.push_str(AR_ORDINALS[n as usize - 1]),
        _ => push_decimal(out, n),
    }
}

/// Masculine ordinal adjectives (`الشكل الثاني`, "the second figure").
const AR_ORDINAL_ADJECTIVES: [&str; 10] = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

/// Parses a masculine ordinal adjective (`الثاني` → 2), as figure labels write them.
pub fn parse_arabic_ordinal_adjective(s: &str) -> Option<u32> {
    AR_ORDINAL_ADJECTIVES
        .iter()
        .position(|o| *o == s.trim())
        .map(|i| i as u32 + 1)
}

/// Parses an Arabic chapter ordinal, with or without tanwin (`أولاً`).
pub fn parse_arabic_ordinal(s: &str) -> Option<u32> {
    let s = s.trim();
    // Labels are read from every line of a text: words that cannot be an
    // ordinal are turned away before anything is copied.
    if !s.starts_with(crate::script::is_arabic) {
        return None;
    }
    let cleaned: std::borrow::Cow<str> = if s.contains(['\u{064B}', 'إ']) {
        s.chars()
            .filter(|&c| c != '\u{064B}')
            .map(|c| if c == 'إ' { 'ا' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    };
    AR_ORDINALS
        .iter()
        .position(|o| *o == cleaned)
        .map(|i| i as u32 + 1)
}

/// Arabic section name (`ألف`, `باء`, …).
pub fn arabic_section(n: u32) -> String {
    let mut s = String::with_capacity(16);
    push_named(&mut s, &AR_SECTIONS, n);
    s
}

/// Parses an Arabic section name.
pub fn parse_arabic_section(s: &str) -> Option<u32> {
    let s = s.trim();
    AR_SECTIONS
        .iter()
        .position(|o| *o == s)
        .map(|i| i as u32 + 1)
}

/// Arabic subparagraph letter (`أ`, `ب`, `ج`, …).
pub fn arabic_letter(n: u32) -> String {
    let mut s = String::with_capacity(8);
    push_named(&mut s, &AR_LETTERS, n);
    s
}

/// Parses an Arabic subparagraph letter (`ه` is accepted for `هـ`).
pub fn parse_arabic_letter(s: &str) -> Option<u32> {
    let s = if s == "ه" { "هـ" } else { s };
    AR_LETTERS
        .iter()
        .position(|o| *o == s)
        .map(|i| i as u32 + 1)
}

/// The number of a table's or figure's label, as the six languages write
/// it after their word: Roman capitals (`Figure II`), a Chinese numeral
/// (`图二`), an Arabic ordinal adjective (`الشكل الثاني`) or digits
/// (`Table 12`, `الجدول ١٢`). The one reading of label numbers that every
/// reader uses.
pub fn parse_label_number(s: &str) -> Option<u32> {
    let s = s.trim();
    parse_roman(s)
        .filter(|_| s.bytes().all(|b| b.is_ascii_uppercase()))
        .or_else(|| parse_chinese_numeral(s))
        .or_else(|| parse_arabic_ordinal_adjective(s))
        .or_else(|| parse_digits(s))
}

/// A label at the start of `text` (`Table 1`, `Figure II`, `图二`,
/// `الشكل الثاني`, in any language, `word_of` giving each language's word):
/// its number and the text after it, which white space parts from the
/// label; `None` when `text` starts with no label.
pub fn split_label(text: &str, word_of: fn(Lang) -> &'static str) -> Option<(u32, &str)> {
    let text = text.trim_start();
    ALL.iter().find_map(|lang| {
        let rest = text.strip_prefix(word_of(*lang))?.trim_start();
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let n = parse_label_number(&rest[..end])?;
        Some((n, rest[end..].trim_start()))
    })
}

/// Parses a number written with ASCII or Arabic-Indic digits.
pub fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 6 {
        return None;
    }
    let mut n: u32 = 0;
    for c in s.chars() {
        n = n * 10 + digit_value(c)?;
    }
    Some(n)
}

/// The value of an ASCII, Arabic-Indic or Extended Arabic-Indic digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// `n` in decimal digits appended to `out`, without the formatting
/// machinery (labels and ids are written for every paragraph and item).
pub fn push_decimal(out: &mut String, n: u32) {
    // Most numbers written are paragraph, item and footnote numbers.
    if n < 10 {
        out.push(char::from(b'0' + n as u8));
        return;
    }
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// `n` in at least `width` decimal digits (zeros in front) appended to
/// `out`: the parts of an ISO date.
pub fn push_zero_padded(out: &mut String, n: u32, width: usize) {
    let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
    for _ in digits..width {
        out.push('0');
    }
    push_decimal(out, n);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_tables_bold_lines_are_told_by_their_labels() {
        // The bold lines of the DGACM budget tables (A/80/600, A/80/614,
        // A/80/630), as their Word files mark them, and the totals of the
        // other languages.
        let bold = [
            "Total",
            "Totala",
            "Total, component 1",
            "Total, executive direction and management",
            "Subtotal",
            "Grand total",
            "Net change",
            "Net change, component 3",
            "Net requirements",
            "Gross requirementsa,b",
            "Sous-total",
            "Итого",
            "Всего",
            "合计",
            "小计",
            "المجموع",
            "المجموع الفرعي",
        ];
        for label in bold {
            assert!(is_total_label(label), "{label}");
        }
        for label in ["Totalitarian", "Net changes made", "المجموعة", "Posts", ""] {
            assert!(!is_total_label(label), "{label}");
        }
    }

    #[test]
    fn every_table_and_figure_label_reads_back_by_one_parser() {
        for lang in ALL {
            for n in 1..=200 {
                let figure = format!("{} Title", lang.figure_label(n));
                assert_eq!(
                    split_label(&figure, Lang::figure_word),
                    Some((n, "Title")),
                    "{figure}"
                );
                let table = lang.table_label(n);
                assert_eq!(
                    split_label(&table, Lang::table_word),
                    Some((n, "")),
                    "{table}"
                );
            }
        }
        // Words that start like a label word are no label.
        for text in [
            "Tables 1 and 2",
            "Tableau de bord",
            "图表 1",
            "表示 2",
            "Figure it out",
        ] {
            assert_eq!(split_label(text, Lang::table_word), None, "{text}");
            assert_eq!(split_label(text, Lang::figure_word), None, "{text}");
        }
        // A label glued to its title is not read as one.
        assert_eq!(split_label("表1联合国", Lang::table_word), None);
        assert_eq!(parse_label_number("IV"), Some(4));
        assert_eq!(parse_label_number("iv"), None);
        assert_eq!(parse_label_number("الثالث"), Some(3));
        assert_eq!(parse_label_number("١٢"), Some(12));
    }

    #[test]
    fn numbering_forms_round_trip_in_every_language() {
        for n in 1..=20 {
            assert_eq!(parse_roman(&roman(n, true)), Some(n));
            assert_eq!(parse_chinese_numeral(&chinese_numeral(n)), Some(n));
            assert_eq!(parse_arabic_ordinal(&arabic_ordinal(n)), Some(n));
            assert_eq!(parse_arabic_section(&arabic_section(n)), Some(n));
            assert_eq!(parse_arabic_letter(&arabic_letter(n)), Some(n));
            assert_eq!(parse_latin_letter(&latin_letter(n, false)), Some(n));
        }
        assert_eq!(Lang::En.chapter_label(14), "XIV.");
        assert_eq!(Lang::Ru.section_label(2), "B.");
        assert_eq!(Lang::Zh.chapter_label(3), "三.");
        assert_eq!(Lang::Ar.chapter_label(3), "ثالثا -");
        assert_eq!(Lang::Ar.section_label(4), "دال -");
        assert_eq!(Lang::Ar.para_label(30), "30 -");
        assert_eq!(Lang::En.item_label(ListKind::Alpha, 2), "(b)");
        assert_eq!(Lang::Fr.item_label(ListKind::Alpha, 1), "a)");
        assert_eq!(Lang::Ar.item_label(ListKind::Alpha, 3), "(ج)");
        assert_eq!(Lang::Es.item_label(ListKind::Roman, 4), "iv)");
        assert_eq!(chinese_numeral(12), "十二");
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_arabic_ordinal("أولاً"), Some(1));
        assert_eq!(parse_arabic_ordinal(" ثالثا "), Some(3), "trimmed first");
        assert_eq!(parse_arabic_ordinal("إحدى"), None);
        assert_eq!(parse_arabic_ordinal("Third"), None, "turned away unread");
        assert!(
            crate::script::is_arabic('ث')
                && !crate::script::is_arabic('T')
                && !crate::script::is_arabic('3')
        );
        assert_eq!(parse_digits("٣٠"), Some(30));
        assert_eq!(parse_latin_letter("С"), Some(3), "Cyrillic look-alike");
    }

    #[test]
    fn labels_of_huge_numbers_stay_short() {
        assert_eq!(roman(3999, true), "MMMCMXCIX");
        assert_eq!(roman(4000, true), "4000");
        for n in 1..=3999 {
            assert_eq!(roman(n, false), roman(n, true).to_lowercase());
        }
        assert_eq!(latin_letter(78, false), "zzz");
        assert_eq!(parse_latin_letter(&latin_letter(78, false)), Some(78));
        assert_eq!(latin_letter(79, true), "79");
        assert_eq!(chinese_numeral(99), "九十九");
        assert_eq!(chinese_numeral(123), "123");
        for lang in ALL {
            let labels = [
                lang.chapter_label(u32::MAX),
                lang.section_label(u32::MAX),
                lang.annex_label(Some(u32::MAX)),
                lang.item_label(ListKind::Alpha, u32::MAX),
                lang.item_label(ListKind::Roman, u32::MAX),
            ];
            for label in labels {
                assert!(label.chars().count() < 32, "{lang:?}: {label}");
            }
        }
    }

    #[test]
    fn masthead_dates_in_each_form() {
        let d = |y, m, day| {
            Some(Date {
                year: y,
                month: m,
                day,
            })
        };
        assert_eq!(parse_written_date("29 September 2023"), d(2023, 9, 29));
        assert_eq!(parse_written_date("26 mars 2021"), d(2021, 3, 26));
        assert_eq!(parse_written_date("1er août 2021"), d(2021, 8, 1));
        assert_eq!(parse_written_date("15 de junio de 2004"), d(2004, 6, 15));
        assert_eq!(parse_written_date("28 октября 2014 года"), d(2014, 10, 28));
        assert_eq!(parse_written_date("September 2023"), None);
        let date = Date {
            year: 2021,
            month: 3,
            day: 26,
        };
        assert_eq!(Lang::Fr.masthead_date(date), "26 mars 2021");
        assert_eq!(Lang::Es.masthead_date(date), "26 de marzo de 2021");
        assert_eq!(Lang::Zh.masthead_date(date), "26 March 2021");
    }

    #[test]
    fn masthead_lines() {
        use crate::model::Distribution;
        assert_eq!(
            parse_distribution("Distr.: General"),
            Some(Distribution::General)
        );
        assert_eq!(
            parse_distribution("Distr. générale"),
            Some(Distribution::General)
        );
        assert_eq!(
            parse_distribution("Distr. limitada"),
            Some(Distribution::Limited)
        );
        assert_eq!(parse_original_line("Original : anglais"), Some(Lang::En));
        assert_eq!(parse_original_line("Original: inglés"), Some(Lang::En));
        assert_eq!(Lang::Fr.original_line(Lang::En), "Original : anglais");
        assert_eq!(distribution_language("Distr. générale"), Some(Lang::Fr));
        assert_eq!(distribution_language("Distr. limitada"), Some(Lang::Es));
        assert_eq!(distribution_language("Distr.: General"), None);
    }

    #[test]
    fn decimal_digits_are_pushed_as_format_writes_them() {
        for n in [0, 7, 10, 99, 100, 4_294_967_295] {
            let mut out = String::from("x");
            super::push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn zero_padded_numbers_are_pushed_as_format_pads_them() {
        for n in [0, 7, 10, 99, 100, 2025, 12_345, 4_294_967_295] {
            for width in [1, 2, 4] {
                let mut out = String::from("x");
                super::push_zero_padded(&mut out, n, width);
                assert_eq!(out, format!("x{n:0width$}"));
            }
        }
    }

    #[test]
    fn labels_pushed_in_place_are_the_labels() {
        use crate::model::ListKind;
        let cases = [
            (Lang::En, ListKind::Alpha, 1, "(a)"),
            (Lang::Fr, ListKind::Alpha, 2, "b)"),
            (Lang::Ar, ListKind::Alpha, 1, "(أ)"),
            (Lang::En, ListKind::Roman, 4, "(iv)"),
            (Lang::Ru, ListKind::Roman, 2, "ii)"),
            (Lang::Ar, ListKind::Roman, 3, "'3'"),
            (Lang::En, ListKind::Decimal, 5, "5."),
            (Lang::Ar, ListKind::Decimal, 5, "5 -"),
            (Lang::Zh, ListKind::Bullet, 1, "•"),
            (Lang::Es, ListKind::Alpha, 27, "aa)"),
        ];
        for (lang, kind, n, want) in cases {
            let mut out = String::from("x");
            lang.push_item_label(&mut out, kind, n);
            assert_eq!(out, format!("x{want}"), "{lang:?} {kind:?} {n}");
            assert_eq!(lang.item_label(kind, n), want);
        }
        let letters = [
            (1, false, "a"),
            (3, true, "C"),
            (27, false, "aa"),
            (78, true, "ZZZ"),
        ];
        for (n, upper, want) in letters {
            assert_eq!(super::latin_letter(n, upper), want);
        }
        assert_eq!(super::latin_letter(79, false), "79", "past zzz: digits");
    }

    /// The masthead's lines as each version prints them, appended in place
    /// by the writers: French `1er`, Spanish `de`, the English form in the
    /// other four languages, and the years before the common era.
    #[test]
    fn masthead_lines_as_each_version_prints_them() {
        use crate::model::Distribution;
        let date = |year, month, day| Date { year, month, day };
        assert_eq!(Lang::Fr.masthead_date(date(2025, 5, 1)), "1er mai 2025");
        assert_eq!(Lang::Fr.masthead_date(date(2025, 5, 2)), "2 mai 2025");
        assert_eq!(
            Lang::Es.masthead_date(date(2025, 9, 30)),
            "30 de septiembre de 2025"
        );
        assert_eq!(Lang::Ar.masthead_date(date(2025, 12, 9)), "9 December 2025");
        assert_eq!(Lang::En.masthead_date(date(-44, 3, 15)), "15 March -44");
        assert_eq!(
            Lang::Fr.distribution_line(Distribution::Limited),
            "Distr. limitée"
        );
        assert_eq!(
            Lang::Es.distribution_line(Distribution::General),
            "Distr. general"
        );
        assert_eq!(
            Lang::Zh.distribution_line(Distribution::Restricted),
            "Distr.: Restricted"
        );
        assert_eq!(Lang::Fr.original_line(Lang::En), "Original : anglais");
        assert_eq!(Lang::Ru.original_line(Lang::Ru), "Original: Russian");
        let mut line = String::from("x");
        Lang::Es.push_masthead_date(&mut line, date(2024, 1, 1));
        assert_eq!(line, "x1 de enero de 2024", "appended, not replaced");
    }
}
