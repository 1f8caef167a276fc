//! Reading CSV files as spreadsheets write them, in any of the forms they arrive in:
//! UTF-8 with or without a byte-order mark, UTF-16 ("Unicode text" from Excel),
//! Windows-1252 (Excel's "CSV" in Western locales); separated by commas, semicolons
//! (locales with a decimal comma) or tabs.
//!
//! Forgiving where it is safe (blank rows, empty cells past the last column), strict
//! where a guess could misattribute or lose words: a cell with more cells after the last
//! column, a quote never closed, text after a closing quote, a repeated or unnamed column
//! are errors naming the row and the column. Linear in the size of the file.

use std::fmt;

use super::text::fold;

/// A CSV problem, naming the row (as a spreadsheet numbers it, header = 1) and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("row {row}, column {column}: {message}")]
pub struct CsvError {
    pub row: usize,
    pub column: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with a byte-order mark",
            Encoding::Utf16Le => "UTF-16 (little-endian)",
            Encoding::Utf16Be => "UTF-16 (big-endian)",
            Encoding::Windows1252 => "Windows-1252 (it is not UTF-8)",
        })
    }
}

/// One data row: its number as a spreadsheet shows it and its cells, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    cells: Vec<String>,
}

/// A whole CSV file, read and checked.
#[derive(Debug, Clone)]
pub struct Table {
    pub encoding: Encoding,
    pub separator: char,
    /// Column names folded for matching: "On behalf of" -> "on_behalf_of".
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// "read as UTF-8, separated by semicolons": said with every error about the file's
    /// content, so that a person can see at once when the file was taken for what it is not.
    pub fn describe(&self) -> String {
        describe(self.encoding, self.separator)
    }

    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// The cell of `row` in the column `name`; empty when there is no such column.
    pub fn cell<'r>(&self, row: &'r Row, name: &str) -> &'r str {
        self.column(name)
            .and_then(|c| row.cells.get(c))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// An error about `row` and column `column`, saying how the file was read.
    pub fn error(&self, row: usize, column: &str, message: impl Into<String>) -> CsvError {
        CsvError {
            row,
            column: column.into(),
            message: format!("{} ({})", message.into(), self.describe()),
        }
    }
}

fn describe(encoding: Encoding, separator: char) -> String {
    let sep = match separator {
        ',' => "commas",
        ';' => "semicolons",
        '\t' => "tabs",
        _ => "an unusual separator",
    };
    format!("the file was read as {encoding} text separated by {sep}")
}

/// Reads a CSV file. `known` lists the column names the caller understands; they decide
/// the separator when the header row could be read several ways.
pub fn read(bytes: &[u8], known: &[&str]) -> Result<Table, CsvError> {
    let (text, encoding) = decode(bytes)?;
    let separator = detect_separator(&text, known);
    let context = || describe(encoding, separator);
    let mut records = parse(&text, separator).map_err(|mut e| {
        e.message = format!("{} ({})", e.message, context());
        e
    })?;
    let mut header_cells = match records.first() {
        Some(_) => records.remove(0).cells,
        None => {
            return Err(CsvError {
                row: 1,
                column: "-".into(),
                message: "the file is empty; the first row must name the columns".into(),
            });
        }
    };
    // Excel writes empty cells past the last column when some row once went further.
    while header_cells.last().is_some_and(|h| h.is_empty()) {
        header_cells.pop();
    }
    let headers: Vec<String> = header_cells
        .iter()
        .map(|h| fold(h).split_whitespace().collect::<Vec<_>>().join("_"))
        .collect();
    if headers.is_empty() {
        return Err(CsvError {
            row: 1,
            column: "-".into(),
            message: format!("the first row must name the columns ({})", context()),
        });
    }
    for (index, h) in headers.iter().enumerate() {
        if h.is_empty() {
            return Err(CsvError {
                row: 1,
                column: format!("{}", index + 1),
                message: format!("column {} has no name ({})", index + 1, context()),
            });
        }
        if let Some(first) = headers.iter().position(|other| other == h)
            && first < index
        {
            return Err(CsvError {
                row: 1,
                column: h.clone(),
                message: format!(
                    "the column {h:?} appears twice (columns {} and {}); keep one ({})",
                    first + 1,
                    index + 1,
                    context()
                ),
            });
        }
    }
    let width = headers.len();
    let mut rows = Vec::with_capacity(records.len());
    for mut record in records {
        if record.cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if let Some(extra) = record.cells.iter().skip(width).position(|c| !c.is_empty()) {
            let column = width + extra + 1;
            let last = headers.last().map(String::as_str).unwrap_or("-");
            return Err(CsvError {
                row: record.number,
                column: format!("{column}"),
                message: format!(
                    "this row has text in column {column}, past the last named column ({last:?}); a cell that holds a {} must be put in quotes ({})",
                    separator_name(separator),
                    context()
                ),
            });
        }
        record.cells.truncate(width);
        record.cells.resize(width, String::new());
        rows.push(Row {
            number: record.number,
            cells: record.cells,
        });
    }
    Ok(Table {
        encoding,
        separator,
        headers,
        rows,
    })
}

