//! What follows from a case's answers beyond its verdict: which verdicts are still
//! possible, which open question would settle the most, what to ask next in an
//! interview, what a partnership would need to change to become an IOP, and whether a
//! condition of the documents' data (a next step, a part of the agreement, a citation)
//! holds for the case.
//!
//! Pure, like the engine, and built on its precedence (`engine::Standing`). The law's
//! items and a set's required criteria each stand on their own questions (a fact's
//! questions belong to it alone, and a criterion uses a fact or a question of no fact),
//! so every open item can still go either way, whatever the others do: the possible
//! verdicts are those of the precedence over every way the open items could turn out.

use crate::engine::{self, Evaluation, Standing, Status};
use crate::model::{
    Answer, Answers, Bank, Condition, CriteriaSet, Guard, Law, Localized, Route, Verdict,
};

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
    // Every standing some of the open items failing could give, the rest met: each open
    // item adds the standings with it failing to those without. A standing has six
    // flags, so there are at most 64, however many items are open.
    let mut reachable: Vec<Standing> = Vec::new();
    let mut effects: Vec<Standing> = Vec::new();
    for d in deciders(set, law) {
        let answer = engine::answer(bank, d.id, answers);
        match engine::status(d.ok, answer) {
            Status::Met => {}
            Status::Failed => d.fail(&mut fixed),
            Status::Open => {
                let mut effect = Standing::default();
                d.fail(&mut effect);
                effects.push(effect);
            }
        }
    }
    reachable.push(fixed);
    for effect in effects {
        for i in 0..reachable.len() {
            let failed = union(reachable[i], effect);
            if !reachable.contains(&failed) {
                reachable.push(failed);
            }
        }
    }
    let mut verdicts: Vec<Verdict> = Vec::new();
    for standing in reachable {
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

/// Whether a set's verdict is settled: no answer to the open questions can change it.
pub fn settled_one(set: &CriteriaSet, law: &Law, bank: &Bank, answers: &Answers) -> bool {
    possible(set, law, bank, answers).len() <= 1
}

/// Whether every set's verdict is settled: no answer to the open questions can change it.
pub fn settled(sets: &[&CriteriaSet], law: &Law, bank: &Bank, answers: &Answers) -> bool {
    sets.iter().all(|s| settled_one(s, law, bank, answers))
}

/// The open questions that could move a set's verdict: the unanswered (or unknown)
/// questions of the law's and the set's required items that are still open, in the
/// bank's order. A question of a fact that another answer has settled is not open.
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

/// Of the candidates (in the bank's order), the question that in the worst case leaves
/// the fewest possible verdicts over the sets together; ties: the first. With
/// `passing_over`, a question whose answers cannot change any set's possible verdicts
/// settles nothing and is passed over, unless no candidate can (then the first is taken):
/// what an interview should ask. Without it, the rule as the decision model states it.
fn best_of<'a>(
    candidates: &[&'a str],
    sets: &[&CriteriaSet],
    law: &Law,
    bank: &Bank,
    answers: &Answers,
    passing_over: bool,
) -> Option<&'a str> {
    let now: Vec<Vec<Verdict>> = sets
        .iter()
        .map(|s| possible(s, law, bank, answers))
        .collect();
    let mut best: Option<(&'a str, usize)> = None;
    for &q in candidates {
        let mut worst = 0;
        let mut moves = false;
        for a in [Answer::Yes, Answer::No] {
            let mut given = answers.clone();
            given.insert(q.to_string(), a);
            let mut left = 0;
            for (s, before) in sets.iter().zip(&now) {
                let after = possible(s, law, bank, &given);
                moves |= after != *before;
                left += after.len();
            }
            worst = worst.max(left);
        }
        if (moves || !passing_over) && best.is_none_or(|(_, b)| worst < b) {
            best = Some((q, worst));
        }
    }
    best.map(|(q, _)| q).or_else(|| candidates.first().copied())
}

/// The open question that, in the worst case, leaves the fewest possible verdicts for one
/// set (ties: the first in the bank's order); `None` when only one verdict is possible.
/// The open questions are those of the law's and the set's required items that are still
/// open; the rule is the decision model's, with no question passed over.
pub fn next_question<'a>(
    set: &CriteriaSet,
    law: &Law,
    bank: &'a Bank,
    answers: &Answers,
) -> Option<&'a str> {
    let sets = [set];
    let candidates = unsettled_questions(&sets, law, bank, answers, &[]);
    if candidates.is_empty() {
        return None;
    }
    best_of(&candidates, &sets, law, bank, answers, false)
}

