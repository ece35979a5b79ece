//! Nothing lost, nothing replaced, nothing hangs: the binary against special files, full
//! disks, closed pipes, long lines, files changed behind its back and names that are not
//! UTF-8. A test that waits for the binary bounds the wait only to fail instead of
//! hanging; no test asserts a time (the benchmark shows those).

#![cfg(unix)]

use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

const EXAMPLE: &str = "examples/kommunens-initiativ.toml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `iop ARGS` in English, in the repository's folder, without colour.
fn command<S: AsRef<OsStr>>(args: &[S]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_iop"));
    command
        .args(args)
        .current_dir(root())
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1");
    command
}

fn run<S: AsRef<OsStr>>(args: &[S], stdin: &[u8]) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

/// Waits for a child, failing the test (and killing the child) if it has not ended in a
/// minute: a hang shows as a failure, not as a test run that never ends.
fn wait(child: &mut Child) -> ExitStatus {
    let since = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if since.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("iop did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn made(command: &mut Command) -> bool {
    command.status().is_ok_and(|s| s.success())
}

/// A folder of `n` cases that fail (each expects `iop` of a set that says otherwise).
fn failing_cases(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let case = fs::read_to_string(root().join(EXAMPLE))
        .unwrap()
        .replace("forum = \"procurement\"", "forum = \"iop\"");
    for i in 0..n {
        fs::write(dir.path().join(format!("case-{i:04}.toml")), &case).unwrap();
    }
    dir
}

#[test]
fn a_pipe_closed_after_one_line_of_2000_cases_ends_the_run() {
    let dir = failing_cases(2_000);
    let mut child = command(&[OsStr::new("test"), dir.path().as_os_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("case-0000.toml"), "{first}");
    // The reader is gone: iop must notice, stop its threads and fail.
    let status = wait(&mut child);
    assert_eq!(status.code(), Some(2));
}

#[test]
fn a_full_disk_on_stdout_is_an_error_for_every_command() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = failing_cases(600);
    let runs: [Vec<&OsStr>; 3] = [
        vec!["check".as_ref(), EXAMPLE.as_ref()],
        vec!["test".as_ref(), dir.path().as_os_str()],
        vec![
            "test".as_ref(),
            dir.path().as_os_str(),
            "--format".as_ref(),
            "junit".as_ref(),
        ],
    ];
    for args in runs {
        let mut child = command(&args)
            .stdout(fs::File::create("/dev/full").unwrap())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let status = wait(&mut child);
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr.matches("cannot write to standard output").count(),
            1,
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_fifo_in_a_folder_is_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(root().join(EXAMPLE), dir.path().join("a.toml")).unwrap();
    if !made(Command::new("mkfifo").arg(dir.path().join("b.toml"))) {
        return;
    }
    let mut child = command(&[OsStr::new("test"), dir.path().as_os_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait(&mut child);
    let output = child.wait_with_output().unwrap();
    assert_eq!(status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("b.toml: this is a named pipe (FIFO), not a regular file; it was not read"),
        "{stderr}"
    );
    assert!(text(&output.stdout).contains("1 passed, 1 failed, 0 skipped"));
}

#[test]
fn a_fifo_named_on_the_command_line_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("case.toml");
    if !made(Command::new("mkfifo").arg(&fifo)) {
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, fs::read(root().join(EXAMPLE)).unwrap()))
    };
    let output = run(&[OsStr::new("check"), fifo.as_os_str()], b"");
    writer.join().unwrap().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("Mentorer för unga"));
}

