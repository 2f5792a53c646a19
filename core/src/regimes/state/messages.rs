//! The wording of the state rules (`docs/state-regimes.md`, messages), built from each
//! reason's values and the decision's state part: every number a rule read is shown
//! (`a`, `b`, `c`, `d`, `đ`, `e`, the period score, the mean and its rounding), exact
//! when it is exact at the decimals shown, else with `≈`.

use crate::contract::assessment::DisciplineForm;
use crate::contract::decision::Effect;
use crate::contract::level::Level;
use crate::contract::regime::RegimeId;
use crate::contract::state::{
    CriterionGrade, DisciplineKind, Employment, LeaveKind, PeriodKind, QuotaScope, RatioSource,
    StateRatingSource,
};
use crate::contract::state_options::Rounding;
use crate::contract::text::Text;
use crate::dates::vi_date;
use crate::exact::{approx, percent, ratio, Exact};
use crate::model::PeriodKey;
use crate::points::percent_text;
use crate::points::Points;
use crate::regimes::decision::Decision;
use crate::regimes::shared::messages::{
    capitalise, discipline_not_counted, form_names, join, percent_vi,
};
use crate::regimes::state::part::StatePart;
use crate::regimes::state::periods::{PeriodScore, WorkScore};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Nd90Part, NotCountedWhy, Reason, Trigger, Value, Values};
use num_traits::One;

/// A message in both languages; a value shown rounded reads `R ≈ 64,17`, not `R = ≈ …`.
fn pair(vi: String, en: String) -> Text {
    Text::new(vi.replace("= ≈", "≈"), en.replace("= ≈", "≈"))
}

/// `Tháng 3` / `Month 3`, `Quý 2` / `Quarter 2`.
fn period_name(key: PeriodKey) -> (String, String) {
    match key {
        PeriodKey::Month(m) => (format!("Tháng {m}"), format!("Month {m}")),
        PeriodKey::Quarter(q) => (format!("Quý {q}"), format!("Quarter {q}")),
    }
}

/// A value at two decimals, exact or `≈`, in both languages: computed once, the
/// Vietnamese text the English with its one decimal point a comma.
fn num(value: &Exact) -> (String, String) {
    both_ways(approx(value, 2, false))
}

fn pct(value: &Exact) -> (String, String) {
    both_ways(percent(value, false))
}

fn both_ways(en: String) -> (String, String) {
    (en.replacen('.', ",", 1), en)
}

fn points(p: Points) -> (String, String) {
    (p.vi(), p.to_string())
}

fn level_names(level: Level) -> (&'static str, &'static str) {
    (level.vi(), level.en())
}

fn period_of<'a>(v: &Values, part: &'a StatePart) -> Option<&'a PeriodScore> {
    match v.get(Fact::Period) {
        Some(Value::Period(i)) => part.periods.get(usize::from(i)),
        _ => None,
    }
}

fn leave_kind_names(kind: Option<LeaveKind>) -> (&'static str, &'static str) {
    match kind {
        Some(LeaveKind::Sick) => ("ốm đau", "sick"),
        Some(LeaveKind::Maternity) => ("thai sản", "maternity"),
        Some(LeaveKind::Unpaid) => ("việc riêng không hưởng lương", "unpaid personal"),
        Some(LeaveKind::Other) | None => ("có lý do chính đáng", "other justified"),
    }
}

fn leave_kind(v: &Values) -> Option<LeaveKind> {
    match v.get(Fact::LeaveKind) {
        Some(Value::LeaveKind(k)) => Some(k),
        _ => None,
    }
}

fn form_and_day(v: &Values) -> (String, String, String, String) {
    let (form_vi, form_en) = match v.get(Fact::Form) {
        Some(Value::Form(form)) => form_names(form),
        _ => form_names(DisciplineForm::Reprimand),
    };
    let day = v.date(Fact::DecidedOn);
    (
        form_vi.to_owned(),
        form_en.to_owned(),
        day.map(vi_date).unwrap_or_default(),
        day.map(|d| d.to_string()).unwrap_or_default(),
    )
}

fn kind_names(v: &Values) -> (&'static str, &'static str) {
    match v.get(Fact::DisciplineKind) {
        Some(Value::DisciplineKind(DisciplineKind::Administrative)) => {
            ("hành chính", "administrative")
        }
        _ => ("đảng", "party"),
    }
}

/// The message of a state rule's reason.
pub fn message(reason: &Reason, decision: &Decision) -> Text {
    let v = &reason.values;
    let default_part;
    let part = match decision.state.as_deref() {
        Some(part) => part,
        None => {
            default_part = StatePart::empty();
            &default_part
        }
    };
    match reason.rule {
        Rule::StateNone => state_none(),
        Rule::StateQuantity | Rule::StateQuality | Rule::StateProgress => {
            component(reason.rule, v, part)
        }
        Rule::StateUnitResults | Rule::StateOrganising | Rule::StateRallying => {
            leader_component(reason.rule, v, part)
        }
        Rule::StatePeriodScore => period_score(v, part),
        Rule::StateYear => year(part),
        Rule::StateNoWork => no_work(part),
        Rule::StateTimeWorked => time_worked(v, part),
        Rule::StateShort => short(reason, v),
        Rule::StateLeave => leave(v),
        Rule::StateOldUnit => old_unit(v),
        Rule::StateDisciplineNotCounted | Rule::Nd90DisciplineNotCounted => {
            not_counted(reason, decision)
        }
        Rule::StateUnder50 => {
            let (s_vi, s_en) = points(v.points(Fact::Total));
            pair(
                format!("Điểm năm {s_vi} dưới 50 điểm: Không hoàn thành nhiệm vụ"),
                format!("Annual score {s_en} is under 50: Not completed"),
            )
        }
        Rule::StateConduct => conduct(v),
        Rule::StateDisciplined => disciplined(reason, v),
        Rule::StateScopeCorruption => scope_corruption(reason, decision),
        Rule::StateExcellent | Rule::StateGood | Rule::StateCompleted => band(reason, v),
        Rule::StateQuota | Rule::Nd90Quota => quota(reason, v, decision),
        Rule::StateRecognised => {
            let agency = part.agency.as_str();
            pair(
                format!("Cơ quan {agency} được cấp có thẩm quyền công nhận hoàn thành xuất sắc: tỷ lệ xuất sắc đến 25% số hoàn thành tốt (thay vì 20%)"),
                format!("Agency {agency} is recognised Excellent by the competent level: Excellent up to 25% of the Good count (instead of 20%)"),
            )
        }
        Rule::StateHeadCap => head_cap(reason, v, decision),
        Rule::StateDerived => derived(v),
        Rule::StateUnitLevel => {
            let (l_vi, l_en) = level_names(part.unit_level.unwrap_or(Level::Completed));
            pair(
                format!("Mức xếp loại của cơ quan, đơn vị do cấp có thẩm quyền xếp: {l_vi} (thư viện không tự tính mức của cơ quan)"),
                format!("The agency's level as rated by the competent level: {l_en} (the library does not compute agency ratings)"),
            )
        }
        Rule::Nd90Short => nd90_short(reason, v),
        Rule::Nd90LeaveCap => nd90_leave_cap(reason, v),
        Rule::Nd90Maternity => {
            let y = v.points(Fact::MonthsWorked);
            pair(
                format!(
                    "Nghỉ thai sản: xếp loại theo thời gian làm việc thực tế ({} tháng)",
                    y.vi()
                ),
                format!("Maternity leave: rated on the time actually worked ({y} months)"),
            )
        }
        Rule::Nd90Disciplined => {
            let (f_vi, f_en, d_vi, d_en) = form_and_day(v);
            let (k_vi, k_en) = kind_names(v);
            pair(
                format!("Bị kỷ luật {k_vi} {f_vi} ngày {d_vi} trong năm đánh giá: Không hoàn thành nhiệm vụ (Nghị định 48/2023, mỗi vi phạm tính một lần)"),
                format!("Disciplined ({k_en}, {f_en}) on {d_en} in the rating year: Not completed (Decree 48/2023; each violation counted once)"),
            )
        }
        Rule::Nd90NotCompleted => nd90_ground(v),
        Rule::Nd90Excellent | Rule::Nd90Good | Rule::Nd90Completed => nd90_level(reason, v, part),
        Rule::Nd90Gap => nd90_gap(reason),
        Rule::LinkStateRating => link_rating(reason, v, decision),
        Rule::LinkMismatch => mismatch(reason, v),
        // Party rules are worded by their regimes (`explain`).
        _ => pair(String::new(), String::new()),
    }
}

