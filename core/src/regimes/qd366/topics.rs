//! How QĐ 366 rules on each topic of a comparison, in one sentence per language.

use crate::contract::text::Text;
use crate::contract::topic::Topic;
use crate::regimes::shared::topics::{no_cap_summary, not_classified_summary};

/// QĐ 366's rule on `topic`.
pub fn summary(topic: Topic) -> Text {
    match topic {
        Topic::NotClassified => not_classified_summary(),
        Topic::Leave => Text::new(
            "Nghỉ ốm từ 3 tháng, thai sản: xếp loại theo kết quả thực tế, không giới hạn mức",
            "Sick leave of 3 months or more, maternity: classified on the work actually done, no cap",
        ),
        Topic::Discipline => Text::new(
            "Tính kỷ luật trong kỳ, từ khiển trách, liên quan thực thi nhiệm vụ; mỗi vi phạm tính một lần",
            "Discipline in the period, reprimand or heavier, tied to duties; each violation counted once",
        ),
        Topic::NotCompleted => Text::new(
            "Không hoàn thành: dưới 50 điểm; quá 50% nhiệm vụ không hoàn thành; dưới 70% kế hoạch; bị kỷ luật, suy thoái, vi phạm điều cấm, nêu gương; quá nửa phiếu tín nhiệm thấp",
            "Not completed: under 50 points; over half the tasks not completed; under 70% of the plan; disciplined, degraded, must-not-do or exemplary breach; over half low-confidence votes",
        ),
        Topic::Excellent => Text::new(
            "Hoàn thành xuất sắc: từ 90 điểm, 100% nhiệm vụ đúng tiến độ, từ 30% vượt, khắc phục hết hạn chế kỳ trước",
            "Excellent: 90 points or more, all tasks on time, at least 30% exceeded, every earlier shortcoming fixed",
        ),
        Topic::Good => Text::new(
            "Hoàn thành tốt: từ 70 điểm, 100% nhiệm vụ đúng tiến độ",
            "Good: 70 points or more, all tasks on time",
        ),
        Topic::Completed => Text::new(
            "Hoàn thành: từ 50 điểm, 100% nhiệm vụ hoàn thành, không quá 20% chậm tiến độ",
            "Completed: 50 points or more, all tasks completed, at most 20% late",
        ),
        Topic::Quota => Text::new(
            "Hoàn thành xuất sắc không quá 20% (có thể 25%) số Hoàn thành tốt trong nhóm",
            "Excellent at most 20% (or 25%) of the Good count per group",
        ),
        Topic::Caps => no_cap_summary(),
        Topic::Context => Text::new(
            "Chấm điểm 100 (30 + 70) theo tiêu chí",
            "Scored out of 100 (30 + 70)",
        ),
    }
}
