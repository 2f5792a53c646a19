//! Who is assessed: the kind of subject, a collective's sub-kind, an individual's party
//! status.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The kind of subject (rules-qd366 §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// Individual without a leadership post (PL 4), or outside the political system (PL 5).
    Member,
    /// Individual holding a leadership or management post (PL 3), or centrally managed (PL 2).
    Leader,
    /// A collective (PL 1).
    Collective,
}

impl SubjectKind {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Member => "member",
            SubjectKind::Leader => "leader",
            SubjectKind::Collective => "collective",
        }
    }
}

/// The sub-kind of a collective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CollectiveKind {
    /// Leadership or management collective (tập thể lãnh đạo, quản lý).
    Leadership,
    /// Party committee (cấp ủy).
    PartyCommittee,
    /// Party organisation (đảng bộ, chi bộ).
    PartyOrganisation,
    /// Organisation, agency or unit.
    Agency,
}

impl CollectiveKind {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CollectiveKind::Leadership => "leadership",
            CollectiveKind::PartyCommittee => "party_committee",
            CollectiveKind::PartyOrganisation => "party_organisation",
            CollectiveKind::Agency => "agency",
        }
    }
}

/// Party status of an individual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartyStatus {
    /// Takes part in party activities.
    #[default]
    Active,
    /// Exempted from work and party activities.
    Exempted,
    /// Party activities suspended.
    Suspended,
}
