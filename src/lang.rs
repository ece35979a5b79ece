//! The language of the interface, and how the locale chooses it. Imports nothing, so every
//! layer can name a language without depending on the words themselves (`i18n`).

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    /// The language the locale asks for: the first set of LC_ALL, LC_MESSAGES and LANG
    /// decides; where none is set (as on Windows), the operating system's locale (`os`,
    /// asked only then: `sv-SE` on a Swedish Windows). `sv…` gives Swedish, anything else
    /// English.
    pub fn from_locale(
        var: impl Fn(&str) -> Option<String>,
        os: impl FnOnce() -> Option<String>,
    ) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .or_else(os);
        match locale {
            Some(value) if value.to_ascii_lowercase().starts_with("sv") => Lang::Sv,
            _ => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An environment of the given variables.
    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    /// No operating system locale.
    fn none() -> Option<String> {
        None
    }

    #[test]
    fn locale_order_is_lc_all_lc_messages_lang() {
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "sv_SE.UTF-8")]), none),
            Lang::Sv
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "sv_SE")]), none),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_MESSAGES", "sv_FI"), ("LANG", "C")]), none),
            Lang::Sv
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", ""), ("LANG", "sv")]), none),
            Lang::Sv
        );
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "C.UTF-8")]), none),
            Lang::En
        );
        assert_eq!(Lang::from_locale(env(&[]), none), Lang::En);
    }

    #[test]
    fn the_operating_system_decides_where_no_variable_is_set() {
        let swedish = || Some("sv-SE".to_string());
        assert_eq!(Lang::from_locale(env(&[]), swedish), Lang::Sv);
        assert_eq!(Lang::from_locale(env(&[("LANG", "")]), swedish), Lang::Sv);
        assert_eq!(
            Lang::from_locale(env(&[]), || Some("en-US".into())),
            Lang::En
        );
        // A variable that is set wins, even one that asks for English.
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")]), swedish), Lang::En);
        let asked = std::cell::Cell::new(false);
        let os = || {
            asked.set(true);
            None
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "sv_SE")]), os), Lang::Sv);
        assert!(
            !asked.get(),
            "the system is not asked when a variable decides"
        );
    }
}