fn separator_name(separator: char) -> &'static str {
    match separator {
        ';' => "semicolon",
        '\t' => "tab",
        _ => "comma",
    }
}

/// Text from bytes: byte-order marks first, then UTF-8, then UTF-16 without a mark (every
/// other byte zero), then Windows-1252, which can read any byte.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), CsvError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((text.to_string(), Encoding::Utf8Bom)),
            Err(e) => Err(CsvError {
                row: row_at(rest, e.valid_up_to()),
                column: "-".into(),
                message: format!(
                    "the file starts with a UTF-8 byte-order mark but byte {} is not UTF-8; save it again as \"CSV UTF-8\"",
                    e.valid_up_to() + 4
                ),
            }),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, false).map(|t| (t, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, true).map(|t| (t, Encoding::Utf16Be));
    }
    if let Ok(text) = std::str::from_utf8(bytes)
        && !text.contains('\0')
    {
        return Ok((text.to_string(), Encoding::Utf8));
    }
    let sample = bytes.get(..bytes.len().min(2000)).unwrap_or(bytes);
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = sample.len() / 2;
    if half >= 2 && zeros_at(1) * 10 >= half * 8 {
        return utf16(bytes, false).map(|t| (t, Encoding::Utf16Le));
    }
    if half >= 2 && zeros_at(0) * 10 >= half * 8 {
        return utf16(bytes, true).map(|t| (t, Encoding::Utf16Be));
    }
    Ok((
        bytes.iter().map(|b| windows_1252(*b)).collect(),
        Encoding::Windows1252,
    ))
}

fn row_at(bytes: &[u8], offset: usize) -> usize {
    bytes
        .get(..offset)
        .unwrap_or(bytes)
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn utf16(bytes: &[u8], big_endian: bool) -> Result<String, CsvError> {
    let units = bytes.chunks(2).map(|pair| match (pair, big_endian) {
        ([a, b], false) => u16::from_le_bytes([*a, *b]),
        ([a, b], true) => u16::from_be_bytes([*a, *b]),
        // An odd last byte: not UTF-16; shown as a replacement character.
        _ => 0xFFFD,
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut row = 1;
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => {
                if c == '\n' {
                    row += 1;
                }
                out.push(c);
            }
            Err(e) => {
                return Err(CsvError {
                    row,
                    column: "-".into(),
                    message: format!(
                        "the file is UTF-16 but holds a broken character (unpaired surrogate {:#06x}); save it again as \"CSV UTF-8\"",
                        e.unpaired_surrogate()
                    ),
                });
            }
        }
    }
    Ok(out)
}

/// Windows-1252: Latin-1 but for 0x80-0x9F, which hold typographic characters. The five
/// bytes it leaves undefined become U+FFFD, visible rather than dropped.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

/// The separator of the header row: the one of comma, semicolon and tab that splits it
/// into the most known column names; failing that, the one that occurs most.
fn detect_separator(text: &str, known: &[&str]) -> char {
    let header = first_record_line(text);
    let mut best = (',', 0usize, 0usize);
    for sep in [',', ';', '\t'] {
        let cells: Vec<String> = split_outside_quotes(header, sep);
        let matches = cells
            .iter()
            .filter(|c| {
                let name = fold(c.trim().trim_matches('"'))
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join("_");
                known.contains(&name.as_str())
            })
            .count();
        let count = cells.len() - 1;
        if (matches, count) > (best.1, best.2) {
            best = (sep, matches, count);
        }
    }
    best.0
}

fn first_record_line(text: &str) -> &str {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => return text.get(..i).unwrap_or(text),
            _ => {}
        }
    }
    text
}

fn split_outside_quotes(line: &str, sep: char) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == sep && !quoted {
            cells.push(String::new());
        } else if let Some(last) = cells.last_mut() {
            last.push(c);
        }
    }
    cells
}

struct Record {
    number: usize,
    cells: Vec<String>,
}