fn state_none() -> Text {
    pair(
        "Cán bộ: từ năm 2026 không có nghị định đánh giá, xếp loại chất lượng cán bộ (Luật Cán bộ, công chức 2025, Điều 17; Nghị định 90/2020 hết hiệu lực): không xếp loại theo chế độ của Nhà nước; kết quả xếp loại đảng viên là kết quả áp dụng".to_owned(),
        "Cadre (cán bộ): from 2026 no decree rates cán bộ (Law 80/2025 Art. 17; Decree 90/2020 repealed): not classified on the state side; the party rating is the operative one".to_owned(),
    )
}

fn work_of<'a>(v: &Values, part: &'a StatePart) -> Option<(&'a PeriodScore, &'a WorkScore)> {
    let period = period_of(v, part)?;
    Some((period, period.work.as_ref()?))
}

fn component(rule: Rule, v: &Values, part: &StatePart) -> Text {
    let Some((period, work)) = work_of(v, part) else {
        return pair(String::new(), String::new());
    };
    let Some(c) = work.components.as_deref() else {
        return pair(String::new(), String::new());
    };
    let (p_vi, p_en) = period_name(period.key);
    let (w_vi, w_en) = points(c.assigned_weight);
    match rule {
        Rule::StateQuantity => {
            let (done_vi, done_en) = points(c.done_weight);
            let (a_vi, a_en) = pct(&c.a);
            let (cap_vi, cap_en) = if c.capped & 1 != 0 {
                let (raw_vi, raw_en) = pct(&c.uncapped[0]);
                let (x_vi, x_en) = points(c.extra_weight);
                (
                    format!(" = {raw_vi}, tính tối đa 100% (trọng số {x_vi} của sản phẩm ngoài giao)"),
                    format!(" = {raw_en}, counted at most 100% (a weight of {x_en} done beyond the assignment)"),
                )
            } else {
                (String::new(), String::new())
            };
            pair(
                format!("{p_vi}: khối lượng a = {done_vi}/{w_vi} (trọng số đã quy đổi của sản phẩm hoàn thành / được giao){cap_vi} = {a_vi}"),
                format!("{p_en}: quantity a = {done_en}/{w_en} (converted weight of products completed / assigned){cap_en} = {a_en}"),
            )
        }
        Rule::StateQuality => deductions(
            (&p_vi, &p_en),
            (&w_vi, &w_en),
            ("chất lượng b", "quality b"),
            ("lần đánh giá chưa đạt", "failed quality review(s)"),
            ("điểm chất lượng", "quality credit"),
            (
                &c.quality_weight,
                &c.b,
                c.quality_failures,
                c.quality_at_zero,
            ),
            c.capped & 2 != 0,
        ),
        _ => deductions(
            (&p_vi, &p_en),
            (&w_vi, &w_en),
            ("tiến độ c", "progress c"),
            ("lần chậm tiến độ", "delay(s)"),
            ("điểm tiến độ", "progress credit"),
            (&c.progress_weight, &c.c, c.delays, c.progress_at_zero),
            c.capped & 4 != 0,
        ),
    }
}

type Pair<'a> = (&'a str, &'a str);

fn deductions(
    (p_vi, p_en): Pair<'_>,
    (w_vi, w_en): Pair<'_>,
    (what_vi, what_en): Pair<'_>,
    (event_vi, event_en): Pair<'_>,
    (credit_vi, credit_en): Pair<'_>,
    (weight, share, events, at_zero): (&Exact, &Exact, u64, u32),
    capped: bool,
) -> Text {
    let (cap_vi, cap_en) = if capped {
        (", tính tối đa 100%", ", counted at most 100%")
    } else {
        ("", "")
    };
    let (q_vi, q_en) = num(weight);
    let (s_vi, s_en) = pct(share);
    let (why_vi, why_en) = if events == 0 {
        (format!("không có {event_vi}"), format!("no {event_en}"))
    } else {
        let zero_vi = if at_zero > 0 {
            format!("; {at_zero} sản phẩm bị trừ hết")
        } else {
            String::new()
        };
        let zero_en = if at_zero > 0 {
            format!("; {at_zero} product(s) down to zero")
        } else {
            String::new()
        };
        (
            format!("{events} {event_vi}, mỗi lần trừ 25% {credit_vi} của sản phẩm đó{zero_vi}"),
            format!("{events} {event_en}, each taking 25% off that product's {credit_en}{zero_en}"),
        )
    };
    pair(
        format!("{p_vi}: {what_vi} = {q_vi}/{w_vi}{cap_vi} = {s_vi} ({why_vi})"),
        format!("{p_en}: {what_en} = {q_en}/{w_en}{cap_en} = {s_en} ({why_en})"),
    )
}

