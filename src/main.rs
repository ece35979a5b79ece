use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use iop::cli::Cli;
use iop::i18n::Lang;
use iop::{app, term};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = |name: &str| std::env::var(name).ok();
    let lang = cli.global.lang.unwrap_or_else(|| Lang::from_locale(env));
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
    let (mut stdin, mut stdout, mut stderr) =
        (stdin.lock(), std::io::stdout().lock(), std::io::stderr());
    let mut io = app::Io {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
        lang,
        stdin_is_terminal,
    };
    ExitCode::from(app::run(&cli, &mut io) as u8)
}
