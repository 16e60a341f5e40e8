//! Choosing a mediator (issue: neutral, balanced, explainable assignment). This module is
//! the pure rule: given the pool as it stands and the case's parties, who is excluded and
//! why, and who is chosen. Loading the pool and storing the explanation are the database
//! side's job; here nothing reads a clock or a table, so every choice can be replayed.
use std::{cmp::Ordering, collections::BTreeSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::models::vocabulary::{Language, RegionalGroup};

/// Who a case is against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Respondent {
    Body(i64),
    Delegation(i64),
}

/// The parties of a case, as the conflict rules see them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parties {
    /// The lead complainant and the co-complainants (delegation ids).
    pub complainants: BTreeSet<i64>,
    pub respondent: Respondent,
}

impl Parties {
    /// Every delegation that is a party (complainants and a respondent delegation).
    #[must_use]
    pub fn delegations(&self) -> BTreeSet<i64> {
        let mut all = self.complainants.clone();
        if let Respondent::Delegation(d) = self.respondent {
            all.insert(d);
        }
        all
    }

    /// Whether `other` is a case between the same parties: the same respondent and at
    /// least one complainant in common.
    #[must_use]
    pub fn same_dispute(&self, other: &Self) -> bool {
        self.respondent == other.respondent && !self.complainants.is_disjoint(&other.complainants)
    }
}

/// The case to staff.
#[derive(Clone, Debug)]
pub struct CaseToStaff {
    pub parties: Parties,
    /// The regional groups of the party delegations.
    pub regional_groups: BTreeSet<RegionalGroup>,
    pub language: Language,
}

/// One mediator as the rules see them.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub id: i64,
    /// The delegation whose nationality the mediator holds.
    pub nationality: Option<i64>,
    pub regional_group: Option<RegionalGroup>,
    pub languages: BTreeSet<Language>,
    pub declared_delegations: BTreeSet<i64>,
    pub declared_bodies: BTreeSet<i64>,
    pub on_leave: bool,
    pub capacity: u32,
    pub active_cases: u32,
    pub last_assigned_at: Option<DateTime<Utc>>,
    /// Parties of the cases the mediator handled before.
    pub earlier_cases: Vec<Parties>,
}

/// Why a mediator may not take the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum Exclusion {
    OnLeave,
    AtCapacity {
        active_cases: u32,
        capacity: u32,
    },
    SameNationality {
        delegation: i64,
    },
    DeclaredConflict {
        with: Respondent,
    },
    DeclaredConflictWithDelegation {
        delegation: i64,
    },
    EarlierInvolvement,
    SameRegionalGroup {
        group: RegionalGroup,
    },
    /// Challenged or recused on this case before.
    Excluded,
}

/// Policy choices the organization makes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Rules {
    /// Exclude mediators from the same UN regional group as any party.
    pub exclude_same_regional_group: bool,
}

/// The outcome with its reasons, to be stored and shown.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    pub chosen: Option<i64>,
    /// The mediators who could take the case, best first.
    pub ranking: Vec<i64>,
    pub excluded: Vec<(i64, Vec<Exclusion>)>,
}

/// Every reason `c` may not take the case; empty when they may.
#[must_use]
pub fn exclusions(
    c: &Candidate,
    case: &CaseToStaff,
    rules: Rules,
    excluded: &BTreeSet<i64>,
) -> Vec<Exclusion> {
    let mut why = Vec::new();
    if excluded.contains(&c.id) {
        why.push(Exclusion::Excluded);
    }
    if c.on_leave {
        why.push(Exclusion::OnLeave);
    }
    if c.active_cases >= c.capacity {
        why.push(Exclusion::AtCapacity {
            active_cases: c.active_cases,
            capacity: c.capacity,
        });
    }
    let party_delegations = case.parties.delegations();
    if let Some(n) = c.nationality.filter(|n| party_delegations.contains(n)) {
        why.push(Exclusion::SameNationality { delegation: n });
    }
    for d in c.declared_delegations.intersection(&party_delegations) {
        why.push(Exclusion::DeclaredConflictWithDelegation { delegation: *d });
    }
    if let Respondent::Body(b) = case.parties.respondent {
        if c.declared_bodies.contains(&b) {
            why.push(Exclusion::DeclaredConflict {
                with: case.parties.respondent,
            });
        }
    }
    if c.earlier_cases
        .iter()
        .any(|p| p.same_dispute(&case.parties))
    {
        why.push(Exclusion::EarlierInvolvement);
    }
    if rules.exclude_same_regional_group {
        if let Some(g) = c
            .regional_group
            .filter(|g| *g != RegionalGroup::None && case.regional_groups.contains(g))
        {
            why.push(Exclusion::SameRegionalGroup { group: g });
        }
    }
    why
}