fn leader_component(rule: Rule, v: &Values, part: &StatePart) -> Text {
    let Some((period, work)) = work_of(v, part) else {
        return pair(String::new(), String::new());
    };
    let Some(l) = work.components.as_deref().and_then(|c| c.leader.as_ref()) else {
        return pair(String::new(), String::new());
    };
    let (p_vi, p_en) = period_name(period.key);
    let bit = match rule {
        Rule::StateUnitResults => 0,
        Rule::StateOrganising => 1,
        _ => 2,
    };
    let value = [&l.d, &l.dd, &l.e][bit];
    let (x_vi, x_en) = pct(value);
    let (name_vi, name_en) = [
        ("kết quả của đơn vị d", "unit results d"),
        ("năng lực tổ chức thực hiện đ", "organising capacity đ"),
        ("năng lực tập hợp, đoàn kết e", "rallying capacity e"),
    ][bit];
    if l.given & (1 << bit) != 0 {
        let (o_vi, o_en) = if l.overridden & (1 << bit) != 0 {
            (
                "; giá trị cấu hình ngoài 100%/50%, căn cứ suy luận",
                "; a configured value other than 100%/50%: reading inferred",
            )
        } else {
            ("", "")
        };
        return pair(
            format!("{p_vi}: {name_vi} = {x_vi} (nhập trực tiếp{o_vi})"),
            format!("{p_en}: {name_en} = {x_en} (given{o_en})"),
        );
    }
    let full = value.is_one();
    let (why_vi, why_en) = match (bit, full) {
        (0, true) => {
            let counted = v.count(Fact::StaffCounted);
            let tree_vi = if v.get(Fact::StaffCounted).is_some() {
                format!(" ({counted} người được tính, từ cây tổ chức)")
            } else {
                String::new()
            };
            let tree_en = if v.get(Fact::StaffCounted).is_some() {
                format!(" ({counted} counted, from the organisation tree)")
            } else {
                String::new()
            };
            (
                format!("không công chức nào thuộc quyền quản lý dưới 50 điểm{tree_vi}"),
                format!("no civil servant under the leader's management scored under 50{tree_en}"),
            )
        }
        (0, false) => {
            let k = v.count(Fact::StaffNotCompleted);
            (
                format!("{k} công chức thuộc quyền quản lý dưới 50 điểm trong kỳ"),
                format!("{k} civil servant(s) under the leader's management scored under 50 in the period"),
            )
        }
        (1, true) => (
            "không có chậm trễ kéo dài trong chương trình công tác của đơn vị".to_owned(),
            "no prolonged delays in the unit's work programme".to_owned(),
        ),
        (1, false) => (
            "có tồn tại, hạn chế, chậm trễ kéo dài trong thực hiện chương trình công tác"
                .to_owned(),
            "prolonged delays in the unit's work programme".to_owned(),
        ),
        (_, true) => (
            "không có phản ánh, khiếu nại về mất đoàn kết nội bộ kéo dài".to_owned(),
            "no complaints of prolonged internal disunity".to_owned(),
        ),
        (_, false) => (
            "có phản ánh, khiếu nại, kiến nghị về mâu thuẫn, mất đoàn kết nội bộ kéo dài"
                .to_owned(),
            "complaints of prolonged internal disunity".to_owned(),
        ),
    };
    pair(
        format!("{p_vi}: {name_vi} = {x_vi}: {why_vi}"),
        format!("{p_en}: {name_en} = {x_en}: {why_en}"),
    )
}

fn period_score(v: &Values, part: &StatePart) -> Text {
    let Some((period, work)) = work_of(v, part) else {
        return pair(String::new(), String::new());
    };
    let (p_vi, p_en) = period_name(period.key);
    let (g_vi, g_en) = points(work.general);
    let (r_vi, r_en) = num(&work.task_results);
    let (s_vi, s_en) = num(&work.score);
    let (word_vi, word_en) = match period.key {
        PeriodKey::Month(_) => ("tháng", "month"),
        PeriodKey::Quarter(_) => ("quý", "quarter"),
    };
    let Some(c) = work.components.as_deref() else {
        return pair(
            format!("{p_vi}: điểm kết quả thực hiện nhiệm vụ {r_vi} (cơ quan tính, nhập trực tiếp); điểm của {word_vi} S = {g_vi} + {r_vi} = {s_vi}"),
            format!("{p_en}: task results {r_en} (computed by the agency, given); {word_en} score S = {g_en} + {r_en} = {s_en}"),
        );
    };
    let mut shares = vec![&c.a, &c.b, &c.c];
    let (formula_vi, formula_en, n) = match &c.leader {
        Some(l) => {
            shares.extend([&l.d, &l.dd, &l.e]);
            ("(a + b + c + d + đ + e)/6", "(a + b + c + d + đ + e)/6", 6)
        }
        None => ("(a + b + c)/3", "(a + b + c)/3", 3),
    };
    let list_vi: Vec<String> = shares.iter().map(|x| percent(x, true)).collect();
    let list_en: Vec<String> = shares.iter().map(|x| percent(x, false)).collect();
    pair(
        format!(
            "{p_vi}: điểm kết quả thực hiện nhiệm vụ R = 70 × {formula_vi} = 70 × ({})/{n} = {r_vi}; điểm của {word_vi} S = {g_vi} (tiêu chí chung) + {r_vi} = {s_vi}",
            list_vi.join(" + ")
        ),
        format!(
            "{p_en}: task results R = 70 × {formula_en} = 70 × ({})/{n} = {r_en}; {word_en} score S = {g_en} (general criteria) + {r_en} = {s_en}",
            list_en.join(" + ")
        ),
    )
}

fn kind_words(part: &StatePart) -> (&'static str, &'static str) {
    match part.period_kind {
        Some(PeriodKind::Quarter) => ("quý", "quarter"),
        _ => ("tháng", "month"),
    }
}

