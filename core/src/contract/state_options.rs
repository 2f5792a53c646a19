//! The options of a state evaluation (`spec/state-regimes.md` §2.1, §4), apart from
//! the state contract so that [`crate::contract::level::Options`] can hold them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a party rating reads the state one under QĐ 124 and QĐ 366 (spec §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StateCap {
    /// No cap: a finding when the party level is above the state one (default).
    #[default]
    None,
    /// HD 21's caps: Excellent needs state Excellent; state Not completed is party Not
    /// completed.
    Hd21,
}

/// How the annual mean is rounded, once, half away from zero (spec §2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Two decimals (default).
    #[default]
    TwoDecimals,
    /// One decimal.
    OneDecimal,
    /// A whole number.
    Integer,
}

impl Rounding {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::TwoDecimals => "two_decimals",
            Rounding::OneDecimal => "one_decimal",
            Rounding::Integer => "integer",
        }
    }

    /// Hundredths per step of the rounding (1, 10 or 100).
    pub fn step(self) -> u32 {
        match self {
            Rounding::TwoDecimals => 1,
            Rounding::OneDecimal => 10,
            Rounding::Integer => 100,
        }
    }
}

/// Which values of a leader's `d`, `đ`, `e` are accepted (spec §2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LeaderComponents {
    /// Only 1 and ½, as the text says (default).
    #[default]
    Text,
    /// Any value in [0, 1], the reason then marked `inferred`.
    Override,
}
