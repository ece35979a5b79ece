//! Saving answers into an answer file while keeping everything else in it: comments,
//! `[case]`, `[notes]`, `[expect]` and the layout stay as the user wrote them.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Value};

use super::case::{self, Case};
use super::{Answer, Answers, Bank, Catalog};
use crate::diagnostic::{self, Diagnostic, Problem};
use crate::files::{Overwrite, write_atomic};

/// An answer file being kept up to date.
pub struct AnswerFile {
    pub path: PathBuf,
    /// The case the file held when it was opened, if it existed: where an interview
    /// without FILE resumes.
    pub existing: Option<Case>,
    doc: DocumentMut,
    bom: bool,
}

impl AnswerFile {
    /// Opens `path` for saving. An existing file must be a valid answer file, or it is
    /// left untouched; a new file starts from `base` (the text of the case being
    /// answered), or empty.
    pub fn open(
        path: &Path,
        base: Option<&str>,
        catalog: &Catalog,
    ) -> Result<AnswerFile, Vec<Diagnostic>> {
        let name = path.display().to_string();
        let (text, bom, existing) = if path.exists() {
            let bytes = std::fs::read(path)
                .map_err(|e| vec![Diagnostic::file(&name, Problem::Read(e.to_string()))])?;
            let bom = bytes.starts_with(b"\xef\xbb\xbf");
            let text =
                diagnostic::decode(&name, bytes).map_err(|d| not_answer_file(&name, vec![d]))?;
            let existing =
                case::parse(&name, &text, catalog).map_err(|d| not_answer_file(&name, d))?;
            (text, bom, Some(existing))
        } else {
            (base.unwrap_or_default().to_string(), false, None)
        };
        let doc = text.parse::<DocumentMut>().map_err(|e| {
            let problem = Problem::Syntax(e.message().to_string());
            vec![Diagnostic::at(&name, &text, e.span(), problem)]
        })?;
        Ok(AnswerFile {
            path: path.to_path_buf(),
            existing,
            doc,
            bom,
        })
    }

    /// Records the set of a one-set interview in `[case] set`, unless the file names one
    /// already. Returns the set the file names.
    pub fn record_set(&mut self, id: &str) -> String {
        let case = self.doc.entry("case").or_insert_with(toml_edit::table);
        let Some(case) = case.as_table_like_mut() else {
            return id.to_string();
        };
        match case.get("set").and_then(Item::as_str) {
            Some(existing) => existing.to_string(),
            None => {
                case.insert("set", Item::Value(Value::from(id)));
                id.to_string()
            }
        }
    }

    /// Sets a field of `[case]` (a title, an organisation, a public party) in the file
    /// as it will next be saved, keeping the table's other keys and comments.
    pub fn set_case_field(&mut self, key: &str, value: &str) {
        self.set_in("case", key, value);
    }

    /// Sets the note on a question in `[notes]` as the file will next be saved.
    pub fn set_note(&mut self, question: &str, note: &str) {
        self.set_in("notes", question, note);
    }

    /// Sets a string in a table, keeping the decor of a value it replaces.
    fn set_in(&mut self, table: &str, key: &str, value: &str) {
        let Some(table) = self
            .doc
            .entry(table)
            .or_insert_with(toml_edit::table)
            .as_table_like_mut()
        else {
            return;
        };
        let value = Value::from(value);
        match table.get_mut(key).and_then(Item::as_value_mut) {
            Some(old) => {
                let decor = old.decor().clone();
                *old = value;
                *old.decor_mut() = decor;
            }
            None => {
                table.insert(key, Item::Value(value));
            }
        }
    }