fn year(part: &StatePart) -> Text {
    let Some(year) = &part.mean else {
        return pair(String::new(), String::new());
    };
    let (word_vi, word_en) = kind_words(part);
    let n = year.counted;
    let (sum_vi, sum_en) = (approx(&year.sum, 4, true), approx(&year.sum, 4, false));
    let (mean_vi, mean_en) = (approx(&year.mean, 4, true), approx(&year.mean, 4, false));
    let (s_vi, s_en) = points(year.score);
    let (round_vi, round_en) = match part.rounding {
        Rounding::TwoDecimals => ("hai chữ số thập phân", "two decimals"),
        Rounding::OneDecimal => ("một chữ số thập phân", "one decimal"),
        Rounding::Integer => ("số nguyên", "a whole number"),
    };
    let excluded: Vec<String> = part
        .periods
        .iter()
        .filter(|p| p.work.is_none())
        .map(|p| p.key.number().to_string())
        .collect();
    let (left_vi, left_en) = if excluded.is_empty() {
        (String::new(), String::new())
    } else {
        let list = excluded.join(", ");
        (
            format!(
                "; không tính {} {word_vi} không được giao nhiệm vụ ({word_vi} {list})",
                excluded.len()
            ),
            format!(
                "; {} {word_en}(s) with no assigned work left out ({word_en}s {list})",
                excluded.len()
            ),
        )
    };
    pair(
        format!("Điểm năm = trung bình cộng điểm của {n} {word_vi} có giao nhiệm vụ = {sum_vi}/{n} = {mean_vi}, làm tròn một lần đến {round_vi} (nửa đơn vị làm tròn lên): {s_vi}{left_vi}"),
        format!("Annual score = mean of the {n} {word_en}s with assigned work = {sum_en}/{n} = {mean_en}, rounded once to {round_en}, half away from zero: {s_en}{left_en}"),
    )
}

fn no_work(part: &StatePart) -> Text {
    let (word_vi, word_en) = kind_words(part);
    let k = part.periods.len();
    pair(
        format!("Không {word_vi} nào trong năm được giao nhiệm vụ ({k} {word_vi} đều không có nhiệm vụ): không xếp loại chất lượng"),
        format!("No {word_en} of the year had assigned work (all {k} marked no_work): not classified"),
    )
}

fn time_worked(v: &Values, part: &StatePart) -> Text {
    let (k_vi, k_en) = leave_kind_names(leave_kind(v));
    let (x, y) = (v.points(Fact::MonthsAbsent), v.points(Fact::MonthsWorked));
    let n = part.periods.iter().filter(|p| p.work.is_some()).count();
    let (word_vi, word_en) = kind_words(part);
    pair(
        format!("Nghỉ {k_vi} {} tháng, làm việc {} tháng: xếp loại theo kết quả thời gian thực tế làm việc ({n} {word_vi} có giao nhiệm vụ)", x.vi(), y.vi()),
        format!("On {k_en} leave for {x} months, worked {y}: rated on the time actually worked ({n} {word_en}s with assigned work)"),
    )
}

fn short(reason: &Reason, v: &Values) -> Text {
    let y = v.points(Fact::MonthsWorked);
    if reason.holds {
        return pair(
            format!(
                "Thời gian công tác trong năm {} tháng, chưa đủ 6 tháng: không xếp loại chất lượng",
                y.vi()
            ),
            format!("Worked {y} months in the year, under 6: not classified"),
        );
    }
    let (k_vi, k_en) = leave_kind_names(leave_kind(v));
    pair(
        format!("Thời gian công tác {} tháng, chưa đủ 6 tháng, nhưng nghỉ {k_vi} theo quy định về bảo hiểm xã hội: vẫn xếp loại", y.vi()),
        format!("Worked {y} months, under 6, but on {k_en} leave under social-insurance law: still classified"),
    )
}

fn leave(v: &Values) -> Text {
    let (x, y) = (v.points(Fact::MonthsAbsent), v.points(Fact::MonthsWorked));
    match leave_kind(v) {
        Some(LeaveKind::Unpaid) => pair(
            format!("Nghỉ việc riêng không hưởng lương {} tháng, đã làm việc {} tháng (từ 6 tháng trở lên): xếp loại theo thời gian thực tế làm việc", x.vi(), y.vi()),
            format!("Unpaid personal leave of {x} months with {y} months worked (6 or more): classified on the time actually worked"),
        ),
        kind => {
            let (k_vi, k_en) = leave_kind_names(kind);
            pair(
                format!("Nghỉ {k_vi} theo quy định về bảo hiểm xã hội: xếp loại theo thời gian thực tế làm việc ({} tháng)", y.vi()),
                format!("On {k_en} leave under social-insurance law: classified on the time actually worked ({y} months)"),
            )
        }
    }
}

fn old_unit(v: &Values) -> Text {
    let (f_vi, f_en, d_vi, d_en) = form_and_day(v);
    pair(
        format!("Vi phạm tại đơn vị cũ, bị kỷ luật {f_vi} ngày {d_vi} tại đơn vị mới: vẫn tính đối với cá nhân; tính vào kết quả tập thể của đơn vị cũ"),
        format!("A violation at the previous unit, disciplined ({f_en}, {d_en}) at the new one: it still counts for the person, and for the previous unit's collective result"),
    )
}

fn not_counted(reason: &Reason, decision: &Decision) -> Text {
    let v = &reason.values;
    if let Some(Value::Why(NotCountedWhy::BeforeNd48)) = v.get(Fact::Why) {
        let (f_vi, f_en, d_vi, d_en) = form_and_day(v);
        let as_of = decision.as_of;
        return pair(
            format!("Kỷ luật đảng {f_vi} ngày {d_vi} không tính: đánh giá ngày {}, khi Nghị định 48/2023 chưa áp dụng (từ 15/09/2023): chỉ kỷ luật hành chính được tính", vi_date(as_of)),
            format!("The party {f_en} decided on {d_en} does not count: rated on {as_of}, before Decree 48/2023 applied (15/09/2023): only administrative discipline counts"),
        );
    }
    discipline_not_counted(reason)
}

fn conduct(v: &Values) -> Text {
    let mut vi = Vec::new();
    let mut en = Vec::new();
    if v.flag(Fact::Degradation) {
        vi.push("được kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống".to_owned());
        en.push("concluded to show political, ethical or lifestyle degradation".to_owned());
    }
    if v.flag(Fact::ProhibitionBreach) {
        vi.push("được kết luận vi phạm những điều không được làm".to_owned());
        en.push("concluded to have done what is prohibited".to_owned());
    }
    if v.flag(Fact::ExemplaryBreach) {
        vi.push("được kết luận vi phạm trách nhiệm nêu gương".to_owned());
        en.push("concluded to have breached exemplary conduct".to_owned());
    }
    let n = v.count(Fact::SelfReported);
    if n > 0 {
        vi.push(format!(
            "tự nêu {n} vi phạm thuộc danh mục điều không được làm hoặc nêu gương"
        ));
        en.push(format!(
            "{n} self-reported breach(es) of what is prohibited or of exemplary conduct"
        ));
    }
    pair(
        format!("{}: Không hoàn thành nhiệm vụ", capitalise(&join(&vi))),
        format!("{}: Not completed", capitalise(&join(&en))),
    )
}

