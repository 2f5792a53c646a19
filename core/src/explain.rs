//! Messages in Vietnamese and English, built from each reason's values.
//!
//! Wording is pinned by golden tests (`core/tests/golden_explanations.rs`). Shares are
//! shown rounded for people; the rules themselves compared them exactly.

use crate::contract::DisciplineForm;
use crate::dates::vi_date;
use crate::decision::{Alternative, Decision, MitigationKind};
use crate::level::Level;
use crate::points::percent_text;
use crate::reason::{Fact, NotCountedWhy, Reason, Value, Values, Whose};
use crate::rules::Rule;
use crate::text::Text;

fn form_names(form: DisciplineForm) -> (&'static str, &'static str) {
    match form {
        DisciplineForm::Reprimand => ("khiển trách", "reprimand"),
        DisciplineForm::Warning => ("cảnh cáo", "warning"),
        DisciplineForm::Removal => ("cách chức", "removal from post"),
        DisciplineForm::Expulsion => ("khai trừ", "expulsion"),
        DisciplineForm::Dissolution => ("giải tán", "dissolution"),
    }
}

fn level_of(values: &Values, fact: Fact) -> Level {
    values.level(fact).unwrap_or(Level::NotCompleted)
}

/// A share with the Vietnamese decimal comma (`33,3%`).
pub(crate) fn percent_vi(part: u64, whole: u64) -> String {
    percent_text(part, whole).replace('.', ",")
}

