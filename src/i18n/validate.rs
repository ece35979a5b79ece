//! The words of `iop validate`: where a key stands, and the closing count.

use super::{Lang, Words};

impl Words {
    /// Where an unknown key stands: in a named table, or at the top of the file.
    pub fn in_table(self, table: &str) -> String {
        if table.is_empty() {
            pick!(self, "överst i filen", "at the top of the file").to_string()
        } else {
            pick!(self, format!("i [{table}]"), format!("in [{table}]"))
        }
    }

    /// The closing line of `iop validate`: how many files, errors and warnings.
    pub fn validate_summary(self, files: usize, errors: usize, warnings: usize) -> String {
        pick!(
            self,
            format!(
                "{files} {} {}: {errors} fel, {warnings} {}",
                if files == 1 { "fil" } else { "filer" },
                if files == 1 {
                    "kontrollerad"
                } else {
                    "kontrollerade"
                },
                if warnings == 1 {
                    "varning"
                } else {
                    "varningar"
                }
            ),
            format!(
                "{files} {} checked: {errors} {}, {warnings} {}",
                if files == 1 { "file" } else { "files" },
                if errors == 1 { "error" } else { "errors" },
                if warnings == 1 { "warning" } else { "warnings" }
            )
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_agrees_in_number() {
        assert_eq!(
            Words(Lang::Sv).validate_summary(1, 1, 1),
            "1 fil kontrollerad: 1 fel, 1 varning"
        );
        assert_eq!(
            Words(Lang::Sv).validate_summary(6, 0, 2),
            "6 filer kontrollerade: 0 fel, 2 varningar"
        );
        assert_eq!(
            Words(Lang::En).validate_summary(1, 1, 1),
            "1 file checked: 1 error, 1 warning"
        );
        assert_eq!(
            Words(Lang::En).validate_summary(6, 0, 2),
            "6 files checked: 0 errors, 2 warnings"
        );
    }

    #[test]
    fn a_key_is_placed_in_its_table() {
        assert_eq!(Words(Lang::Sv).in_table(""), "överst i filen");
        assert_eq!(Words(Lang::En).in_table("source"), "in [source]");
    }
}
