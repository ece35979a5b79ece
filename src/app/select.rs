//! Which sets a command uses, resolved before anything is read: `--set ID`, `--set
//! a,b,c`, `--set all`, else the case's `[case] set`, else every set; and which one of
//! them governs the case.

use super::Failure;
use crate::model::case::Case;
use crate::model::{Catalog, CriteriaSet};
use crate::suggest::closest;

/// The sets named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// No `--set`: the case's `[case] set`, else every set.
    Default,
    /// `--set all`.
    All,
    /// `--set ID` or `--set a,b,c`, in the order given, each once.
    Ids(Vec<String>),
}

impl Selection {
    /// Reads `--set`, checking every id against the catalog, so a wrong set is a usage
    /// error whether or not a file is valid.
    pub fn parse(flag: Option<&str>, catalog: &Catalog) -> Result<Selection, Failure> {
        let Some(flag) = flag else {
            return Ok(Selection::Default);
        };
        if flag.trim() == "all" {
            return Ok(Selection::All);
        }
        let mut ids: Vec<String> = Vec::new();
        for id in flag.split(',').map(str::trim).filter(|id| !id.is_empty()) {
            known(catalog, id)?;
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        }
        if ids.is_empty() {
            return Err(unknown(catalog, flag));
        }
        Ok(Selection::Ids(ids))
    }

    /// The sets to use for a case, in the catalog's order for all and in the given order
    /// for a list.
    pub fn sets<'c>(&self, catalog: &'c Catalog, case: &Case) -> Vec<&'c CriteriaSet> {
        let ids: Vec<&str> = match self {
            Selection::Ids(ids) => ids.iter().map(String::as_str).collect(),
            Selection::All => Vec::new(),
            Selection::Default => match case.meta.set.as_deref() {
                Some(id) if id != "all" => vec![id],
                _ => Vec::new(),
            },
        };
        if ids.is_empty() {
            return catalog.sets.iter().collect();
        }
        ids.iter().filter_map(|id| catalog.set(id)).collect()
    }

    /// The one set a command needs (`iop agreement`): `--set ID`, else the case's
    /// `[case] set`, else the set that governs the case's public party.
    pub fn one<'c>(&self, catalog: &'c Catalog, case: &Case) -> Result<&'c CriteriaSet, Failure> {
        let found = match self {
            Selection::Ids(ids) if ids.len() == 1 => catalog.set(&ids[0]),
            Selection::Default => match case.meta.set.as_deref() {
                Some(id) if id != "all" => catalog.set(id),
                _ => governed_by(catalog, case),
            },
            _ => None,
        };
        found.ok_or_else(|| Failure::NeedsOneSet {
            known: catalog.set_ids().map(String::from).collect(),
        })
    }

    /// The set that governs the case, if one does: one set named with `--set`, else the
    /// case's `[case] set`, else the set whose public parties include the case's
    /// `public_party`; only a set among `chosen`.
    pub fn governing<'c>(
        &self,
        catalog: &'c Catalog,
        case: &Case,
        chosen: &[&'c CriteriaSet],
    ) -> Option<&'c CriteriaSet> {
        let found = match self {
            Selection::Ids(ids) if ids.len() == 1 => catalog.set(&ids[0]),
            Selection::Ids(_) | Selection::All => governed_by(catalog, case),
            Selection::Default => match case.meta.set.as_deref() {
                Some(id) if id != "all" => catalog.set(id),
                _ => governed_by(catalog, case),
            },
        };
        found.filter(|set| chosen.iter().any(|c| c.id == set.id))
    }
}

fn governed_by<'c>(catalog: &'c Catalog, case: &Case) -> Option<&'c CriteriaSet> {
    catalog.governing(case.meta.public_party.as_deref()?)
}

/// A set by id, or the failure that names the sets there are.
pub fn known<'c>(catalog: &'c Catalog, id: &str) -> Result<&'c CriteriaSet, Failure> {
    catalog.set(id).ok_or_else(|| unknown(catalog, id))
}

fn unknown(catalog: &Catalog, id: &str) -> Failure {
    let known: Vec<String> = catalog.set_ids().map(String::from).collect();
    Failure::UnknownSet {
        id: id.to_string(),
        suggestion: closest(id, known.iter().map(String::as_str)),
        known,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::criteria;

    fn catalog() -> Catalog {
        criteria::builtin().unwrap()
    }

    #[test]
    fn a_list_keeps_its_order_and_drops_repeats() {
        let catalog = catalog();
        let s = Selection::parse(Some("vgr, falun,vgr"), &catalog).unwrap();
        assert_eq!(s, Selection::Ids(vec!["vgr".into(), "falun".into()]));
        let ids: Vec<&str> = s
            .sets(&catalog, &Case::default())
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, ["vgr", "falun"]);
    }

    #[test]
    fn an_unknown_id_in_a_list_names_the_sets_and_a_suggestion() {
        let Err(Failure::UnknownSet {
            id,
            known,
            suggestion,
        }) = Selection::parse(Some("falun,boraas"), &catalog())
        else {
            panic!()
        };
        assert_eq!(id, "boraas");
        assert_eq!(suggestion.as_deref(), Some("boras"));
        assert_eq!(known.len(), 12);
    }

    #[test]
    fn the_public_party_finds_its_governing_set() {
        let catalog = catalog();
        let mut case = Case::default();
        case.meta.public_party = Some("Borås Stad".into());
        let all: Vec<&CriteriaSet> = catalog.sets.iter().collect();
        let g = Selection::Default.governing(&catalog, &case, &all);
        assert_eq!(g.map(|s| s.id.as_str()), Some("boras"));
        // Not among the chosen sets: no governing set.
        let falun = vec![catalog.set("falun").unwrap()];
        assert!(
            Selection::Default
                .governing(&catalog, &case, &falun)
                .is_none()
        );
        case.meta.set = Some("falun".into());
        let g = Selection::Default.governing(&catalog, &case, &all);
        assert_eq!(g.map(|s| s.id.as_str()), Some("falun"));
    }
}
