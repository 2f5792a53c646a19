//! Wording the regimes share: the rules every regime has in the same words (not
//! classified, discipline that does not count, the quota, derived facts), and the
//! helpers of every message (shares with the Vietnamese decimal comma, plurals).

use crate::contract::assessment::DisciplineForm;
use crate::contract::level::Level;
use crate::contract::regime::RegimeId;
use crate::contract::text::Text;
use crate::dates::vi_date;
use crate::points::percent_text;
use crate::regimes::decision::Decision;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, NotCountedWhy, Reason, Value, Values, Whose};

pub fn form_names(form: DisciplineForm) -> (&'static str, &'static str) {
    match form {
        DisciplineForm::Reprimand => ("khiển trách", "reprimand"),
        DisciplineForm::Warning => ("cảnh cáo", "warning"),
        DisciplineForm::Removal => ("cách chức", "removal from post"),
        DisciplineForm::Expulsion => ("khai trừ", "expulsion"),
        DisciplineForm::Dissolution => ("giải tán", "dissolution"),
        DisciplineForm::SalaryDowngrade => ("hạ bậc lương", "salary downgrade"),
        DisciplineForm::Demotion => ("giáng chức", "demotion"),
        DisciplineForm::Dismissal => ("buộc thôi việc", "dismissal"),
    }
}

/// A discipline record's form and decision day as a message says them:
/// (form vi, form en, day vi, day en).
pub fn record_words(v: &Values) -> (&'static str, &'static str, String, String) {
    let (form_vi, form_en) = match v.get(Fact::Form) {
        Some(Value::Form(form)) => form_names(form),
        _ => ("", ""),
    };
    let day = v.date(Fact::DecidedOn);
    (
        form_vi,
        form_en,
        day.map(vi_date).unwrap_or_default(),
        day.map(|d| d.to_string()).unwrap_or_default(),
    )
}

pub fn level_of(values: &Values, fact: Fact) -> Level {
    values.level(fact).unwrap_or(Level::NotCompleted)
}

/// A share with the Vietnamese decimal comma (`33,3%`).
pub fn percent_vi(part: u64, whole: u64) -> String {
    percent_text(part, whole).replace('.', ",")
}

