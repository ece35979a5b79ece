//! Writing files safely: whole or not at all, never over another file by accident, and
//! keeping what is written into.
//!
//! - A new file is created with the mode the umask gives, like any program's.
//! - A regular file is replaced atomically (a temporary file renamed over it) with its
//!   mode and, where permitted, its owner and group; one with other hard links is
//!   rewritten in place, after a backup, so that the links keep seeing it.
//! - A symbolic link is written through to the file it points to and stays a link.
//! - A FIFO or character device (`/dev/null`, `/dev/stdout`) is written to, never
//!   replaced, and given up after `input::WAIT` if no one reads it; a block device or a
//!   socket is refused.
//! - Ctrl-C waits for a write under way (`hold_writes`), so it never leaves half a file
//!   or a temporary one.

use std::borrow::Cow;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, mpsc};
use std::time::Duration;

use crate::diagnostic::{Diagnostic, FileKind, Problem};
use crate::escape;

/// Whether a write may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Replace it: the file is the one being updated, or `--force` was given.
    Allow,
    /// Refuse with `AlreadyExists` if the file exists.
    Refuse,
}

static WRITES: Mutex<()> = Mutex::new(());

/// Held while a file is being written: whoever holds it (the Ctrl-C handler before it
/// exits) knows that no write is half done.
pub fn hold_writes() -> MutexGuard<'static, ()> {
    WRITES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Writes `bytes` to `path` as the module's documentation says. A refusal is an
/// `io::Error` that carries its diagnostic (`Diagnostic::from_io`).
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: Overwrite) -> io::Result<()> {
    write_within(path, bytes, overwrite, crate::input::WAIT)
}

/// `write_atomic`, waiting at most `wait` for the reader of a FIFO.
pub fn write_within(
    path: &Path,
    bytes: &[u8],
    overwrite: Overwrite,
    wait: Duration,
) -> io::Result<()> {
    let refuse = |problem| Err(Diagnostic::file(&escape::path(path), problem).into_io());
    // A file that appears between the look and the write is looked at again.
    for _ in 0..3 {
        let link = match fs::symlink_metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => match create_new(path, bytes) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                done => return done,
            },
            Err(e) => return Err(e),
            Ok(meta) => meta,
        };
        let meta = if link.file_type().is_symlink() {
            match fs::metadata(path) {
                Ok(meta) => meta,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    if overwrite == Overwrite::Refuse {
                        return Err(exists());
                    }
                    let target = fs::read_link(path).unwrap_or_default();
                    let target = escape::path(&target);
                    return refuse(Problem::DanglingLink { target });
                }
                Err(e) => return Err(e),
            }
        } else {
            link
        };
        return match FileKind::of(meta.file_type()) {
            None if meta.is_dir() => refuse(Problem::Folder),
            None if overwrite == Overwrite::Refuse => Err(exists()),
            None => replace(&fs::canonicalize(path)?, &meta, bytes),
            Some(FileKind::Fifo | FileKind::CharDevice) => write_into(path, bytes, wait),
            Some(kind) => refuse(Problem::WontWrite { kind }),
        };
    }
    Err(exists())
}

fn exists() -> io::Error {
    io::Error::from(io::ErrorKind::AlreadyExists)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn temporary() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".iop-").suffix(".tmp");
    builder
}

/// A new file, with the mode the umask leaves of 0666. Never replaces one that
/// appeared meanwhile.
fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let _held = hold_writes();
    let dir = folder_of(path);
    let builder = temporary();
    #[cfg(unix)]
    let builder = {
        use std::os::unix::fs::PermissionsExt;
        let mut builder = builder;
        builder.permissions(fs::Permissions::from_mode(0o666));
        builder
    };
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

