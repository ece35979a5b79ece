//! Reading within bounds: a file is read up to a size limit, a FIFO or device only for a
//! while, and a line typed at the interview up to a length limit, so that no input makes
//! `iop` wait for ever or fill its memory.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use crate::diagnostic::{Diagnostic, FileKind, Problem};

/// The largest file read: an answer or criteria file is a few kilobytes.
pub const MAX_FILE: u64 = 16 << 20;

/// The longest line read at the interview's prompt.
pub const MAX_LINE: usize = 64 << 10;

/// How long a FIFO or device named on the command line is waited for.
pub const WAIT: Duration = Duration::from_secs(10);

/// Reads a file named `name` in messages, within `MAX_FILE` and `WAIT`.
pub fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, Diagnostic> {
    read_file_within(path, name, MAX_FILE, WAIT)
}

/// Reads a file of at most `limit` bytes. A regular file is read at once; a FIFO or
/// character device (`<(…)`, `/dev/stdin`) on a thread of its own, for at most `wait`.
pub fn read_file_within(
    path: &Path,
    name: &str,
    limit: u64,
    wait: Duration,
) -> Result<Vec<u8>, Diagnostic> {
    let failed = |e: io::Error| Diagnostic::file(name, Problem::Read((&e).into()));
    let meta = std::fs::metadata(path).map_err(failed)?;
    if meta.is_dir() {
        return Err(Diagnostic::file(name, Problem::Folder));
    }
    let too_large = || Diagnostic::file(name, Problem::TooLarge { limit });
    match FileKind::of(meta.file_type()) {
        None => {
            let file = File::open(path).map_err(failed)?;
            read_limited(file, limit, meta.len())
                .map_err(failed)?
                .ok_or_else(too_large)
        }
        Some(FileKind::Fifo | FileKind::CharDevice) => {
            let (tx, rx) = mpsc::channel();
            let owned = path.to_path_buf();
            // If the other end never writes, the thread stays blocked until iop exits.
            std::thread::spawn(move || {
                let read = File::open(&owned).and_then(|f| read_limited(f, limit, 0));
                let _ = tx.send(read);
            });
            match rx.recv_timeout(wait) {
                Ok(read) => read.map_err(failed)?.ok_or_else(too_large),
                Err(_) => Err(Diagnostic::file(
                    name,
                    Problem::TimedOut {
                        seconds: wait.as_secs(),
                        writing: false,
                    },
                )),
            }
        }
        Some(kind) => Err(Diagnostic::file(name, Problem::NotRegular { kind })),
    }
}

/// Reads an answer file given as `-` from standard input, to its end, within `limit`
/// (`MAX_FILE` for a run), named `-` in messages.
pub fn read_stdin(stdin: &mut dyn Read, limit: u64) -> Result<Vec<u8>, Diagnostic> {
    read_limited(stdin, limit, 0)
        .map_err(|e| Diagnostic::file("-", Problem::Read((&e).into())))?
        .ok_or_else(|| Diagnostic::file("-", Problem::TooLarge { limit }))
}

/// Everything `reader` gives, or `None` if that is more than `limit` bytes. `size`, the
/// size the file had when looked at, is room made beforehand: a file that has not changed
/// is read in one call (and one more that finds its end).
pub(crate) fn read_limited(
    reader: impl Read,
    limit: u64,
    size: u64,
) -> io::Result<Option<Vec<u8>>> {
    let room = usize::try_from(size.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room.saturating_add(1));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// One line of input without its line end, `None` at the end of the input, or a
/// `LineTooLong` diagnostic (carried in the error) for a line over `limit` bytes. A line
/// that is not UTF-8 reads as an empty one.
pub fn read_line(input: &mut dyn BufRead, limit: usize) -> io::Result<Option<String>> {
    let mut bytes = Vec::new();
    let read = Read::take(&mut *input, limit as u64 + 1).read_until(b'\n', &mut bytes)?;
    if read == 0 {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
    } else if bytes.len() > limit {
        return Err(Diagnostic::file("-", Problem::LineTooLong { limit }).into_io());
    }
    let line = String::from_utf8(bytes).unwrap_or_default();
    Ok(Some(line.trim_end_matches('\r').to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        std::fs::write(&path, vec![b'#'; 101]).unwrap();
        let d = read_file_within(&path, "big.toml", 100, WAIT).unwrap_err();
        assert_eq!(d.problem, Problem::TooLarge { limit: 100 });
        assert_eq!(d.file, "big.toml");
        std::fs::write(&path, vec![b'#'; 100]).unwrap();
        assert_eq!(read_file_within(&path, "x", 100, WAIT).unwrap().len(), 100);
    }

    #[test]
    fn standard_input_is_read_within_the_limit_by_the_name_dash() {
        assert_eq!(read_stdin(&mut &b"[answers]\n"[..], 100).unwrap().len(), 10);
        let d = read_stdin(&mut io::repeat(b'#'), 1 << 10).unwrap_err();
        assert_eq!(d.problem, Problem::TooLarge { limit: 1 << 10 });
        assert_eq!(d.file, "-");
    }

    #[test]
    fn a_folder_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let d = read_file(dir.path(), "d").unwrap_err();
        assert_eq!(d.problem, Problem::Folder);
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_device_stops_at_the_limit() {
        let d = read_file_within(Path::new("/dev/zero"), "/dev/zero", 1 << 20, WAIT).unwrap_err();
        assert_eq!(d.problem, Problem::TooLarge { limit: 1 << 20 });
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_no_one_writes_to_is_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("case.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let wait = Duration::from_millis(200);
        let d = read_file_within(&fifo, "case.toml", MAX_FILE, wait).unwrap_err();
        assert!(matches!(
            d.problem,
            Problem::TimedOut { writing: false, .. }
        ));
    }

    #[test]
    fn lines_are_read_up_to_the_limit() {
        let mut input: &[u8] = b"ja\r\nnej\n\xff\nlast";
        let mut lines = Vec::new();
        while let Some(line) = read_line(&mut input, 10).unwrap() {
            lines.push(line);
        }
        assert_eq!(lines, ["ja", "nej", "", "last"]);

        let long = vec![b'j'; 11];
        let e = read_line(&mut long.as_slice(), 10).unwrap_err();
        let d = Diagnostic::from_io("-", e, false);
        assert_eq!(d.problem, Problem::LineTooLong { limit: 10 });
        // Exactly at the limit, with or without its line end, is fine.
        assert_eq!(
            read_line(&mut &b"jjjjjjjjjj\n"[..], 10).unwrap().as_deref(),
            Some("jjjjjjjjjj")
        );
    }

    #[test]
    fn an_endless_line_is_not_read_to_its_end() {
        let mut endless = io::BufReader::new(io::repeat(b'j'));
        let e = read_line(&mut endless, MAX_LINE).unwrap_err();
        assert!(e.get_ref().is_some());
    }
}