fn disciplined(reason: &Reason, v: &Values) -> Text {
    let (f_vi, f_en, d_vi, d_en) = form_and_day(v);
    let (k_vi, k_en) = kind_names(v);
    if reason.holds {
        pair(
            format!("Bị kỷ luật {f_vi} ({k_vi}) ngày {d_vi} do vi phạm liên quan đến hoạt động công vụ, trong năm đánh giá: Không hoàn thành nhiệm vụ"),
            format!("Disciplined ({f_en}, {k_en}) on {d_en} for a violation tied to public duties, in the rating year: Not completed"),
        )
    } else {
        pair(
            format!("Bị kỷ luật {f_vi} ngày {d_vi} nhưng vi phạm không liên quan đến hoạt động công vụ: không thuộc trường hợp này"),
            format!("Disciplined ({f_en}) on {d_en} for a violation not tied to public duties: not this ground"),
        )
    }
}

fn scope_corruption(reason: &Reason, decision: &Decision) -> Text {
    let base_vi = "Cơ quan, đơn vị thuộc phạm vi phụ trách trực tiếp có vụ việc tham ô, tham nhũng, lãng phí và đã bị xử lý";
    let base_en = "A unit under the leader's direct charge was involved in embezzlement, corruption or waste and dealt with";
    if reason.effect != Effect::NeedsDecision {
        return pair(
            format!("{base_vi}: Không hoàn thành nhiệm vụ"),
            format!("{base_en}: Not completed"),
        );
    }
    let alternative = decision
        .alternatives
        .first()
        .and_then(|a| a.level)
        .unwrap_or(Level::Completed);
    let (l_vi, l_en) = level_names(alternative);
    let (note_vi, note_en) = if decision.regime == RegimeId::Nd335 {
        (
            " (Nghị định 335 không thấy quy định này; áp dụng như Nghị định 233, Điều 12.4.d)",
            " (not seen in Decree 335; read as Decree 233 Art. 12.4.d)",
        )
    } else {
        ("", "")
    };
    pair(
        format!("{base_vi}, nhưng đồng chí đã chủ động phát hiện, báo cáo, chỉ đạo xử lý kịp thời và khắc phục hậu quả: cấp có thẩm quyền xem xét, quyết định; nếu chấp nhận: {l_vi}{note_vi}"),
        format!("{base_en}, but the leader detected, reported, had it handled in time and remedied the consequences: the competent level decides; if accepted: {l_en}{note_en}"),
    )
}

fn band(reason: &Reason, v: &Values) -> Text {
    let (s_vi, s_en) = points(v.points(Fact::Total));
    let level = reason.level.unwrap_or(Level::Completed);
    let (l_vi, l_en) = level_names(level);
    if reason.holds {
        let (range_vi, range_en) = match level {
            Level::Excellent => ("từ 90 điểm trở lên", "90 or more"),
            Level::Good => ("từ 70 đến dưới 90 điểm", "70 to under 90"),
            _ => ("từ 50 đến dưới 70 điểm", "50 to under 70"),
        };
        pair(
            format!("Điểm năm {s_vi} {range_vi}: {l_vi} (không có điều kiện nào khác)"),
            format!("Annual score {s_en} is {range_en}: {l_en} (no further condition)"),
        )
    } else {
        let threshold = match level {
            Level::Excellent => 90,
            Level::Good => 70,
            _ => 50,
        };
        pair(
            format!("Điểm năm {s_vi} dưới {threshold}: chưa đạt mức {l_vi}"),
            format!("Annual score {s_en} is under {threshold}: not {l_en}"),
        )
    }
}

fn quota(reason: &Reason, v: &Values, decision: &Decision) -> Text {
    let Some(part) = decision.state.as_deref() else {
        return pair(String::new(), String::new());
    };
    let step = match v.get(Fact::QuotaStep) {
        Some(Value::QuotaStep(i)) => part.quota_steps.get(usize::from(i)),
        _ => None,
    };
    let Some(step) = step else {
        return pair(String::new(), String::new());
    };
    let name = step.name.as_str();
    // The group is named by the employment of the people in it (ND 233's quota groups
    // are of viên chức).
    let (scope_vi, scope_en) = match (step.scope, step.rule) {
        (QuotaScope::Group, Rule::Nd90Quota) => ("nhóm".to_owned(), "the group"),
        (QuotaScope::Group, _) => (
            format!(
                "nhóm {} có nhiệm vụ tương đồng",
                match part.employment {
                    Some(Employment::VienChuc) => "viên chức",
                    _ => "công chức",
                }
            ),
            "the group with similar tasks",
        ),
        (QuotaScope::Agency, _) => ("cơ quan".to_owned(), "the agency"),
    };
    let (x, h, k, rank) = (step.candidates, step.good, step.e_max, step.rank);
    let (tie_vi, tie_en) = if step.tied {
        (
            "; bằng điểm ở ngưỡng cắt: cấp có thẩm quyền quyết định",
            "; tied at the cut: the competent level decides",
        )
    } else {
        ("", "")
    };
    let (end_vi, end_en) = if step.keeps {
        ("giữ mức Hoàn thành xuất sắc", "keeps Excellent")
    } else {
        ("chuyển xuống Hoàn thành tốt nhiệm vụ", "moved down to Good")
    };
    if step.source == RatioSource::NotInForce {
        let as_of = decision.as_of;
        return pair(
            format!("Quy định tỷ lệ xuất sắc của Nghị định 48/2023 áp dụng cho việc đánh giá từ 15/09/2023; đánh giá ngày {}: không áp dụng", vi_date(as_of)),
            format!("Decree 48/2023's quota applies to ratings from 15/09/2023; rated on {as_of}: not applied"),
        );
    }
    let _ = reason;
    match (step.rule, step.source) {
        (Rule::Nd90Quota, RatioSource::Given | RatioSource::Derived) => {
            let (r_n, r_d) = step.ratio.unwrap_or((0, 1));
            let rate = ratio(
                i64::try_from(r_n).unwrap_or(i64::MAX),
                i64::try_from(r_d).unwrap_or(1),
            );
            let (rate_vi, rate_en) = pct(&rate);
            let (src_vi, src_en) = match step.party_counts {
                Some((e, m)) if step.source == RatioSource::Derived => (
                    format!("tính từ {e}/{m} đảng viên cùng cơ quan"),
                    format!("from {e} of {m} party members of the agency"),
                ),
                _ => ("được cung cấp".to_owned(), "given".to_owned()),
            };
            let n = step.rated;
            pair(
                format!("Tỷ lệ xuất sắc trong {scope_vi} {name}: {n} người được xếp loại; tỷ lệ đảng viên xuất sắc {rate_vi} ({src_vi}); tối đa ⌊{rate_vi} × {n}⌋ = {k}; xếp thứ {rank}: {end_vi}{tie_vi}"),
                format!("Excellent quota in {scope_en} {name}: {n} rated; party members' Excellent rate {rate_en} ({src_en}); at most ⌊{rate_en} × {n}⌋ = {k}; ranked {rank}: {end_en}{tie_en}"),
            )
        }
        (Rule::Nd90Quota, _) => pair(
            format!("Tỷ lệ xuất sắc trong {scope_vi} {name}: không có tỷ lệ đảng viên xuất sắc của cơ quan: áp dụng định mức của Đảng, xuất sắc không quá 20% số hoàn thành tốt: {x} đề xuất, {h} Hoàn thành tốt; tối đa ⌊({h} + {x})/6⌋ = {k}; xếp thứ {rank}: {end_vi}{tie_vi}"),
            format!("Excellent quota in {scope_en} {name}: no party Excellent rate for the agency: the party norm applies, Excellent at most 20% of Good: {x} candidate(s), {h} Good; at most ⌊({h} + {x})/6⌋ = {k}; ranked {rank}: {end_en}{tie_en}"),
        ),
        _ => {
            let (r, div) = if step.source == RatioSource::Recognised {
                ("1/4", 5)
            } else {
                ("1/5", 6)
            };
            let total = h + x;
            pair(
                format!("Tỷ lệ xuất sắc trong {scope_vi} {name}: {x} đề xuất Hoàn thành xuất sắc, {h} Hoàn thành tốt; tối đa ⌊{r}·({h} + {x})/(1 + {r})⌋ = ⌊{total}/{div}⌋ = {k}; xếp thứ {rank}: {end_vi}{tie_vi}"),
                format!("Excellent quota in {scope_en} {name}: {x} candidate(s), {h} Good; at most ⌊{r}·({h} + {x})/(1 + {r})⌋ = ⌊{total}/{div}⌋ = {k}; ranked {rank}: {end_en}{tie_en}"),
            )
        }
    }
}