/// Replaces a regular file (`path` is its real path), keeping its mode, owner, group
/// and hard links.
fn replace(path: &Path, meta: &Metadata, bytes: &[u8]) -> io::Result<()> {
    if links(meta) > 1 {
        return rewrite_in_place(path, bytes);
    }
    let _held = hold_writes();
    let dir = folder_of(path);
    let mut temp = temporary().tempfile_in(dir)?;
    keep_owner(temp.as_file(), meta);
    temp.as_file().set_permissions(meta.permissions())?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

#[cfg(unix)]
fn links(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &Metadata) -> u64 {
    1
}

/// Gives `file` the owner and group of `meta`, or what of them is permitted.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &Metadata) {
    use std::os::unix::fs::{MetadataExt, fchown};
    if fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = fchown(file, None, Some(meta.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) {}

/// A file with other hard links is written in place, so that every name keeps seeing
/// it. Its old text is copied aside first and put back if the write fails; if even that
/// fails, the copy is kept and named in the error.
fn rewrite_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let _held = hold_writes();
    let dir = folder_of(path);
    let backup = temporary().suffix(".bak").tempfile_in(dir)?;
    fs::copy(path, backup.path())?;
    backup.as_file().sync_all()?;
    let write = || -> io::Result<()> {
        let mut file = OpenOptions::new().write(true).open(path)?;
        file.write_all(bytes)?;
        file.set_len(bytes.len() as u64)?;
        file.sync_all()
    };
    match write() {
        Ok(()) => Ok(()),
        Err(e) => match fs::copy(backup.path(), path) {
            Ok(_) => Err(e),
            Err(_) => {
                let kept: PathBuf = backup.keep().map(|(_, p)| p).unwrap_or_default();
                Err(io::Error::new(
                    e.kind(),
                    format!("{e}; the old text is in {}", escape::path(&kept)),
                ))
            }
        },
    }
}

/// Writes `bytes` over the regular file open as `file` (at `path`, whose text was `old`),
/// from its start: where a file that is open cannot be replaced (Windows), a save holds the
/// answer file open and locked and writes through it. Ctrl-C waits for it. If the write
/// fails, the old text is written back; if even that fails, it is kept beside the file and
/// named in the error.
pub fn rewrite_through(file: &mut File, path: &Path, old: &[u8], bytes: &[u8]) -> io::Result<()> {
    use std::io::Seek;
    let _held = hold_writes();
    let write = |file: &mut File, bytes: &[u8]| -> io::Result<()> {
        file.rewind()?;
        file.write_all(bytes)?;
        file.set_len(bytes.len() as u64)?;
        file.sync_all()
    };
    let Err(e) = write(file, bytes) else {
        return Ok(());
    };
    if write(file, old).is_ok() {
        return Err(e);
    }
    let mut backup = temporary().suffix(".bak").tempfile_in(folder_of(path))?;
    backup.write_all(old)?;
    let kept: PathBuf = backup.keep().map(|(_, p)| p).unwrap_or_default();
    Err(io::Error::new(
        e.kind(),
        format!("{e}; the old text is in {}", escape::path(&kept)),
    ))
}

/// Writes into a FIFO or device as it is, on a thread of its own: a FIFO that no one
/// reads is given up after `wait`, and the thread ends with iop.
fn write_into(path: &Path, bytes: &[u8], wait: Duration) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    let owned = path.to_path_buf();
    let bytes = bytes.to_vec();
    std::thread::spawn(move || {
        let written = OpenOptions::new()
            .write(true)
            .open(&owned)
            .and_then(|mut f| f.write_all(&bytes).and_then(|()| f.flush()));
        let _ = tx.send(written);
    });
    match rx.recv_timeout(wait) {
        Ok(written) => written,
        Err(_) => {
            let problem = Problem::TimedOut {
                seconds: wait.as_secs(),
                writing: true,
            };
            Err(Diagnostic::file(&escape::path(path), problem).into_io())
        }
    }
}

