//! The wording of QĐ 366's rules, in Vietnamese and English, built from each reason's
//! values. Wording is pinned by golden tests (`core/tests/golden_explanations.rs`).
//! Shares are shown rounded for people; the rules themselves compared them exactly.

use crate::conduct::shipped::catalogue;
use crate::contract::assessment::ConductAnswerKind;
use crate::contract::decision::MitigationKind;
use crate::contract::level::Level;
use crate::contract::text::Text;
use crate::points::percent_text;
use crate::regimes::decision::Alternative;
use crate::regimes::shared::messages::{
    capitalise, decisions_en, join, level_of, percent_vi, plural_en, record_words,
};
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// The task part of a level condition: which of the task conditions failed or held.
pub fn task_condition(rule: Rule, holds: bool, v: &Values) -> Text {
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
                let own = v.count(Fact::CollectiveDisciplined);
                if own > 0 {
                    vi.push(format!("chính tập thể bị kỷ luật trong kỳ ({own} quyết định); Hoàn thành xuất sắc cần không có"));
                    en.push(format!(
                        "the collective itself was disciplined in the period ({}); Excellent needs none",
                        decisions_en(own)
                    ));
                }
                if holds {
                    vi.push(
                        "không đơn vị trực thuộc, thành viên nào và chính tập thể không bị kỷ luật"
                            .to_owned(),
                    );
                    en.push(
                        "no subordinate unit or member, nor the collective itself, was disciplined"
                            .to_owned(),
                    );
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
    Text::new(capitalise(&join(&vi)), capitalise(&join(&en)))
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

pub fn mitigation_text(reason: &Reason) -> Text {
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
        // The cascade gap (rules-qd366 §5, ruling of 7/12/2026).
        Some(Level::NotCompleted) => Text::new(
            format!("Có tình tiết giảm nhẹ ({claim_vi}): nếu được chấp nhận, không còn căn cứ Không hoàn thành nhiệm vụ và tổng điểm từ 50 trở lên, nhưng không mức nào đủ điều kiện; quy định chưa nêu trường hợp này, nên mức thay thế vẫn là Không hoàn thành nhiệm vụ và cấp có thẩm quyền xem xét, quyết định cả tình tiết giảm nhẹ lẫn mức xếp loại"),
            format!("Mitigation claimed ({claim_en}): if it is accepted, no Not-completed rule is left and the score is 50 or more, yet no level has its conditions met; the text leaves this case open, so the alternative is still Not completed and the competent level decides both the mitigation and the level"),
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

/// HD 43 §7.5: long sick leave or maternity.
pub fn sick_leave(v: &Values) -> Text {
    let months = v.points(Fact::SickMonths);
    let (vi, en) = if v.flag(Fact::Maternity) {
        (
            "Nghỉ thai sản trong năm".to_owned(),
            "Maternity leave in the year".to_owned(),
        )
    } else {
        (
            format!(
                "Nghỉ ốm {} tháng trong năm (từ 3 tháng trở lên)",
                months.vi()
            ),
            format!("{months} months of sick leave in the year (3 or more)"),
        )
    };
    Text::new(
        format!("{vi}: xếp loại theo kết quả công tác thực tế, không bị giới hạn mức"),
        format!("{en}: classified on the work actually done, with no cap on the level"),
    )
}

/// HD 43 §7.6: temporary party activity.
pub fn temporary_activity(v: &Values) -> Text {
    let (vi, en) = if v.flag(Fact::CommentReceived) {
        (
            "đã có nhận xét bằng văn bản của chi bộ nơi sinh hoạt tạm thời",
            "the temporary chi bộ's written comment was received",
        )
    } else {
        (
            "chưa có nhận xét bằng văn bản của chi bộ nơi sinh hoạt tạm thời",
            "the temporary chi bộ's written comment has not been received",
        )
    };
    Text::new(
        format!("Sinh hoạt đảng tạm thời: kiểm điểm, xếp loại tại chi bộ nơi sinh hoạt chính thức; {vi}"),
        format!("Temporary party activity: reviewed and classified at the chi bộ of official membership; {en}"),
    )
}

/// Art. 10: the score and its band.
pub fn score(v: &Values) -> Text {
    let band = level_of(v, Fact::Band);
    let (g, r, s) = (
        v.points(Fact::General),
        v.points(Fact::TaskResults),
        v.points(Fact::Total),
    );
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

/// Art. 11.4: a score under 50.
pub fn not_completed_score(v: &Values) -> Text {
    let s = v.points(Fact::Total);
    Text::new(
        format!("Tổng điểm {} dưới 50: Không hoàn thành nhiệm vụ", s.vi()),
        format!("Total score {s} is under 50: Not completed"),
    )
}

/// Art. 11.4 N and L: discipline not tied to duties, which triggers nothing.
pub fn not_duty_related(v: &Values) -> Text {
    let n = v.count(Fact::DisciplinedNotDutyRelated);
    Text::new(
        format!("Bị kỷ luật ({n} quyết định) nhưng vi phạm không liên quan đến thực thi nhiệm vụ: không thuộc trường hợp Không hoàn thành nhiệm vụ"),
        format!("Disciplined for a violation not tied to official duties ({}): not a Not-completed trigger", decisions_en(n)),
    )
}

/// Art. 11.4, member: the conduct trigger.
pub fn member_conduct(v: &Values) -> Text {
    let (vi, en) = conduct_parts(v);
    triggered(vi, en)
}

/// Art. 11.4, member: over half of the tasks not completed.
pub fn member_tasks(v: &Values) -> Text {
    let (f, n) = (v.count(Fact::NotCompleted), v.count(Fact::Assigned));
    Text::new(
        format!(
            "{f}/{n} nhiệm vụ ({}) không hoàn thành, quá 50%: Không hoàn thành nhiệm vụ",
            percent_vi(f, n)
        ),
        format!(
            "{f} of {n} tasks ({}) were not completed, more than 50%: Not completed",
            percent_text(f, n)
        ),
    )
}

/// Art. 11.4, leader and leadership collective: the plan and the basic targets.
pub fn plan(reason: &Reason) -> Text {
    let v = &reason.values;
    let (vi, en) = plan_text(v, reason.rule == Rule::LeaderPlan);
    triggered(vi, en)
}

/// Art. 11.4, leader: low-confidence votes.
pub fn leader_confidence(v: &Values) -> Text {
    let (low, total) = (v.count(Fact::LowVotes), v.count(Fact::TotalVotes));
    Text::new(
        format!(
            "{low}/{total} phiếu tín nhiệm thấp ({}), quá 50%: Không hoàn thành nhiệm vụ",
            percent_vi(low, total)
        ),
        format!(
            "{low} of {total} votes ({}) expressed low confidence, more than 50%: Not completed",
            percent_text(low, total)
        ),
    )
}

/// Art. 11.4, leader: disciplined for a duty-related violation.
pub fn leader_discipline(v: &Values) -> Text {
    let n = v.count(Fact::Disciplined);
    Text::new(
        format!("Bị kỷ luật ({n} quyết định) từ khiển trách trở lên do vi phạm trong thực thi nhiệm vụ: Không hoàn thành nhiệm vụ"),
        format!("Disciplined at reprimand or heavier for a violation in office ({}): Not completed", decisions_en(n)),
    )
}

/// conduct.md: a leader's breach counts only through a degradation conclusion.
pub fn leader_breach_without_conclusion() -> Text {
    Text::new(
    "Có vi phạm những điều đảng viên không được làm hoặc quy định nêu gương; với cán bộ lãnh đạo, vi phạm này chỉ dẫn đến Không hoàn thành nhiệm vụ khi cấp có thẩm quyền kết luận suy thoái",
    "A must-not-do or exemplary-conduct breach is stated; for a leader it leads to Not completed only through a degradation conclusion of the competent level",
    )
}

/// Art. 11.4, leader: concluded degradation.
pub fn leader_degradation() -> Text {
    Text::new(
    "Cấp có thẩm quyền kết luận suy thoái, \"tự diễn biến\", \"tự chuyển hoá\": Không hoàn thành nhiệm vụ",
    "The competent level concluded degradation: Not completed",
    )
}

/// Art. 11.4, leader: corruption under direct management, disciplined.
pub fn leader_scope_corruption() -> Text {
    Text::new(
    "Để xảy ra tham nhũng, lãng phí, tiêu cực trong cơ quan, đơn vị hoặc ở cá nhân thuộc quyền quản lý trực tiếp và đã bị xử lý kỷ luật: Không hoàn thành nhiệm vụ",
    "Corruption, waste or negativity occurred under direct management and was disciplined: Not completed",
    )
}

/// Art. 11.4, leadership collective: violations in cadre work.
pub fn collective_cadre_work() -> Text {
    Text::new(
    "Cấp có thẩm quyền kết luận có vi phạm trong công tác cán bộ, mất đoàn kết nội bộ, cục bộ, lợi ích nhóm, chạy chức, chạy quyền: Không hoàn thành nhiệm vụ",
    "The competent level concluded violations in cadre work, internal disunity, factionalism or buying of posts: Not completed",
    )
}

/// Art. 11.4, leadership collective: members disciplined for duty-related violations.
pub fn collective_member_discipline(v: &Values) -> Text {
    let n = v.count(Fact::Disciplined);
    Text::new(
        format!("{n} thành viên bị kỷ luật từ khiển trách trở lên do vi phạm liên quan đến thực thi nhiệm vụ: Không hoàn thành nhiệm vụ"),
        format!("{} disciplined at reprimand or heavier for a violation tied to official duties: Not completed", plural_en(n, "member", "members")),
    )
}

/// Art. 11.4, leadership collective: disciplined itself (rules-qd366 §4, basis reading);
/// not holding, a discipline not tied to its duties, which rules out Excellent only.
pub fn collective_own_discipline(reason: &Reason) -> Text {
    let v = &reason.values;
    if !reason.holds {
        let n = v.count(Fact::DisciplinedNotDutyRelated);
        return Text::new(
            format!("Chính tập thể bị kỷ luật ({n} quyết định) nhưng vi phạm không liên quan đến thực thi nhiệm vụ: không thuộc trường hợp Không hoàn thành nhiệm vụ, nhưng không thể Hoàn thành xuất sắc"),
            format!("The collective itself was disciplined for a violation not tied to its duties ({}): not a Not-completed trigger, but it rules out Excellent", decisions_en(n)),
        );
    }
    let n = v.count(Fact::Disciplined);
    Text::new(
        format!("Chính tập thể lãnh đạo, quản lý bị kỷ luật ({n} quyết định) từ khiển trách trở lên do vi phạm liên quan đến thực thi nhiệm vụ: Không hoàn thành nhiệm vụ (cách hiểu: Điều 11 khoản 4 không liệt kê trường hợp này, nhưng câu về tình tiết giảm nhẹ nêu \"tập thể lãnh đạo, quản lý ... bị xử lý kỷ luật\"); nếu tập thể tự phát hiện, khắc phục kịp thời, cấp có thẩm quyền xem xét"),
        format!("The leadership collective itself was disciplined at reprimand or heavier for a violation tied to its duties ({}): Not completed (a reading: Art. 11.4 does not list it, but its mitigation sentence names the collective's own discipline); if the collective detected and remedied it in time, the competent level weighs that", decisions_en(n)),
    )
}

/// Rules-qd366 §4, §7: a party committee, party organisation or agency disciplined itself.
pub fn own_discipline_for_superior(v: &Values) -> Text {
    let (form_vi, form_en, d_vi, d_en) = record_words(v);
    Text::new(
        format!("Chính tập thể bị kỷ luật {form_vi} ngày {d_vi}: không thể Hoàn thành xuất sắc; quy định không nêu căn cứ Không hoàn thành nhiệm vụ cho trường hợp này, cấp ủy cấp trên xem xét hình thức, tính chất của kỷ luật khi quyết định xếp loại (Điều 11, ghi chú 1)"),
        format!("The collective itself was disciplined ({form_en}, decided on {d_en}): it cannot be Excellent; the text names no Not-completed rule for this, so the superior committee weighs the form and nature of the discipline when it decides (Art. 11, note 1)"),
    )
}

/// Art. 11.4, leadership collective: a member concluded degraded.
pub fn collective_member_degradation() -> Text {
    Text::new(
    "Có thành viên bị cấp có thẩm quyền kết luận suy thoái, \"tự diễn biến\", \"tự chuyển hoá\": Không hoàn thành nhiệm vụ",
    "A member was concluded by the competent level to show degradation: Not completed",
    )
}

/// Art. 11.1: the shortcomings of the previous review fixed.
pub fn shortcomings_fixed(reason: &Reason) -> Text {
    let v = &reason.values;
    let (i, f) = (v.count(Fact::Identified), v.count(Fact::Fixed));
    if reason.holds {
        Text::new(
            format!("Đã khắc phục cả {i} hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước"),
            format!(
                "The {} identified at the previous review {} fixed",
                plural_en(i, "shortcoming", "shortcomings"),
                if i == 1 { "is" } else { "are all" }
            ),
        )
    } else {
        Text::new(
            format!("Mới khắc phục {f}/{i} hạn chế, khuyết điểm được chỉ ra ở kỳ trước; Hoàn thành xuất sắc cần khắc phục 100%"),
            format!("Only {f} of the {i} shortcomings from the previous review {} been fixed; Excellent needs all of them fixed", if f == 1 { "has" } else { "have" }),
        )
    }
}

/// Rules-qd366 §5, `cascade`: no level's conditions hold.
pub fn cascade_gap() -> Text {
    Text::new(
    "Tổng điểm từ 50 trở lên, không thuộc trường hợp Không hoàn thành nhiệm vụ, nhưng không mức nào đủ điều kiện; quy định chưa nêu trường hợp này: đề xuất Không hoàn thành nhiệm vụ, cấp có thẩm quyền xem xét, quyết định",
    "The score is 50 or more and no Not-completed rule applies, yet no level has its conditions met; the text leaves this case open: proposed Not completed, for the competent level to decide",
    )
}

/// Rules-qd366 §5, `strict`: the band's own conditions fail.
pub fn strict_undetermined(v: &Values) -> Text {
    let band = level_of(v, Fact::Band);
    Text::new(
        format!("Điểm thuộc khung {} nhưng không đạt điều kiện của mức này; theo cách đọc chặt (strict), không đề xuất mức, cấp có thẩm quyền quyết định", band.vi()),
        format!("The score is in the {} band but that level's conditions fail; under the strict reading no level is proposed and the competent level decides", band.en()),
    )
}

/// Art. 12.1 step 3: open complaints.
pub fn open_complaints() -> Text {
    Text::new(
    "Có đơn thư khiếu nại, tố cáo, phản ánh hoặc dấu hiệu vi phạm chưa được xem xét: cấp ủy cấp trên phải kiểm tra, thẩm định lại trước khi quyết định",
    "Complaints, denunciations or signs of violations have not been checked yet: the superior committee must check and re-appraise before deciding",
    )
}

pub fn conduct_text(rule: Rule, v: &Values) -> Text {
    let item = match v.get(Fact::Item) {
        Some(Value::ConductItem(index)) => catalogue().ok().and_then(|c| {
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
        Some(Value::Answer(ConductAnswerKind::Shortcoming))
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

/// The message of an alternative.
pub fn alternative(alternative: &Alternative) -> Text {
    let (claim_vi, claim_en) = match alternative.mitigation {
        MitigationKind::SelfDetectedAndRemedied => (
            "tình tiết tự phát hiện, khắc phục kịp thời",
            "self-detection and timely remedy",
        ),
        MitigationKind::ForceMajeure => ("nguyên nhân bất khả kháng", "force majeure"),
    };
    match alternative.level {
        Some(level) if alternative.needs_decision => Text::new(
            format!("{} nếu cấp có thẩm quyền chấp nhận {claim_vi}; quy định chưa nêu trường hợp này, cấp có thẩm quyền quyết định mức xếp loại", level.vi()),
            format!("{} if the competent level accepts {claim_en}; the text leaves this case open, so the competent level decides the level", level.en()),
        ),
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
