//! The four levels, the outcome, and the reading of open cases.

use crate::contract::state_options::{LeaderComponents, Rounding, StateCap};
use crate::contract::text::Text;
use crate::points::Points;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A quality level (rules-qd366 §1). Ordered from lowest to highest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Không hoàn thành nhiệm vụ (KHTNV).
    NotCompleted,
    /// Hoàn thành nhiệm vụ (HTNV).
    Completed,
    /// Hoàn thành tốt nhiệm vụ (HTTNV).
    Good,
    /// Hoàn thành xuất sắc nhiệm vụ (HTXSNV).
    Excellent,
}

impl Level {
    /// Highest first.
    pub const DESCENDING: [Level; 4] = [
        Level::Excellent,
        Level::Good,
        Level::Completed,
        Level::NotCompleted,
    ];

    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Excellent => "excellent",
            Level::Good => "good",
            Level::Completed => "completed",
            Level::NotCompleted => "not_completed",
        }
    }

    /// The Vietnamese name, as on the forms.
    pub fn vi(self) -> &'static str {
        match self {
            Level::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Level::Good => "Hoàn thành tốt nhiệm vụ",
            Level::Completed => "Hoàn thành nhiệm vụ",
            Level::NotCompleted => "Không hoàn thành nhiệm vụ",
        }
    }

    /// The English name.
    pub fn en(self) -> &'static str {
        match self {
            Level::Excellent => "Excellent",
            Level::Good => "Good",
            Level::Completed => "Completed",
            Level::NotCompleted => "Not completed",
        }
    }

    /// The abbreviation used in reports (HTXSNV…).
    pub fn code(self) -> &'static str {
        match self {
            Level::Excellent => "HTXSNV",
            Level::Good => "HTTNV",
            Level::Completed => "HTNV",
            Level::NotCompleted => "KHTNV",
        }
    }

    /// The name in both languages.
    pub fn label(self) -> Text {
        Text::new(self.vi(), self.en())
    }

    /// The score floor of the level's band (90, 70, 50; 0 for Not completed).
    pub fn floor(self) -> Points {
        match self {
            Level::Excellent => Points::whole(90),
            Level::Good => Points::whole(70),
            Level::Completed => Points::whole(50),
            Level::NotCompleted => Points::ZERO,
        }
    }

    /// The band a score falls in (QĐ 366 Art. 11), before any condition.
    pub fn band_of(score: Points) -> Level {
        Level::DESCENDING
            .into_iter()
            .find(|level| score >= level.floor())
            .unwrap_or(Level::NotCompleted)
    }

    /// The next level down, if any.
    pub fn below(self) -> Option<Level> {
        match self {
            Level::Excellent => Some(Level::Good),
            Level::Good => Some(Level::Completed),
            Level::Completed => Some(Level::NotCompleted),
            Level::NotCompleted => None,
        }
    }
}

/// Whether a subject got a level.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A level is proposed.
    Classified,
    /// Not classified (exempted, suspended, newly admitted).
    NotClassified,
    /// No level: the `strict` reading left the case to the competent level.
    Undetermined,
}

impl Outcome {
    /// The id as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Classified => "classified",
            Outcome::NotClassified => "not_classified",
            Outcome::Undetermined => "undetermined",
        }
    }
}

/// How a score in one band whose conditions fail is resolved (rules-qd366 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// Fall to the highest level whose floor and conditions hold (default).
    #[default]
    Cascade,
    /// No level when the band's own conditions fail: the competent level decides.
    Strict,
}

/// How "did not meet the five basic targets" is read (rules-qd366 §4, 11.4.L).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetsReading {
    /// Missing any applicable target triggers the rule (default).
    #[default]
    Any,
    /// Only missing all five triggers it.
    All,
}

/// Options of one evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// `cascade` (default) or `strict`.
    #[serde(default)]
    pub reading: Reading,
    /// `any` (default) or `all`.
    #[serde(default)]
    pub basic_targets: TargetsReading,
    /// How a party rating under QĐ 124 or QĐ 366 reads the state one: `none` (default,
    /// a finding) or `hd21` (HD 21's caps).
    #[serde(default, skip_serializing_if = "is_default")]
    pub state_cap: StateCap,
    /// How a state record's annual mean is rounded: `two_decimals` (default),
    /// `one_decimal` or `integer`, half away from zero.
    #[serde(default, skip_serializing_if = "is_default")]
    pub rounding: Rounding,
    /// A state leader's `d`, `đ`, `e` given directly: `text` (1 or ½, default) or
    /// `override` (any value in [0, 1], marked inferred).
    #[serde(default, skip_serializing_if = "is_default")]
    pub leader_components: LeaderComponents,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_have_exact_floors() {
        assert_eq!(Level::band_of(Points::whole(90)), Level::Excellent);
        assert_eq!(Level::band_of(Points::from_hundredths(8999)), Level::Good);
        assert_eq!(Level::band_of(Points::whole(70)), Level::Good);
        assert_eq!(
            Level::band_of(Points::from_hundredths(6999)),
            Level::Completed
        );
        assert_eq!(Level::band_of(Points::whole(50)), Level::Completed);
        assert_eq!(
            Level::band_of(Points::from_hundredths(4999)),
            Level::NotCompleted
        );
    }

    #[test]
    fn levels_are_ordered_low_to_high() {
        assert!(Level::Excellent > Level::Good && Level::Good > Level::Completed);
        assert!(Level::Completed > Level::NotCompleted);
    }
}
