//! Topics of the rules, on which regimes are compared (`docs/regimes.md`, "Comparison").
//! Each rule's topic is a column of the rule catalogue (`rules::catalogue`).

use crate::contract::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A topic of the rules, on which regimes are compared.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Who is not classified.
    NotClassified,
    /// Sick and maternity leave.
    Leave,
    /// Which discipline records count.
    Discipline,
    /// The Not-completed triggers and their exceptions.
    NotCompleted,
    /// The conditions of Excellent.
    Excellent,
    /// The conditions of Good.
    Good,
    /// The conditions of Completed.
    Completed,
    /// The Excellent quota.
    Quota,
    /// Caps by another level (HD 21).
    Caps,
    /// Context: the score, derived facts, the reading of open cases, complaints.
    Context,
}

impl Topic {
    /// Every topic, in the order of evaluation.
    pub const ALL: [Topic; 10] = [
        Topic::NotClassified,
        Topic::Leave,
        Topic::Discipline,
        Topic::NotCompleted,
        Topic::Excellent,
        Topic::Good,
        Topic::Completed,
        Topic::Quota,
        Topic::Caps,
        Topic::Context,
    ];

    /// Its name in two languages.
    pub fn title(self) -> Text {
        match self {
            Topic::NotClassified => Text::new("Không xếp loại", "Not classified"),
            Topic::Leave => Text::new("Nghỉ ốm, thai sản", "Sick and maternity leave"),
            Topic::Discipline => Text::new("Kỷ luật được tính", "Discipline counted"),
            Topic::NotCompleted => Text::new(
                "Các trường hợp Không hoàn thành nhiệm vụ",
                "Not-completed triggers",
            ),
            Topic::Excellent => Text::new(
                "Điều kiện Hoàn thành xuất sắc nhiệm vụ",
                "Conditions of Excellent",
            ),
            Topic::Good => Text::new("Điều kiện Hoàn thành tốt nhiệm vụ", "Conditions of Good"),
            Topic::Completed => {
                Text::new("Điều kiện Hoàn thành nhiệm vụ", "Conditions of Completed")
            }
            Topic::Quota => Text::new("Tỷ lệ Hoàn thành xuất sắc", "The Excellent quota"),
            Topic::Caps => Text::new("Giới hạn mức theo tập thể", "Caps by another level"),
            Topic::Context => Text::new("Bối cảnh", "Context"),
        }
    }
}
