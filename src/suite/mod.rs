//! `iop test`: every case file with an `[expect]` table is one test, passed when each set
//! it names gives the verdict it expects.
//!
//! Files are found, read and decided on worker threads and reported in the order they
//! were found, one at a time, so memory stays flat however many cases there are: no more
//! than `AHEAD` cases are decided ahead of the one being written. When the output fails
//! (`iop test | head`, a full disk), every thread stops at once. A FIFO, device or socket
//! found in a folder is reported, never read.

pub mod github;
pub mod json;
pub mod junit;
pub mod summary;
pub mod text;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};

use crate::diagnostic::{self, Diagnostic, FileKind, OsError, Problem};
use crate::engine;
use crate::escape;
use crate::i18n::Words;
use crate::model::case::{self, Case};
use crate::model::{Catalog, Verdict};

/// `--format` of `iop test`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Junit,
    Github,
}

/// One set's expectation in one case, and what the set decided.
#[derive(Debug, Clone)]
pub struct Check {
    pub set: String,
    pub expected: Verdict,
    pub actual: Verdict,
    pub complete: bool,
    pub failed: Vec<String>,
    pub open: Vec<String>,
    /// The line of the expectation in the case file.
    pub line: usize,
}

impl Check {
    pub fn passed(&self) -> bool {
        self.expected == self.actual
    }

    /// What lies behind the verdict: the criteria not met, and the open questions.
    pub fn reasons(&self, w: Words) -> Vec<String> {
        let mut reasons = Vec::new();
        if !self.failed.is_empty() {
            reasons.push(format!("{}: {}", w.failed_label(), self.failed.join(", ")));
        }
        if !self.open.is_empty() {
            reasons.push(format!("{}: {}", w.open_label(), self.open.join(", ")));
        }
        reasons
    }
}

/// What became of one case file.
#[derive(Debug, Clone)]
pub enum Status {
    /// Every expectation held.
    Passed,
    /// At least one expectation did not hold.
    Failed,
    /// The file has no `[expect]` table.
    Skipped,
    /// The file could not be read or is invalid.
    Broken(Vec<Diagnostic>),
}

#[derive(Debug, Clone)]
pub struct CaseResult {
    pub file: String,
    pub title: Option<String>,
    pub checks: Vec<Check>,
    pub status: Status,
}

impl CaseResult {
    pub fn name(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.file)
    }

    /// The expectations that did not hold.
    pub fn failing(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.passed())
    }
}

/// The totals of a run. A file that cannot be read counts as failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    /// Of the failed: files that could not be read or are invalid.
    pub broken: usize,
}

impl Summary {
    pub fn add(&mut self, status: &Status) {
        match status {
            Status::Passed => self.passed += 1,
            Status::Failed => self.failed += 1,
            Status::Skipped => self.skipped += 1,
            Status::Broken(_) => {
                self.failed += 1;
                self.broken += 1;
            }
        }
    }

    pub fn total(&self) -> usize {
        self.passed + self.failed + self.skipped
    }
}

