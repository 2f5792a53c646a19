//! How the state regimes rule on each topic of a comparison, in one sentence per
//! language: `nd335` and `nd233` share the points rules and differ in the head cap;
//! `nd90` rates by shares of tasks.

use crate::contract::regime::RegimeId;
use crate::contract::text::Text;
use crate::contract::topic::Topic;

/// `nd335`'s or `nd233`'s rule on `topic`.
fn points_summary(topic: Topic, nd233: bool) -> Text {
    match topic {
        Topic::NotClassified => Text::new(
            "Không xếp loại: làm việc dưới 6 tháng trong năm (trừ nghỉ ốm đau, thai sản); không tháng nào có nhiệm vụ",
            "Not classified: under 6 months worked in the year (sick and maternity leave excepted); no period with assigned work",
        ),
        Topic::Leave => Text::new(
            "Nghỉ theo quy định: xếp loại theo thời gian thực tế làm việc, không giới hạn mức",
            "Lawful leave: rated on the time actually worked, no cap",
        ),
        Topic::Discipline => Text::new(
            "Bị kỷ luật trong năm do vi phạm liên quan hoạt động công vụ: Không hoàn thành nhiệm vụ; mỗi vi phạm tính một lần",
            "Disciplined in the year for a violation tied to public duties: Not completed; each violation counted once",
        ),
        Topic::NotCompleted => Text::new(
            "Không hoàn thành: điểm năm dưới 50; suy thoái, vi phạm điều cấm, nêu gương; kỷ luật; đơn vị phụ trách có tham nhũng",
            "Not completed: annual score under 50; degradation, prohibited acts, exemplary breach; discipline; corruption in a unit in charge",
        ),
        Topic::Excellent => Text::new(
            "Hoàn thành xuất sắc: điểm năm từ 90, không điều kiện nào khác",
            "Excellent: annual score 90 or more, no other condition",
        ),
        Topic::Good => Text::new("Hoàn thành tốt: điểm năm từ 70 đến dưới 90", "Good: annual score 70 to under 90"),
        Topic::Completed => Text::new(
            "Hoàn thành: điểm năm từ 50 đến dưới 70",
            "Completed: annual score 50 to under 70",
        ),
        Topic::Quota => Text::new(
            "Hoàn thành xuất sắc không quá 20% số hoàn thành tốt (25% khi cơ quan được công nhận xuất sắc), theo nhóm và theo cơ quan",
            "Excellent at most 20% of the Good count (25% for an agency recognised Excellent), per group and per agency",
        ),
        Topic::Caps if nd233 => Text::new(
            "Người đứng đầu không được xếp cao hơn mức của đơn vị",
            "A head is never rated above the unit",
        ),
        Topic::Caps => Text::new(
            "Người đứng đầu cao hơn mức của cơ quan: chỉ cảnh báo (điều khoản chưa thấy trong Nghị định 335)",
            "A head above the agency: a warning only (the clause was not seen in Decree 335)",
        ),
        Topic::Context => Text::new(
            "Chấm điểm từng tháng (quý): tiêu chí chung 30 + kết quả nhiệm vụ 70 từ khối lượng, chất lượng, tiến độ sản phẩm; điểm năm là trung bình cộng, làm tròn một lần",
            "Each month (quarter) scored: general criteria 30 + task results 70 from the products' quantity, quality and progress; the annual score is the mean, rounded once",
        ),
    }
}

/// `nd90`'s rule on `topic`.
fn nd90_summary(topic: Topic) -> Text {
    match topic {
        Topic::NotClassified => Text::new(
            "Không xếp loại: công tác dưới 6 tháng trong năm (trừ nghỉ thai sản)",
            "Not classified: under 6 months worked in the year (maternity excepted)",
        ),
        Topic::Leave => Text::new(
            "Nghỉ từ 3 đến dưới 6 tháng: tối đa Hoàn thành nhiệm vụ; thai sản: theo thời gian làm việc",
            "Leave of 3 to under 6 months: at most Completed; maternity: rated on the time worked",
        ),
        Topic::Discipline => Text::new(
            "Bị kỷ luật trong năm (đảng hoặc hành chính, từ Nghị định 48/2023): Không hoàn thành nhiệm vụ",
            "Disciplined in the year (party or administrative, from Decree 48/2023): Not completed",
        ),
        Topic::NotCompleted => Text::new(
            "Không hoàn thành: suy thoái; quá 50% nhiệm vụ chưa bảo đảm; đơn vị dưới 50% chỉ tiêu; tham nhũng trong đơn vị phụ trách; kỷ luật",
            "Not completed: degradation; over half the tasks below standard; the unit under half its targets; corruption in a unit in charge; discipline",
        ),
        Topic::Excellent => Text::new(
            "Hoàn thành xuất sắc: tiêu chí đều tốt, 100% nhiệm vụ đúng tiến độ, từ 50% vượt mức",
            "Excellent: every criterion good, all tasks on schedule, at least half exceeded",
        ),
        Topic::Good => Text::new(
            "Hoàn thành tốt: tiêu chí đạt, 100% nhiệm vụ đúng tiến độ",
            "Good: no criterion failing, all tasks on schedule",
        ),
        Topic::Completed => Text::new(
            "Hoàn thành: tiêu chí đạt, 100% nhiệm vụ hoàn thành, không quá 20% chưa bảo đảm",
            "Completed: no criterion failing, all tasks completed, at most 20% below standard",
        ),
        Topic::Quota => Text::new(
            "Hoàn thành xuất sắc không vượt tỷ lệ đảng viên xuất sắc (Nghị định 48/2023)",
            "Excellent no more than the party members' Excellent rate (Decree 48/2023)",
        ),
        Topic::Caps => Text::new("Không có giới hạn theo đơn vị", "No cap by the unit's level"),
        Topic::Context => Text::new(
            "Không chấm điểm: xếp loại theo tiêu chí và tỷ lệ nhiệm vụ",
            "No points: rated on criteria and shares of tasks",
        ),
    }
}

/// A state regime's rule on `topic` (a party regime is answered by its own folder).
pub fn summary(topic: Topic, regime: RegimeId) -> Text {
    match regime {
        RegimeId::Nd90 => nd90_summary(topic),
        other => points_summary(topic, other == RegimeId::Nd233),
    }
}
