//! Output safety: text from a case or criteria file is shown escaped in every format, so
//! that a file can drive neither a terminal nor a browser, nor break a table: `clean` for
//! terminal text, `markup` for HTML and XML, `workflow_command` for GitHub annotations,
//! and `json_pretty`/`write_json` for JSON, which serde writes with every control
//! character and bidirectional override as a `\u` escape.

use std::borrow::Cow;
use std::fmt::Write;
use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

/// Characters that could drive a terminal, reorder what it shows or hide text: control
/// characters (but line feed and tab), the Unicode bidirectional marks, overrides and
/// isolates, and the invisible characters (zero-width spaces and joiners, the soft
/// hyphen, the word joiner and invisible operators, the byte-order mark, line and
/// paragraph separators, fillers and tag characters), and the noncharacters, which XML
/// forbids.
fn is_unsafe(c: char) -> bool {
    // Printable ASCII, most of any text, is safe: one comparison for it.
    if (' '..'\u{7f}').contains(&c) {
        return false;
    }
    (c.is_control() && c != '\n' && c != '\t') || is_invisible(c) || is_xml_forbidden(c)
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Characters XML 1.0 does not allow (beyond the controls `is_unsafe` covers), or
/// discourages: the noncharacters U+FDD0–U+FDEF and every U+xFFFE and U+xFFFF.
fn is_xml_forbidden(c: char) -> bool {
    matches!(c, '\u{fdd0}'..='\u{fdef}') || (c as u32) & 0xfffe == 0xfffe
}

/// Whether a line that begins with `rest` (after its indentation) would be read as a
/// workflow command by a CI runner that scans the log (`::error::`, `##[error]`).
fn starts_command(rest: &str) -> bool {
    rest.starts_with("::") || rest.starts_with("##[")
}

/// Text from a file, with every unsafe character shown as an escape (`\u{1b}`), and the
/// first character of a line that would start a CI workflow command (`::`, `##[`) too.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) && !text.split('\n').any(|l| starts_command(l.trim_start())) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let rest = line.trim_start();
        let indent = &line[..line.len() - rest.len()];
        let guard = starts_command(rest);
        for (i, c) in indent.chars().chain(rest.chars()).enumerate() {
            if is_unsafe(c) || (guard && i == indent.chars().count()) {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            } else {
                out.push(c);
            }
        }
    }
    Cow::Owned(out)
}

/// A file's name as iop's output shows it, in the text a person reads and in what CI
/// reads alike (JUnit, GitHub annotations, JSON), on every system: relative to the working
/// folder where the file lies under it, with forward slashes and without `./`, so that
/// `./cases/x.toml`, `cases\x.toml` and `C:\repo\cases\x.toml` (run in `C:\repo`) are
/// all `cases/x.toml`, which GitHub places. A name that is not UTF-8 keeps each byte that
/// is not as `\xe4`, so that every name can be told apart and none is lost.
pub fn path(path: &std::path::Path) -> String {
    static WORKING_FOLDER: std::sync::OnceLock<Option<std::path::PathBuf>> =
        std::sync::OnceLock::new();
    let folder = WORKING_FOLDER.get_or_init(|| std::env::current_dir().ok());
    shown_path(path, folder.as_deref())
}

/// `path`, relative to `folder` where it lies under it.
fn shown_path(path: &std::path::Path, folder: Option<&std::path::Path>) -> String {
    use std::path::Component;
    let inside = folder
        .filter(|_| path.is_absolute())
        .and_then(|folder| within(path, folder));
    let parts: Vec<Component<'_>> = match inside {
        Some(rest) if !rest.is_empty() => rest,
        _ => path.components().collect(),
    };
    let mut out = String::new();
    for part in parts {
        if !(out.is_empty() || out.ends_with('/') || matches!(part, Component::RootDir)) {
            out.push('/');
        }
        match part {
            Component::Prefix(prefix) => out.push_str(&drive(prefix)),
            Component::RootDir => out.push('/'),
            Component::CurDir => {}
            Component::ParentDir => out.push_str(".."),
            Component::Normal(name) => push_name(&mut out, name),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// The parts of `path` after those of `folder`, if it starts with them all. Windows
/// compares names as its file systems do, without regard to case, and a drive as the same
/// however it is written (`C:`, `c:`, `\\?\C:`).
fn within<'p>(
    path: &'p std::path::Path,
    folder: &std::path::Path,
) -> Option<Vec<std::path::Component<'p>>> {
    use std::path::Component;
    let mut rest = path.components();
    for part in folder.components() {
        let next = rest.next()?;
        let same = match (part, next) {
            (Component::Prefix(a), Component::Prefix(b)) => {
                drive(a).eq_ignore_ascii_case(&drive(b))
            }
            _ if cfg!(windows) => part.as_os_str().eq_ignore_ascii_case(next.as_os_str()),
            _ => part == next,
        };
        if !same {
            return None;
        }
    }
    Some(rest.collect())
}