fn head_cap(reason: &Reason, v: &Values, decision: &Decision) -> Text {
    let cap = v.level(Fact::CapLevel).unwrap_or(Level::Completed);
    let before = v.level(Fact::LevelBefore).unwrap_or(Level::Completed);
    let (c_vi, c_en) = level_names(cap);
    let (b_vi, b_en) = level_names(before);
    match (reason.holds, reason.effect) {
        (true, Effect::Demotes) => pair(
            format!("Mức xếp loại của người đứng đầu không cao hơn mức của đơn vị ({c_vi}): hạ từ {b_vi} xuống {c_vi}"),
            format!("A head's level is never above the unit's ({c_en}): lowered from {b_en} to {c_en}"),
        ),
        (true, _) if decision.regime == RegimeId::Nd335 => pair(
            format!("Người đứng đầu xếp {b_vi}, cao hơn mức của cơ quan ({c_vi}). Nghị định 233 (viên chức) không cho phép; chưa thấy quy định này trong Nghị định 335: chỉ cảnh báo, không hạ mức"),
            format!("The head is rated {b_en}, above the agency's {c_en}. Decree 233 (public employees) forbids it; the clause was not seen in Decree 335: a warning only, the level is kept"),
        ),
        _ => pair(
            format!("Mức của đơn vị là {c_vi}: mức xếp loại {b_vi} không cao hơn, không bị hạ"),
            format!("The unit's level is {c_en}: {b_en} is not above it"),
        ),
    }
}

fn derived(v: &Values) -> Text {
    if let Some(level) = v.level(Fact::CapLevel) {
        let (l_vi, l_en) = level_names(level);
        return pair(
            format!("Mức xếp loại của đơn vị lấy từ cây tổ chức: {l_vi}"),
            format!("The unit's level, from the organisation tree: {l_en}"),
        );
    }
    if v.get(Fact::ManagedTotal).is_some() {
        let (t, c, g) = (
            v.count(Fact::ManagedTotal),
            v.count(Fact::CompletedOrBetter),
            v.count(Fact::GoodOrBetter),
        );
        return pair(
            format!("Đơn vị trực thuộc quản lý trực tiếp lấy từ cây tổ chức: {t} đơn vị, {c} từ Hoàn thành trở lên, {g} từ Hoàn thành tốt trở lên"),
            format!("Directly managed units, from the organisation tree: {t}, {c} Completed or better, {g} Good or better"),
        );
    }
    let (k, n) = (
        v.count(Fact::StaffNotCompleted),
        v.count(Fact::StaffCounted),
    );
    pair(
        format!("Số công chức thuộc quyền quản lý dưới 50 điểm lấy từ cây tổ chức: {k} lượt trong {n} lượt được tính"),
        format!("Staff under 50, from the organisation tree: {k} of {n} period scores counted"),
    )
}

fn nd90_short(reason: &Reason, v: &Values) -> Text {
    let y = v.points(Fact::MonthsWorked);
    if reason.holds {
        pair(
            format!("Thời gian công tác trong năm {} tháng, chưa đủ 6 tháng: không xếp loại chất lượng (vẫn kiểm điểm)", y.vi()),
            format!("Worked {y} months in the year, under 6: not classified (still reviewed)"),
        )
    } else {
        pair(
            format!("Thời gian công tác trong năm {} tháng, chưa đủ 6 tháng nhưng nghỉ thai sản: vẫn xếp loại theo thời gian làm việc thực tế", y.vi()),
            format!("Worked {y} months in the year, under 6, but on maternity leave: still classified on the time actually worked"),
        )
    }
}

fn nd90_leave_cap(reason: &Reason, v: &Values) -> Text {
    let x = v.points(Fact::MonthsAbsent);
    let (k_vi, k_en) = leave_kind_names(leave_kind(v));
    if reason.holds {
        let (b_vi, b_en) = level_names(v.level(Fact::LevelBefore).unwrap_or(Level::Good));
        pair(
            format!("Nghỉ {k_vi} {} tháng (từ 3 đến dưới 6 tháng): không xếp loại từ Hoàn thành tốt nhiệm vụ trở lên: hạ từ {b_vi} xuống Hoàn thành nhiệm vụ", x.vi()),
            format!("{x} months of {k_en} leave (3 to under 6): not Good or above: lowered from {b_en} to Completed"),
        )
    } else {
        pair(
            format!("Nghỉ {k_vi} {} tháng (từ 3 đến dưới 6 tháng): mức tối đa Hoàn thành nhiệm vụ; mức xếp loại không bị ảnh hưởng", x.vi()),
            format!("{x} months of {k_en} leave (3 to under 6): at most Completed; the level is not affected"),
        )
    }
}