/// RFC 4180 with the strictness described in the module comment.
fn parse(text: &str, sep: char) -> Result<Vec<Record>, CsvError> {
    let mut records = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut number = 1;
    let finish = |cell: &mut String| std::mem::take(cell).trim().to_string();
    loop {
        // At the start of a cell: skip blanks, then a quoted or a plain cell.
        while chars
            .peek()
            .is_some_and(|c| *c == ' ' || (*c == '\t' && sep != '\t'))
        {
            chars.next();
        }
        if chars.peek() == Some(&'"') {
            chars.next();
            let column = cells.len() + 1;
            loop {
                match chars.next() {
                    None => {
                        return Err(CsvError {
                            row: number,
                            column: format!("{column}"),
                            message: "a quote opened in this cell is never closed, so every row after it would become part of this cell; close the quote, or double a quote that belongs to the text (\"\")".into(),
                        });
                    }
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(c) => cell.push(c),
                }
            }
            while chars
                .peek()
                .is_some_and(|c| *c == ' ' || (*c == '\t' && sep != '\t'))
            {
                chars.next();
            }
            match chars.peek() {
                None | Some('\n') | Some('\r') => {}
                Some(c) if *c == sep => {}
                Some(_) => {
                    return Err(CsvError {
                        row: number,
                        column: format!("{column}"),
                        message: "text follows the closing quote of a quoted cell; a quote inside a cell must be doubled (\"\")".into(),
                    });
                }
            }
        } else {
            while let Some(c) = chars.peek() {
                if *c == sep || *c == '\n' || *c == '\r' {
                    break;
                }
                cell.push(*c);
                chars.next();
            }
        }
        cells.push(finish(&mut cell));
        match chars.next() {
            Some(c) if c == sep => {}
            Some(end @ ('\r' | '\n')) => {
                if end == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                records.push(Record {
                    number,
                    cells: std::mem::take(&mut cells),
                });
                number += 1;
                if chars.peek().is_none() {
                    break;
                }
            }
            _ => {
                records.push(Record {
                    number,
                    cells: std::mem::take(&mut cells),
                });
                break;
            }
        }
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: [&str; 3] = ["name", "delegation", "text"];

    fn table(bytes: &[u8]) -> Table {
        read(bytes, &KNOWN).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn encodings_and_separators_are_detected() {
        let plain = "name;delegation;text\nAna;Perú;dijo, que sí\n";
        let t = table(plain.as_bytes());
        assert_eq!((t.separator, t.encoding), (';', Encoding::Utf8));
        assert_eq!(t.cell(&t.rows[0], "text"), "dijo, que sí");

        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(
            plain
                .replace(';', "\t")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let t = table(&utf16);
        assert_eq!((t.separator, t.encoding), ('\t', Encoding::Utf16Le));
        assert_eq!(t.cell(&t.rows[0], "delegation"), "Perú");

        let be: Vec<u8> = plain.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(table(&be).encoding, Encoding::Utf16Be);

        let cp1252 = b"name,delegation,text\nJos\xe9,C\xf4te d'Ivoire,\x93quoted\x94 \x80\n";
        let t = table(cp1252);
        assert_eq!(t.encoding, Encoding::Windows1252);
        assert_eq!(t.cell(&t.rows[0], "text"), "“quoted” €");
        assert_eq!(t.cell(&t.rows[0], "delegation"), "Côte d'Ivoire");

        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(b"name,text\r\nA,\"two\r\nlines, \"\"quoted\"\"\"\r\n");
        let t = table(&bom);
        assert_eq!(t.encoding, Encoding::Utf8Bom);
        assert_eq!(t.cell(&t.rows[0], "text"), "two\r\nlines, \"quoted\"");
    }

    #[test]
    fn blank_rows_and_trailing_empty_cells_are_forgiven() {
        let t = table(b"name,delegation,text,,\n,,,,\nA,Peru,x,,\n\n,,\nB,Chile,y\n,,,,\n");
        assert_eq!(t.headers, ["name", "delegation", "text"]);
        let numbers: Vec<usize> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [3, 6]);
    }

    #[test]
    fn what_could_lose_words_is_an_error_naming_row_and_column() {
        let err = |bytes: &[u8]| read(bytes, &KNOWN).unwrap_err();
        let e = err(b"name,delegation,text\nA,Peru,said that, in fact, it agreed\n");
        assert_eq!((e.row, e.column.as_str()), (2, "4"));
        assert!(
            e.message.contains("in quotes") && e.message.contains("commas"),
            "{e}"
        );

        let e = err(b"name,text,Text\n");
        assert_eq!((e.row, e.column.as_str()), (1, "text"));
        assert!(e.message.contains("twice"), "{e}");

        let e = err(b"name,text\nA,\"unclosed\nB,rest\nC,more\n");
        assert_eq!((e.row, e.column.as_str()), (2, "2"));
        assert!(e.message.contains("never closed"), "{e}");

        let e = err(b"name,text\nA,\"He said \"yes\" and left\"\n");
        assert_eq!(e.row, 2);
        assert!(e.message.contains("doubled"), "{e}");

        let e = err(b"name,,text\n");
        assert_eq!(e.column, "2");
        let e = err(b"");
        assert_eq!(e.row, 1);
    }

    #[test]
    fn a_quote_inside_a_plain_cell_is_text() {
        let t = table(b"name,text\nA,the \"so-called\" plan\n");
        assert_eq!(t.cell(&t.rows[0], "text"), "the \"so-called\" plan");
    }
}