/// Makes a rename durable; a folder that cannot be opened or synced is left as it is.
fn sync_folder(dir: &Path) {
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// Whether a file's lines end in CRLF, judged by its first line end.
pub fn uses_crlf(text: &[u8]) -> bool {
    text.iter()
        .position(|&b| b == b'\n')
        .is_some_and(|i| i > 0 && text[i - 1] == b'\r')
}

/// `text` with every line end as CRLF when `crlf`, else as it is.
pub fn with_line_ends(text: &str, crlf: bool) -> Cow<'_, str> {
    if !crlf {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\n', "\r\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomic(&path, b"one", Overwrite::Refuse).unwrap();
        let err = write_atomic(&path, b"two", Overwrite::Refuse).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three", Overwrite::Allow).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_file_held_open_is_written_through_its_handle() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        std::fs::write(&path, "a longer old text").unwrap();
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .unwrap();
        rewrite_through(&mut file, &path, b"a longer old text", b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        rewrite_through(&mut file, &path, b"new", b"newer and longer").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"newer and longer");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn line_ends_follow_the_first_line() {
        assert!(uses_crlf(b"[case]\r\ntitle = 1\n"));
        assert!(!uses_crlf(b"[case]\ntitle = 1\r\n"));
        assert!(!uses_crlf(b""));
        assert_eq!(with_line_ends("a\nb\r\nc", true), "a\r\nb\r\nc");
        assert_eq!(with_line_ends("a\nb", false), "a\nb");
    }

    #[cfg(unix)]
    mod unix {
        use super::*;
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        use std::process::Command;

        fn mode(path: &Path) -> u32 {
            fs::metadata(path).unwrap().mode() & 0o7777
        }

        #[test]
        fn a_replaced_file_keeps_its_mode_and_a_new_one_gets_the_umask() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("case.toml");
            fs::write(&path, "old").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
            write_atomic(&path, b"new", Overwrite::Allow).unwrap();
            assert_eq!(mode(&path), 0o640);
            assert_eq!(fs::read(&path).unwrap(), b"new");

            // The umask of the test process, read as a new file shows it.
            let probe = dir.path().join("probe");
            drop(
                OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&probe)
                    .unwrap(),
            );
            let fresh = dir.path().join("fresh.toml");
            write_atomic(&fresh, b"x", Overwrite::Refuse).unwrap();
            assert_eq!(mode(&fresh), mode(&probe), "as any program creates a file");
        }

        #[test]
        fn a_file_with_hard_links_is_written_in_place() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("case.toml");
            let other = dir.path().join("link.toml");
            fs::write(&path, "old old old").unwrap();
            fs::hard_link(&path, &other).unwrap();
            write_atomic(&path, b"new", Overwrite::Allow).unwrap();
            assert_eq!(fs::read(&other).unwrap(), b"new");
            assert_eq!(fs::metadata(&path).unwrap().nlink(), 2);
            let left = fs::read_dir(dir.path()).unwrap().count();
            assert_eq!(left, 2, "the backup is removed");
        }

        #[test]
        fn a_symlink_is_written_through_and_stays_a_link() {
            let dir = tempfile::tempdir().unwrap();
            let target = dir.path().join("real.toml");
            let link = dir.path().join("link.toml");
            fs::write(&target, "old").unwrap();
            std::os::unix::fs::symlink("real.toml", &link).unwrap();
            let err = write_atomic(&link, b"x", Overwrite::Refuse).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
            write_atomic(&link, b"new", Overwrite::Allow).unwrap();
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(fs::read(&target).unwrap(), b"new");

            let dangling = dir.path().join("dangling.toml");
            std::os::unix::fs::symlink("missing.toml", &dangling).unwrap();
            let err = write_atomic(&dangling, b"x", Overwrite::Allow).unwrap_err();
            let d = Diagnostic::from_io("?", err, true);
            assert_eq!(
                d.problem,
                Problem::DanglingLink {
                    target: "missing.toml".into()
                }
            );
            assert!(!dir.path().join("missing.toml").exists());
        }

        fn made(command: &mut Command) -> bool {
            command.status().is_ok_and(|s| s.success())
        }

        #[test]
        fn a_fifo_is_written_into_and_given_up_without_a_reader() {
            let dir = tempfile::tempdir().unwrap();
            let fifo = dir.path().join("out.md");
            if !made(Command::new("mkfifo").arg(&fifo)) {
                eprintln!("skipped: mkfifo is not available");
                return;
            }
            let wait = Duration::from_millis(200);
            let err = write_within(&fifo, b"x", Overwrite::Allow, wait).unwrap_err();
            let d = Diagnostic::from_io("?", err, true);
            assert!(matches!(d.problem, Problem::TimedOut { writing: true, .. }));

            // A new FIFO: the thread given up on above still waits at the first one.
            let fifo = dir.path().join("out2.md");
            assert!(made(Command::new("mkfifo").arg(&fifo)));
            let reader = {
                let fifo = fifo.clone();
                std::thread::spawn(move || fs::read(&fifo).unwrap())
            };
            write_within(&fifo, b"draft", Overwrite::Refuse, input_wait()).unwrap();
            assert_eq!(reader.join().unwrap(), b"draft");
            let kind = FileKind::of(fs::symlink_metadata(&fifo).unwrap().file_type());
            assert_eq!(kind, Some(FileKind::Fifo), "still a FIFO");
        }

        fn input_wait() -> Duration {
            crate::input::WAIT
        }

        /// A device node of our own, as root can make: /dev/null's numbers (1, 3) for a
        /// character device, and a loop device's (7, 0) for a block device.
        fn device(dir: &Path, name: &str, kind: &str, major: &str, minor: &str) -> Option<PathBuf> {
            let path = dir.join(name);
            made(Command::new("mknod").arg(&path).args([kind, major, minor])).then_some(path)
        }

        #[test]
        fn a_device_is_never_replaced() {
            let dir = tempfile::tempdir().unwrap();
            let Some(null) = device(dir.path(), "null", "c", "1", "3") else {
                eprintln!("skipped: cannot make a device node (not root?)");
                return;
            };
            write_atomic(&null, b"written into, not over", Overwrite::Allow).unwrap();
            let kind = FileKind::of(fs::symlink_metadata(&null).unwrap().file_type());
            assert_eq!(kind, Some(FileKind::CharDevice));

            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&null, &link).unwrap();
            write_atomic(&link, b"x", Overwrite::Allow).unwrap();
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );

            if let Some(block) = device(dir.path(), "loop", "b", "7", "0") {
                let err = write_atomic(&block, b"x", Overwrite::Allow).unwrap_err();
                let d = Diagnostic::from_io("?", err, true);
                assert_eq!(
                    d.problem,
                    Problem::WontWrite {
                        kind: FileKind::BlockDevice
                    }
                );
                let kind = FileKind::of(fs::symlink_metadata(&block).unwrap().file_type());
                assert_eq!(kind, Some(FileKind::BlockDevice));
            }
        }

        #[test]
        fn a_full_device_is_an_error() {
            let path = Path::new("/dev/full");
            if !path.exists() {
                return;
            }
            let err = write_atomic(path, b"x", Overwrite::Allow).unwrap_err();
            assert_eq!(err.raw_os_error(), Some(28), "ENOSPC: {err}");
        }
    }
}
