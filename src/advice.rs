//! What follows from a case's answers beyond its verdict: which verdicts are still
//! possible, which open question would settle the most, what a partnership would need to
//! change to become an IOP, and whether a condition of the documents' data (a next step,
//! a part of the agreement, a citation) holds for the case.
//!
//! Pure, like the engine, and built on its precedence (`engine::Standing`). The law's
//! items and a set's required criteria each stand on their own questions (a fact's
//! questions belong to it alone), so every open item can still go either way, whatever
//! the others do: the possible verdicts are those of the precedence over every way the
//! open items could turn out.

use crate::engine::{self, Evaluation, Standing, Status};
use crate::model::{Answer, Answers, Bank, Condition, CriteriaSet, Guard, Law, Route, Verdict};

/// One item that decides a set's verdict: an item of the law, a required criterion, or
/// both (a set may use the law's facts too).
#[derive(Debug, Clone, Copy)]
struct Decider<'a> {
    id: &'a str,
    /// The route when it is an item of the law that fails.
    law: Option<Route>,
    /// The route when it is a required criterion that fails.
    criterion: Option<Route>,
    ok: bool,
}

impl Decider<'_> {
    /// How the standing changes when the item fails.
    fn fail(self, standing: &mut Standing) {
        if let Some(route) = self.law {
            standing.fail_law(route);
        }
        if let Some(route) = self.criterion {
            standing.fail(route);
        }
    }
}

/// The items that decide a set's verdict, each once: the law's first, then the set's
/// required criteria, in order.
fn deciders<'a>(set: &'a CriteriaSet, law: &'a Law) -> Vec<Decider<'a>> {
    let mut items: Vec<Decider<'a>> = law
        .items
        .iter()
        .map(|i| Decider {
            id: &i.id,
            law: Some(i.route),
            criterion: None,
            ok: i.ok,
        })
        .collect();
    for c in set.criteria.iter().filter(|c| c.required) {
        match items.iter_mut().find(|d| d.id == c.question) {
            Some(both) => both.criterion = Some(c.route),
            None => items.push(Decider {
                id: &c.question,
                law: None,
                criterion: Some(c.route),
                ok: c.ok,
            }),
        }
    }
    items
}

/// The verdicts that some yes/no answers to the open questions could still give, for one
/// set, sorted by id.
pub fn possible(set: &CriteriaSet, law: &Law, bank: &Bank, answers: &Answers) -> Vec<Verdict> {
    let mut fixed = Standing::default();
    // The distinct ways an open item could change the standing when it fails.
    let mut effects: Vec<Standing> = Vec::new();
    for d in deciders(set, law) {
        let answer = engine::answer(bank, d.id, answers);
        match engine::status(d.ok, answer) {
            Status::Met => {}
            Status::Failed => d.fail(&mut fixed),
            Status::Open => {
                let mut effect = Standing::default();
                d.fail(&mut effect);
                if !effects.contains(&effect) {
                    effects.push(effect);
                }
            }
        }
    }
    let mut verdicts: Vec<Verdict> = Vec::new();
    // Each subset of the effects: the open items that fail, the rest met.
    for mask in 0u32..(1 << effects.len().min(16)) {
        let mut standing = fixed;
        for (i, effect) in effects.iter().enumerate() {
            if mask & (1 << i) != 0 {
                standing = union(standing, *effect);
            }
        }
        let verdict = standing.verdict();
        if !verdicts.contains(&verdict) {
            verdicts.push(verdict);
        }
    }
    verdicts.sort_by_key(|v| v.id());
    verdicts
}

fn union(a: Standing, b: Standing) -> Standing {
    Standing {
        contract: a.contract || b.contract,
        fails_procurement: a.fails_procurement || b.fails_procurement,
        fails_grant: a.fails_grant || b.fails_grant,
        review: a.review || b.review,
        fails_none: a.fails_none || b.fails_none,
        open: a.open || b.open,
    }
}

/// The open questions that could move a set's verdict: the unanswered (or unknown)
/// questions of the law's and the set's required items that are still open, in the
/// bank's order.
pub fn open_questions<'a>(
    set: &CriteriaSet,
    law: &Law,
    bank: &'a Bank,
    answers: &Answers,
) -> Vec<&'a str> {
    let open_items: Vec<&str> = deciders(set, law)
        .into_iter()
        .filter(|d| {
            engine::answer(bank, d.id, answers)
                .and_then(Answer::known)
                .is_none()
        })
        .map(|d| d.id)
        .collect();
    bank.questions
        .iter()
        .filter(|q| {
            let item = bank.fact_of(&q.id).map_or(q.id.as_str(), |f| f.id.as_str());
            open_items.contains(&item) && answers.get(&q.id).and_then(|a| a.known()).is_none()
        })
        .map(|q| q.id.as_str())
        .collect()
}