#[test]
fn output_onto_a_device_writes_into_it_and_never_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    if !made(Command::new("mknod").arg(&null).args(["c", "1", "3"])) {
        eprintln!("skipped: cannot make a device node (not root?)");
        return;
    }
    for force in [false, true] {
        let mut args = vec![OsStr::new("init"), OsStr::new("-o"), null.as_os_str()];
        if force {
            args.push(OsStr::new("--force"));
        }
        let output = run(&args, b"");
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        let kind = fs::symlink_metadata(&null).unwrap().file_type();
        assert!(kind.is_char_device(), "still a device");
    }
    let block = dir.path().join("loop");
    if made(Command::new("mknod").arg(&block).args(["b", "7", "0"])) {
        let output = run(
            &[
                OsStr::new("init"),
                "-o".as_ref(),
                block.as_os_str(),
                "--force".as_ref(),
            ],
            b"",
        );
        assert_eq!(output.status.code(), Some(2));
        assert!(text(&output.stderr).contains("this is a block device; iop does not write to it"));
        assert!(
            fs::symlink_metadata(&block)
                .unwrap()
                .file_type()
                .is_block_device()
        );
    }
}

#[test]
fn output_through_a_symlink_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.toml");
    let link = dir.path().join("link.toml");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let refused = run(&[OsStr::new("init"), "-o".as_ref(), link.as_os_str()], b"");
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&target).unwrap(), "old");
    let forced = run(
        &[
            OsStr::new("init"),
            "-o".as_ref(),
            link.as_os_str(),
            "--force".as_ref(),
        ],
        b"",
    );
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&target).unwrap().contains("[answers]"));
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

/// SOU 2019:56's four criteria, all answered.
/// Answers to the whole SOU 2019:56 interview, the law's questions first: no public
/// contract, no state aid, within competence, then every criterion of the set met.
const EVERY_ANSWER: &[u8] = b"n\nn\nj\nj\nj\nj\n";

#[test]
fn saving_keeps_the_files_mode_and_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("case.toml");
    fs::write(&file, "[case]\r\ntitle = \"Windows\"\r\n\r\n[answers]\r\n").unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o604)).unwrap();
    let output = run(
        &[
            OsStr::new("check"),
            file.as_os_str(),
            "--save".as_ref(),
            file.as_os_str(),
            "--set".as_ref(),
            "sou-2019-56".as_ref(),
        ],
        EVERY_ANSWER,
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let saved = fs::read_to_string(&file).unwrap();
    assert!(saved.contains("cofinanced = true\r\n"), "{saved:?}");
    assert_eq!(saved.matches('\n').count(), saved.matches("\r\n").count());
    let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o604);
}

#[test]
fn a_note_added_during_the_interview_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("case.toml");
    let mut child = command(&[
        OsStr::new("check"),
        "--set".as_ref(),
        "sou-2019-56".as_ref(),
        "--save".as_ref(),
        file.as_os_str(),
    ])
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The law's questions: no payment, no economic activity, within competence.
    stdin.write_all(b"n\nn\nj\n").unwrap();
    stdin.flush().unwrap();
    let since = Instant::now();
    while !fs::read_to_string(&file).is_ok_and(|t| t.contains("municipal_competence")) {
        assert!(
            since.elapsed() < Duration::from_secs(60),
            "the law's answers were not saved"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Someone adds a note in an editor while the interview waits.
    let edited = fs::read_to_string(&file).unwrap()
        + "\n[notes]\nideburen_organisation = \"Registrerad ideell förening.\"\n";
    fs::write(&file, edited).unwrap();
    // The set's criteria, whatever their order: every one met but co-financing.
    stdin.write_all(b"j\nj\nj\n").unwrap();
    drop(stdin);
    let status = wait(&mut child);
    let output = child.wait_with_output().unwrap();
    assert_eq!(status.code(), Some(0), "{}", text(&output.stderr));
    let saved = fs::read_to_string(&file).unwrap();
    assert!(saved.contains("Registrerad ideell förening."), "{saved}");
    assert!(saved.contains("cofinanced = true"), "{saved}");
}

#[test]
fn saving_into_another_cases_file_is_refused_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.toml");
    let original = "[case]\ntitle = \"Ett annat ärende\"\n\n[answers]\ncofinanced = false\n";
    fs::write(&other, original).unwrap();
    let args = [
        OsStr::new("check"),
        EXAMPLE.as_ref(),
        "--save".as_ref(),
        other.as_os_str(),
    ];
    let refused = run(&args, b"");
    assert_eq!(refused.status.code(), Some(2));
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("holds the answers of another case (Ett annat ärende)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&*other.to_string_lossy()),
        "names the file: {stderr}"
    );
    assert_eq!(fs::read_to_string(&other).unwrap(), original);
    let forced = run(&[&args[..], &["--force".as_ref()]].concat(), b"");
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
}

