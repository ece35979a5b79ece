//! The terminal: whether each output stream is coloured, how wide it is, and text broken
//! to fit it. The text renderers take a `Term` for the stream they write to, so stdout and
//! stderr each decide for themselves; nothing here is global.

use anstyle::{AnsiColor, Style};

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Whether to colour a stream, decided in this order: `--color always` or `never`; then
/// `NO_COLOR` (any non-empty value turns colour off); `CLICOLOR_FORCE` (any value but `0`
/// turns it on, even into a pipe); `CLICOLOR=0` and `TERM=dumb` (off); and then whether
/// the stream is a terminal.
pub fn use_color(
    choice: ColorChoice,
    is_terminal: bool,
    var: impl Fn(&str) -> Option<String>,
) -> bool {
    let set = |name: &str| var(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if set("NO_COLOR").is_some() {
                false
            } else if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else if set("CLICOLOR").is_some_and(|v| v == "0")
                || set("TERM").is_some_and(|v| v == "dumb")
            {
                false
            } else {
                is_terminal
            }
        }
    }
}

/// The width prose is broken to on a terminal whose width cannot be told.
pub const DEFAULT_WIDTH: usize = 80;

/// The widest prose is set: longer lines are hard to read (clap's help stops there too).
pub const MAX_WIDTH: usize = 100;

/// The width of the terminal stdout writes to, when it is one that tells.
pub fn stdout_width() -> Option<usize> {
    terminal_size::terminal_size_of(std::io::stdout()).map(|(terminal_size::Width(w), _)| w.into())
}

/// The width of the terminal stderr writes to, when it is one that tells.
pub fn stderr_width() -> Option<usize> {
    terminal_size::terminal_size_of(std::io::stderr()).map(|(terminal_size::Width(w), _)| w.into())
}

/// What a text renderer knows of the stream it writes to: whether to colour it, and the
/// width to break prose to (`None` keeps lines whole, as when the stream is piped, so that
/// scripts and snapshots see whole lines). `Term::default()` is plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Term {
    pub color: bool,
    pub width: Option<usize>,
}

impl Term {
    /// A stream that is coloured or not, and, on a terminal, broken to its `measured`
    /// width (`DEFAULT_WIDTH` where it cannot be told, at most `MAX_WIDTH`).
    pub fn new(color: bool, is_terminal: bool, measured: Option<usize>) -> Term {
        let width = is_terminal.then(|| {
            measured
                .filter(|w| *w >= 20)
                .unwrap_or(DEFAULT_WIDTH)
                .min(MAX_WIDTH)
        });
        Term { color, width }
    }