/// In the worst case, how many verdicts each open question leaves possible over the
/// given sets (summed); the open questions of any of the sets, in the bank's order.
fn worst_cases<'a>(
    sets: &[&CriteriaSet],
    law: &Law,
    bank: &'a Bank,
    answers: &Answers,
) -> Vec<(&'a str, usize)> {
    let candidates: Vec<&'a str> = bank
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .filter(|q| {
            sets.iter()
                .any(|s| open_questions(s, law, bank, answers).contains(q))
        })
        .collect();
    candidates
        .into_iter()
        .map(|q| {
            let worst = [Answer::Yes, Answer::No]
                .into_iter()
                .map(|a| {
                    let mut given = answers.clone();
                    given.insert(q.to_string(), a);
                    sets.iter()
                        .map(|s| possible(s, law, bank, &given).len())
                        .sum::<usize>()
                })
                .max()
                .unwrap_or(0);
            (q, worst)
        })
        .collect()
}

/// The open question that, in the worst case, leaves the fewest possible verdicts for one
/// set (ties: the first in the bank's order); `None` when only one verdict is possible.
pub fn next_question<'a>(
    set: &CriteriaSet,
    law: &Law,
    bank: &'a Bank,
    answers: &Answers,
) -> Option<&'a str> {
    next_question_for(&[set], law, bank, answers)
}

/// The open question that settles the most across several sets: the fewest possible
/// verdicts in all of them together, in the worst case (ties: the bank's order); `None`
/// when every set's verdict is settled.
pub fn next_question_for<'a>(
    sets: &[&CriteriaSet],
    law: &Law,
    bank: &'a Bank,
    answers: &Answers,
) -> Option<&'a str> {
    if sets
        .iter()
        .all(|s| possible(s, law, bank, answers).len() <= 1)
    {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for (q, worst) in worst_cases(sets, law, bank, answers) {
        if best.is_none_or(|(_, b)| worst < b) {
            best = Some((q, worst));
        }
    }
    best.map(|(q, _)| q)
}

/// Whether every set's verdict is settled: no answer to the open questions can change it.
pub fn settled(sets: &[&CriteriaSet], law: &Law, bank: &Bank, answers: &Answers) -> bool {
    sets.iter()
        .all(|s| possible(s, law, bank, answers).len() <= 1)
}

/// An item that stands between a set's verdict and an IOP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall<'a> {
    /// A question or fact id: a required criterion, or an item of the law.
    pub id: &'a str,
    /// `Failed` (it would have to change) or `Open` (it would have to be settled).
    pub status: Status,
    /// Whether the parties can shape it by how they design the partnership.
    pub design: bool,
}

/// What it would take for a set whose verdict is not IOP to become one: every item of the
/// law and every required criterion that fails or is open, the law's first. Empty when
/// the verdict is IOP.
pub fn shortfalls<'a>(e: &Evaluation<'a>, bank: &Bank) -> Vec<Shortfall<'a>> {
    if e.verdict == Verdict::Iop {
        return Vec::new();
    }
    let mut found: Vec<Shortfall<'a>> = Vec::new();
    let law = e.law.items.iter().map(|a| (a.item.id.as_str(), a.status));
    let own = e
        .required()
        .map(|a| (a.criterion.question.as_str(), a.status));
    for (id, status) in law.chain(own) {
        if status == Status::Met || found.iter().any(|s| s.id == id) {
            continue;
        }
        found.push(Shortfall {
            id,
            status,
            design: bank.design(id),
        });
    }
    found
}

/// What a condition is weighed against: the case, its evaluations and the one that
/// governs it.
pub struct Situation<'s, 'a> {
    pub bank: &'a Bank,
    pub law: &'a Law,
    pub answers: &'s Answers,
    pub evaluations: &'s [Evaluation<'a>],
    /// The governing set's evaluation; without one, a condition on the verdict holds
    /// when it holds for any of the evaluations.
    pub governing: Option<&'s Evaluation<'a>>,
}

/// Whether a part guarded by `when` and `unless` stands.
pub fn stands(guard: &Guard, situation: &Situation<'_, '_>) -> bool {
    holds(&guard.when, situation) && !guard.unless.as_ref().is_some_and(|u| holds(u, situation))
}

