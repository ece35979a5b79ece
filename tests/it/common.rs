//! Running the `iop` binary from the end-to-end tests: in the repository's folder, in a
//! known language, without colour, with the given text on stdin.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// `iop ARGS` in English with nothing on stdin.
pub fn iop(args: &[&str]) -> Output {
    iop_with(args, "en_GB.UTF-8", "")
}

/// `iop ARGS` under the locale `lang` (the value of LANG), with `stdin` as its input.
pub fn iop_with(args: &[&str], lang: &str, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iop"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("CLICOLOR_FORCE")
        // Under GitHub Actions, `iop test` would add to the job's summary.
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that exits before reading all of stdin closes the pipe: not a failure.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// The built-in catalog, loaded once for every test that needs it.
pub fn catalog() -> &'static iop::model::Catalog {
    static CATALOG: std::sync::LazyLock<iop::model::Catalog> =
        std::sync::LazyLock::new(|| iop::model::criteria::builtin().unwrap());
    &CATALOG
}
