//! Regime ids as records name them, and how a decision's regime was chosen. What each
//! regime is (documents, spans) is the registry's (`regimes::registry`).

use crate::contract::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A regime: one regulation with its guideline.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RegimeId {
    /// QĐ 132-QĐ/TW (2018) with HD 16 and HD 21-HD/BTCTW.
    Qd132,
    /// QĐ 124-QĐ/TW (2023) with HD 25-HD/BTCTW.
    Qd124,
    /// QĐ 366-QĐ/TW (2025) with HD 43-HD/BTCTW.
    Qd366,
    /// Nghị định 90/2020/NĐ-CP as amended by Nghị định 48/2023/NĐ-CP (state: cán bộ,
    /// công chức, viên chức until 30/6/2026).
    Nd90,
    /// Nghị định 335/2025/NĐ-CP (state: công chức from 1/1/2026).
    Nd335,
    /// Nghị định 233/2026/NĐ-CP (state: viên chức from 1/7/2026).
    Nd233,
}

/// How the regime of a decision was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegimeSelection {
    /// The regime in force on the period's last day.
    #[default]
    Period,
    /// Named in the record, and in force on the period's last day (a state record: the
    /// one that rates its employment in its year).
    Named,
    /// Named for a comparison, although not in force on the period's last day.
    Comparison,
}

impl RegimeId {
    /// The id as written in JSON (`qd366`).
    pub fn as_str(self) -> &'static str {
        match self {
            RegimeId::Qd132 => "qd132",
            RegimeId::Qd124 => "qd124",
            RegimeId::Qd366 => "qd366",
            RegimeId::Nd90 => "nd90",
            RegimeId::Nd335 => "nd335",
            RegimeId::Nd233 => "nd233",
        }
    }
}

/// A regime as a decision names it: id, name, document, guideline, span, and how it
/// was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegimeRecord {
    /// Its id.
    pub id: RegimeId,
    /// Its name with its span, in Vietnamese and English.
    pub name: Text,
    /// The regulation (`124-QĐ/TW`).
    pub document: String,
    /// The guideline(s) (`25-HD/BTCTW`).
    pub guideline: String,
    /// First day in force.
    pub in_force_from: String,
    /// Last day in force, if replaced.
    pub in_force_until: Option<String>,
    /// How it was chosen.
    pub selected: RegimeSelection,
}
