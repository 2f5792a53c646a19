//! Which of the two regimes that grade criteria, and the subject's place in its rules:
//! QĐ 124 has one set of level rules for everyone; HD 21 (QĐ 132) has one per kind of
//! subject (§II.B.1–3).

use crate::contract::level::Level;
use crate::contract::regime::RegimeId;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::model::ValidAssessment;
use crate::rules::catalogue::Rule;

/// Which of the two regimes, and the subject's place in its rules.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// QĐ 124: one set of level rules for everyone.
    Qd124,
    /// QĐ 132, a member or a leader (HD 21 §II.B.2).
    Qd132Member,
    /// QĐ 132, a party organisation or committee, or an agency (HD 21 §II.B.1).
    Qd132Organisation,
    /// QĐ 132, a leadership collective (HD 21 §II.B.3).
    Qd132Leadership,
}

impl Family {
    pub fn of(a: &ValidAssessment) -> Family {
        match (a.regime, a.subject.kind) {
            (RegimeId::Qd132, SubjectKind::Member | SubjectKind::Leader) => Family::Qd132Member,
            (RegimeId::Qd132, SubjectKind::Collective)
                if a.subject.collective_kind == Some(CollectiveKind::Leadership) =>
            {
                Family::Qd132Leadership
            }
            (RegimeId::Qd132, SubjectKind::Collective) => Family::Qd132Organisation,
            _ => Family::Qd124,
        }
    }

    pub fn qd132(self) -> bool {
        self != Family::Qd124
    }

    pub fn not_completed(self) -> Rule {
        match self {
            Family::Qd124 => Rule::Qd124NotCompleted,
            Family::Qd132Member => Rule::Qd132MemberNotCompleted,
            Family::Qd132Organisation => Rule::Qd132OrgNotCompleted,
            Family::Qd132Leadership => Rule::Qd132LcNotCompleted,
        }
    }

    pub fn level_rule(self, level: Level) -> Rule {
        match (self, level) {
            (Family::Qd124, Level::Excellent) => Rule::Qd124Excellent,
            (Family::Qd124, Level::Good) => Rule::Qd124Good,
            (Family::Qd124, _) => Rule::Qd124Completed,
            (Family::Qd132Member, Level::Excellent) => Rule::Qd132MemberExcellent,
            (Family::Qd132Member, Level::Good) => Rule::Qd132MemberGood,
            (Family::Qd132Member, _) => Rule::Qd132MemberCompleted,
            (Family::Qd132Organisation, Level::Excellent) => Rule::Qd132OrgExcellent,
            (Family::Qd132Organisation, Level::Good) => Rule::Qd132OrgGood,
            (Family::Qd132Organisation, _) => Rule::Qd132OrgCompleted,
            (Family::Qd132Leadership, Level::Excellent) => Rule::Qd132LcExcellent,
            (Family::Qd132Leadership, Level::Good) => Rule::Qd132LcGood,
            (Family::Qd132Leadership, _) => Rule::Qd132LcCompleted,
        }
    }

    /// Whether the subject is a leader rated by HD 21's member rules (§II.B.4 points to
    /// QĐ 89's criteria, which were not found).
    #[inline]
    pub fn rates_leader_by_member_rules(self, a: &ValidAssessment) -> bool {
        self == Family::Qd132Member && a.subject.kind == SubjectKind::Leader
    }

    /// Whether `rule` is one of HD 21's member rules (§II.B.2).
    #[inline]
    pub fn is_member_rule(rule: Rule) -> bool {
        matches!(
            rule,
            Rule::Qd132MemberNotCompleted
                | Rule::Qd132MemberExcellent
                | Rule::Qd132MemberGood
                | Rule::Qd132MemberCompleted
        )
    }

    pub fn discipline_not_counted(self) -> Rule {
        if self.qd132() {
            Rule::Qd132DisciplineNotCounted
        } else {
            Rule::Qd124DisciplineNotCounted
        }
    }
}