fn nd90_ground(v: &Values) -> Text {
    let trigger = match v.get(Fact::Trigger) {
        Some(Value::Trigger(t)) => t,
        _ => Trigger::Degradation,
    };
    let (vi, en) = match trigger {
        Trigger::Poor => {
            let (p, n) = (v.count(Fact::Late), v.count(Fact::Assigned));
            (
                format!("{p}/{n} nhiệm vụ ({}) chưa bảo đảm tiến độ, chất lượng, hiệu quả, quá 50%", percent_vi(p, n)),
                format!("{p} of {n} tasks ({}) not on schedule, quality or efficiency, more than 50%", percent_text(p, n)),
            )
        }
        Trigger::UnitUnderHalf => {
            let (c, n) = (v.count(Fact::Completed), v.count(Fact::Assigned));
            (
                format!("Đơn vị chỉ hoàn thành {c}/{n} chỉ tiêu, nhiệm vụ ({}), dưới 50%", percent_vi(c, n)),
                format!("The unit completed only {c} of {n} targets ({}), under 50%", percent_text(c, n)),
            )
        }
        Trigger::ScopeCorruption => (
            "Cơ quan, đơn vị phụ trách trực tiếp có vụ việc tham ô, tham nhũng, lãng phí và đã bị xử lý".to_owned(),
            "A unit under direct charge was involved in embezzlement, corruption or waste and dealt with".to_owned(),
        ),
        Trigger::Disciplined => {
            let (f_vi, f_en, d_vi, d_en) = form_and_day(v);
            (
                format!("Có hành vi vi phạm pháp luật bị xử lý kỷ luật hành chính trong năm ({f_vi}, {d_vi})"),
                format!("Disciplined administratively in the year for a violation of the law ({f_en}, {d_en})"),
            )
        }
        _ => (
            "Được cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\"".to_owned(),
            "Concluded by the competent level to show political, ethical or lifestyle degradation".to_owned(),
        ),
    };
    pair(
        format!("{vi}: Không hoàn thành nhiệm vụ"),
        format!("{en}: Not completed"),
    )
}

fn nd90_level(reason: &Reason, v: &Values, part: &StatePart) -> Text {
    let level = reason.level.unwrap_or(Level::Completed);
    let (l_vi, l_en) = level_names(level);
    let (n, o, x, c) = (
        v.count(Fact::Assigned),
        v.count(Fact::OnTime),
        v.count(Fact::Exceeded),
        v.count(Fact::Completed),
    );
    let failed = match v.get(Fact::Failed) {
        Some(Value::Parts(parts)) => parts,
        _ => Default::default(),
    };
    if reason.holds {
        let managed = part.managed_units.unwrap_or_default();
        let (m_vi, m_en) = if part.leader && managed.total == 0 {
            (
                "; không có đơn vị trực thuộc quản lý trực tiếp (điều kiện không áp dụng)",
                "; no directly managed unit (condition vacuous)",
            )
        } else {
            ("", "")
        };
        return pair(
            format!("Đủ các điều kiện của mức {l_vi} (tiêu chí; {o}/{n} nhiệm vụ đúng tiến độ, {x}/{n} vượt mức, {c}/{n} hoàn thành){m_vi}: {l_vi}"),
            format!("Every condition of {l_en} holds (criteria; {o} of {n} tasks on schedule, {x} of {n} exceeded, {c} of {n} completed){m_en}: {l_en}"),
        );
    }
    let unit = part.unit.unwrap_or_default();
    let managed = part.managed_units.unwrap_or_default();
    let (ua, uc, uo, ux) = (
        u64::from(unit.assigned),
        u64::from(unit.completed),
        u64::from(unit.on_time),
        u64::from(unit.exceeded),
    );
    let (mt, mc, mg) = (
        u64::from(managed.total),
        u64::from(managed.completed_or_better),
        u64::from(managed.good_or_better),
    );
    let p = u64::from(part.poor);
    let grades: Vec<(&str, CriterionGrade)> =
        part.criteria.map(|c| c.all().collect()).unwrap_or_default();
    let mut vi = Vec::new();
    let mut en = Vec::new();
    for failed_part in failed.iter() {
        let (a, b) = match failed_part {
            Nd90Part::Criteria => {
                if level == Level::Excellent {
                    let list: Vec<&str> = grades.iter().filter(|(_, g)| *g != CriterionGrade::Good).map(|(k, _)| *k).collect();
                    (
                        format!("Tiêu chí {} chưa ở mức tốt; Hoàn thành xuất sắc cần tất cả ở mức tốt", list.join(", ")),
                        format!("Criteria {} not good; Excellent needs all good", list.join(", ")),
                    )
                } else {
                    let list: Vec<&str> = grades.iter().filter(|(_, g)| *g == CriterionGrade::Fails).map(|(k, _)| *k).collect();
                    (
                        format!("Tiêu chí {} không đạt", list.join(", ")),
                        format!("Criterion {} fails", list.join(", ")),
                    )
                }
            }
            Nd90Part::TasksOnTime => (
                format!("Chỉ {o}/{n} nhiệm vụ đúng tiến độ, bảo đảm chất lượng; {l_vi} cần 100%"),
                format!("Only {o} of {n} tasks on schedule with quality; {l_en} needs all"),
            ),
            Nd90Part::Exceeded => (
                format!("Chỉ {x}/{n} nhiệm vụ ({}) vượt mức; Hoàn thành xuất sắc cần ít nhất 50%", percent_vi(x, n)),
                format!("Only {x} of {n} tasks ({}) exceeded; Excellent needs at least 50%", percent_text(x, n)),
            ),
            Nd90Part::TasksCompleted => (
                format!("Chỉ hoàn thành {c}/{n} nhiệm vụ; Hoàn thành nhiệm vụ cần 100%"),
                format!("Only {c} of {n} tasks completed; Completed needs all"),
            ),
            Nd90Part::Poor => (
                format!("{p}/{n} nhiệm vụ ({}) chưa bảo đảm tiến độ, chất lượng, hiệu quả, quá 20%", percent_vi(p, n)),
                format!("{p} of {n} tasks ({}) not on schedule, quality or efficiency, more than 20%", percent_text(p, n)),
            ),
            Nd90Part::UnitCompleted => {
                let (need_vi, need_en) = if level == Level::Completed { ("trên 70%", "more than 70%") } else { ("100%", "all") };
                (
                    format!("Đơn vị hoàn thành {uc}/{ua} chỉ tiêu; cần {need_vi}"),
                    format!("The unit completed {uc} of {ua} targets; needs {need_en}"),
                )
            }
            Nd90Part::UnitExceeded => (
                format!("Đơn vị vượt {ux}/{ua} chỉ tiêu ({}); cần ít nhất 50%", percent_vi(ux, ua)),
                format!("The unit exceeded {ux} of {ua} targets ({}); needs at least 50%", percent_text(ux, ua)),
            ),
            Nd90Part::UnitOnTime => (
                format!("Đơn vị hoàn thành đúng tiến độ, chất lượng {uo}/{ua} chỉ tiêu ({}); cần ít nhất 80%", percent_vi(uo, ua)),
                format!("The unit completed {uo} of {ua} targets on schedule ({}); needs at least 80%", percent_text(uo, ua)),
            ),
            Nd90Part::ManagedCompleted => {
                let (need_vi, need_en) = if level == Level::Completed { ("ít nhất 70%", "at least 70%") } else { ("100%", "all") };
                (
                    format!("{mc}/{mt} đơn vị trực thuộc quản lý trực tiếp từ Hoàn thành nhiệm vụ trở lên; cần {need_vi}"),
                    format!("{mc} of {mt} directly managed units Completed or better; needs {need_en}"),
                )
            }
            Nd90Part::ManagedGood => (
                format!("{mg}/{mt} đơn vị ({}) Hoàn thành tốt nhiệm vụ trở lên; cần ít nhất 70%", percent_vi(mg, mt)),
                format!("{mg} of {mt} units ({}) Good or better; needs at least 70%", percent_text(mg, mt)),
            ),
        };
        vi.push(a);
        en.push(b);
    }
    pair(
        format!("{}: chưa đạt mức {l_vi}", join(&vi)),
        format!("{}: not {l_en}", join(&en)),
    )
}

