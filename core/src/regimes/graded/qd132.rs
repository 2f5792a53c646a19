//! QĐ 132-QĐ/TW (2018) with HD 16 and HD 21-HD/BTCTW: what is its own in the graded
//! family — the fields it reads and how it rules on each topic of a comparison. Its
//! rules are the family's `Family::Qd132*` (`family.rs`); its caps are `caps.rs`.

use crate::contract::fields::RegimeField;
use crate::contract::text::Text;
use crate::contract::topic::Topic;
use crate::regimes::graded::topics;

/// Whether QĐ 132 reads `field` (of the fields some regime does not read).
pub fn reads(field: RegimeField) -> bool {
    matches!(
        field,
        RegimeField::Grades
            | RegimeField::CivilServiceLevel
            | RegimeField::Disunity
            | RegimeField::HeadedLevel
            | RegimeField::LeaderMainTargetsMissed
            | RegimeField::CollectiveMainTargetsMissed
            | RegimeField::MemberLevels
            | RegimeField::SubordinateLevels
            | RegimeField::SameLevelBodiesGood
            | RegimeField::OrganisationLevel
    )
}

/// How QĐ 132 rules on `topic`, in one sentence per language.
pub fn topic_summary(topic: Topic) -> Text {
    match topic {
        Topic::NotClassified => Text::new(
            "Không xếp loại: miễn, đình chỉ sinh hoạt đảng, vào Đảng chưa đủ 6 tháng (vẫn kiểm điểm; kỳ theo HD 16, kết thúc trước 18/10/2019: chỉ người được miễn); tổ chức, tập thể thành lập chưa đủ 6 tháng",
            "Not classified: exempted, suspended, admitted under 6 months (still reviewed; under HD 16, periods ending before 18/10/2019: the exempted only); organisations and collectives established under 6 months",
        ),
        Topic::Leave => Text::new(
            "Nghỉ ốm từ 3 tháng: tối đa Hoàn thành nhiệm vụ; thai sản: theo thời gian công tác thực tế",
            "Sick leave of 3 months or more: at most Completed; maternity: on the time actually worked",
        ),
        Topic::Discipline => Text::new(
            "Tính mọi kỷ luật trong năm (thành viên tập thể lãnh đạo: từ cảnh cáo); mỗi vi phạm tính một lần",
            "Any discipline in the year (a leadership collective's members: warning or heavier); each violation counted once",
        ),
        Topic::NotCompleted => Text::new(
            "Không hoàn thành: dưới mức Hoàn thành; suy thoái; dưới 50% chỉ tiêu; Không hoàn thành với tư cách CBCCVC; bị kỷ luật trong năm; tập thể lãnh đạo: mất đoàn kết, bị kỷ luật, thành viên bị kỷ luật từ cảnh cáo",
            "Not completed: below Completed; degradation; under 50% of targets; Not completed as a civil servant; disciplined in the year; leadership collective: disunity, disciplined, a member disciplined at warning or heavier",
        ),
        Topic::Excellent => Text::new(
            "Hoàn thành xuất sắc: tiêu chí nhiệm vụ Xuất sắc, các tiêu chí khác từ Tốt; CBCCVC cũng Hoàn thành xuất sắc; tổ chức đảng: 100% từ Hoàn thành, từ 80% Hoàn thành tốt, chính quyền, đoàn thể cùng cấp từ Hoàn thành tốt",
            "Excellent: task criteria Excellent, others Good or better; a civil servant also Excellent as one; a party organisation: 100% Completed or better, at least 80% Good, same-level bodies Good or better",
        ),
        Topic::Good => topics::good(),
        Topic::Completed => topics::completed(),
        Topic::Quota => topics::quota(),
        Topic::Caps => Text::new(
            "Tập thể lãnh đạo không cao hơn tổ chức mình lãnh đạo; người đứng đầu không cao hơn tập thể, tổ chức mình đứng đầu",
            "A leadership collective never above its organisation; a head never above what they head",
        ),
        Topic::Context => topics::context(),
    }
}