/// A Windows drive or share: `C:`, `//server/share`.
fn drive(prefix: std::path::PrefixComponent<'_>) -> String {
    use std::path::Prefix;
    match prefix.kind() {
        Prefix::Disk(letter) | Prefix::VerbatimDisk(letter) => format!("{}:", letter as char),
        Prefix::UNC(server, share) | Prefix::VerbatimUNC(server, share) => {
            format!("//{}/{}", server.to_string_lossy(), share.to_string_lossy())
        }
        _ => prefix.as_os_str().to_string_lossy().replace('\\', "/"),
    }
}

/// One name of a path, with each byte that is not UTF-8 as `\xe4`.
fn push_name(out: &mut String, name: &std::ffi::OsStr) {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    #[cfg(not(unix))]
    {
        out.push_str(&name.to_string_lossy());
    }
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
            c if is_unsafe(c) || is_xml_forbidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Characters that mean something inline anywhere in a line of Markdown (CommonMark with
/// the GitHub extensions: tables, strikethrough, math), escaped with a backslash.
fn is_markdown_inline(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '$'
    )
}

/// Text from a file as one line of Markdown that shows as it was written, whether in a
/// paragraph, a list item, a heading or a table cell: inline markup, `|` and HTML are
/// escaped, line breaks and runs of spaces become one space, a line that would start a
/// block (a list, a heading, a rule) is escaped, and control characters are shown as
/// escapes, as `clean` does.
pub fn markdown(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let cleaned = clean(&text);
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let line = words.join(" ");
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if is_markdown_inline(c) {
            out.push('\\');
        }
        out.push(c);
    }
    escape_block_start(out)
}

/// Escapes what would make a line start a block: `-`, `+` and `=` (lists, rules, setext
/// headings) and the `1.` or `1)` of an ordered list. `#`, `>` and `*` are escaped
/// everywhere already.
fn escape_block_start(line: String) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
}

/// Text from a file as Markdown paragraphs: each paragraph (separated by a blank line)
/// escaped by `markdown` onto one line.
pub fn markdown_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .map(markdown)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Text from a file as HTML paragraphs: each paragraph (separated by a blank line)
/// escaped by `markup`, its line breaks kept as spaces.
pub fn markup_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    text.split("\n\n")
        .map(|p| markup(&p.split_whitespace().collect::<Vec<_>>().join(" ")))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A URL that is safe to link to: `http` or `https`, with nothing in it that would
/// break out of an attribute or a Markdown autolink. Anything else is shown as text.
pub fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
    let safe = url
        .chars()
        .all(|c| !c.is_whitespace() && !is_unsafe(c) && !matches!(c, '<' | '>' | '"' | '\'' | '`'));
    match scheme.as_deref() {
        Some("http" | "https") if safe && url.len() > "https://".len() => Some(url),
        _ => None,
    }
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