/// `1 member`, `3 members`.
pub fn plural_en(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn decisions_en(n: u64) -> String {
    plural_en(n, "decision", "decisions")
}

/// Joins parts: "a; b".
pub fn join(parts: &[String]) -> String {
    parts.join("; ")
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Exempted from work and party activities (every regime).
pub fn exempt() -> Text {
    Text::new(
        "Đảng viên được miễn công tác và sinh hoạt đảng: không kiểm điểm, không xếp loại",
        "Exempted from work and party activities: not reviewed and not classified",
    )
}

/// Party activities suspended (every regime).
pub fn suspended() -> Text {
    Text::new(
        "Đảng viên đang bị đình chỉ sinh hoạt đảng: không kiểm điểm, không xếp loại",
        "Party activities suspended: not reviewed and not classified",
    )
}

/// Admitted under six months before the evaluation day, or not (every regime).
pub fn new_member(reason: &Reason) -> Text {
    let v = &reason.values;
    let admitted = v.date(Fact::AdmittedOn);
    let eligible = v.date(Fact::EligibleOn);
    let as_of = v.date(Fact::AsOf);
    let (a_vi, e_vi, d_vi) = (
        admitted.map(vi_date).unwrap_or_default(),
        eligible.map(vi_date).unwrap_or_default(),
        as_of.map(vi_date).unwrap_or_default(),
    );
    let (a_en, e_en, d_en) = (
        admitted.map(|d| d.to_string()).unwrap_or_default(),
        eligible.map(|d| d.to_string()).unwrap_or_default(),
        as_of.map(|d| d.to_string()).unwrap_or_default(),
    );
    if reason.holds {
        Text::new(
            format!("Vào Đảng ngày {a_vi}, đến ngày đánh giá {d_vi} chưa đủ 6 tháng (đủ vào ngày {e_vi}): không xếp loại"),
            format!("Admitted on {a_en}: under 6 months by the evaluation day {d_en} (6 months on {e_en}), so not classified"),
        )
    } else {
        Text::new(
            format!("Vào Đảng ngày {a_vi}, đủ 6 tháng vào ngày {e_vi}, không muộn hơn ngày đánh giá {d_vi}: được xếp loại"),
            format!("Admitted on {a_en}: 6 months on {e_en}, not after the evaluation day {d_en}, so classified"),
        )
    }
}

/// A discipline record that does not count for this period or unit (every regime); not
/// holding, a record that counts although the violation was at the previous unit.
pub fn discipline_not_counted(reason: &Reason) -> Text {
    let v = &reason.values;
    if !reason.holds {
        return previous_unit_counts(reason.rule, v);
    }
    let (form_vi, form_en, d_vi, d_en) = record_words(v);
    let (why_vi, why_en) = match v.get(Fact::Why) {
        Some(Value::Why(NotCountedWhy::BeforePeriod)) => {
            ("quyết định trước kỳ đánh giá", "decided before the period")
        }
        Some(Value::Why(NotCountedWhy::AfterPeriod)) => (
            "quyết định sau kỳ đánh giá hoặc sau ngày đánh giá",
            "decided after the period or the evaluation day",
        ),
        Some(Value::Why(NotCountedWhy::CountedBefore)) => (
            "vi phạm đã được tính ở kỳ trước (mỗi vi phạm chỉ tính một lần)",
            "the violation was counted in an earlier period (each violation counts once)",
        ),
        _ => (
            "vi phạm xảy ra ở đơn vị cũ nên tính cho đơn vị cũ",
            "the violation happened at the previous unit, so it counts against that unit",
        ),
    };
    Text::new(
        format!("Kỷ luật {form_vi} ngày {d_vi} không tính cho kỳ này: {why_vi}"),
        format!("The {form_en} decided on {d_en} does not count for this period: {why_en}"),
    )
}

/// A record that counts although the violation was at the previous unit: against the
/// individual under QĐ 366 (rules-qd366 §7), against anyone under the earlier regimes,
/// which have no counterpart of QĐ 366's notes 2–3 (ruling of 7/12/2026).
fn previous_unit_counts(rule: Rule, v: &Values) -> Text {
    let (form_vi, form_en, d_vi, d_en) = record_words(v);
    let (why_vi, why_en) = match rule.regime() {
        RegimeId::Qd366 => (
            "vẫn tính cho người bị kỷ luật: ghi chú 2–3 Điều 11 chỉ chuyển vi phạm sang xếp loại của tập thể nơi xảy ra vi phạm, không miễn cho cá nhân".to_owned(),
            "it still counts against the person disciplined: Art. 11 notes 2–3 move it to the rating of the collective where it happened, not away from the person".to_owned(),
        ),
        regime => (
            format!("vẫn được tính: Quy định {} không có quy định như ghi chú 2–3 Điều 11 Quy định 366-QĐ/TW về vi phạm ở đơn vị cũ; mỗi vi phạm chỉ tính một lần", regime.info().document),
            format!("it counts here: {} has no counterpart of QĐ 366's Art. 11 notes 2–3 on violations at the previous unit; each violation still counts once", regime.info().document),
        ),
    };
    Text::new(
        format!("Kỷ luật {form_vi} ngày {d_vi} (vi phạm xảy ra ở đơn vị cũ) {why_vi}"),
        format!("The {form_en} decided on {d_en} (a violation at the previous unit): {why_en}"),
    )
}

/// The Excellent quota (every regime's quota rule).
pub fn quota(reason: &Reason, decision: &Decision) -> Text {
    let v = &reason.values;
    let group = decision
        .quota
        .as_ref()
        .map(|q| q.group.as_str())
        .unwrap_or("");
    let (e_max, rank) = (v.count(Fact::EMax), v.count(Fact::Rank));
    let (candidates, good) = (v.count(Fact::Candidates), v.count(Fact::GoodCount));
    let tie_vi = if v.flag(Fact::Tied) {
        "; đồng hạng tại ngưỡng cắt: cấp có thẩm quyền quyết định giữa những người đồng hạng (tạm xếp theo mã hồ sơ)"
    } else {
        ""
    };
    let tie_en = if v.flag(Fact::Tied) {
        "; tied at the cut: the competent level decides between the tied (provisionally ordered by id)"
    } else {
        ""
    };
    if reason.holds {
        Text::new(
            format!("Nhóm {group}: {candidates} người đề nghị Hoàn thành xuất sắc, {good} Hoàn thành tốt; tỷ lệ cho phép tối đa {e_max}; xếp thứ {rank}: giữ mức Hoàn thành xuất sắc{tie_vi}"),
            format!("Group {group}: {candidates} Excellent candidates, {good} Good; the quota admits {e_max}; ranked {rank}: stays Excellent{tie_en}"),
        )
    } else {
        Text::new(
            format!("Nhóm {group}: {candidates} người đề nghị Hoàn thành xuất sắc, {good} Hoàn thành tốt; tỷ lệ cho phép tối đa {e_max}; xếp thứ {rank}: chuyển xuống Hoàn thành tốt nhiệm vụ{tie_vi}"),
            format!("Group {group}: {candidates} Excellent candidates, {good} Good; the quota admits {e_max}; ranked {rank}: moved down to Good{tie_en}"),
        )
    }
}

pub fn derived_text(v: &Values) -> Text {
    let (mut vi, mut en) = (Vec::new(), Vec::new());
    if let Some(Value::Count(n)) = v.get(Fact::SubordinateUnitsDisciplined) {
        vi.push(format!("{n} đơn vị trực thuộc bị kỷ luật trong kỳ"));
        en.push(format!(
            "{} disciplined in the period",
            plural_en(n, "subordinate unit", "subordinate units")
        ));
    }
    if let Some(Value::Count(n)) = v.get(Fact::MembersDisciplined) {
        vi.push(format!(
            "{n} quyết định kỷ luật đối với thành viên tập thể lãnh đạo"
        ));
        en.push(format!(
            "{} on members of the leadership collective",
            plural_en(n, "discipline decision", "discipline decisions")
        ));
    }
    if let Some(Value::Flag(degraded)) = v.get(Fact::MemberDegradation) {
        if degraded {
            vi.push("có thành viên tập thể lãnh đạo bị kết luận suy thoái".to_owned());
            en.push("a member of the leadership collective was concluded degraded".to_owned());
        } else {
            vi.push("không thành viên nào bị kết luận suy thoái".to_owned());
            en.push("no member was concluded degraded".to_owned());
        }
    }
    if let (
        Some(Value::Whose(whose)),
        Some(Value::Count(n)),
        Some(Value::Count(c)),
        Some(Value::Count(g)),
    ) = (
        v.get(Fact::Whose),
        v.get(Fact::UnitsCounted),
        v.get(Fact::AtLeastCompleted),
        v.get(Fact::AtLeastGood),
    ) {
        let (whose_vi, whose_en) = match whose {
            Whose::Members => ("đảng viên của chi bộ", "members of the chi bộ"),
            Whose::SubordinateOrganisations => {
                ("tổ chức đảng trực thuộc", "subordinate party organisations")
            }
        };
        vi.push(format!(
            "{n} {whose_vi} được xếp loại: {c} từ Hoàn thành nhiệm vụ trở lên, {g} từ Hoàn thành tốt nhiệm vụ trở lên"
        ));
        en.push(format!(
            "{n} {whose_en} rated: {c} Completed or better, {g} Good or better"
        ));
    }
    if let Some(Value::Count(n)) = v.get(Fact::SubordinateUnits) {
        vi.push(format!("có {n} đơn vị trực thuộc"));
        en.push(plural_en(n, "subordinate unit", "subordinate units"));
    }
    if let Some(Value::Level(level)) = v.get(Fact::CapLevel) {
        vi.push(format!(
            "mức của tổ chức được lãnh đạo hoặc do người này đứng đầu: {}",
            level.vi()
        ));
        en.push(format!(
            "the level of the organisation led, or of what is headed: {}",
            level.en()
        ));
    }
    if let (Some(Value::Count(k)), Some(Value::Count(m))) =
        (v.get(Fact::UnitsNotCompleted), v.get(Fact::UnitsTotal))
    {
        vi.push(format!(
            "{k}/{m} đơn vị phụ trách bị xếp loại Không hoàn thành nhiệm vụ"
        ));
        en.push(format!("{k} of {m} units in charge rated Not completed"));
    }
    Text::new(
        format!(
            "Suy ra từ cây tổ chức (không nhập trực tiếp): {}",
            join(&vi)
        ),
        format!(
            "Derived from the organisation tree, not entered: {}",
            join(&en)
        ),
    )
}
