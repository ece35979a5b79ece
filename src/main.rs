use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::FromArgMatches;
use iop::cli::Cli;
use iop::i18n::{Lang, help};
use iop::{app, term};

/// The language asked for by `--lang`, read before the command line is parsed so that
/// `--help` can be given in it.
fn lang_flag() -> Option<Lang> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        })?;
    match value {
        "sv" => Some(Lang::Sv),
        "en" => Some(Lang::En),
        _ => None,
    }
}

fn main() -> ExitCode {
    let env = |name: &str| std::env::var(name).ok();
    let lang = lang_flag().unwrap_or_else(|| Lang::from_locale(env));
    let cli = match Cli::from_arg_matches(&help::command(lang).get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let color = term::use_color(cli.global.color, std::io::stdout().is_terminal(), env);
    colored::control::set_override(color);
    // Ctrl-C during an interview: say what was saved where, then stop as SIGINT would.
    let _ = ctrlc::set_handler(|| {
        let message = app::interrupt_message();
        if !message.is_empty() {
            let _ = writeln!(std::io::stderr(), "\n{message}");
        }
        std::process::exit(130);
    });
    let stdin = std::io::stdin();
    let stdin_is_terminal = stdin.is_terminal();
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let (mut stdin, mut stdout, mut stderr) =
        (stdin.lock(), std::io::stdout().lock(), std::io::stderr());
    let mut io = app::Io {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
        lang,
        stdin_is_terminal,
        stdout_is_terminal,
    };
    ExitCode::from(app::run(&cli, &mut io) as u8)
}