/// `1 member`, `3 members`.
fn plural_en(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn decisions_en(n: u64) -> String {
    plural_en(n, "decision", "decisions")
}

/// Joins parts: "a; b".
fn join(parts: &[String]) -> String {
    parts.join("; ")
}

/// The task part of a level condition: which of the task conditions failed or held.
fn task_condition(rule: Rule, holds: bool, v: &Values) -> Text {
    let (n, c, o, x) = (
        v.count(Fact::Assigned),
        v.count(Fact::Completed),
        v.count(Fact::OnTime),
        v.count(Fact::Exceeded),
    );
    let share = percent_text(x, n);
    let share_vi = percent_vi(x, n);
    let thirty = x * 10 >= n * 3;
    let (mut vi, mut en) = (Vec::new(), Vec::new());
    let whose_vi = match rule {
        Rule::ExcellentLeader | Rule::GoodLeader | Rule::CompletedLeader => {
            "Đơn vị do đồng chí lãnh đạo, quản lý"
        }
        Rule::ExcellentCollective | Rule::GoodCollective | Rule::CompletedCollective => "Tập thể",
        _ => "Đồng chí",
    };
    let whose_en = match rule {
        Rule::ExcellentLeader | Rule::GoodLeader | Rule::CompletedLeader => "The unit(s) led",
        Rule::ExcellentCollective | Rule::GoodCollective | Rule::CompletedCollective => {
            "The collective"
        }
        _ => "The member",
    };
    match rule {
        Rule::ExcellentMember | Rule::ExcellentCollective | Rule::ExcellentLeader => {
            let leader = rule == Rule::ExcellentLeader;
            let all_done = if leader { c == n } else { o == n };
            if holds {
                if leader {
                    vi.push(format!("{whose_vi} hoàn thành cả {n} nhiệm vụ, {x} nhiệm vụ ({share_vi}) vượt mức yêu cầu, đạt mức tối thiểu 30% của Hoàn thành xuất sắc (quy định không đòi hỏi đúng hạn ở điều kiện này)"));
                    en.push(format!("{whose_en} completed all {n} tasks and {x} ({share}) above requirement, at least the 30% Excellent needs (the text does not require \"on time\" here)"));
                } else {
                    vi.push(format!("{whose_vi} hoàn thành đúng hạn, bảo đảm chất lượng cả {n} nhiệm vụ, {x} nhiệm vụ ({share_vi}) vượt mức yêu cầu, đạt mức tối thiểu 30% của Hoàn thành xuất sắc"));
                    en.push(format!("{whose_en} completed all {n} tasks on time with the required quality and {x} ({share}) above requirement, at least the 30% Excellent needs"));
                }
            } else {
                if !all_done {
                    if leader {
                        vi.push(format!("{whose_vi} mới hoàn thành {c}/{n} nhiệm vụ; Hoàn thành xuất sắc cần hoàn thành 100%"));
                        en.push(format!(
                            "{whose_en} completed {c} of {n} tasks; Excellent needs all of them"
                        ));
                    } else {
                        vi.push(format!("Chỉ {o}/{n} nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng; Hoàn thành xuất sắc cần 100%"));
                        en.push(format!("Only {o} of {n} tasks were completed on time with the required quality; Excellent needs all of them"));
                    }
                }
                if !thirty {
                    vi.push(format!("Chỉ {x}/{n} nhiệm vụ ({share_vi}) hoàn thành vượt mức yêu cầu; Hoàn thành xuất sắc cần ít nhất 30%"));
                    en.push(format!("Only {x} of {n} tasks ({share}) were completed above requirement; Excellent needs at least 30%"));
                }
            }
            if rule == Rule::ExcellentCollective {
                let units = v.count(Fact::SubordinateUnitsDisciplined);
                let members = v.count(Fact::MembersDisciplined);
                if units > 0 {
                    vi.push(format!("{units} đơn vị trực thuộc bị kỷ luật trong kỳ; Hoàn thành xuất sắc cần không có"));
                    en.push(format!(
                        "{} disciplined in the period; Excellent needs none",
                        plural_en(units, "subordinate unit", "subordinate units")
                    ));
                }
                if members > 0 {
                    vi.push(format!("{members} thành viên tập thể lãnh đạo bị kỷ luật trong kỳ; Hoàn thành xuất sắc cần không có"));
                    en.push(format!("{} of the leadership collective disciplined in the period; Excellent needs none", plural_en(members, "member", "members")));
                }
                if holds {
                    vi.push("không đơn vị trực thuộc, thành viên nào bị kỷ luật".to_owned());
                    en.push("no subordinate unit or member was disciplined".to_owned());
                }
            }
        }
        Rule::GoodMember | Rule::GoodCollective | Rule::GoodLeader => {
            if holds {
                vi.push(format!("{whose_vi} hoàn thành đúng hạn, bảo đảm chất lượng cả {n} nhiệm vụ, đủ điều kiện Hoàn thành tốt"));
                en.push(format!("{whose_en} completed all {n} tasks on time with the required quality, as Good needs"));
            } else {
                vi.push(format!("Chỉ {o}/{n} nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng; Hoàn thành tốt cần 100%"));
                en.push(format!("Only {o} of {n} tasks were completed on time with the required quality; Good needs all of them"));
            }
        }
        _ => {
            let late = v.count(Fact::Late);
            let late_share = percent_text(late, n);
            let late_share_vi = percent_vi(late, n);
            if holds {
                vi.push(format!("{whose_vi} hoàn thành cả {n} nhiệm vụ, {late} nhiệm vụ ({late_share_vi}) chưa bảo đảm tiến độ, không quá 20%"));
                en.push(format!("{whose_en} completed all {n} tasks, {late} ({late_share}) late, within the 20% Completed allows"));
            } else {
                if c < n {
                    vi.push(format!(
                        "Chỉ hoàn thành {c}/{n} nhiệm vụ; Hoàn thành nhiệm vụ cần hoàn thành 100%"
                    ));
                    en.push(format!(
                        "Only {c} of {n} tasks were completed; Completed needs all of them"
                    ));
                }
                if late * 5 > n {
                    vi.push(format!(
                        "{late}/{n} nhiệm vụ ({late_share_vi}) chưa bảo đảm tiến độ, vượt mức 20%"
                    ));
                    en.push(format!("{late} of {n} tasks ({late_share}) were late, more than the 20% Completed allows"));
                }
            }
        }
    }
    Text::new(join(&vi), join(&en))
}

fn plan_text(v: &Values, leader: bool) -> (Vec<String>, Vec<String>) {
    let (c, n) = (v.count(Fact::Completed), v.count(Fact::Assigned));
    let (mut vi, mut en) = (Vec::new(), Vec::new());
    if c * 10 < n * 7 {
        vi.push(format!(
            "chỉ hoàn thành {c}/{n} nhiệm vụ theo kế hoạch ({}), dưới 70%",
            percent_vi(c, n)
        ));
        en.push(format!(
            "only {c} of {n} planned tasks ({}) were completed, under 70%",
            percent_text(c, n)
        ));
    }
    if v.flag(Fact::TargetsApplicable) {
        let missed = v.count(Fact::TargetsMissed);
        let all = v.flag(Fact::TargetsReadingAll);
        if (all && missed >= 5) || (!all && missed >= 1) {
            vi.push(format!(
                "không đạt {missed}/5 chỉ tiêu kinh tế - xã hội cơ bản được giao"
            ));
            en.push(format!(
                "missed {missed} of the 5 basic socio-economic targets"
            ));
        }
    }
    if leader {
        let (k, m) = (v.count(Fact::UnitsNotCompleted), v.count(Fact::UnitsTotal));
        if k * 2 > m {
            vi.push(format!(
                "{k}/{m} đơn vị phụ trách ({}) bị xếp loại Không hoàn thành nhiệm vụ, quá 50%",
                percent_vi(k, m)
            ));
            en.push(format!(
                "{k} of {m} units in charge ({}) were rated Not completed, more than 50%",
                percent_text(k, m)
            ));
        }
    }
    (vi, en)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn triggered(vi: Vec<String>, en: Vec<String>) -> Text {
    Text::new(
        format!("{}: Không hoàn thành nhiệm vụ", capitalise(&join(&vi))),
        format!("{}: Not completed", capitalise(&join(&en))),
    )
}

fn conduct_parts(v: &Values) -> (Vec<String>, Vec<String>) {
    let (mut vi, mut en) = (Vec::new(), Vec::new());
    if v.flag(Fact::Degradation) {
        vi.push(
            "cấp có thẩm quyền kết luận suy thoái, \"tự diễn biến\", \"tự chuyển hoá\"".to_owned(),
        );
        en.push("the competent level concluded degradation".to_owned());
    }
    let disciplined = v.count(Fact::Disciplined);
    if disciplined > 0 {
        vi.push(format!("bị kỷ luật ({disciplined} quyết định) từ khiển trách trở lên do vi phạm liên quan đến thực thi nhiệm vụ"));
        en.push(format!(
            "disciplined at reprimand or heavier for a violation tied to official duties ({})",
            decisions_en(disciplined)
        ));
    }
    if v.flag(Fact::ProhibitionBreach) {
        vi.push("vi phạm những điều đảng viên không được làm".to_owned());
        en.push("breached the things party members must not do".to_owned());
    }
    if v.flag(Fact::ExemplaryBreach) {
        vi.push("vi phạm quy định về trách nhiệm nêu gương, ảnh hưởng đến uy tín của bản thân, cơ quan, đơn vị".to_owned());
        en.push(
            "breached the exemplary-conduct rules, harming the prestige of self or unit".to_owned(),
        );
    }
    let reported = v.count(Fact::SelfReported);
    if reported > 0 {
        vi.push(format!("tự nhận vi phạm {reported} mục trong bảng tự kiểm tra nêu gương (tự khai, chưa phải kết luận của cấp có thẩm quyền)"));
        en.push(format!("self-reported breach of {} of the conduct checklist (self-reported, not a conclusion of the competent level)", plural_en(reported, "item", "items")));
    }
    (vi, en)
}

fn rule_list(v: &Values) -> String {
    match v.get(Fact::Remaining) {
        Some(Value::Rules(set)) => set.iter().map(Rule::id).collect::<Vec<_>>().join(", "),
        _ => String::new(),
    }
}

fn claimed_names(v: &Values) -> (String, String) {
    let (mut vi, mut en) = (Vec::new(), Vec::new());
    if v.flag(Fact::SelfDetectedAndRemedied) {
        vi.push("tự phát hiện, khắc phục kịp thời");
        en.push("self-detected and remedied in time");
    }
    if v.flag(Fact::ForceMajeure) {
        vi.push("nguyên nhân bất khả kháng");
        en.push("force majeure");
    }
    (vi.join(", "), en.join(", "))
}

fn mitigation_text(reason: &Reason) -> Text {
    let v = &reason.values;
    let (claim_vi, claim_en) = claimed_names(v);
    if !reason.holds {
        return Text::new(
            format!("Tình tiết giảm nhẹ được nêu ({claim_vi}) không áp dụng cho căn cứ nào đã dẫn đến Không hoàn thành nhiệm vụ, nên không thay đổi kết quả"),
            format!("The mitigation claimed ({claim_en}) does not apply to any rule that made the level Not completed, so it changes nothing"),
        );
    }
    if v.get(Fact::Remaining).is_some() {
        let rules = rule_list(v);
        return Text::new(
            format!("Tình tiết giảm nhẹ ({claim_vi}) không thể thay đổi kết quả: vẫn còn căn cứ {rules} không có tình tiết giảm nhẹ"),
            format!("The mitigation ({claim_en}) cannot change the result: {rules} still holds and has no mitigation"),
        );
    }
    match v.level(Fact::Alternative) {
        Some(Level::NotCompleted) => Text::new(
            format!("Kể cả khi chấp nhận tình tiết giảm nhẹ ({claim_vi}), không mức nào trên Không hoàn thành nhiệm vụ đủ điều kiện"),
            format!("Even if the mitigation ({claim_en}) is accepted, no level above Not completed has its conditions met"),
        ),
        Some(level) => Text::new(
            format!("Có tình tiết giảm nhẹ ({claim_vi}): nếu cấp có thẩm quyền chấp nhận, mức xếp loại sẽ là {}; cấp có thẩm quyền xem xét, quyết định", level.vi()),
            format!("Mitigation claimed ({claim_en}): if the competent level accepts it, the level would be {}; the competent level decides", level.en()),
        ),
        None => Text::new(
            format!("Có tình tiết giảm nhẹ ({claim_vi}): nếu được chấp nhận, các điều kiện của khung điểm không đạt; cấp có thẩm quyền quyết định"),
            format!("Mitigation claimed ({claim_en}): if accepted, the band's conditions still fail; the competent level decides"),
        ),
    }
}

/// The message of one reason, from its values.
pub fn message(reason: &Reason, decision: &Decision) -> Text {
    let v = &reason.values;
    match reason.rule {
        Rule::Exempt | Rule::Qd124Exempt | Rule::Qd132Exempt => Text::new(
            "Đảng viên được miễn công tác và sinh hoạt đảng: không kiểm điểm, không xếp loại",
            "Exempted from work and party activities: not reviewed and not classified",
        ),
        Rule::Suspended | Rule::Qd124Suspended | Rule::Qd132Suspended => Text::new(
            "Đảng viên đang bị đình chỉ sinh hoạt đảng: không kiểm điểm, không xếp loại",
            "Party activities suspended: not reviewed and not classified",
        ),
        Rule::NewMember | Rule::Qd124NewMember | Rule::Qd132NewMember => {
            let admitted = v.date(Fact::AdmittedOn);
            let eligible = v.date(Fact::EligibleOn);
            let as_of = v.date(Fact::AsOf);
            let (a_vi, e_vi, d_vi) = (admitted.map(vi_date).unwrap_or_default(), eligible.map(vi_date).unwrap_or_default(), as_of.map(vi_date).unwrap_or_default());
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
        Rule::SickLeave => {
            let months = v.points(Fact::SickMonths);
            let (vi, en) = if v.flag(Fact::Maternity) {
                ("Nghỉ thai sản trong năm".to_owned(), "Maternity leave in the year".to_owned())
            } else {
                (format!("Nghỉ ốm {} tháng trong năm (từ 3 tháng trở lên)", months.vi()), format!("{months} months of sick leave in the year (3 or more)"))
            };
            Text::new(
                format!("{vi}: xếp loại theo kết quả công tác thực tế, không bị giới hạn mức"),
                format!("{en}: classified on the work actually done, with no cap on the level"),
            )
        }
        Rule::TemporaryActivity => {
            let (vi, en) = if v.flag(Fact::CommentReceived) {
                ("đã có nhận xét bằng văn bản của chi bộ nơi sinh hoạt tạm thời", "the temporary chi bộ's written comment was received")
            } else {
                ("chưa có nhận xét bằng văn bản của chi bộ nơi sinh hoạt tạm thời", "the temporary chi bộ's written comment has not been received")
            };
            Text::new(
                format!("Sinh hoạt đảng tạm thời: kiểm điểm, xếp loại tại chi bộ nơi sinh hoạt chính thức; {vi}"),
                format!("Temporary party activity: reviewed and classified at the chi bộ of official membership; {en}"),
            )
        }
        Rule::Score => {
            let band = level_of(v, Fact::Band);
            let (g, r, s) = (v.points(Fact::General), v.points(Fact::TaskResults), v.points(Fact::Total));
            let (band_vi, band_en) = match band {
                Level::Excellent => ("từ 90 điểm trở lên", "90 or more"),
                Level::Good => ("từ 70 đến dưới 90 điểm", "70 to under 90"),
                Level::Completed => ("từ 50 đến dưới 70 điểm", "50 to under 70"),
                Level::NotCompleted => ("dưới 50 điểm", "under 50"),
            };
            Text::new(
                format!("Tổng điểm {} = {} (tiêu chí chung) + {} (kết quả thực hiện nhiệm vụ), thuộc khung {band_vi} ({})", s.vi(), g.vi(), r.vi(), band.vi()),
                format!("Total score {s} = {g} (general criteria) + {r} (task results), in the {band_en} band ({})", band.en()),
            )
        }
        Rule::DisciplineNotCounted | Rule::Qd124DisciplineNotCounted | Rule::Qd132DisciplineNotCounted => {
            let (form_vi, form_en) = match v.get(Fact::Form) {
                Some(Value::Form(form)) => form_names(form),
                _ => ("", ""),
            };
            let day = v.date(Fact::DecidedOn);
            let (d_vi, d_en) = (day.map(vi_date).unwrap_or_default(), day.map(|d| d.to_string()).unwrap_or_default());
            let (why_vi, why_en) = match v.get(Fact::Why) {
                Some(Value::Why(NotCountedWhy::BeforePeriod)) => ("quyết định trước kỳ đánh giá", "decided before the period"),
                Some(Value::Why(NotCountedWhy::AfterPeriod)) => ("quyết định sau kỳ đánh giá hoặc sau ngày đánh giá", "decided after the period or the evaluation day"),
                Some(Value::Why(NotCountedWhy::CountedBefore)) => ("vi phạm đã được tính ở kỳ trước (mỗi vi phạm chỉ tính một lần)", "the violation was counted in an earlier period (each violation counts once)"),
                Some(Value::Why(NotCountedWhy::CollectiveItself)) => (
                    "Quy định 366 không nêu căn cứ xếp loại đối với kỷ luật của chính tập thể; cấp có thẩm quyền xem xét",
                    "QĐ 366 attaches no classification rule to a collective's own discipline; the competent level weighs it",
                ),
                _ => ("vi phạm xảy ra ở đơn vị cũ nên tính cho đơn vị cũ", "the violation happened at the previous unit, so it counts against that unit"),
            };
            Text::new(
                format!("Kỷ luật {form_vi} ngày {d_vi} không tính cho kỳ này: {why_vi}"),
                format!("The {form_en} decided on {d_en} does not count for this period: {why_en}"),
            )
        }
        Rule::NotCompletedScore => {
            let s = v.points(Fact::Total);
            Text::new(format!("Tổng điểm {} dưới 50: Không hoàn thành nhiệm vụ", s.vi()), format!("Total score {s} is under 50: Not completed"))
        }
        Rule::MemberConduct | Rule::LeaderDiscipline if !reason.holds => {
            let n = v.count(Fact::DisciplinedNotDutyRelated);
            Text::new(
                format!("Bị kỷ luật ({n} quyết định) nhưng vi phạm không liên quan đến thực thi nhiệm vụ: không thuộc trường hợp Không hoàn thành nhiệm vụ"),
                format!("Disciplined for a violation not tied to official duties ({}): not a Not-completed trigger", decisions_en(n)),
            )
        }
        Rule::MemberConduct => {
            let (vi, en) = conduct_parts(v);
            triggered(vi, en)
        }
        Rule::MemberTasks => {
            let (f, n) = (v.count(Fact::NotCompleted), v.count(Fact::Assigned));
            Text::new(
                format!("{f}/{n} nhiệm vụ ({}) không hoàn thành, quá 50%: Không hoàn thành nhiệm vụ", percent_vi(f, n)),
                format!("{f} of {n} tasks ({}) were not completed, more than 50%: Not completed", percent_text(f, n)),
            )
        }
        Rule::LeaderPlan | Rule::CollectivePlan => {
            let (vi, en) = plan_text(v, reason.rule == Rule::LeaderPlan);
            triggered(vi, en)
        }
        Rule::LeaderConfidence => {
            let (low, total) = (v.count(Fact::LowVotes), v.count(Fact::TotalVotes));
            Text::new(
                format!("{low}/{total} phiếu tín nhiệm thấp ({}), quá 50%: Không hoàn thành nhiệm vụ", percent_vi(low, total)),
                format!("{low} of {total} votes ({}) expressed low confidence, more than 50%: Not completed", percent_text(low, total)),
            )
        }
        Rule::LeaderDiscipline => {
            let n = v.count(Fact::Disciplined);
            Text::new(
                format!("Bị kỷ luật ({n} quyết định) từ khiển trách trở lên do vi phạm trong thực thi nhiệm vụ: Không hoàn thành nhiệm vụ"),
                format!("Disciplined at reprimand or heavier for a violation in office ({}): Not completed", decisions_en(n)),
            )
        }
        Rule::LeaderDegradation if !reason.holds => Text::new(
            "Có vi phạm những điều đảng viên không được làm hoặc quy định nêu gương; với cán bộ lãnh đạo, vi phạm này chỉ dẫn đến Không hoàn thành nhiệm vụ khi cấp có thẩm quyền kết luận suy thoái",
            "A must-not-do or exemplary-conduct breach is stated; for a leader it leads to Not completed only through a degradation conclusion of the competent level",
        ),
        Rule::LeaderDegradation => Text::new(
            "Cấp có thẩm quyền kết luận suy thoái, \"tự diễn biến\", \"tự chuyển hoá\": Không hoàn thành nhiệm vụ",
            "The competent level concluded degradation: Not completed",
        ),
        Rule::LeaderScopeCorruption => Text::new(
            "Để xảy ra tham nhũng, lãng phí, tiêu cực trong cơ quan, đơn vị hoặc ở cá nhân thuộc quyền quản lý trực tiếp và đã bị xử lý kỷ luật: Không hoàn thành nhiệm vụ",
            "Corruption, waste or negativity occurred under direct management and was disciplined: Not completed",
        ),
        Rule::CollectiveCadreWork => Text::new(
            "Cấp có thẩm quyền kết luận có vi phạm trong công tác cán bộ, mất đoàn kết nội bộ, cục bộ, lợi ích nhóm, chạy chức, chạy quyền: Không hoàn thành nhiệm vụ",
            "The competent level concluded violations in cadre work, internal disunity, factionalism or buying of posts: Not completed",
        ),
        Rule::CollectiveMemberDiscipline => {
            let n = v.count(Fact::Disciplined);
            Text::new(
                format!("{n} thành viên bị kỷ luật từ khiển trách trở lên do vi phạm liên quan đến thực thi nhiệm vụ: Không hoàn thành nhiệm vụ"),
                format!("{} disciplined at reprimand or heavier for a violation tied to official duties: Not completed", plural_en(n, "member", "members")),
            )
        }
        Rule::CollectiveMemberDegradation => Text::new(
            "Có thành viên bị cấp có thẩm quyền kết luận suy thoái, \"tự diễn biến\", \"tự chuyển hoá\": Không hoàn thành nhiệm vụ",
            "A member was concluded by the competent level to show degradation: Not completed",
        ),
        Rule::MemberMitigation | Rule::LeaderMitigation | Rule::CollectiveMitigation => mitigation_text(reason),
        Rule::ExcellentMember
        | Rule::ExcellentLeader
        | Rule::ExcellentCollective
        | Rule::GoodMember
        | Rule::GoodLeader
        | Rule::GoodCollective
        | Rule::CompletedMember
        | Rule::CompletedLeader
        | Rule::CompletedCollective => task_condition(reason.rule, reason.holds, v),
        Rule::ExcellentShortcomingsFixed => {
            let (i, f) = (v.count(Fact::Identified), v.count(Fact::Fixed));
            if reason.holds {
                Text::new(
                    format!("Đã khắc phục cả {i} hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước"),
                    format!("The {} identified at the previous review {} fixed", plural_en(i, "shortcoming", "shortcomings"), if i == 1 { "is" } else { "are all" }),
                )
            } else {
                Text::new(
                    format!("Mới khắc phục {f}/{i} hạn chế, khuyết điểm được chỉ ra ở kỳ trước; Hoàn thành xuất sắc cần khắc phục 100%"),
                    format!("Only {f} of the {i} shortcomings from the previous review {} been fixed; Excellent needs all of them fixed", if f == 1 { "has" } else { "have" }),
                )
            }
        }
        Rule::ExcellentQuota | Rule::Qd124Quota | Rule::Qd132Quota => {
            let group = decision.quota.as_ref().map(|q| q.group.as_str()).unwrap_or("");
            let (e_max, rank) = (v.count(Fact::EMax), v.count(Fact::Rank));
            let (candidates, good) = (v.count(Fact::Candidates), v.count(Fact::GoodCount));
            let tie_vi = if v.flag(Fact::Tied) { "; đồng hạng tại ngưỡng cắt: cấp có thẩm quyền quyết định giữa những người đồng hạng (tạm xếp theo mã hồ sơ)" } else { "" };
            let tie_en = if v.flag(Fact::Tied) { "; tied at the cut: the competent level decides between the tied (provisionally ordered by id)" } else { "" };
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
        Rule::DerivedFact | Rule::Qd124DerivedFact | Rule::Qd132DerivedFact => derived_text(v),
        Rule::ConductBreach | Rule::ConductNeedsConclusion | Rule::ConductSoftFinding => conduct_text(reason.rule, v),
        Rule::CascadeGap => Text::new(
            "Tổng điểm từ 50 trở lên, không thuộc trường hợp Không hoàn thành nhiệm vụ, nhưng không mức nào đủ điều kiện; quy định chưa nêu trường hợp này: đề xuất Không hoàn thành nhiệm vụ, cấp có thẩm quyền xem xét, quyết định",
            "The score is 50 or more and no Not-completed rule applies, yet no level has its conditions met; the text leaves this case open: proposed Not completed, for the competent level to decide",
        ),
        Rule::StrictUndetermined => {
            let band = level_of(v, Fact::Band);
            Text::new(
                format!("Điểm thuộc khung {} nhưng không đạt điều kiện của mức này; theo cách đọc chặt (strict), không đề xuất mức, cấp có thẩm quyền quyết định", band.vi()),
                format!("The score is in the {} band but that level's conditions fail; under the strict reading no level is proposed and the competent level decides", band.en()),
            )
        }
        Rule::Qd124NotCompleted
        | Rule::Qd124Excellent
        | Rule::Qd124Good
        | Rule::Qd124Completed
        | Rule::Qd132NewCollective
        | Rule::Qd132Sick
        | Rule::Qd132MemberNotCompleted
        | Rule::Qd132MemberExcellent
        | Rule::Qd132MemberGood
        | Rule::Qd132MemberCompleted
        | Rule::Qd132OrgExcellent
        | Rule::Qd132OrgGood
        | Rule::Qd132OrgCompleted
        | Rule::Qd132OrgNotCompleted
        | Rule::Qd132LcNotCompleted
        | Rule::Qd132LcExcellent
        | Rule::Qd132LcGood
        | Rule::Qd132LcCompleted
        | Rule::Qd132LcCap
        | Rule::Qd132HeadCap => crate::explain_graded::message(reason),
        Rule::OpenComplaints => Text::new(
            "Có đơn thư khiếu nại, tố cáo, phản ánh hoặc dấu hiệu vi phạm chưa được xem xét: cấp ủy cấp trên phải kiểm tra, thẩm định lại trước khi quyết định",
            "Complaints, denunciations or signs of violations have not been checked yet: the superior committee must check and re-appraise before deciding",
        ),
    }
}

fn conduct_text(rule: Rule, v: &Values) -> Text {
    let item = match v.get(Fact::Item) {
        Some(Value::ConductItem(index)) => crate::conduct::catalogue().ok().and_then(|c| {
            c.items()
                .get(usize::from(index))
                .map(|item| (item, c.citation(item)))
        }),
        _ => None,
    };
    let (title, citation) = match item {
        Some((item, citation)) => (item.title.clone(), citation),
        None => (Text::new("?", "?"), Text::new("", "")),
    };
    let shortcoming = matches!(
        v.get(Fact::Form),
        Some(Value::Answer(
            crate::contract::ConductAnswerKind::Shortcoming
        ))
    );
    match rule {
        Rule::ConductBreach => Text::new(
            format!("Tự nhận vi phạm: {} ({}); tự khai, chưa phải kết luận của cấp có thẩm quyền", title.vi, citation.vi),
            format!("Self-reported breach: {} ({}); self-reported, not a conclusion of the competent level", title.en, citation.en),
        ),
        Rule::ConductNeedsConclusion => Text::new(
            format!("Tự nhận vi phạm: {} ({}); với cán bộ lãnh đạo, chỉ dẫn đến Không hoàn thành nhiệm vụ khi cấp có thẩm quyền kết luận suy thoái", title.vi, citation.vi),
            format!("Self-reported breach: {} ({}); for a leader it leads to Not completed only through a degradation conclusion of the competent level", title.en, citation.en),
        ),
        _ if shortcoming => Text::new(
            format!("Tự nhận hạn chế: {} ({}); không tự hạ mức, được xem xét khi chấm điểm tiêu chí chung và là khuyết điểm cần khắc phục ở kỳ sau", title.vi, citation.vi),
            format!("Self-reported shortcoming: {} ({}); it lowers nothing by itself, weighs in the general-criteria points, and is a shortcoming to fix by the next review", title.en, citation.en),
        ),
        _ => Text::new(
            format!("Tự nhận vi phạm: {} ({}); không phải căn cứ Không hoàn thành nhiệm vụ, được xem xét khi chấm điểm tiêu chí chung", title.vi, citation.vi),
            format!("Self-reported breach: {} ({}); not a Not-completed rule by itself, it weighs in the general-criteria points", title.en, citation.en),
        ),
    }
}

fn derived_text(v: &Values) -> Text {
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

/// The message of an alternative.
pub fn alternative_message(alternative: &Alternative) -> Text {
    let (claim_vi, claim_en) = match alternative.mitigation {
        MitigationKind::SelfDetectedAndRemedied => (
            "tình tiết tự phát hiện, khắc phục kịp thời",
            "self-detection and timely remedy",
        ),
        MitigationKind::ForceMajeure => ("nguyên nhân bất khả kháng", "force majeure"),
    };
    match alternative.level {
        Some(level) => Text::new(
            format!("{} nếu cấp có thẩm quyền chấp nhận {claim_vi}", level.vi()),
            format!("{} if the competent level accepts {claim_en}", level.en()),
        ),
        None => Text::new(
            format!("Chưa xác định mức nếu cấp có thẩm quyền chấp nhận {claim_vi}"),
            format!("No level determined if the competent level accepts {claim_en}"),
        ),
    }
}