/// Whether every key of a condition holds. The keys on a set's result (verdict,
/// possible verdicts, completeness, failing routes) must hold together for one set: the
/// governing one, or without one, any.
pub fn holds(c: &Condition, s: &Situation<'_, '_>) -> bool {
    let law = c.law.is_empty()
        || c.law
            .contains(&engine::evaluate_law(s.law, s.bank, s.answers).outcome);
    let set = c.set.is_empty() || s.governing.is_some_and(|g| c.set.contains(&g.set.id));
    let answers = c.answers.iter().all(|(id, want)| {
        let got = engine::answer(s.bank, id, s.answers).and_then(Answer::known);
        got == want.known()
    });
    if !(law && set && answers) {
        return false;
    }
    let per_set = !c.verdict.is_empty()
        || !c.possible.is_empty()
        || c.complete.is_some()
        || c.settled.is_some()
        || !c.failing.is_empty();
    if !per_set {
        return true;
    }
    let one = |e: &Evaluation<'_>| {
        (c.verdict.is_empty() || c.verdict.contains(&e.verdict))
            && (c.possible.is_empty()
                || possible(e.set, s.law, s.bank, s.answers)
                    .iter()
                    .any(|v| c.possible.contains(v)))
            && c.complete.is_none_or(|want| e.complete == want)
            && c.settled
                .is_none_or(|want| (possible(e.set, s.law, s.bank, s.answers).len() <= 1) == want)
            && (c.failing.is_empty()
                || e.with_status(Status::Failed)
                    .any(|a| c.failing.contains(&a.criterion.route)))
    };
    match s.governing {
        Some(g) => one(g),
        None => s.evaluations.iter().any(one),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tests::{sample_bank, sample_law, sample_set};
    use Answer::{No, Unknown, Yes};

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    /// Every full assignment of yes/no to the open questions, evaluated by the engine: the
    /// reference the shortcut in `possible` must agree with.
    fn brute_force(answers: &Answers) -> Vec<Verdict> {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let open: Vec<&str> = bank
            .ids()
            .filter(|q| answers.get(*q).and_then(|a| a.known()).is_none())
            .collect();
        let mut verdicts = Vec::new();
        for mask in 0u32..(1 << open.len()) {
            let mut given = answers.clone();
            for (i, q) in open.iter().enumerate() {
                given.insert(q.to_string(), Answer::from_bool(mask & (1 << i) != 0));
            }
            let v = engine::evaluate(&set, &law, &bank, &given).verdict;
            if !verdicts.contains(&v) {
                verdicts.push(v);
            }
        }
        verdicts.sort_by_key(|v| v.id());
        verdicts
    }

    fn possible_of(a: &Answers) -> Vec<Verdict> {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        possible(&set, &law, &bank, a)
    }

    #[test]
    fn possible_verdicts_agree_with_every_assignment() {
        let cases = [
            answers(&[]),
            answers(&[("buy", No)]),
            answers(&[("buy", No), ("grant", Yes), ("pay", No)]),
            answers(&[("pay", Yes), ("bind", Yes)]),
            answers(&[("pay", Yes), ("bind", Unknown), ("grant", No)]),
            answers(&[("competence", No), ("goal", Unknown)]),
            answers(&[
                ("buy", No),
                ("grant", Yes),
                ("goal", Yes),
                ("pay", No),
                ("undertaking", No),
                ("competence", Yes),
            ]),
        ];
        for a in &cases {
            assert_eq!(possible_of(a), brute_force(a), "{a:?}");
        }
    }

    #[test]
    fn a_settled_case_has_one_possible_verdict_and_no_next_question() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let a = answers(&[("pay", Yes), ("bind", Yes)]);
        assert_eq!(possible(&set, &law, &bank, &a), [Verdict::Procurement]);
        assert_eq!(next_question(&set, &law, &bank, &a), None);
    }

    #[test]
    fn the_next_question_is_the_one_that_settles_most() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        // Everything settled for IOP but the competence question and `buy`: `buy` can give
        // procurement or leave it, competence review or not; either leaves two at worst.
        let a = answers(&[
            ("grant", Yes),
            ("goal", Yes),
            ("pay", No),
            ("undertaking", No),
        ]);
        assert_eq!(
            possible(&set, &law, &bank, &a),
            [Verdict::Iop, Verdict::Procurement, Verdict::Undetermined]
        );
        // Ties in the worst case go to the first in the bank's order.
        assert_eq!(next_question(&set, &law, &bank, &a), Some("buy"));
    }

    #[test]
    fn questions_of_a_settled_fact_are_not_asked() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let a = answers(&[("pay", No)]);
        let open = open_questions(&set, &law, &bank, &a);
        assert!(!open.contains(&"bind"), "{open:?}");
        assert!(open.contains(&"buy"));
    }

    #[test]
    fn shortfalls_split_by_design() {
        let (mut bank, law, set) = (sample_bank(), sample_law(), sample_set());
        bank.questions[0].design = true; // buy
        let a = answers(&[("buy", Yes), ("grant", No)]);
        let e = engine::evaluate(&set, &law, &bank, &a);
        let found = shortfalls(&e, &bank);
        let ids: Vec<(&str, Status, bool)> =
            found.iter().map(|s| (s.id, s.status, s.design)).collect();
        assert_eq!(
            ids,
            [
                ("contract", Status::Open, false),
                ("aid", Status::Open, false),
                ("competence", Status::Open, false),
                ("buy", Status::Failed, true),
                ("grant", Status::Failed, false),
                ("goal", Status::Open, false),
            ]
        );
    }
}
