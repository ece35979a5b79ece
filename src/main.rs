use std::io::IsTerminal;
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
    let (mut stdout, mut stderr) = (std::io::stdout().lock(), std::io::stderr().lock());
    let mut io = app::Io {
        stdout: &mut stdout,
        stderr: &mut stderr,
        lang,
    };
    ExitCode::from(app::run(&cli, &mut io) as u8)
}
