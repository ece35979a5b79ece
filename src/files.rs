//! Writing files safely: whole or not at all, and never over another file by accident.

use std::io::{self, Write};
use std::path::Path;

/// Whether a write may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Replace it: the file is the one being updated, or `--force` was given.
    Allow,
    /// Refuse with `AlreadyExists` if the file exists.
    Refuse,
}

/// Writes `bytes` to a temporary file beside `path` and renames it over `path`, so a
/// reader, a crash or Ctrl-C sees the old file or the new one, never a part of either.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: Overwrite) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".iop-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    match overwrite {
        Overwrite::Allow => temp.persist(path).map(drop).map_err(|e| e.error),
        Overwrite::Refuse => temp.persist_noclobber(path).map(drop).map_err(|e| e.error),
    }
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
}
