//! QĐ 124-QĐ/TW (2023) with HD 25-HD/BTCTW: what is its own in the graded family — the
//! fields it reads and how it rules on each topic of a comparison. Its rules are the
//! family's `Family::Qd124` (`family.rs`).

use crate::contract::fields::RegimeField;
use crate::contract::text::Text;
use crate::contract::topic::Topic;
use crate::regimes::graded::topics;
use crate::regimes::shared::topics::{no_cap_summary, not_classified_summary};

/// Whether QĐ 124 reads `field` (of the fields some regime does not read).
pub fn reads(field: RegimeField) -> bool {
    matches!(
        field,
        RegimeField::Grades
            | RegimeField::ProhibitionBreach
            | RegimeField::ExemplaryBreach
            | RegimeField::Disunity
            | RegimeField::LeaderMainTargetsMissed
            | RegimeField::SubordinateUnits
            | RegimeField::CollectiveMainTargetsMissed
    )
}

/// How QĐ 124 rules on `topic`, in one sentence per language.
pub fn topic_summary(topic: Topic) -> Text {
    match topic {
        Topic::NotClassified => not_classified_summary(),
        Topic::Leave => Text::new(
            "Không có quy định công khai về nghỉ ốm (không tìm thấy nội dung HD 25)",
            "No public rule on sick leave (HD 25's wording was not found)",
        ),
        Topic::Discipline => Text::new(
            "Tính mọi kỷ luật trong năm, trừ trường hợp tự phát hiện, khắc phục (không áp dụng cho kỷ luật của chính tập thể)",
            "Any discipline in the year, unless self-detected and remedied (not for a collective's own)",
        ),
        Topic::NotCompleted => Text::new(
            "Không hoàn thành: có tiêu chí Kém; dưới 50% chỉ tiêu và không đạt chỉ tiêu chủ yếu; tập thể bị kỷ luật hoặc quá 20% đơn vị trực thuộc bị kỷ luật; tập thể mất đoàn kết; suy thoái, vi phạm điều cấm, nêu gương; bị kỷ luật (trừ tự phát hiện, khắc phục)",
            "Not completed: a criterion graded Poor; under 50% of targets with main targets missed; the collective disciplined or over 20% of subordinate units; a collective's disunity; degradation, must-not-do or exemplary breach; discipline (unless self-detected and remedied)",
        ),
        Topic::Excellent => Text::new(
            "Hoàn thành xuất sắc: các tiêu chí từ Tốt, kết quả nhiệm vụ Xuất sắc; cá nhân 100% đúng tiến độ, từ 50% vượt; không ai bị kỷ luật",
            "Excellent: criteria Good or better, task results Excellent; an individual all on time with at least 50% exceeded; nobody disciplined",
        ),
        Topic::Good => topics::good(),
        Topic::Completed => topics::completed(),
        Topic::Quota => topics::quota(),
        Topic::Caps => no_cap_summary(),
        Topic::Context => topics::context(),
    }
}
