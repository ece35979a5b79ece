//! Every word of the interface, in Swedish and English, split by who uses them: the
//! verdicts and reports (`outcomes`), problems and errors (`problems`), the interview
//! (`interview`), the criteria commands and the answer template (`catalog`), the memo and
//! agreement labels (`memo`), the files' schemas (`schema`) and the command line's help
//! (`help`).
//!
//! Domain text (criteria, the law, help texts, legal citations) lives in the data files
//! under `criteria/`; only the interface's own words are here, so a translation is
//! reviewed in one place, and a missing one cannot compile.

/// Chooses the Swedish or the English of two texts by the language of `Words`.
macro_rules! pick {
    ($self:ident, $sv:expr, $en:expr) => {
        match $self.0 {
            Lang::Sv => $sv,
            Lang::En => $en,
        }
    };
}

// Each submodule adds an `impl Words` block: they must be declared after `pick!` above.
mod catalog;
mod files;
pub mod help;
mod interview;
mod memo;
mod outcomes;
mod problems;
mod schema;

pub use interview::Reply;
pub use schema::Key as SchemaKey;

pub use crate::lang::Lang;

/// The interface's words in one language.
#[derive(Debug, Clone, Copy)]
pub struct Words(pub Lang);

/// "a, b and c" / "a, b och c".
fn list(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn quoted(items: &[&str]) -> Vec<String> {
    items.iter().map(|i| format!("`{i}`")).collect()
}

impl Words {
    fn and(self) -> &'static str {
        pick!(self, "och", "and")
    }

    fn or(self) -> &'static str {
        pick!(self, "eller", "or")
    }

    fn all_of(self, items: &[&str]) -> String {
        let quoted = quoted(items);
        let refs: Vec<&str> = quoted.iter().map(String::as_str).collect();
        list(&refs, self.and())
    }

    fn one_of(self, items: &[&str]) -> String {
        let quoted = quoted(items);
        let refs: Vec<&str> = quoted.iter().map(String::as_str).collect();
        list(&refs, self.or())
    }

    /// "a, b och c" of texts already escaped.
    pub fn and_list(self, items: &[String]) -> String {
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        list(&refs, self.and())
    }

    /// "a, b eller c" of texts already escaped.
    pub fn or_list(self, items: &[String]) -> String {
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        list(&refs, self.or())
    }

    /// A count with its noun in the right number: `plural(3, ("fråga", "frågor"),
    /// ("question", "questions"))` is "3 frågor" or "3 questions".
    pub fn plural(self, count: usize, sv: (&str, &str), en: (&str, &str)) -> String {
        let (one, many) = pick!(self, sv, en);
        format!("{count} {}", if count == 1 { one } else { many })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        assert_eq!(list(&["a", "b", "c"], "och"), "a, b och c");
        assert_eq!(Words(Lang::En).one_of(&["x", "y"]), "`x` or `y`");
    }

    #[test]
    fn plurals_agree_in_number() {
        let w = Words(Lang::Sv);
        assert_eq!(w.plural(1, ("fråga", "frågor"), ("q", "qs")), "1 fråga");
        assert_eq!(w.plural(2, ("fråga", "frågor"), ("q", "qs")), "2 frågor");
        assert_eq!(
            Words(Lang::En).plural(0, ("a", "b"), ("answer", "answers")),
            "0 answers"
        );
    }
}