/// JSON as serde_json writes it, but the characters `clean` escapes (C1 controls, DEL,
/// bidirectional overrides; C0 controls serde escapes itself) are written as `\uXXXX`
/// too: the same value to a parser, nothing raw for a terminal that shows it.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                // Outside the Basic Multilingual Plane (tag characters), as a
                // surrogate pair.
                let mut units = [0; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    // The layout is the inner formatter's.
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// A value as pretty-printed JSON, safe to show on a terminal.
pub fn json_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = Serializer::with_formatter(&mut out, Safe(PrettyFormatter::new()));
    // Serializing into memory fails only for a map with non-string keys, which no
    // output type has.
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// A value as compact JSON on a writer, safe to show on a terminal.
pub fn write_json<W: io::Write, T: Serialize + ?Sized>(out: W, value: &T) -> io::Result<()> {
    let mut ser = Serializer::with_formatter(out, Safe(CompactFormatter));
    value.serialize(&mut ser).map_err(io::Error::other)
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
    fn invisible_characters_are_escaped() {
        for c in [
            '\u{200b}',
            '\u{200d}',
            '\u{200e}',
            '\u{200f}',
            '\u{061c}',
            '\u{2028}',
            '\u{2029}',
            '\u{feff}',
            '\u{00ad}',
            '\u{2060}',
            '\u{2066}',
            '\u{e0041}',
            '\u{e007f}',
        ] {
            let text = format!("a{c}b");
            let shown = clean(&text);
            assert_eq!(shown, format!("a\\u{{{:x}}}b", c as u32));
            assert!(!markup(&text).contains(c) && !markdown(&text).contains(c));
        }
        assert_eq!(clean("å – ö, “citat” 😀"), "å – ö, “citat” 😀");
    }

    #[test]
    fn no_line_starts_a_workflow_command() {
        assert_eq!(clean("::error::x"), "\\u{3a}:error::x");
        assert_eq!(
            clean("note\n  ::warning file=a::b"),
            "note\n  \\u{3a}:warning file=a::b"
        );
        assert_eq!(clean("##[error]x"), "\\u{23}#[error]x");
        assert_eq!(clean_line("a\n::error::x"), "a\\n\\u{3a}:error::x");
        assert_eq!(clean("a :: b"), "a :: b");
    }

    #[test]
    fn xml_gets_no_character_it_forbids() {
        for c in [
            '\u{fffe}',
            '\u{ffff}',
            '\u{fdd0}',
            '\u{1fffe}',
            '\u{10ffff}',
            '\u{1}',
            '\u{1b}',
        ] {
            let shown = markup(&format!("a{c}b"));
            assert!(!shown.contains(c), "{shown}");
        }
    }

    #[test]
    fn a_path_is_shown_relative_with_forward_slashes() {
        let shown = |p: &str, folder: Option<&str>| {
            shown_path(std::path::Path::new(p), folder.map(std::path::Path::new))
        };
        assert_eq!(shown("./cases/x.toml", None), "cases/x.toml");
        assert_eq!(shown("cases//./x.toml", None), "cases/x.toml");
        assert_eq!(shown("../cases/x.toml", None), "../cases/x.toml");
        assert_eq!(shown("-", None), "-");
        assert_eq!(shown(".", None), ".");
        assert_eq!(shown("./", None), ".");
        #[cfg(unix)]
        {
            assert_eq!(shown("/w/cases/x.toml", Some("/w")), "cases/x.toml");
            assert_eq!(shown("/w/./cases/x.toml", Some("/w/")), "cases/x.toml");
            assert_eq!(shown("/w/x.toml", None), "/w/x.toml");
            assert_eq!(shown("/elsewhere/x.toml", Some("/w")), "/elsewhere/x.toml");
            assert_eq!(shown("/wx/a.toml", Some("/w")), "/wx/a.toml");
            assert_eq!(shown("/w", Some("/w")), "/w");
            assert_eq!(shown("cases\\x.toml", None), "cases\\x.toml");
        }
        #[cfg(windows)]
        {
            assert_eq!(shown(".\\cases\\x.toml", None), "cases/x.toml");
            assert_eq!(
                shown("tests/suite\\nested\\a.toml", None),
                "tests/suite/nested/a.toml"
            );
            assert_eq!(
                shown("c:\\repo\\cases\\x.toml", Some("C:\\Repo")),
                "cases/x.toml"
            );
            assert_eq!(shown("D:\\x.toml", Some("C:\\repo")), "D:/x.toml");
            assert_eq!(shown("\\\\?\\C:\\repo\\x.toml", Some("c:\\repo")), "x.toml");
            assert_eq!(shown("\\\\?\\D:\\x.toml", None), "D:/x.toml");
            assert_eq!(
                shown("\\\\server\\share\\x.toml", None),
                "//server/share/x.toml"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn file_names_that_are_not_utf8_are_shown_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"\xe4rende.toml");
        assert_eq!(path(std::path::Path::new(name)), "\\xe4rende.toml");
        assert_eq!(path(std::path::Path::new("ärende.toml")), "ärende.toml");
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
    fn markdown_is_escaped() {
        assert_eq!(markdown("| pipe |"), "\\| pipe \\|");
        assert_eq!(markdown("**bold**"), "\\*\\*bold\\*\\*");
        assert_eq!(markdown("[link](javascript:x)"), "\\[link\\](javascript:x)");
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            markdown("a_b `c` ~d~ &amp; $x$ #1"),
            "a\\_b \\`c\\` \\~d\\~ \\&amp; \\$x\\$ \\#1"
        );
        assert_eq!(markdown("back\\slash"), "back\\\\slash");
        assert_eq!(markdown("plain, t.ex. (så) här!"), "plain, t.ex. (så) här!");
    }

    #[test]
    fn markdown_keeps_to_one_line_and_starts_no_block() {
        assert_eq!(
            markdown("one\ntwo\r\n\n  three\t four "),
            "one two three four"
        );
        assert_eq!(markdown("# heading"), "\\# heading");
        assert_eq!(markdown("> quote"), "\\> quote");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("+ item"), "\\+ item");
        assert_eq!(markdown("==="), "\\===");
        assert_eq!(markdown("---"), "\\---");
        assert_eq!(markdown("1. first"), "1\\. first");
        assert_eq!(markdown("2023) year"), "2023\\) year");
        assert_eq!(markdown("2023 was a year"), "2023 was a year");
        assert_eq!(markdown("a - b"), "a - b");
    }

    #[test]
    fn markdown_shows_control_characters_as_escapes() {
        assert_eq!(markdown("a\u{1b}[2Jb"), "a\\\\u{1b}\\[2Jb");
        assert_eq!(markdown("x\u{202e}y"), "x\\\\u{202e}y");
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        assert_eq!(
            markdown_paragraphs("one\ntwo\n\n- three\n\n\n"),
            ["one two", "\\- three"]
        );
        assert_eq!(
            markup_paragraphs("a <b>\nc\r\n\r\nd & e"),
            ["a &lt;b&gt; c", "d &amp; e"]
        );
    }

    #[test]
    fn only_web_urls_are_linked() {
        assert_eq!(
            web_url(" https://falun.se/iop "),
            Some("https://falun.se/iop")
        );
        assert_eq!(web_url("HTTP://x.se"), Some("HTTP://x.se"));
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("https://x.se/\"onload=x"), None);
        assert_eq!(web_url("https://x.se/a b"), None);
        assert_eq!(web_url("https://"), None);
        assert_eq!(web_url("ftp://x.se"), None);
    }

    #[test]
    fn json_carries_the_same_text_with_nothing_raw() {
        let text = "a\u{1b}[2J b\u{9b}c \u{202e}d\u{7f} åäö – \"q\"\n\u{200b}\u{e0041}";
        for json in [json_pretty(&[text]), {
            let mut out = Vec::new();
            write_json(&mut out, &[text]).unwrap();
            String::from_utf8(out).unwrap()
        }] {
            assert!(!json.chars().any(|c| is_unsafe(c) || c == '\t'), "{json}");
            assert!(
                json.contains("\\u009b") && json.contains("\\u202e") && json.contains("åäö – ")
            );
            assert!(
                json.contains("\\u200b") && json.contains("\\udb40\\udc41"),
                "{json}"
            );
            let back: Vec<String> = serde_json::from_str(&json).unwrap();
            assert_eq!(back, [text]);
        }
    }

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(workflow_command("50%\nnext", false), "50%25%0Anext");
        assert_eq!(workflow_command("a:b,c", true), "a%3Ab%2Cc");
        assert_eq!(workflow_command("a:b,c", false), "a:b,c");
    }
}
