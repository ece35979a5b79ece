//! End-to-end tests of the binary: each `tests/cmd/*.toml` runs `iop` and pins its exit
//! code, stdout (`.stdout`) and stderr (`.stderr`). `TRYCMD=overwrite cargo test --test
//! cli` rewrites the snapshots after a deliberate change; review the diff.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
