//! Who a subject is, for choosing the conduct items that apply to it (`conduct.scope`
//! in the contract), and whom a catalogue item applies to.

use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::subject::SubjectKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whom an item applies to. An item lists one or more; it applies to a subject that
/// any of them covers (see [`ConductScope::covers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Every cadre and party member (ALL).
    AllMembers,
    /// Cadres holding a leadership or management post (LEAD).
    Leaders,
    /// The head of an organisation or unit (HEAD).
    Heads,
    /// Key leaders at each level (KEY).
    KeyLeaders,
    /// Members of the Central Committee (CC).
    CentralCommitteeMembers,
    /// Members of the Politburo or the Secretariat (PB).
    PolitburoSecretariatMembers,
    /// Members of a party committee at a level the scope applies QĐ 08-QĐi/TW
    /// Art. 2–3 to ([`ConductScope::q08_committee_levels`]; default central only).
    CommitteeMembers,
    /// Members working in an agency or enterprise who live elsewhere (WM, QĐ 213),
    /// including those exempt from residence activities.
    WorkingMembersElsewhere,
    /// Working members living elsewhere and not exempt from residence activities
    /// (HD 33-HD/BTCTW §1.1).
    WorkingMembersNotExempt,
    /// Party organisations (for the discipline forms of organisations).
    PartyOrganisations,
}

/// The level of the party committee a person sits on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CommitteeLevel {
    /// Grassroots committee (đảng ủy cơ sở, chi ủy).
    Grassroots,
    /// District committee (huyện ủy, quận ủy; abolished with the two-tier local
    /// government of 2025, kept for earlier periods).
    District,
    /// Provincial committee, or a committee directly under the Central Committee.
    Provincial,
    /// The Central Committee.
    Central,
}

/// A working member's relation to the place of residence (QĐ 213-QĐ/TW).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Residence {
    /// Not a working member living elsewhere, or exempt even from being introduced
    /// to the residence organisation (HD 33-HD/BTCTW §1.2).
    #[default]
    NotApplicable,
    /// Works in an agency or enterprise and keeps contact with the residence
    /// party organisation.
    WorkingElsewhere,
    /// Introduced to the residence organisation but exempt from its activities
    /// (HD 33-HD/BTCTW §1.1): keeps the general duties, not the meeting ones.
    WorkingElsewhereExempt,
}

impl Residence {
    fn is_not_applicable(&self) -> bool {
        *self == Residence::NotApplicable
    }
}

fn default_q08_committee_levels() -> Vec<CommitteeLevel> {
    vec![CommitteeLevel::Central]
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Who the subject is, for the conduct checklist (`conduct.scope` in the contract).
///
/// The higher the position, the more items apply: a head answers the leader and head
/// items as well as everyone's. A head or key leader holds a leadership post, so also
/// counts as a leader; a Politburo or Secretariat member counts as a key leader and as
/// sitting on the Central Committee. A collective answers no personal item: it gets
/// only the discipline forms of party organisations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ConductScope {
    /// `member`, `leader` or `collective`.
    pub subject: SubjectKind,
    /// Holds a leadership or management post (implied by `subject: leader`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub leader: bool,
    /// Head of an organisation or unit (người đứng đầu).
    #[serde(default, skip_serializing_if = "is_false")]
    pub head: bool,
    /// Key leader at their level (cán bộ lãnh đạo chủ chốt).
    #[serde(default, skip_serializing_if = "is_false")]
    pub key_leader: bool,
    /// The level of the party committee the person sits on; absent if none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee_level: Option<CommitteeLevel>,
    /// Member of the Politburo or the Secretariat.
    #[serde(default, skip_serializing_if = "is_false")]
    pub politburo_secretariat: bool,
    /// Relation to the place of residence (QĐ 213).
    #[serde(default, skip_serializing_if = "Residence::is_not_applicable")]
    pub residence: Residence,
    /// The committee levels whose members answer QĐ 08-QĐi/TW Art. 2–3. Default
    /// central only; a local committee that applies its own copy of the regulation
    /// adds its level. Central Committee members answer them whatever this says, since
    /// the regulation names them.
    #[serde(default = "default_q08_committee_levels")]
    pub q08_committee_levels: Vec<CommitteeLevel>,
}

