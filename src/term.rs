//! The terminal: whether to colour, how wide it is, and text broken to fit it.

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Whether to colour: `--color` first, then NO_COLOR (any non-empty value turns colour
/// off), then CLICOLOR_FORCE (any value but `0` turns it on), then whether stdout is a
/// terminal.
pub fn use_color(
    choice: ColorChoice,
    is_terminal: bool,
    var: impl Fn(&str) -> Option<String>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if var("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if var("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                is_terminal
            }
        }
    }
}

/// The width of the terminal stderr writes to, when it is one.
pub fn width() -> Option<usize> {
    terminal_size::terminal_size_of(std::io::stderr())
        .map(|(terminal_size::Width(w), _)| usize::from(w))
        .filter(|w| *w >= 20)
}

/// Breaks text into lines of at most `width` characters, at spaces; a word longer than
/// the width stands on a line of its own. Each line of the text starts a new line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// Text broken to `width` after `first` (which starts the first line), the following
/// lines indented by `pad`; unbroken when there is no width.
pub fn fill(first: &str, text: &str, pad: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return format!("{first}{}", text.replace('\n', &format!("\n{pad}")));
    };
    let room = width.saturating_sub(pad.chars().count()).max(10);
    let lead = first.chars().count().saturating_sub(pad.chars().count());
    // The first line holds `first` in the place of the indentation.
    let mut lines = wrap(&format!("{}{text}", "\u{1}".repeat(lead)), room).into_iter();
    let mut out = String::new();
    if let Some(line) = lines.next() {
        out.push_str(first);
        out.push_str(line.trim_start_matches('\u{1}'));
    }
    for line in lines {
        out.push('\n');
        out.push_str(pad);
        out.push_str(&line);
    }
    out
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
    fn auto_follows_the_terminal() {
        assert!(use_color(ColorChoice::Auto, true, env(&[])));
        assert!(!use_color(ColorChoice::Auto, false, env(&[])));
    }

    #[test]
    fn no_color_and_clicolor_force_are_honoured() {
        assert!(!use_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(use_color(ColorChoice::Auto, true, env(&[("NO_COLOR", "")])));
        assert!(use_color(
            ColorChoice::Auto,
            false,
            env(&[("CLICOLOR_FORCE", "1")])
        ));
        assert!(!use_color(
            ColorChoice::Auto,
            false,
            env(&[("CLICOLOR_FORCE", "0")])
        ));
        assert!(!use_color(
            ColorChoice::Auto,
            false,
            env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])
        ));
    }

    #[test]
    fn the_flag_wins() {
        assert!(use_color(
            ColorChoice::Always,
            false,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(!use_color(
            ColorChoice::Never,
            true,
            env(&[("CLICOLOR_FORCE", "1")])
        ));
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("ordlängd", 3), ["ordlängd"]);
    }

    #[test]
    fn fill_indents_the_following_lines() {
        assert_eq!(
            fill("[1/9] ", "Är det så att detta stämmer?", "      ", Some(20)),
            "[1/9] Är det så att\n      detta stämmer?"
        );
        assert_eq!(fill("  ", "a\nb", "  ", None), "  a\n  b");
    }
}