/// Ranking among eligible mediators: those who speak the case's language first, then the
/// lowest load relative to capacity, then the least recently assigned (never assigned
/// first), then the lowest id, so equal inputs always give the same order.
fn rank(a: &Candidate, b: &Candidate, language: Language) -> Ordering {
    let speaks = |c: &Candidate| !c.languages.contains(&language);
    // a.active / a.capacity against b.active / b.capacity, without division.
    let load = |x: &Candidate, y: &Candidate| {
        (u64::from(x.active_cases) * u64::from(y.capacity.max(1)))
            .cmp(&(u64::from(y.active_cases) * u64::from(x.capacity.max(1))))
    };
    speaks(a)
        .cmp(&speaks(b))
        .then_with(|| load(a, b))
        .then_with(|| a.last_assigned_at.cmp(&b.last_assigned_at))
        .then_with(|| a.id.cmp(&b.id))
}

/// Chooses a mediator for `case` from `pool`, never one with a conflict; `excluded` holds
/// mediators challenged or recused on this case.
#[must_use]
pub fn choose(
    pool: &[Candidate],
    case: &CaseToStaff,
    rules: Rules,
    excluded: &BTreeSet<i64>,
) -> Explanation {
    let mut eligible = Vec::new();
    let mut out = Vec::new();
    for c in pool {
        let why = exclusions(c, case, rules, excluded);
        if why.is_empty() {
            eligible.push(c);
        } else {
            out.push((c.id, why));
        }
    }
    eligible.sort_by(|a, b| rank(a, b, case.language));
    out.sort_by_key(|(id, _)| *id);
    Explanation {
        chosen: eligible.first().map(|c| c.id),
        ranking: eligible.iter().map(|c| c.id).collect(),
        excluded: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use proptest::prelude::*;

    fn candidate(id: i64) -> Candidate {
        Candidate {
            id,
            nationality: Some(1000 + id),
            regional_group: Some(RegionalGroup::WesternEuropeanOthers),
            languages: BTreeSet::from([Language::En]),
            declared_delegations: BTreeSet::new(),
            declared_bodies: BTreeSet::new(),
            on_leave: false,
            capacity: 2000,
            active_cases: 0,
            last_assigned_at: None,
            earlier_cases: Vec::new(),
        }
    }

    fn case(complainant: i64, respondent: Respondent) -> CaseToStaff {
        CaseToStaff {
            parties: Parties {
                complainants: BTreeSet::from([complainant]),
                respondent,
            },
            regional_groups: BTreeSet::from([RegionalGroup::AsiaPacific]),
            language: Language::En,
        }
    }

    #[test]
    fn mediator_with_the_nationality_of_a_party_is_never_assigned() {
        let mut tuvalu = candidate(1);
        tuvalu.nationality = Some(7);
        let pick = choose(
            &[tuvalu, candidate(2)],
            &case(7, Respondent::Body(3)),
            Rules::default(),
            &BTreeSet::new(),
        );
        assert_eq!(pick.chosen, Some(2));
        assert_eq!(
            pick.excluded,
            vec![(1, vec![Exclusion::SameNationality { delegation: 7 }])]
        );
    }

    #[test]
    fn nobody_eligible_gives_no_choice_and_every_reason() {
        let mut on_leave = candidate(1);
        on_leave.on_leave = true;
        let mut full = candidate(2);
        full.capacity = 3;
        full.active_cases = 3;
        let mut involved = candidate(3);
        involved
            .earlier_cases
            .push(case(7, Respondent::Body(3)).parties);
        let pick = choose(
            &[on_leave, full, involved],
            &case(7, Respondent::Body(3)),
            Rules::default(),
            &BTreeSet::new(),
        );
        assert_eq!(pick.chosen, None);
        assert_eq!(pick.excluded.len(), 3);
        assert_eq!(pick.excluded[2].1, vec![Exclusion::EarlierInvolvement]);
    }

    #[test]
    fn a_speaker_of_the_case_language_comes_before_a_less_loaded_mediator() {
        let mut french = candidate(1);
        french.languages.insert(Language::Fr);
        french.active_cases = 5;
        let mut c = case(7, Respondent::Body(3));
        c.language = Language::Fr;
        let pick = choose(
            &[candidate(2), french],
            &c,
            Rules::default(),
            &BTreeSet::new(),
        );
        assert_eq!(pick.ranking, vec![1, 2]);
    }

    #[test]
    fn the_regional_group_rule_applies_only_when_the_policy_says_so() {
        let mut pacific = candidate(1);
        pacific.regional_group = Some(RegionalGroup::AsiaPacific);
        let c = case(7, Respondent::Body(3));
        let lax = choose(
            std::slice::from_ref(&pacific),
            &c,
            Rules::default(),
            &BTreeSet::new(),
        );
        assert_eq!(lax.chosen, Some(1));
        let strict = choose(
            &[pacific],
            &c,
            Rules {
                exclude_same_regional_group: true,
            },
            &BTreeSet::new(),
        );
        assert_eq!(strict.chosen, None);
    }

    fn arb_candidate() -> impl Strategy<Value = Candidate> {
        (
            0_i64..40,
            proptest::option::of(0_i64..12),
            proptest::collection::btree_set(0_i64..12, 0..3),
            proptest::collection::btree_set(0_i64..4, 0..2),
            any::<bool>(),
            1_u32..6,
            0_u32..8,
            proptest::option::of(0_i64..1000),
            proptest::collection::vec(
                (proptest::collection::btree_set(0_i64..12, 1..3), 0_i64..4),
                0..3,
            ),
            any::<bool>(),
        )
            .prop_map(|(id, nat, dd, db, leave, cap, active, last, earlier, fr)| {
                Candidate {
                    id,
                    nationality: nat,
                    regional_group: Some(if id % 2 == 0 {
                        RegionalGroup::African
                    } else {
                        RegionalGroup::AsiaPacific
                    }),
                    languages: if fr {
                        BTreeSet::from([Language::Fr])
                    } else {
                        BTreeSet::from([Language::En])
                    },
                    declared_delegations: dd,
                    declared_bodies: db,
                    on_leave: leave,
                    capacity: cap,
                    active_cases: active,
                    last_assigned_at: last
                        .map(|m| DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(m)),
                    earlier_cases: earlier
                        .into_iter()
                        .map(|(complainants, body)| Parties {
                            complainants,
                            respondent: Respondent::Body(body),
                        })
                        .collect(),
                }
            })
    }

    fn arb_case() -> impl Strategy<Value = CaseToStaff> {
        (
            proptest::collection::btree_set(0_i64..12, 1..3),
            0_i64..4,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(complainants, r, against_delegation, fr)| CaseToStaff {
                parties: Parties {
                    complainants,
                    respondent: if against_delegation {
                        Respondent::Delegation(r + 8)
                    } else {
                        Respondent::Body(r)
                    },
                },
                regional_groups: BTreeSet::from([RegionalGroup::African]),
                language: if fr { Language::Fr } else { Language::En },
            })
    }

    /// Ids are unique in a real pool.
    fn unique(pool: Vec<Candidate>) -> Vec<Candidate> {
        let mut seen = BTreeSet::new();
        pool.into_iter().filter(|c| seen.insert(c.id)).collect()
    }

    proptest! {
        #[test]
        fn a_conflicted_mediator_is_never_chosen(
            pool in proptest::collection::vec(arb_candidate(), 0..12),
            case in arb_case(),
            strict in any::<bool>(),
        ) {
            let pool = unique(pool);
            let rules = Rules { exclude_same_regional_group: strict };
            let pick = choose(&pool, &case, rules, &BTreeSet::new());
            if let Some(id) = pick.chosen {
                let chosen = pool.iter().find(|c| c.id == id).expect("chosen from the pool");
                prop_assert!(exclusions(chosen, &case, rules, &BTreeSet::new()).is_empty());
                let parties = case.parties.delegations();
                prop_assert!(chosen.nationality.is_none_or(|n| !parties.contains(&n)));
                prop_assert!(!chosen.on_leave && chosen.active_cases < chosen.capacity);
            } else {
                prop_assert!(pool.iter().all(|c| !exclusions(c, &case, rules, &BTreeSet::new()).is_empty()));
            }
        }

        #[test]
        fn the_same_inputs_in_any_order_give_the_same_choice(
            pool in proptest::collection::vec(arb_candidate(), 0..12),
            case in arb_case(),
        ) {
            let pool = unique(pool);
            let mut reversed = pool.clone();
            reversed.reverse();
            let a = choose(&pool, &case, Rules::default(), &BTreeSet::new());
            let b = choose(&reversed, &case, Rules::default(), &BTreeSet::new());
            prop_assert_eq!(a.chosen, b.chosen);
            prop_assert_eq!(a.ranking, b.ranking);
        }
    }

    #[test]
    fn a_thousand_assignments_to_identical_mediators_differ_in_load_by_at_most_one() {
        let mut pool: Vec<Candidate> = (1..=7).map(candidate).collect();
        let c = case(7, Respondent::Body(3));
        let start = DateTime::<Utc>::UNIX_EPOCH;
        for i in 0..1000 {
            let id = choose(&pool, &c, Rules::default(), &BTreeSet::new())
                .chosen
                .expect("someone is free");
            let m = pool.iter_mut().find(|m| m.id == id).expect("in pool");
            m.active_cases += 1;
            m.last_assigned_at = Some(start + Duration::minutes(i));
        }
        let loads: Vec<u32> = pool.iter().map(|m| m.active_cases).collect();
        let (min, max) = (loads.iter().min().copied(), loads.iter().max().copied());
        assert!(
            max.zip(min).is_some_and(|(hi, lo)| hi - lo <= 1),
            "{loads:?}"
        );
        assert_eq!(loads.iter().sum::<u32>(), 1000);
    }
}
