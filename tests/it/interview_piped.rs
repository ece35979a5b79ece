//! The interview through a pipe: stop half-way, come back later, and get the verdict the
//! saved file gives.

use std::path::Path;
use std::process::Output;

use crate::common;

fn iop(args: &[&str], stdin: &str) -> Output {
    common::iop_with(args, "sv_SE.UTF-8", stdin)
}

fn verdict(json: &[u8]) -> String {
    let value: serde_json::Value = serde_json::from_slice(json).unwrap();
    value["results"][0]["verdict"].as_str().unwrap().to_string()
}

#[test]
fn stop_half_way_resume_and_get_the_files_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("ärende.toml");
    let save = save.to_str().unwrap();

    // Falun's checklist, stopped after three answers.
    let first = iop(&["check", "--set", "falun", "--save", save], "ja\nja\nja\n");
    assert_eq!(first.status.code(), Some(2));
    let stderr = String::from_utf8(first.stderr).unwrap();
    assert!(
        stderr.contains(&format!("Avbrutet. 3 svar är sparade i {save}.")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("iop check {save} -i --save {save}")),
        "{stderr}"
    );
    assert!(
        first.stdout.is_empty(),
        "nothing on stdout when interrupted"
    );

    // The resume command asks only the seven still open.
    let rest = "nej\nja\nja\nja\nja\nja\nja\n";
    let second = iop(
        &["check", save, "-i", "--save", save, "--format", "json"],
        rest,
    );
    assert_eq!(
        second.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let stderr = String::from_utf8(second.stderr).unwrap();
    assert!(
        stderr.contains("[1/7]") && !stderr.contains("[1/10]"),
        "{stderr}"
    );

    // The saved file gives the same verdict without any question.
    let third = iop(&["check", save, "--format", "json"], "");
    assert_eq!(verdict(&second.stdout), verdict(&third.stdout));
    assert_eq!(
        verdict(&third.stdout),
        "association-grant",
        "the fourth answer, nej, fails 'not part of ordinary grants'"
    );
    assert!(Path::new(save).exists());
}

#[test]
fn save_refuses_a_file_that_is_not_an_answer_file() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("Cargo.toml");
    std::fs::write(&other, "[package]\nname = \"x\"\n").unwrap();
    let out = iop(
        &["check", "--set", "falun", "--save", other.to_str().unwrap()],
        "ja\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("är inte en svarsfil; den har inte ändrats"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "[package]\nname = \"x\"\n"
    );
}