fn nd90_gap(reason: &Reason) -> Text {
    let base_vi = "Không mức nào đủ điều kiện và không thuộc trường hợp Không hoàn thành nhiệm vụ (danh sách đóng)";
    let base_en =
        "No level's conditions hold and no Not-completed ground applies (the list is closed)";
    if reason.level.is_some() {
        pair(
            format!(
                "{base_vi}: đề xuất Hoàn thành nhiệm vụ, cấp có thẩm quyền xem xét, quyết định"
            ),
            format!("{base_en}: proposed Completed, for the competent level to decide"),
        )
    } else {
        pair(
            format!("{base_vi}: chưa xác định mức, cấp có thẩm quyền quyết định"),
            format!("{base_en}: no level proposed; the competent level decides"),
        )
    }
}

fn employment_names(employment: Option<Employment>) -> (&'static str, &'static str) {
    match employment {
        Some(e) => (e.vi(), e.en()),
        None => ("cán bộ, công chức, viên chức", "civil servant"),
    }
}

fn link_rating(reason: &Reason, v: &Values, decision: &Decision) -> Text {
    let Some(read) = decision.state_rating.as_ref() else {
        return pair(String::new(), String::new());
    };
    let employment = match v.get(Fact::Employment) {
        Some(Value::Employment(e)) => Some(e),
        _ => None,
    };
    let (e_vi, e_en) = employment_names(employment);
    let year = read.year;
    let (r_vi, r_en) = match read.regime {
        Some(regime) => {
            let document = regime.info().document;
            (
                format!(" (Nghị định {document})"),
                format!(" (Decree {document})"),
            )
        }
        None => (String::new(), String::new()),
    };
    let (src_vi, src_en) = match read.source {
        StateRatingSource::Computed => (
            "tính trong cùng lần đánh giá từ hồ sơ đánh giá của Nhà nước",
            "computed in this call from the state assessment",
        ),
        StateRatingSource::Given => ("do hồ sơ cung cấp", "given"),
    };
    let Some(level) = read.level.level() else {
        return pair(
            format!("Kết quả xếp loại với tư cách {e_vi} năm {year}{r_vi}: không xếp loại, không có gì để đối chiếu"),
            format!("State rating as a {e_en} for {year}{r_en}: not classified, nothing to compare"),
        );
    };
    let (l_vi, l_en) = level_names(level);
    let mut vi = format!("Kết quả xếp loại với tư cách {e_vi} năm {year}{r_vi}: {l_vi}, {src_vi}");
    let mut en = format!("State rating as a {e_en} for {year}{r_en}: {l_en}, {src_en}");
    if decision.regime == RegimeId::Qd132 {
        vi.push_str(" (HD 21: đảng viên xuất sắc cần mức xuất sắc; Không hoàn thành nhiệm vụ thì đảng viên Không hoàn thành nhiệm vụ)");
        en.push_str(" (HD 21: Excellent needs Excellent as a civil servant; Not completed there is Not completed here)");
    } else if reason.holds {
        let before = v.level(Fact::LevelBefore);
        let after = reason.level.unwrap_or(Level::NotCompleted);
        let (a_vi, a_en) = level_names(after);
        match before {
            Some(b) => {
                let (b_vi, b_en) = level_names(b);
                vi.push_str(&format!(
                    "; áp dụng giới hạn của HD 21 (state_cap: hd21): hạ từ {b_vi} xuống {a_vi}"
                ));
                en.push_str(&format!(
                    "; HD 21's caps applied (state_cap: hd21): lowered from {b_en} to {a_en}"
                ));
            }
            None => {
                vi.push_str(&format!(
                    "; áp dụng giới hạn của HD 21 (state_cap: hd21): {a_vi}"
                ));
                en.push_str(&format!("; HD 21's caps applied (state_cap: hd21): {a_en}"));
            }
        }
    }
    pair(vi, en)
}

fn mismatch(reason: &Reason, v: &Values) -> Text {
    let party = v.level(Fact::PartyLevel).unwrap_or(Level::Completed);
    let state = v
        .state_level(Fact::StateLevel)
        .and_then(|l| l.level())
        .unwrap_or(Level::Completed);
    let (p_vi, p_en) = level_names(party);
    let (s_vi, s_en) = level_names(state);
    if !reason.holds {
        return pair(
            format!("Xếp loại đảng viên ({p_vi}) không cao hơn xếp loại của Nhà nước ({s_vi})"),
            format!("Party level ({p_en}) is not above the state level ({s_en})"),
        );
    }
    let (nc_vi, nc_en) = if v.flag(Fact::StateNotCompleted) {
        (
            "; Nhà nước xếp Không hoàn thành nhiệm vụ",
            "; the state rated Not completed",
        )
    } else {
        ("", "")
    };
    pair(
        format!("Xếp loại đảng viên ({p_vi}) cao hơn xếp loại của Nhà nước ({s_vi}){nc_vi}. Quy định của Đảng không quy định giới hạn: ghi nhận để cấp ủy xem xét"),
        format!("Party level ({p_en}) is above the state level ({s_en}){nc_en}. The party regime sets no cap: noted for the party committee to review"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_show_exactly_or_with_approx() {
        assert_eq!(num(&ratio(1043, 12)).1, "≈ 86.92");
        assert_eq!(pct(&ratio(9, 10)).0, "90%");
        assert_eq!(period_name(PeriodKey::Quarter(2)).1, "Quarter 2");
    }
}