#[test]
fn an_interview_ended_before_its_first_answer_claims_no_save() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.toml");
    let output = run(
        &[
            OsStr::new("check"),
            "--set".as_ref(),
            "falun".as_ref(),
            "--save".as_ref(),
            file.as_os_str(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("nothing was written to"), "{stderr}");
    assert!(!stderr.contains("saved in"), "{stderr}");
    assert!(!file.exists());
}

#[test]
fn an_endless_answer_line_ends_the_interview() {
    let mut child = command(&["check", "--set", "falun"])
        .stdin(fs::File::open("/dev/zero").unwrap())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait(&mut child);
    let output = child.wait_with_output().unwrap();
    assert_eq!(status.code(), Some(2));
    assert!(text(&output.stderr).contains("longer than 64 KiB"));
}

#[test]
fn an_endless_file_is_read_up_to_its_limit() {
    let output = run(&["check", "/dev/zero"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("/dev/zero: the file is larger than 16 MiB"));
}

/// One 69 KB line with 5,000 unknown keys, and 40,000 lines each with one: the errors
/// written grow with the number shown (50 per file), not with the file or the problems.
#[test]
fn errors_written_stay_bounded_however_many_problems_a_file_has() {
    let dir = tempfile::tempdir().unwrap();
    let wide = dir.path().join("wide.toml");
    let keys: Vec<String> = (0..5_000).map(|i| format!("k{i:04} = true")).collect();
    fs::write(&wide, format!("answers = {{ {} }}\n", keys.join(", "))).unwrap();
    let tall = dir.path().join("tall.toml");
    let lines: String = (0..40_000).map(|i| format!("bad_{i} = true\n")).collect();
    fs::write(&tall, format!("[answers]\n{lines}")).unwrap();
    for (file, more) in [(&wide, "4,950"), (&tall, "39,950")] {
        let output = run(&[OsStr::new("check"), file.as_os_str()], b"");
        assert_eq!(output.status.code(), Some(2));
        let stderr = text(&output.stderr);
        assert!(
            stderr.contains(&format!("… and {more} more problems in this file")),
            "{}",
            &stderr[stderr.len().saturating_sub(300)..]
        );
        assert_eq!(stderr.matches("error: ").count(), 51);
        assert!(stderr.len() < 51 * 600, "{} bytes of errors", stderr.len());
    }
}

#[test]
fn a_file_name_that_is_not_utf8_works_and_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join(OsStr::from_bytes(b"\xe4rende.toml"));
    fs::copy(root().join(EXAMPLE), &good).unwrap();
    let output = run(&[OsStr::new("check"), good.as_os_str()], b"");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("\\xe4rende.toml"));

    let bad = dir.path().join(OsStr::from_bytes(b"fel\xe4.toml"));
    fs::write(&bad, "[answers]\nx = 1\n").unwrap();
    let output = run(&[OsStr::new("check"), bad.as_os_str()], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("fel\\xe4.toml:2:1"));

    let output = run(&[OsStr::new("test"), dir.path().as_os_str()], b"");
    assert!(text(&output.stderr).contains("fel\\xe4.toml"));
    assert!(!output.stdout.is_empty());
}

#[test]
fn usage_errors_show_what_was_typed_escaped() {
    // clap drops terminal escape sequences itself; the direction and invisible
    // characters it keeps are escaped.
    let output = run(&["check", "--format", "x\u{7}\u{202e}\u{200b}"], b"");
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("\\u{202e}\\u{200b}"), "{stderr}");
    assert!(!stderr.contains(['\u{7}', '\u{202e}', '\u{200b}']));
}