/// The open question that settles the most across several sets: the fewest possible
/// verdicts in all of them together, in the worst case (ties: the bank's order), among
/// the open questions of the sets not yet settled; `None` when every set's verdict is
/// settled.
pub fn next_question_for<'a>(
    sets: &[&CriteriaSet],
    law: &Law,
    bank: &'a Bank,
    answers: &Answers,
) -> Option<&'a str> {
    let candidates = unsettled_questions(sets, law, bank, answers, &[]);
    best_of(&candidates, sets, law, bank, answers, true)
}

/// The open questions of the sets whose verdict is not settled, in the bank's order,
/// leaving out `skip`.
fn unsettled_questions<'a>(
    sets: &[&CriteriaSet],
    law: &Law,
    bank: &'a Bank,
    answers: &Answers,
    skip: &[&str],
) -> Vec<&'a str> {
    let open: Vec<Vec<&'a str>> = sets
        .iter()
        .filter(|s| !settled_one(s, law, bank, answers))
        .map(|s| open_questions(s, law, bank, answers))
        .collect();
    bank.ids()
        .filter(|q| !skip.contains(q) && open.iter().any(|o| o.contains(q)))
        .collect()
}

/// What an adaptive interview asks next: nothing once every set's verdict is settled;
/// else the law's open questions first, in the law's order (they can settle every set at
/// once); else the question that settles the most across the sets (as
/// `next_question_for`). Questions in `asked` (answered "unknown" in this run) are not
/// asked again; `None` when nothing that could matter is left to ask.
pub fn interview_question<'a>(
    sets: &[&CriteriaSet],
    law: &Law,
    bank: &'a Bank,
    answers: &Answers,
    asked: &[&str],
) -> Option<&'a str> {
    let candidates = unsettled_questions(sets, law, bank, answers, asked);
    let law_first = law
        .items
        .iter()
        .flat_map(|item| bank.questions_of(&item.id))
        .find_map(|q| candidates.iter().find(|c| **c == q).copied());
    law_first.or_else(|| best_of(&candidates, sets, law, bank, answers, true))
}

/// How many questions an adaptive interview could still ask: the open questions of the
/// sets not yet settled, leaving out `asked`. An upper bound: answers settle sets.
pub fn questions_left(
    sets: &[&CriteriaSet],
    law: &Law,
    bank: &Bank,
    answers: &Answers,
    asked: &[&str],
) -> usize {
    unsettled_questions(sets, law, bank, answers, asked).len()
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
    /// The requirement in words, as the law or the set states it (met when it holds).
    pub statement: &'a Localized,
}

/// What it would take for a set whose verdict is not IOP to become one: every item of the
/// law and every required criterion that fails or is open, the law's first, each once.
/// Empty when the verdict is IOP.
pub fn shortfalls<'a>(e: &Evaluation<'a>, bank: &Bank) -> Vec<Shortfall<'a>> {
    if e.verdict == Verdict::Iop {
        return Vec::new();
    }
    let mut found: Vec<Shortfall<'a>> = Vec::new();
    let law = e
        .law
        .items
        .iter()
        .map(|a| (a.item.id.as_str(), a.status, &a.item.text));
    let own = e
        .required()
        .map(|a| (a.criterion.question.as_str(), a.status, &a.criterion.text));
    for (id, status, statement) in law.chain(own) {
        if status == Status::Met || found.iter().any(|s| s.id == id) {
            continue;
        }
        found.push(Shortfall {
            id,
            status,
            design: bank.design(id),
            statement,
        });
    }
    found
}

/// What kind of change an item would need for a set to become an IOP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// It fails, and the parties can change it by how they design the partnership.
    Design,
    /// It fails, and they cannot.
    Fixed,
    /// It is open, and would have to be settled (and met).
    Open,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Design, Kind::Fixed, Kind::Open];
}

impl Shortfall<'_> {
    pub fn kind(&self) -> Kind {
        match (self.status, self.design) {
            (Status::Open, _) => Kind::Open,
            (_, true) => Kind::Design,
            (_, false) => Kind::Fixed,
        }
    }
}

/// What it would take, by kind: what fails and the parties can shape by design, what
/// fails and they cannot, and what is open and would have to be settled. Each list in
/// the order of `shortfalls`; all empty when the verdict is IOP.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct WouldTake<'a> {
    pub design: Vec<&'a str>,
    pub fixed: Vec<&'a str>,
    pub open: Vec<&'a str>,
}

