//! Form schemas as they travel in JSON: who a form is for, and its sections and fields.

use crate::contract::conduct::ConductScope;
use crate::contract::conduct_catalogue::ItemEffect;
use crate::contract::criteria::ProfileReference;
use crate::contract::date::IsoDate;
use crate::contract::regime::RegimeId;
use crate::contract::state::{Employment, PeriodKind, Rating};
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::contract::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Who the form is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormRequest {
    /// `party` (default: the yearly self-review) or `state` (the monthly or quarterly
    /// self-assessment of a civil servant or public employee, `docs/state-regimes.md`).
    #[serde(default)]
    pub rating: Rating,
    /// The regime: `qd366` for the party forms; `nd335` or `nd233` for the state ones (a
    /// state request left at `qd366` takes the employment's: `nd233` for a viên chức,
    /// else `nd335`).
    #[serde(default = "default_regime")]
    pub regime: RegimeId,
    /// `member`, `leader` or `collective` (a state form: `member` or `leader`).
    pub kind: SubjectKind,
    /// State: the employment (default: the regime's, `cong_chuc` for `nd335`,
    /// `vien_chuc` for `nd233`).
    #[serde(default)]
    pub employment: Option<Employment>,
    /// State: `month` (default) or `quarter`.
    #[serde(default)]
    pub period_kind: Option<PeriodKind>,
    /// Member: outside the political system (PL 5, Mẫu 2C).
    #[serde(default)]
    pub outside_political_system: bool,
    /// Leader: centrally managed (PL 2).
    #[serde(default)]
    pub centrally_managed: bool,
    /// Collective: its sub-kind.
    #[serde(default)]
    pub collective_kind: Option<CollectiveKind>,
    /// The day whose conduct items apply (default: the last day of the current year is
    /// the caller's to choose; the CLI uses today's year end).
    pub on: IsoDate,
    /// Who the person is, for the conduct checklist (default: the kind with no post).
    #[serde(default)]
    pub scope: Option<ConductScope>,
}

fn default_regime() -> RegimeId {
    RegimeId::Qd366
}

/// A form: sections of fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormSchema {
    /// The official form it mirrors: `2A`, `2B`, `2C` or `01`; a state form `01A`, `01B`
    /// (month: staff, leader) or `02A`, `02B` (quarter), codes seen in implementations
    /// and not confirmed.
    pub form: String,
    /// Its title.
    pub title: Text,
    /// The regime.
    pub regime: RegimeId,
    /// The subject kind.
    pub kind: SubjectKind,
    /// The appendix of criteria (`pl1`–`pl5`).
    pub appendix: String,
    /// The criteria profile, when points are given per item.
    pub profile: Option<ProfileReference>,
    /// The conduct catalogue version the checklist comes from.
    pub conduct_catalogue: String,
    /// Fixed answers the form puts in the assessment (subject kind and the like).
    pub fixed: serde_json::Map<String, serde_json::Value>,
    /// The sections, in the form's order.
    pub sections: Vec<Section>,
    /// A state form: the placeholder for the period's index in the field paths
    /// (`/periods/{p}/general`), which the caller replaces by the period's position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_placeholder: Option<String>,
    /// What a caller may ask of this form differently (a state form: the employment and
    /// the period's kind), each with the value this schema is for and the choices: a page
    /// asks them beside the form's fields and asks for the schema again with the one
    /// chosen. Empty for the party forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub request_options: Vec<RequestOption>,
}

/// A field of the form request that gives another variant of the same form (the
/// employment, the period's kind), with its choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestOption {
    /// The `FormRequest` field it sets: `employment` or `period_kind`.
    pub name: String,
    /// Label.
    pub label: Text,
    /// Help.
    pub help: Text,
    /// The value this schema was made for.
    pub value: String,
    /// The values the form takes, each with its label.
    pub options: Vec<Choice>,
}

/// A section of the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id (`status`, `general_criteria`, `tasks`, `conduct`…).
    pub id: String,
    /// Heading.
    pub title: Text,
    /// What the section asks.
    pub help: Text,
    /// Its fields.
    pub fields: Vec<Field>,
}

/// The type of a field's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// Yes or no.
    Boolean,
    /// A whole number.
    Integer,
    /// Points or months, at most two decimals.
    Decimal,
    /// An ISO date.
    Date,
    /// Free text.
    Text,
    /// One of `options`.
    Choice,
    /// A list of records, each with the `item_fields`.
    List,
    /// One object with the `item_fields` (a conduct checklist answer).
    Group,
}

/// One choice of a `choice` field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The value written in the assessment.
    pub value: String,
    /// Its label.
    pub label: Text,
}

/// A citation of the rule that reads a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldCitation {
    /// The rule id.
    pub rule: String,
    /// Document, article, clause, in words.
    pub text: String,
}

/// One field of the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// JSON Pointer into the assessment (relative to the list item for `item_fields`).
    pub path: String,
    /// Its type.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// Label.
    pub label: Text,
    /// Help.
    pub help: Text,
    /// Must be answered before a level can be proposed.
    pub required: bool,
    /// Smallest value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<serde_json::Number>,
    /// Largest value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<serde_json::Number>,
    /// A field whose value bounds this one from above (`/tasks/completed` ≤ `/tasks/assigned`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_field: Option<String>,
    /// Smallest step (0.01 for points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<serde_json::Number>,
    /// The choices of a `choice` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// The fields of each record of a `list` field, or of a `group`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item_fields: Vec<Field>,
    /// The rule(s) that read it.
    pub citations: Vec<FieldCitation>,
    /// For a conduct item: its catalogue id, effect and confirmation flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conduct_item: Option<ConductItemInfo>,
}

/// What a conduct checklist field comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConductItemInfo {
    /// The catalogue id.
    pub id: String,
    /// `must_not_do`, `exemplary`, `standard`.
    pub effect: ItemEffect,
    /// `verified`, `secondary`, `reconstructed`.
    pub confirmation: String,
    /// Where it is written.
    pub citation: Text,
}
