//! Output safety: text from a case or criteria file is shown escaped in every format, so
//! that a file can drive neither a terminal nor a browser, nor break a table.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters that could drive a terminal or reorder what it shows: control characters
/// (but line feed and tab) and the Unicode bidirectional overrides.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from a file, with every unsafe character shown as an escape (`\u{1b}`).
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like `clean`, and a line break too is shown as an escape: for text on one line.
pub fn clean_line(text: &str) -> String {
    clean(text).replace('\n', "\\n").replace('\t', " ")
}

/// Text for HTML or XML content and attribute values. Characters XML cannot carry are
/// shown as escapes too.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A value for a GitHub Actions workflow command (`::error file=…::message`): the message
/// part, or with `property` the `file=`/`title=` part, which must also escape `:` and `,`.
pub fn workflow_command(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(clean("x\u{202e}y\u{9b}"), "x\\u{202e}y\\u{9b}");
        assert_eq!(clean("line\nnext\tåäö"), "line\nnext\tåäö");
        assert_eq!(clean_line("a\nb\r"), "a\\nb\\u{d}");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            markup("<b title=\"x\">&'</b>"),
            "&lt;b title=&quot;x&quot;&gt;&amp;&#39;&lt;/b&gt;"
        );
        assert_eq!(markup("a\u{1b}b"), "a\\u{1b}b");
    }

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(workflow_command("50%\nnext", false), "50%25%0Anext");
        assert_eq!(workflow_command("a:b,c", true), "a%3Ab%2Cc");
        assert_eq!(workflow_command("a:b,c", false), "a:b,c");
    }
}