    /// `text` in `style` where the stream is coloured, else as it is.
    pub fn paint(self, style: Style, text: &str) -> String {
        if self.color && style != Style::new() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.paint(BOLD, text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint(DIM, text)
    }

    /// `text` broken to the stream's width after `first`, the following lines indented by
    /// `pad` (see `fill`).
    pub fn fill(self, first: &str, text: &str, pad: &str) -> String {
        fill(first, text, pad, self.width)
    }
}

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const RED: Style = AnsiColor::Red.on_default();
pub const GREEN: Style = AnsiColor::Green.on_default();
pub const YELLOW: Style = AnsiColor::Yellow.on_default();
pub const BLUE: Style = AnsiColor::Blue.on_default();
pub const MAGENTA: Style = AnsiColor::Magenta.on_default();
pub const CYAN: Style = AnsiColor::Cyan.on_default();

/// How text is broken: at spaces only, never inside a word or at its hyphens (ids such as
/// `sou-2019-56` stay whole); a word longer than the line stands on a line of its own.
/// Widths are the columns a terminal gives each character, escape sequences none.
fn options<'a>(width: usize, first: &'a str, pad: &'a str) -> textwrap::Options<'a> {
    textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(pad)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// Breaks text into lines of at most `width` columns, at spaces; a word longer than the
/// width stands on a line of its own. Each line of the text starts a new line; an empty
/// text has none.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    text.lines()
        .flat_map(|line| textwrap::wrap(line, options(width, "", "")))
        .map(|line| line.into_owned())
        .collect()
}

/// Text broken to `width` after `first` (which starts the first line), the following
/// lines indented by `pad`; unbroken, each line of the text after `pad`, when there is no
/// width.
pub fn fill(first: &str, text: &str, pad: &str, width: Option<usize>) -> String {
    match width {
        Some(width) => textwrap::fill(text, options(width, first, pad)),
        None => format!("{first}{}", text.replace('\n', &format!("\n{pad}"))),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An environment of the given variables, for functions that read one.
    pub(crate) fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_colour_decision_table() {
        use ColorChoice::{Always, Auto, Never};
        // (--color, a terminal, the environment, colour)
        type Row<'a> = (ColorChoice, bool, &'a [(&'a str, &'a str)], bool);
        let table: &[Row<'_>] = &[
            (Auto, true, &[], true),
            (Auto, false, &[], false),
            (Auto, true, &[("TERM", "xterm-256color")], true),
            // NO_COLOR: any value but the empty one.
            (Auto, true, &[("NO_COLOR", "1")], false),
            (Auto, true, &[("NO_COLOR", "")], true),
            // CLICOLOR_FORCE: colour even into a pipe, but not for 0.
            (Auto, false, &[("CLICOLOR_FORCE", "1")], true),
            (Auto, false, &[("CLICOLOR_FORCE", "0")], false),
            (Auto, false, &[("CLICOLOR_FORCE", "")], false),
            (
                Auto,
                true,
                &[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")],
                true,
            ),
            (
                Auto,
                true,
                &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")],
                false,
            ),
            // CLICOLOR=0 and TERM=dumb: none on a terminal either.
            (Auto, true, &[("CLICOLOR", "0")], false),
            (Auto, true, &[("CLICOLOR", "1")], true),
            (Auto, false, &[("CLICOLOR", "1")], false),
            (Auto, true, &[("TERM", "dumb")], false),
            // The flag wins over everything.
            (Always, false, &[("NO_COLOR", "1"), ("TERM", "dumb")], true),
            (Never, true, &[("CLICOLOR_FORCE", "1")], false),
        ];
        for (choice, terminal, vars, expected) in table {
            assert_eq!(
                use_color(*choice, *terminal, env(vars)),
                *expected,
                "--color {choice:?}, terminal {terminal}, {vars:?}"
            );
        }
    }

    #[test]
    fn a_terminal_is_broken_to_its_width_and_a_pipe_not_at_all() {
        assert_eq!(Term::new(false, true, Some(72)).width, Some(72));
        assert_eq!(Term::new(false, true, None).width, Some(DEFAULT_WIDTH));
        assert_eq!(Term::new(false, true, Some(250)).width, Some(MAX_WIDTH));
        assert_eq!(Term::new(true, false, Some(72)).width, None);
    }

    #[test]
    fn paint_only_where_the_stream_is_coloured() {
        let on = Term {
            color: true,
            width: None,
        };
        assert_eq!(on.bold("x"), "\u{1b}[1mx\u{1b}[0m");
        assert_eq!(Term::default().paint(RED, "x"), "x");
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("ordlängd", 3), ["ordlängd"]);
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("a\n\nb\n", 6), ["a", "", "b"]);
        assert_eq!(wrap("", 6), Vec::<String>::new());
        // Never at a hyphen: ids stay whole.
        assert_eq!(wrap("se sou-2019-56", 10), ["se", "sou-2019-56"]);
    }

    #[test]
    fn wrap_counts_the_columns_a_terminal_shows() {
        // Colour takes no column; a wide character takes two.
        let red = format!("{}röd{} text", RED.render(), RED.render_reset());
        assert_eq!(wrap(&red, 8).len(), 1);
        assert_eq!(wrap("漢字 漢字", 8), ["漢字", "漢字"]);
        assert_eq!(wrap("åäö åäö", 7), ["åäö åäö"]);
    }

    #[test]
    fn fill_indents_the_following_lines() {
        assert_eq!(
            fill("[1/9] ", "Är det så att detta stämmer?", "      ", Some(20)),
            "[1/9] Är det så att\n      detta stämmer?"
        );
        assert_eq!(fill("  ", "a\nb", "  ", None), "  a\n  b");
        assert_eq!(fill("  ", "a\nb", "    ", Some(20)), "  a\n    b");
    }
}