impl Default for ConductScope {
    /// A plain party member.
    fn default() -> ConductScope {
        ConductScope::new(SubjectKind::Member)
    }
}

impl ConductScope {
    /// A subject of this kind with no post, committee seat or residence duty.
    pub fn new(subject: SubjectKind) -> ConductScope {
        ConductScope {
            subject,
            leader: false,
            head: false,
            key_leader: false,
            committee_level: None,
            politburo_secretariat: false,
            residence: Residence::NotApplicable,
            q08_committee_levels: default_q08_committee_levels(),
        }
    }

    fn is_individual(&self) -> bool {
        self.subject != SubjectKind::Collective
    }

    /// Holds a leadership post: a leader, or flagged leader, head, key leader, or
    /// Politburo or Secretariat member.
    pub fn holds_leadership_post(&self) -> bool {
        self.subject == SubjectKind::Leader || self.leader || self.head || self.is_key_leader()
    }

    /// A key leader, or a Politburo or Secretariat member.
    pub fn is_key_leader(&self) -> bool {
        self.key_leader || self.politburo_secretariat
    }

    /// The committee level the person sits on; central for a Politburo or
    /// Secretariat member.
    pub fn effective_committee_level(&self) -> Option<CommitteeLevel> {
        if self.politburo_secretariat {
            Some(CommitteeLevel::Central)
        } else {
            self.committee_level
        }
    }

    /// Whether an item with this applicability applies to the subject.
    pub fn covers(&self, applicability: Applicability) -> bool {
        if !self.is_individual() {
            return applicability == Applicability::PartyOrganisations;
        }
        let level = self.effective_committee_level();
        match applicability {
            Applicability::AllMembers => true,
            Applicability::Leaders => self.holds_leadership_post(),
            Applicability::Heads => self.head,
            Applicability::KeyLeaders => self.is_key_leader(),
            Applicability::CentralCommitteeMembers => level == Some(CommitteeLevel::Central),
            Applicability::PolitburoSecretariatMembers => self.politburo_secretariat,
            Applicability::CommitteeMembers => {
                level.is_some_and(|level| self.q08_committee_levels.contains(&level))
            }
            Applicability::WorkingMembersElsewhere => self.residence != Residence::NotApplicable,
            Applicability::WorkingMembersNotExempt => self.residence == Residence::WorkingElsewhere,
            Applicability::PartyOrganisations => false,
        }
    }

