use std::borrow::Cow;
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::FromArgMatches;
use iop::cli::Cli;
use iop::diagnostic::OsError;
use iop::escape::clean;
use iop::i18n::{Lang, Words, help};
use iop::term::{ColorChoice, Term};
use iop::{Exit, app, files, term};

/// The value of a global flag (`--lang sv`, `--color=never`), read before the command line
/// is parsed so that `--help` and usage errors can follow it.
fn flag<'a>(args: &'a [OsString], name: &str) -> Option<&'a str> {
    args.iter().enumerate().find_map(|(i, a)| {
        match a.to_str()?.strip_prefix("--")?.strip_prefix(name) {
            Some("") => args.get(i + 1).and_then(|v| v.to_str()),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        }
    })
}

/// The language asked for by `--lang`.
fn lang_flag(args: &[OsString]) -> Option<Lang> {
    match flag(args, "lang")? {
        "sv" => Some(Lang::Sv),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The colour asked for by `--color`.
fn color_flag(args: &[OsString]) -> ColorChoice {
    match flag(args, "color") {
        Some("always") => ColorChoice::Always,
        Some("never") => ColorChoice::Never,
        _ => ColorChoice::Auto,
    }
}

/// A stream as the command writes to it: where it is coloured, through `anstream`, which
/// turns the colours on in a Windows console; elsewhere the bytes pass as they are.
fn stream<S: anstream::stream::RawStream>(raw: S, color: bool) -> anstream::AutoStream<S> {
    let choice = match color {
        true => anstream::ColorChoice::Always,
        false => anstream::ColorChoice::AlwaysAnsi,
    };
    anstream::AutoStream::new(raw, choice)
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
    // stdout and stderr each decide whether to colour, and how wide to break prose.
    let stdout_is_terminal = io::stdout().is_terminal();
    let stderr_is_terminal = io::stderr().is_terminal();
    let terms = |choice| {
        let out = term::use_color(choice, stdout_is_terminal, env);
        let err = term::use_color(choice, stderr_is_terminal, env);
        (
            Term::new(
                out,
                stdout_is_terminal,
                stdout_is_terminal.then(term::stdout_width).flatten(),
            ),
            Term::new(
                err,
                stderr_is_terminal,
                stderr_is_terminal.then(term::stderr_width).flatten(),
            ),
        )
    };
    let (out, err) = terms(color_flag(&args[1.min(args.len())..]));
    // A usage error may quote what was typed: coloured only when nothing typed holds a
    // character `escape::clean` would escape, so that only clap's own styles reach the
    // terminal (clap drops an escape sequence it finds in what it quotes, but only from
    // the text it gives without colour).
    let typed_plain = args
        .iter()
        .all(|a| matches!(clean(&a.to_string_lossy()), Cow::Borrowed(_)));
    let error_color = err.color && typed_plain;
    let matches = match help::command(lang, out.color).try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(e) => return clap_exit(&e, error_color),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e, error_color),
    };
    let (out, err) = terms(cli.global.color);
    // Ctrl-C during an interview: say what was saved where, then stop as SIGINT would;
    // a file being written is finished first.
    if app::handles_interrupt(&cli.command) {
        let _ = ctrlc::set_handler(|| {
            let _held = files::hold_writes();
            let message = app::interrupt_message();
            if !message.is_empty() {
                let _ = writeln!(io::stderr(), "\n{message}");
            }
            std::process::exit(130);
        });
    }
    let stdin = io::stdin();
    let stdin_is_terminal = stdin.is_terminal();
    let mut stdin = stdin.lock();
    let mut stdout = Tracked::new(stream(io::stdout().lock(), out.color));
    let mut stderr = Tracked::new(stream(io::stderr(), err.color));
    let exit = {
        let mut io = app::Io {
            stdin: &mut stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
            lang,
            stdin_is_terminal,
            stdout_is_terminal,
            out,
            err,
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

/// A usage error, `--help` or `--version`: on stderr for an error (coloured by `color`,
/// else escaped: it may quote what was typed), on stdout for help; a failed write is an
/// error.
fn clap_exit(e: &clap::Error, color: bool) -> ExitCode {
    let code = e.exit_code();
    let written = if e.use_stderr() {
        let styled = e.render();
        let text = match color {
            true => styled.ansi().to_string(),
            false => clean(&styled.to_string()).into_owned(),
        };
        stream(io::stderr(), color).write_all(text.as_bytes())
    } else {
        e.print().and_then(|()| io::stdout().flush())
    };
    match written {
        Err(_) if code == 0 => ExitCode::from(Exit::Error as u8),
        _ => ExitCode::from(u8::try_from(code).unwrap_or(Exit::Error as u8)),
    }
}