impl<'a> WouldTake<'a> {
    pub fn of(shortfalls: &[Shortfall<'a>]) -> WouldTake<'a> {
        let mut take = WouldTake::default();
        for s in shortfalls {
            match s.kind() {
                Kind::Design => take.design.push(s.id),
                Kind::Fixed => take.fixed.push(s.id),
                Kind::Open => take.open.push(s.id),
            }
        }
        take
    }
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

    #[test]
    fn a_question_that_cannot_change_anything_is_passed_over_by_the_interview() {
        let (bank, law, mut set) = (sample_bank(), sample_law(), sample_set());
        // `grant` fails: a grant unless the contract (or `buy`) makes it procurement. `goal`
        // (route none) is open but cannot change that; the contract's questions can.
        set.criteria.remove(0); // no `buy`
        let a = answers(&[("grant", No), ("undertaking", No), ("competence", Yes)]);
        assert_eq!(
            possible(&set, &law, &bank, &a),
            [Verdict::AssociationGrant, Verdict::Procurement]
        );
        let open = open_questions(&set, &law, &bank, &a);
        assert_eq!(open, ["goal", "pay", "bind"]);
        // Every open question leaves both in the worst case: by the decision model's rule
        // the first in the bank's order is the next, though `goal` settles nothing; an
        // interview passes it over for a question that can settle something.
        assert_eq!(next_question(&set, &law, &bank, &a), Some("goal"));
        assert_eq!(next_question_for(&[&set], &law, &bank, &a), Some("pay"));
    }

    #[test]
    fn the_interview_asks_the_law_first_then_the_best_question() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let sets = [&set];
        let ask = |a: &Answers, asked: &[&str]| interview_question(&sets, &law, &bank, a, asked);
        assert_eq!(ask(&answers(&[]), &[]), Some("pay"));
        // `pay` unknown: not asked again; the fact's other question next.
        assert_eq!(ask(&answers(&[("pay", Unknown)]), &["pay"]), Some("bind"));
        // The contract settled false, then state aid, then competence, then the set's.
        assert_eq!(ask(&answers(&[("pay", No)]), &[]), Some("undertaking"));
        let law_clear = answers(&[("pay", No), ("undertaking", No), ("competence", Yes)]);
        assert_eq!(
            ask(&law_clear, &[]),
            next_question(&set, &law, &bank, &law_clear)
        );
        // Settled: nothing to ask, though questions are open.
        let contract = answers(&[("pay", Yes), ("bind", Yes)]);
        assert!(settled(&sets, &law, &bank, &contract));
        assert_eq!(ask(&contract, &[]), None);
        assert_eq!(questions_left(&sets, &law, &bank, &contract, &[]), 0);
        // Nothing that could matter left to ask: `None`, though not settled.
        let all = [
            "buy",
            "grant",
            "goal",
            "pay",
            "bind",
            "undertaking",
            "competence",
        ];
        assert_eq!(ask(&answers(&[]), &all), None);
    }

    #[test]
    fn several_sets_ask_what_settles_the_most_across_them() {
        let (bank, law, set) = (sample_bank(), sample_law(), sample_set());
        let mut other = sample_set();
        other.id = "other".into();
        other.criteria.retain(|c| c.question == "goal");
        let law_clear = answers(&[("pay", No), ("undertaking", No), ("competence", Yes)]);
        // `goal` is open in both: answering it settles `other` and narrows `sample`.
        let q = next_question_for(&[&set, &other], &law, &bank, &law_clear);
        assert_eq!(q, Some("goal"));
        // A set already settled adds no question of its own.
        let mut settled_other = law_clear.clone();
        settled_other.insert("goal".into(), No);
        let q = next_question_for(&[&other, &set], &law, &bank, &settled_other);
        assert_eq!(q, next_question(&set, &law, &bank, &settled_other));
    }

    #[test]
    fn would_take_splits_failures_by_design_and_lists_what_is_open() {
        let (mut bank, law, set) = (sample_bank(), sample_law(), sample_set());
        bank.questions[0].design = true; // buy
        bank.questions[5].design = true; // bind: the contract can be designed away
        let a = answers(&[("buy", Yes), ("grant", No), ("pay", Yes), ("bind", Yes)]);
        let e = engine::evaluate(&set, &law, &bank, &a);
        let take = WouldTake::of(&shortfalls(&e, &bank));
        assert_eq!(take.design, ["contract", "buy"]);
        assert_eq!(take.fixed, ["grant"]);
        assert_eq!(take.open, ["aid", "competence", "goal"]);
        let iop = engine::evaluate(
            &set,
            &law,
            &bank,
            &answers(&[
                ("buy", No),
                ("grant", Yes),
                ("goal", Yes),
                ("pay", No),
                ("undertaking", No),
                ("competence", Yes),
            ]),
        );
        assert_eq!(
            WouldTake::of(&shortfalls(&iop, &bank)),
            WouldTake::default()
        );
    }
}
