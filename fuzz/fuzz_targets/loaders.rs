//! Fuzzes the loaders with any bytes: as an answer file (as `iop check` reads one), as a
//! criteria file (as `--criteria` and `iop validate` read one), and the diagnostics of
//! both as they are drawn for the user. A panic anywhere is a finding.

#![no_main]

use std::sync::LazyLock;

use iop::i18n::{Lang, Words};
use iop::model::{Catalog, case, criteria};
use iop::report::diagnostics;

static CATALOG: LazyLock<Option<Catalog>> = LazyLock::new(|| criteria::builtin().ok());

fn show(problems: &[iop::diagnostic::Diagnostic]) {
    for d in problems {
        for lang in [Lang::Sv, Lang::En] {
            let _ = diagnostics::render(d, Words(lang));
        }
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(catalog) = CATALOG.as_ref() else {
        return;
    };
    let text = match iop::diagnostic::decode("fuzz.toml", data.to_vec()) {
        Ok(text) => text,
        Err(d) => return show(&[d]),
    };
    if let Err(problems) = case::parse("fuzz.toml", &text, catalog) {
        show(&problems);
    }
    let examined = criteria::examine_texts(vec![("fuzz.toml".to_string(), text)]);
    show(&examined.problems);
});