    /// Contradictions in the scope, located under `pointer` (the scope's own JSON
    /// Pointer, such as `/conduct/scope`). [`ConductScope::covers`] works on any scope;
    /// these are reported so that an input is not silently read one way.
    pub fn problems(&self, pointer: &str) -> Vec<InputError> {
        let mut problems = Vec::new();
        let individual_fields = [
            ("leader", self.leader),
            ("head", self.head),
            ("key_leader", self.key_leader),
            ("committee_level", self.committee_level.is_some()),
            ("politburo_secretariat", self.politburo_secretariat),
            ("residence", self.residence != Residence::NotApplicable),
        ];
        match self.subject {
            SubjectKind::Collective => {
                for (field, set) in individual_fields {
                    if set {
                        problems.push(InputError::new(
                            ErrorCode::NotApplicable,
                            format!("{pointer}/{field}"),
                            "Trường này chỉ dành cho cá nhân, không áp dụng cho tập thể",
                            "this field describes an individual, not a collective",
                        ));
                    }
                }
            }
            SubjectKind::Member => {
                let post_fields = [
                    ("leader", self.leader),
                    ("head", self.head),
                    ("key_leader", self.key_leader),
                    ("politburo_secretariat", self.politburo_secretariat),
                ];
                for (field, set) in post_fields {
                    if set {
                        problems.push(InputError::new(
                            ErrorCode::Conflict,
                            format!("{pointer}/{field}"),
                            "Đảng viên không giữ chức vụ lãnh đạo; người giữ chức vụ được đánh giá là cán bộ lãnh đạo (subject: leader)",
                            "a member holds no leadership post; a post-holder is assessed as a leader (subject: leader)",
                        ));
                    }
                }
            }
            SubjectKind::Leader => {}
        }
        if self.politburo_secretariat
            && self
                .committee_level
                .is_some_and(|level| level != CommitteeLevel::Central)
        {
            problems.push(InputError::new(
                ErrorCode::Conflict,
                format!("{pointer}/committee_level"),
                "Ủy viên Bộ Chính trị, Ban Bí thư thuộc Ban Chấp hành Trung ương",
                "a Politburo or Secretariat member sits on the Central Committee",
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_member_is_covered_only_as_a_member() {
        let member = ConductScope::default();
        assert!(member.covers(Applicability::AllMembers));
        for other in [
            Applicability::Leaders,
            Applicability::Heads,
            Applicability::KeyLeaders,
            Applicability::CentralCommitteeMembers,
            Applicability::PolitburoSecretariatMembers,
            Applicability::CommitteeMembers,
            Applicability::WorkingMembersElsewhere,
            Applicability::WorkingMembersNotExempt,
            Applicability::PartyOrganisations,
        ] {
            assert!(!member.covers(other), "{other:?}");
        }
    }

    #[test]
    fn politburo_membership_implies_key_leader_and_central_committee() {
        let scope = ConductScope {
            politburo_secretariat: true,
            ..ConductScope::new(SubjectKind::Leader)
        };
        assert!(scope.covers(Applicability::KeyLeaders));
        assert!(scope.covers(Applicability::Leaders));
        assert!(scope.covers(Applicability::CentralCommitteeMembers));
        assert!(scope.covers(Applicability::CommitteeMembers));
        assert!(!scope.covers(Applicability::Heads));
    }

    #[test]
    fn central_committee_members_answer_q08_even_if_the_levels_omit_central() {
        let scope = ConductScope {
            committee_level: Some(CommitteeLevel::Central),
            q08_committee_levels: vec![CommitteeLevel::Provincial],
            ..ConductScope::new(SubjectKind::Leader)
        };
        assert!(scope.covers(Applicability::CentralCommitteeMembers));
        assert!(!scope.covers(Applicability::CommitteeMembers));
    }

    #[test]
    fn exempt_working_members_keep_only_the_general_residence_duties() {
        let exempt = ConductScope {
            residence: Residence::WorkingElsewhereExempt,
            ..ConductScope::default()
        };
        assert!(exempt.covers(Applicability::WorkingMembersElsewhere));
        assert!(!exempt.covers(Applicability::WorkingMembersNotExempt));
    }

    #[test]
    fn contradictions_are_reported_with_their_paths() {
        let collective = ConductScope {
            head: true,
            residence: Residence::WorkingElsewhere,
            ..ConductScope::new(SubjectKind::Collective)
        };
        let paths: Vec<String> = collective
            .problems("/conduct/scope")
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(paths, ["/conduct/scope/head", "/conduct/scope/residence"]);

        let member = ConductScope {
            key_leader: true,
            ..ConductScope::default()
        };
        let problems = member.problems("");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, ErrorCode::Conflict);
        assert_eq!(problems[0].path, "/key_leader");

        let politburo = ConductScope {
            politburo_secretariat: true,
            committee_level: Some(CommitteeLevel::Provincial),
            ..ConductScope::new(SubjectKind::Leader)
        };
        assert_eq!(politburo.problems("").len(), 1);
        assert!(ConductScope::new(SubjectKind::Leader)
            .problems("")
            .is_empty());
    }

    #[test]
    fn an_absent_q08_parameter_means_central_only() {
        let scope: ConductScope = serde_json::from_str(r#"{"subject": "member"}"#)
            .unwrap_or_else(|_| ConductScope::new(SubjectKind::Collective));
        assert_eq!(scope, ConductScope::default());
        assert_eq!(scope.q08_committee_levels, [CommitteeLevel::Central]);
    }
}
