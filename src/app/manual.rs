//! `iop completions` and `iop man`: shell completion scripts and the manual page, both
//! drawn from the command line's own definition in `cli.rs`, so they cannot drift from it.

use std::io;

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;

use crate::cli::Cli;

/// The completion script for a shell.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "iop", &mut out);
    out
}

/// Text for roff: a backslash is written `\e`, a minus `\-`, and a line that would start
/// with a control character (`.` or `'`) is protected by `\&`.
fn roff_text(line: &str) -> String {
    let escaped = line.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// A block of text shown as written, line by line (examples, exit codes).
fn verbatim(out: &mut String, text: &str) {
    out.push_str(".PP\n.nf\n");
    for line in text.lines() {
        out.push_str(&roff_text(line));
        out.push('\n');
    }
    out.push_str(".fi\n");
}

/// Renders some sections of a page into roff text.
fn sections(render: impl Fn(&mut Vec<u8>) -> io::Result<()>) -> io::Result<String> {
    let mut out = Vec::new();
    render(&mut out)?;
    String::from_utf8(out).map_err(io::Error::other)
}

/// The manual page `iop(1)`, in roff: the command and its global options, then each
/// command in its own subsection with its synopsis, description, options and examples,
/// then the exit status. One page, so that `man iop` tells everything.
pub fn man() -> io::Result<String> {
    let mut cli = Cli::command();
    cli.build();
    let page = Man::new(cli.clone());
    let mut out = sections(|w| {
        page.render_title(w)?;
        page.render_name_section(w)?;
        page.render_synopsis_section(w)?;
        page.render_description_section(w)?;
        page.render_options_section(w)
    })?;
    out.push_str(".SH COMMANDS\n");
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        // Global options and help are described once, above; each command lists its own.
        let own = sub.clone().mut_args(|arg| {
            if arg.is_global_set() || arg.get_id() == "help" {
                arg.hide(true)
            } else {
                arg
            }
        });
        let after = own.get_after_help().map(|h| h.to_string());
        let page = Man::new(own);
        let text = sections(|w| {
            page.render_synopsis_section(w)?;
            page.render_description_section(w)?;
            page.render_options_section(w)
        })?;
        for line in text.lines() {
            match line {
                ".SH SYNOPSIS" => {
                    out.push_str(&format!(".SS {}\n", sub.get_name()));
                }
                l if l.starts_with(".SH ") => out.push_str(".PP\n"),
                l => {
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
        if let Some(after) = after {
            verbatim(&mut out, &after);
        }
    }
    if let Some(exit_codes) = cli.get_after_help() {
        out.push_str(".SH \"EXIT STATUS\"\n");
        verbatim(&mut out, &exit_codes.to_string());
    }
    out.push_str(&sections(|w| page.render_version_section(w))?);
    Ok(title_first(&out))
}

/// Each rendered part opens with the definition of the apostrophe string `Aq`; the page
/// needs it once, after the title, so that it starts with `.TH` as man pages do.
fn title_first(page: &str) -> String {
    const AQ: [&str; 2] = [".ie \\n(.g .ds Aq \\(aq", ".el .ds Aq '"];
    let mut out = String::with_capacity(page.len());
    for line in page.lines().filter(|l| !AQ.contains(l)) {
        out.push_str(line);
        out.push('\n');
        if line.starts_with(".TH ") {
            out.push_str(&AQ.join("\n"));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_starts_with_its_title() {
        let page = man().unwrap();
        let lines: Vec<&str> = page.lines().take(3).collect();
        assert!(lines[0].starts_with(".TH iop 1 "), "{lines:?}");
        assert_eq!(lines[1..], [".ie \\n(.g .ds Aq \\(aq", ".el .ds Aq '"]);
        assert_eq!(page.matches(".ds Aq").count(), 2);
    }

    #[test]
    fn roff_control_characters_are_escaped() {
        assert_eq!(roff_text(".x -y \\z"), "\\&.x \\-y \\ez");
        assert_eq!(roff_text("'quoted'"), "\\&'quoted'");
    }
}
