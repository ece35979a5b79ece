//! "Did you mean …?": the closest known name to a mistyped one.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a, I>(input: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&input, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_a_typo() {
        let ids = ["market_exists", "cofinanced", "long_term"];
        assert_eq!(
            closest("market_exist", ids).as_deref(),
            Some("market_exists")
        );
        assert_eq!(closest("Cofinanced", ids).as_deref(), Some("cofinanced"));
    }

    #[test]
    fn ignores_what_is_far_off() {
        assert_eq!(closest("zzz", ["market_exists", "cofinanced"]), None);
    }
}
