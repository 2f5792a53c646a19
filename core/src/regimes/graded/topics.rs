//! How QĐ 124 and QĐ 132 rule on each topic of a comparison, in one sentence per
//! language.

use crate::contract::regime::RegimeId;
use crate::contract::text::Text;
use crate::contract::topic::Topic;
use crate::regimes::shared::topics::{no_cap_summary, not_classified_summary};

/// QĐ 124's or QĐ 132's rule on `topic` (`regime` is one of the two).
pub fn summary(topic: Topic, regime: RegimeId) -> Text {
    let qd132 = regime == RegimeId::Qd132;
    match topic {
        Topic::NotClassified if qd132 => Text::new(
            "Không xếp loại: miễn, đình chỉ sinh hoạt đảng, vào Đảng chưa đủ 6 tháng (vẫn kiểm điểm); tổ chức, tập thể thành lập chưa đủ 6 tháng",
            "Not classified: exempted, suspended, admitted under 6 months (still reviewed); organisations and collectives established under 6 months",
        ),
        Topic::NotClassified => not_classified_summary(),
        Topic::Leave if qd132 => Text::new(
            "Nghỉ ốm từ 3 tháng: tối đa Hoàn thành nhiệm vụ; thai sản: theo thời gian công tác thực tế",
            "Sick leave of 3 months or more: at most Completed; maternity: on the time actually worked",
        ),
        Topic::Leave => Text::new(
            "Không có quy định công khai về nghỉ ốm (không tìm thấy nội dung HD 25)",
            "No public rule on sick leave (HD 25's wording was not found)",
        ),
        Topic::Discipline if qd132 => Text::new(
            "Tính mọi kỷ luật trong năm (thành viên tập thể lãnh đạo: từ cảnh cáo); mỗi vi phạm tính một lần",
            "Any discipline in the year (a leadership collective's members: warning or heavier); each violation counted once",
        ),
        Topic::Discipline => Text::new(
            "Tính mọi kỷ luật trong năm, trừ trường hợp tự phát hiện, khắc phục",
            "Any discipline in the year, unless self-detected and remedied",
        ),
        Topic::NotCompleted if qd132 => Text::new(
            "Không hoàn thành: dưới mức Hoàn thành; suy thoái; dưới 50% chỉ tiêu; Không hoàn thành với tư cách CBCCVC; bị kỷ luật trong năm; tập thể lãnh đạo: mất đoàn kết, bị kỷ luật, thành viên bị kỷ luật từ cảnh cáo",
            "Not completed: below Completed; degradation; under 50% of targets; Not completed as a civil servant; disciplined in the year; leadership collective: disunity, disciplined, a member disciplined at warning or heavier",
        ),
        Topic::NotCompleted => Text::new(
            "Không hoàn thành: có tiêu chí Kém; dưới 50% chỉ tiêu và không đạt chỉ tiêu chủ yếu; tập thể bị kỷ luật hoặc quá 20% đơn vị trực thuộc bị kỷ luật; mất đoàn kết; suy thoái, vi phạm điều cấm, nêu gương; bị kỷ luật (trừ tự phát hiện, khắc phục)",
            "Not completed: a criterion graded Poor; under 50% of targets with main targets missed; the collective disciplined or over 20% of subordinate units; disunity; degradation, must-not-do or exemplary breach; discipline (unless self-detected and remedied)",
        ),
        Topic::Excellent if qd132 => Text::new(
            "Hoàn thành xuất sắc: tiêu chí nhiệm vụ Xuất sắc, các tiêu chí khác từ Tốt; CBCCVC cũng Hoàn thành xuất sắc; tổ chức đảng: 100% từ Hoàn thành, từ 80% Hoàn thành tốt, chính quyền, đoàn thể cùng cấp từ Hoàn thành tốt",
            "Excellent: task criteria Excellent, others Good or better; a civil servant also Excellent as one; a party organisation: 100% Completed or better, at least 80% Good, same-level bodies Good or better",
        ),
        Topic::Excellent => Text::new(
            "Hoàn thành xuất sắc: các tiêu chí từ Tốt, kết quả nhiệm vụ Xuất sắc; cá nhân 100% đúng tiến độ, từ 50% vượt; không ai bị kỷ luật",
            "Excellent: criteria Good or better, task results Excellent; an individual all on time with at least 50% exceeded; nobody disciplined",
        ),
        Topic::Good => Text::new(
            "Hoàn thành tốt: kết quả nhiệm vụ từ Tốt, các tiêu chí khác từ Trung bình",
            "Good: task results Good or better, other criteria Average or better",
        ),
        Topic::Completed => Text::new(
            "Hoàn thành: các tiêu chí từ Trung bình",
            "Completed: every criterion Average or better",
        ),
        Topic::Quota => Text::new(
            "Hoàn thành xuất sắc không quá 20% số Hoàn thành tốt trong nhóm",
            "Excellent at most 20% of the Good count per group",
        ),
        Topic::Caps if qd132 => Text::new(
            "Tập thể lãnh đạo không cao hơn tổ chức mình lãnh đạo; người đứng đầu không cao hơn tập thể, tổ chức mình đứng đầu",
            "A leadership collective never above its organisation; a head never above what they head",
        ),
        Topic::Caps => no_cap_summary(),
        Topic::Context => Text::new(
            "Đánh giá từng tiêu chí theo 4 mức: Xuất sắc, Tốt, Trung bình, Kém",
            "Each criterion graded Excellent, Good, Average or Poor",
        ),
    }
}
