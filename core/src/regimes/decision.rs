//! Decisions: the compact result of an evaluation, with its reasons as data.

use crate::contract::decision::{deciding_position, MitigationKind, QuotaOutcome};
use crate::contract::level::{Level, Options, Outcome, Reading};
use crate::contract::regime::{RegimeId, RegimeSelection};
use crate::contract::state::{Rating, StateRatingRecord};
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::dates::Span;
use crate::model::{Tasks, ValidAssessment};
use crate::points::Points;
use crate::regimes::state::part::StatePart;
use crate::rules::catalogue::Rule;
use crate::rules::reason::Reason;
use chrono::NaiveDate;

/// What the level would be if the competent level accepted a mitigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alternative {
    /// The level then (`None`: undetermined under the `strict` reading).
    pub level: Option<Level>,
    /// The mitigation to accept.
    pub mitigation: MitigationKind,
    /// The mitigation rule.
    pub rule: Rule,
    /// The alternative is itself a case for the competent level (rules-qd366 §5).
    pub needs_decision: bool,
}

/// The result of evaluating one assessment, with reasons as compact data.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    // INVARIANT: `level` is present exactly when `outcome` is `Classified`; a level never
    // stands above `band`; an `Undetermined` outcome (the `strict` reading only) is
    // marked `needs_decision` (property test `decisions_keep_their_invariants`).
    /// The caller's id.
    pub id: String,
    /// The regime applied.
    pub regime: RegimeId,
    /// How the regime was chosen.
    pub regime_selection: RegimeSelection,
    /// The kind of subject.
    pub subject_kind: SubjectKind,
    /// The collective's sub-kind.
    pub collective_kind: Option<CollectiveKind>,
    /// The task counts read (for ranking by the share exceeded).
    pub tasks: Option<Tasks>,
    /// The period evaluated.
    pub period: Span,
    /// The evaluation day.
    pub as_of: NaiveDate,
    /// Classified, not classified, or undetermined.
    pub outcome: Outcome,
    /// The proposed level.
    pub level: Option<Level>,
    /// The total score.
    pub score: Option<Points>,
    /// The level of the score band alone.
    pub band: Option<Level>,
    /// The text leaves the case to the competent level.
    pub needs_decision: bool,
    /// The reading applied.
    pub reading: Reading,
    /// Every rule that decided, blocked or informs the level, in evaluation order.
    pub reasons: Vec<Reason>,
    /// Levels reachable if a mitigation is accepted.
    pub alternatives: Vec<Alternative>,
    /// The Excellent quota's effect, after a group evaluation.
    pub quota: Option<QuotaOutcome>,
    /// The quota group named in the input.
    pub quota_group: Option<String>,
    /// `party` or `state`.
    pub rating: Rating,
    /// A state decision's own part: periods, mean, agency, quota steps.
    pub state: Option<Box<StatePart>>,
    /// A party decision: the state rating it read.
    pub state_rating: Option<StateRatingRecord>,
}

impl Decision {
    /// The decision on `a` before any rule: not classified, no level, no reason yet.
    pub fn unclassified(a: &ValidAssessment, options: &Options) -> Decision {
        Decision {
            id: a.id.clone(),
            regime: a.regime,
            regime_selection: a.regime_selection,
            subject_kind: a.subject.kind,
            collective_kind: a.subject.collective_kind,
            tasks: a.tasks,
            period: a.period,
            as_of: a.as_of,
            outcome: Outcome::NotClassified,
            level: None,
            score: None,
            band: None,
            needs_decision: false,
            reading: options.reading,
            reasons: Vec::new(),
            alternatives: Vec::new(),
            quota: None,
            quota_group: a.quota_group.clone(),
            rating: a.rating,
            state: None,
            state_rating: None,
        }
    }

    /// The regime as the decision writes it: none for a cán bộ from 2026, whom no state
    /// regime rates (`state.none`).
    pub fn regime_shown(&self) -> Option<RegimeId> {
        match &self.state {
            Some(state) if state.no_regime => None,
            _ => Some(self.regime),
        }
    }

    /// The rule ids of the reasons, in order.
    pub fn rule_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.reasons.iter().map(|reason| reason.rule.id())
    }

    /// The reason that settles the decision, for a one-line summary: the first that
    /// excludes, decides Not completed, demotes or needs a decision, else the first that
    /// blocks, else the first that decides (one rule for both this and
    /// [`crate::DecisionRecord::deciding_reason`]).
    pub fn deciding_reason(&self) -> Option<&Reason> {
        let position =
            deciding_position(self.reasons.iter().map(|r| (r.effect, r.level)), self.band)?;
        self.reasons.get(position)
    }
}
