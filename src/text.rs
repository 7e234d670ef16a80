//! User text as st-setup reads and shows it: pasted lists split where people separate
//! them, invisible characters found and named, and any value shown escaped and shortened,
//! so no input can glue two endpoints together, smuggle escape codes to a terminal, or
//! overflow a column.

use unicode_width::UnicodeWidthStr as _;

/// Longest value shown whole; longer ones keep their start and end around a "…".
pub const SHOWN_MAX: usize = 80;

/// Endpoints as people paste them: one per line, or separated by commas, spaces or tabs.
/// Empty items are dropped.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(is_list_separator)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every item of every text: `--api` given once with a list, or many times.
pub fn split_all(texts: &[String]) -> Vec<String> {
    texts.iter().flat_map(|t| split_list(t)).collect()
}

/// Whether `c` separates items of a pasted list (see `split_list`).
pub fn is_list_separator(c: char) -> bool {
    c == ',' || c.is_whitespace()
}

/// A character a one-line answer must not hold: control characters (line breaks, tabs,
/// escape codes) and the invisible format characters (zero-width spaces, soft hyphens,
/// direction overrides) that URL parsers silently drop or that hide what a value is.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// The first invisible character in `text`, with its position counted in characters from 1.
pub fn first_invisible(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| is_invisible(*c))
        .map(|(i, c)| (i + 1, c))
}

/// How a person calls an invisible character: "a line break (U+000A)".
pub fn name_of(c: char) -> String {
    let name = match c {
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' => "a line break",
        '\t' => "a tab",
        '\u{1B}' => "an escape character",
        '\0' => "a NUL character",
        '\u{200B}' | '\u{FEFF}' => "a zero-width space",
        '\u{00AD}' => "a soft hyphen",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "a text direction override",
        _ if c.is_control() => "a control character",
        _ => "an invisible character",
    };
    format!("{name} (U+{:04X})", u32::from(c))
}

/// `text` safe to print anywhere: invisible characters escaped (`\n`, `\u{1b}`) so a
/// terminal never interprets them, and a long value cut to its start and end with the
/// full length said, so no message or column grows with the input.
pub fn shown(text: &str) -> String {
    fn escape(chars: impl Iterator<Item = char>) -> String {
        let mut out = String::new();
        for c in chars {
            if is_invisible(c) {
                out.extend(c.escape_debug());
            } else {
                out.push(c);
            }
        }
        out
    }
    let count = text.chars().count();
    if count <= SHOWN_MAX {
        // The common case, on every keystroke of the wizard: nothing to escape or cut.
        if !text.chars().any(is_invisible) {
            return text.to_owned();
        }
        let escaped = escape(text.chars());
        if escaped.chars().count() <= SHOWN_MAX {
            return escaped;
        }
    }
    // Only the ends are shown, so only they are escaped: a long value costs no more than
    // a short one.
    let head: String = escape(text.chars().take(SHOWN_MAX - 20))
        .chars()
        .take(SHOWN_MAX - 20)
        .collect();
    let tail = escape(text.chars().skip(count.saturating_sub(12)));
    let tail: String = tail
        .chars()
        .skip(tail.chars().count().saturating_sub(12))
        .collect();
    format!("{head}…{tail} ({} characters)", thousands(count))
}

/// `shown(text)` in double quotes: how messages quote what the user typed.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", shown(text))
}

/// Columns `text` takes in a terminal (wide characters count twice).
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` padded with spaces to `columns` terminal columns (never cut).
pub fn pad(text: &str, columns: usize) -> String {
    let fill = columns.saturating_sub(width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// "a", "a and b", "a, b and c".
pub fn join(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `70020` as `70,020`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_line_breaks_commas_spaces_and_tabs() {
        assert_eq!(
            split_list(
                "https://a.example.com\nhttps://b.example.com\r\n c.example.com,\td.example.com,,"
            ),
            vec![
                "https://a.example.com",
                "https://b.example.com",
                "c.example.com",
                "d.example.com"
            ]
        );
        assert!(split_list(" \n\t, ").is_empty());
    }

    #[test]
    fn invisible_characters_are_found_and_named() {
        assert_eq!(first_invisible("api.example.com"), None);
        assert_eq!(first_invisible("ab\ncd"), Some((3, '\n')));
        assert_eq!(first_invisible("a\u{200B}b"), Some((2, '\u{200B}')));
        assert_eq!(name_of('\n'), "a line break (U+000A)");
        assert_eq!(name_of('\t'), "a tab (U+0009)");
        assert_eq!(name_of('\u{1b}'), "an escape character (U+001B)");
        assert_eq!(name_of('\u{7f}'), "a control character (U+007F)");
        assert!(!is_invisible('ü') && !is_invisible(' ') && !is_invisible('\u{2028}'));
    }

    #[test]
    fn shown_text_is_escaped_and_bounded() {
        assert_eq!(shown("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        let long = format!("https://{}.example.com", "a".repeat(70_000));
        let s = shown(&long);
        assert!(s.chars().count() < SHOWN_MAX + 30, "{s}");
        assert!(
            s.starts_with("https://aaaa") && s.contains(".example.com"),
            "{s}"
        );
        assert!(s.ends_with("(70,020 characters)"), "{s}");
        assert_eq!(shown("short"), "short");
    }

    #[test]
    fn join_reads_like_english() {
        let j = |v: &[&str]| join(v.iter().map(|s| s.to_string()));
        assert_eq!(j(&[]), "");
        assert_eq!(j(&["a"]), "a");
        assert_eq!(j(&["a", "b"]), "a and b");
        assert_eq!(j(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn padding_counts_terminal_columns() {
        assert_eq!(pad("日本", 5), "日本 ");
        assert_eq!(pad("toolong", 3), "toolong");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
