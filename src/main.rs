use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::FromArgMatches;
use iop::cli::Cli;
use iop::diagnostic::OsError;
use iop::escape::clean;
use iop::i18n::{Lang, Words, help};
use iop::{Exit, app, files, term};

/// The language asked for by `--lang`, read before the command line is parsed so that
/// `--help` can be given in it.
fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let value =
        args.iter()
            .enumerate()
            .find_map(|(i, a)| match a.to_str()?.strip_prefix("--lang") {
                Some("") => args.get(i + 1).and_then(|v| v.to_str()),
                Some(rest) => rest.strip_prefix('='),
                None => None,
            })?;
    match value {
        "sv" => Some(Lang::Sv),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// A writer that remembers its first failure, and fails every write after it at once:
/// a command whose output is gone stops at its next write, and the exit code says so.
struct Tracked<W: Write> {
    inner: W,
    failed: Option<(io::ErrorKind, String)>,
}

impl<W: Write> Tracked<W> {
    fn new(inner: W) -> Tracked<W> {
        Tracked {
            inner,
            failed: None,
        }
    }

    fn check<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &result
            && self.failed.is_none()
            && e.kind() != io::ErrorKind::Interrupted
        {
            self.failed = Some((e.kind(), e.to_string()));
        }
        result
    }

    fn refused(&self) -> Option<io::Error> {
        self.failed
            .as_ref()
            .map(|(kind, message)| io::Error::new(*kind, message.clone()))
    }
}

impl<W: Write> Write for Tracked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(e) = self.refused() {
            return Err(e);
        }
        let result = self.inner.write(buf);
        self.check(result)
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(e) = self.refused() {
            return Err(e);
        }
        let result = self.inner.flush();
        self.check(result)
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let env = |name: &str| std::env::var(name).ok();
    let lang = lang_flag(&args[1.min(args.len())..])
        .unwrap_or_else(|| Lang::from_locale(env, sys_locale::get_locale));
    let words = Words(lang);
    let matches = match help::command(lang).try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(e) => return clap_exit(&e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let color = term::use_color(cli.global.color, io::stdout().is_terminal(), env);
    colored::control::set_override(color);
    // Ctrl-C during an interview: say what was saved where, then stop as SIGINT would;
    // a file being written is finished first.
    let _ = ctrlc::set_handler(|| {
        let _held = files::hold_writes();
        let message = app::interrupt_message();
        if !message.is_empty() {
            let _ = writeln!(io::stderr(), "\n{message}");
        }
        std::process::exit(130);
    });
    let stdin = io::stdin();
    let stdin_is_terminal = stdin.is_terminal();
    let stdout_is_terminal = io::stdout().is_terminal();
    let mut stdin = stdin.lock();
    let mut stdout = Tracked::new(io::stdout().lock());
    let mut stderr = Tracked::new(io::stderr());
    let exit = {
        let mut io = app::Io {
            stdin: &mut stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
            lang,
            stdin_is_terminal,
            stdout_is_terminal,
        };
        app::run(&cli, &mut io)
    };
    let _ = stdout.flush();
    let mut code = exit as u8;
    // A run whose output could not be written has failed, whatever it decided. A closed
    // pipe (`iop … | head`) ends it quietly, as it does `cat`.
    if let Some((kind, message)) = &stdout.failed {
        if *kind != io::ErrorKind::BrokenPipe {
            let error = OsError {
                kind: *kind,
                message: message.clone(),
            };
            let why = words.os_error(&error);
            let line = format!("{}: {}", words.error(), words.output_failed(false, &why));
            let _ = writeln!(stderr, "{line}");
        }
        code = Exit::Error as u8;
    }
    if stderr.failed.is_some() {
        code = Exit::Error as u8;
    }
    ExitCode::from(code)
}

/// A usage error, `--help` or `--version`: the message escaped (it may quote what was
/// typed), on stderr for an error, on stdout for help; a failed write is an error.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let code = e.exit_code();
    let written = if e.use_stderr() {
        let text = e.render().to_string();
        io::stderr().write_all(clean(&text).as_bytes())
    } else {
        e.print().and_then(|()| io::stdout().flush())
    };
    match written {
        Err(_) if code == 0 => ExitCode::from(Exit::Error as u8),
        _ => ExitCode::from(u8::try_from(code).unwrap_or(Exit::Error as u8)),
    }
}