    /// Writes the answers into `[answers]`, new ones in the bank's order, and saves the
    /// file atomically.
    pub fn save(&mut self, answers: &Answers, bank: &Bank) -> std::io::Result<()> {
        let table = self
            .doc
            .entry("answers")
            .or_insert_with(toml_edit::table)
            .as_table_like_mut()
            .ok_or_else(|| std::io::Error::other("[answers] is not a table"))?;
        for id in bank.ids() {
            let Some(answer) = answers.get(id) else {
                continue;
            };
            let value = match answer {
                Answer::Yes => Value::from(true),
                Answer::No => Value::from(false),
                Answer::Unknown => Value::from("unknown"),
            };
            match table.get_mut(id).and_then(Item::as_value_mut) {
                Some(old) => {
                    let decor = old.decor().clone();
                    *old = value;
                    *old.decor_mut() = decor;
                }
                None => {
                    table.insert(id, Item::Value(value));
                }
            }
        }
        let mut text = if self.bom {
            "\u{feff}".to_string()
        } else {
            String::new()
        };
        text.push_str(&self.doc.to_string());
        write_atomic(&self.path, text.as_bytes(), Overwrite::Allow)
    }
}

fn not_answer_file(name: &str, mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.insert(0, Diagnostic::file(name, Problem::NotAnswerFile));
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::criteria;

    #[test]
    fn keeps_comments_and_other_tables() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        let original = "# Ungdomsbussen\n[case]\ntitle = \"U\" # the bus\n\n[answers]\nlong_term = \"unknown\" # ask\n\n[notes]\nlong_term = \"?\"\n";
        std::fs::write(&path, original).unwrap();
        let mut file = AnswerFile::open(&path, None, &catalog).unwrap();
        let answers: Answers = [
            ("long_term".to_string(), Answer::Yes),
            ("cofinanced".to_string(), Answer::No),
        ]
        .into();
        file.save(&answers, &catalog.bank).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            saved,
            "# Ungdomsbussen\n[case]\ntitle = \"U\" # the bus\n\n[answers]\nlong_term = true # ask\ncofinanced = false\n\n[notes]\nlong_term = \"?\"\n"
        );
        let case = case::parse("x", &saved, &catalog).unwrap();
        assert_eq!(case.answers, answers);
    }

    #[test]
    fn refuses_a_file_that_is_not_an_answer_file() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Cargo.toml");
        std::fs::write(&path, "[package]\nname = \"x\"\n").unwrap();
        let problems = AnswerFile::open(&path, None, &catalog).err().unwrap();
        assert_eq!(problems[0].problem, Problem::NotAnswerFile);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "[package]\nname = \"x\"\n"
        );
    }

    #[test]
    fn a_new_file_starts_from_the_case() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.toml");
        let mut file = AnswerFile::open(&path, Some("[case]\ntitle = \"T\"\n"), &catalog).unwrap();
        file.save(
            &[("cofinanced".to_string(), Answer::Unknown)].into(),
            &catalog.bank,
        )
        .unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            saved,
            "[case]\ntitle = \"T\"\n\n[answers]\ncofinanced = \"unknown\"\n"
        );
    }

    #[test]
    fn case_fields_and_notes_are_set_beside_what_is_there() {
        let catalog = criteria::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        let original = "[case]\ntitle = \"Old\" # keep\n\n[notes]\ncofinanced = \"x\"\n";
        std::fs::write(&path, original).unwrap();
        let mut file = AnswerFile::open(&path, None, &catalog).unwrap();
        file.set_case_field("title", "Ny \"rubrik\"");
        file.set_case_field("public_party", "Falu kommun");
        file.set_note("market_exists", "Inga företag.");
        file.save(&Answers::new(), &catalog.bank).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        let case = case::parse("x", &saved, &catalog).unwrap();
        assert_eq!(case.meta.title.as_deref(), Some("Ny \"rubrik\""));
        assert_eq!(case.meta.public_party.as_deref(), Some("Falu kommun"));
        assert_eq!(case.notes["market_exists"], "Inga företag.");
        assert_eq!(case.notes["cofinanced"], "x");
        assert!(saved.contains("# keep"), "{saved}");
    }
}