/// Receives the results of a run one at a time, in order. One per output format.
pub trait Sink {
    fn case(&mut self, result: &CaseResult) -> io::Result<()>;
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// Decides one case against its expectations.
pub fn test_case(case: &Case, catalog: &Catalog) -> CaseResult {
    let checks: Vec<Check> = case
        .expect
        .iter()
        .filter_map(|expectation| {
            let set = catalog.set(&expectation.set)?;
            let e = engine::evaluate(set, &catalog.law, &catalog.bank, &case.answers);
            Some(Check {
                set: expectation.set.clone(),
                expected: expectation.verdict,
                actual: e.verdict,
                complete: e.complete,
                failed: ids(e.law.failed(), e.failed()),
                open: ids(e.law.open(), e.open()),
                line: expectation.line,
            })
        })
        .collect();
    let status = if case.expect.is_empty() {
        Status::Skipped
    } else if checks.iter().all(Check::passed) {
        Status::Passed
    } else {
        Status::Failed
    };
    CaseResult {
        file: case.file.clone(),
        title: case.meta.title.clone(),
        checks,
        status,
    }
}

/// The law's ids, then the set's, each once.
fn ids(law: Vec<&str>, own: Vec<&str>) -> Vec<String> {
    let mut all: Vec<String> = law.into_iter().map(String::from).collect();
    for id in own {
        if !all.iter().any(|a| a == id) {
            all.push(id.to_string());
        }
    }
    all
}

fn test_file(path: &Path, catalog: &Catalog) -> CaseResult {
    match case::read(path, catalog) {
        Ok(case) => test_case(&case, catalog),
        Err(problems) => CaseResult {
            file: escape::path(path),
            title: None,
            checks: Vec::new(),
            status: Status::Broken(diagnostic::cap(problems)),
        },
    }
}

/// The case files under the given paths: files as given, folders searched recursively
/// for `*.toml`, each folder's files in name order. A path that cannot be read is a
/// broken result in its place.
fn walk(paths: &[PathBuf], mut found: impl FnMut(Result<PathBuf, Diagnostic>) -> bool) {
    for path in paths {
        if !path.is_dir() {
            if !found(Ok(path.clone())) {
                return;
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            let item = match entry {
                Ok(e)
                    if e.file_type().is_file()
                        && e.path().extension().is_some_and(|x| x == "toml") =>
                {
                    Ok(e.into_path())
                }
                Ok(e) if e.path().extension().is_some_and(|x| x == "toml") => {
                    match FileKind::of(e.file_type()) {
                        Some(kind) => Err(Diagnostic::file(
                            &escape::path(e.path()),
                            Problem::NotRegular { kind },
                        )),
                        None => continue,
                    }
                }
                Ok(_) => continue,
                Err(e) => {
                    let name = escape::path(e.path().unwrap_or(path));
                    let error = match e.io_error() {
                        Some(io) => io.into(),
                        // A link that leads back to a folder above it.
                        None => OsError {
                            kind: io::ErrorKind::Other,
                            message: e.to_string(),
                        },
                    };
                    Err(Diagnostic::file(&name, Problem::Read(error)))
                }
            };
            if !found(item) {
                return;
            }
        }
    }
}

/// How many cases may be decided ahead of the one being written.
const AHEAD: usize = 256;

/// How many files go from the walker to a worker, and back to the writer, at once: each
/// hand-over between threads may cost a system call to wake the other, which for one
/// small case file costs about as much as deciding it.
const BATCH: usize = 32;

/// What the writer tells the walker: how far it has written, and whether to stop.
struct Gate {
    written: Mutex<usize>,
    moved: Condvar,
    stop: AtomicBool,
}

impl Gate {
    /// Waits until case `index` may be decided; false when the run stops.
    fn admit(&self, index: usize) -> bool {
        let Ok(mut written) = self.written.lock() else {
            return false;
        };
        while index >= *written + AHEAD && !self.stopped() {
            written = match self.moved.wait(written) {
                Ok(w) => w,
                Err(_) => return false,
            };
        }
        !self.stopped()
    }

    fn advance(&self, written: usize) {
        if let Ok(mut w) = self.written.lock() {
            *w = written;
        }
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        // Taken so that a walker between its check and its wait does not miss the call.
        drop(self.written.lock());
        self.moved.notify_all();
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}

/// Runs every case under `paths` and hands the results to `sink` in the order the files
/// were found. Returns the totals, or the first error of the sink, after which every
/// thread stops.
pub fn run(paths: &[PathBuf], catalog: &Catalog, sink: &mut dyn Sink) -> io::Result<Summary> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    // Bounded queues: the walker waits for the workers, the workers for the writer. Each
    // message is a batch of files (or results), by the index of its first.
    type Batch<T> = (usize, Vec<T>);
    let (job_tx, job_rx) = mpsc::sync_channel::<Batch<Result<PathBuf, Diagnostic>>>(2 * workers);
    let (result_tx, result_rx) = mpsc::sync_channel::<Batch<CaseResult>>(AHEAD / BATCH);
    // Shared by the workers only: when the last one ends, the walker's sends fail.
    let job_rx = Arc::new(Mutex::new(job_rx));
    let gate = Gate {
        written: Mutex::new(0),
        moved: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let mut summary = Summary::default();
    let outcome = std::thread::scope(|scope| -> io::Result<()> {
        let gate = &gate;
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut first = 0;
            // The batch whose last file is `last` waits until that file may be decided.
            let send = |first: usize, batch: Vec<_>| {
                let last = first + batch.len() - 1;
                gate.admit(last) && job_tx.send((first, batch)).is_ok()
            };
            let mut going = true;
            walk(paths, |item| {
                batch.push(item);
                if batch.len() < BATCH {
                    return true;
                }
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                let count = full.len();
                going = send(first, full);
                first += count;
                going
            });
            if going && !batch.is_empty() {
                send(first, batch);
            }
        });
        for _ in 0..workers {
            let result_tx = result_tx.clone();
            let job_rx = Arc::clone(&job_rx);
            scope.spawn(move || {
                while !gate.stopped() {
                    let job = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((first, items)) = job else { return };
                    let results = items
                        .into_iter()
                        .map(|item| match item {
                            Ok(path) => test_file(&path, catalog),
                            Err(d) => CaseResult {
                                file: d.file.clone(),
                                title: None,
                                checks: Vec::new(),
                                status: Status::Broken(vec![d]),
                            },
                        })
                        .collect();
                    if result_tx.send((first, results)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(result_tx);
        drop(job_rx);
        // Batches arrive out of order; hold the early ones until their turn.
        let mut waiting: BTreeMap<usize, Vec<CaseResult>> = BTreeMap::new();
        let mut next = 0;
        for (first, results) in result_rx {
            waiting.insert(first, results);
            while let Some(results) = waiting.remove(&next) {
                for result in results {
                    summary.add(&result.status);
                    if let Err(e) = sink.case(&result) {
                        // Returning drops the receiver: the workers' sends fail, and the
                        // walker's when the last worker is gone.
                        gate.stop();
                        return Err(e);
                    }
                    next += 1;
                }
                gate.advance(next);
            }
        }
        Ok(())
    });
    outcome?;
    sink.finish(&summary)?;
    Ok(summary)
}
