//! Messages for the rules of QĐ 124 and QĐ 132 (`regimes::graded`), in Vietnamese and
//! English, built from each reason's values.

use crate::contract::assessment::Grade;
use crate::contract::decision::Effect;
use crate::contract::level::Level;
use crate::contract::text::Text;
use crate::dates::vi_date;
use crate::points::percent_text;
use crate::regimes::shared::messages::percent_vi;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Part, Reason, Trigger, Value, Values, Whose};

fn grade(values: &Values, fact: Fact) -> Grade {
    match values.get(fact) {
        Some(Value::Grade(g)) => g,
        _ => Grade::Poor,
    }
}

fn level(values: &Values, fact: Fact) -> Level {
    values.level(fact).unwrap_or(Level::NotCompleted)
}

/// What a trigger found, without the conclusion.
fn trigger_text(rule: Rule, which: Trigger, v: &Values) -> (String, String) {
    let n = v.count(Fact::Disciplined);
    match which {
        Trigger::PoorGrade => {
            let (task, k, total) = (
                grade(v, Fact::TaskResultsGrade),
                v.count(Fact::CriteriaBelow),
                v.count(Fact::CriteriaCount),
            );
            (
                format!(
                    "Có tiêu chí bị đánh giá mức Kém (kết quả thực hiện nhiệm vụ: {}; {k}/{total} tiêu chí khác ở mức Kém)",
                    task.vi()
                ),
                format!(
                    "A criterion is graded Poor (task results: {}; {k} of {total} other criteria Poor)",
                    task.en()
                ),
            )
        }
        Trigger::Plan | Trigger::TasksUnderHalf => {
            let (c, total) = (v.count(Fact::Completed), v.count(Fact::Assigned));
            let (main_vi, main_en) = if which == Trigger::Plan {
                (
                    " và không đạt các chỉ tiêu chủ yếu",
                    " and the main targets were missed",
                )
            } else {
                ("", "")
            };
            (
                format!(
                    "Hoàn thành {c}/{total} chỉ tiêu, nhiệm vụ ({}), dưới 50%{main_vi}",
                    percent_vi(c, total)
                ),
                format!(
                    "{c} of {total} targets and tasks completed ({}), under 50%{main_en}",
                    percent_text(c, total)
                ),
            )
        }
        Trigger::CollectiveDisciplined if v.flag(Fact::SelfDetectedAndRemedied) => (
            format!("Tập thể bị kỷ luật trong năm ({n} quyết định), dù đã tự phát hiện, khắc phục: ngoại lệ tự phát hiện, khắc phục chỉ áp dụng cho kỷ luật của tổ chức, đơn vị trực thuộc và của thành viên, không áp dụng cho kỷ luật của chính tập thể"),
            format!("The collective itself was disciplined in the year ({n} decision(s)), even though self-detected and remedied: the self-detection exception covers subordinate units' and members' discipline only, not the collective's own"),
        ),
        Trigger::CollectiveDisciplined => (
            format!("Tập thể bị kỷ luật trong năm ({n} quyết định)"),
            format!("The collective itself was disciplined in the year ({n} decision(s))"),
        ),
        Trigger::SubordinatesDisciplined => {
            let d = v.count(Fact::SubordinateUnitsDisciplined);
            (
                format!("{d} tổ chức, đơn vị trực thuộc bị kỷ luật trong năm"),
                format!("{d} subordinate unit(s) disciplined in the year"),
            )
        }
        Trigger::SubordinatesOverShare => {
            let (d, total) = (
                v.count(Fact::SubordinateUnitsDisciplined),
                v.count(Fact::SubordinateUnits),
            );
            (
                format!(
                    "{d}/{total} đơn vị trực thuộc ({}) bị kỷ luật trong năm, quá 20%",
                    percent_vi(d, total)
                ),
                format!(
                    "{d} of {total} subordinate units ({}) disciplined in the year, more than 20%",
                    percent_text(d, total)
                ),
            )
        }
        Trigger::MemberDisciplined => {
            let m = v.count(Fact::MembersDisciplined);
            if v.get(Fact::Form).is_some() {
                // HD 21 counts warning or heavier: the reprimands are said as such.
                (
                    format!("{m} thành viên của tập thể bị kỷ luật khiển trách trong năm"),
                    format!("{m} member(s) of the collective reprimanded in the year"),
                )
            } else if rule == Rule::Qd132LcNotCompleted {
                (
                    format!("{m} thành viên của tập thể bị kỷ luật từ cảnh cáo trở lên"),
                    format!("{m} member(s) of the collective disciplined at warning or heavier"),
                )
            } else {
                (
                    format!("{m} thành viên của tập thể lãnh đạo, quản lý bị kỷ luật trong năm"),
                    format!("{m} member(s) of the leadership collective disciplined in the year"),
                )
            }
        }
        Trigger::Disunity => (
            "Tập thể được kết luận mất đoàn kết nội bộ".to_owned(),
            "The collective was concluded to be disunited".to_owned(),
        ),
        Trigger::MemberDegraded => (
            "Có thành viên được kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống".to_owned(),
            "A member was concluded to show degradation".to_owned(),
        ),
        Trigger::Degradation => (
            "Được kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\"".to_owned(),
            "Concluded to show degradation in political ideology, ethics or lifestyle".to_owned(),
        ),
        Trigger::ProhibitionBreach => (
            "Được kết luận vi phạm những điều đảng viên không được làm".to_owned(),
            "Concluded to have breached the things party members must not do".to_owned(),
        ),
        Trigger::ExemplaryBreach => (
            "Được kết luận vi phạm trách nhiệm nêu gương, ảnh hưởng đến uy tín".to_owned(),
            "Concluded to have breached exemplary conduct, harming prestige".to_owned(),
        ),
        Trigger::Disciplined => (
            format!("Bị kỷ luật trong năm ({n} quyết định)"),
            format!("Disciplined in the year ({n} decision(s))"),
        ),
        // ND 90's own triggers are worded by `state::messages`; these short forms serve
        // only a record that shows them outside it.
        Trigger::Poor => (
            "Quá 50% nhiệm vụ chưa bảo đảm tiến độ, chất lượng, hiệu quả".to_owned(),
            "More than half the tasks not on schedule, quality or efficiency".to_owned(),
        ),
        Trigger::UnitUnderHalf => (
            "Đơn vị hoàn thành dưới 50% chỉ tiêu, nhiệm vụ".to_owned(),
            "The unit completed under half of its targets".to_owned(),
        ),
        Trigger::ScopeCorruption => (
            "Cơ quan, đơn vị phụ trách trực tiếp có vụ việc tham nhũng, lãng phí đã bị xử lý".to_owned(),
            "A unit under direct charge was involved in corruption or waste and dealt with".to_owned(),
        ),
        Trigger::CivilServiceNotCompleted => (
            "Được xếp loại Không hoàn thành nhiệm vụ với tư cách cán bộ, công chức, viên chức"
                .to_owned(),
            "Rated Not completed as a cadre, civil servant or public employee".to_owned(),
        ),
    }
}

fn trigger_message(reason: &Reason, which: Trigger) -> Text {
    let v = &reason.values;
    if reason.effect == Effect::NeedsDecision {
        let d = v.count(Fact::SubordinateUnitsDisciplined);
        return Text::new(
            format!("{d} đơn vị trực thuộc bị kỷ luật (đã tự phát hiện, khắc phục), nhưng không có tổng số đơn vị trực thuộc (collective.subordinate_units): chưa xác định được có quá 20% hay không, trường hợp không có ngoại lệ; cấp có thẩm quyền xem xét, quyết định"),
            format!("{d} subordinate unit(s) disciplined (self-detected and remedied), but the number of subordinate units (collective.subordinate_units) is not given: whether more than 20% were disciplined, a ground with no exception, cannot be settled; the competent level decides"),
        );
    }
    if which == Trigger::Plan && v.get(Fact::Given).is_some() && !v.flag(Fact::MainTargetsMissed) {
        let (c, total) = (v.count(Fact::Completed), v.count(Fact::Assigned));
        let (given_vi, given_en) = if v.flag(Fact::Given) {
            (
                "các chỉ tiêu chủ yếu được nêu là đạt",
                "the main targets are stated as met",
            )
        } else {
            (
                "không nêu các chỉ tiêu chủ yếu có đạt hay không (main_targets_missed)",
                "whether the main targets were missed is not stated (main_targets_missed)",
            )
        };
        return Text::new(
            format!("Hoàn thành {c}/{total} chỉ tiêu, nhiệm vụ ({}), dưới 50%, nhưng {given_vi}: trường hợp này cần cả hai điều kiện nên không áp dụng", percent_vi(c, total)),
            format!("{c} of {total} targets and tasks completed ({}), under 50%, but {given_en}: this ground needs both, so it does not apply", percent_text(c, total)),
        );
    }
    let (vi, en) = trigger_text(reason.rule, which, v);
    if reason.holds {
        return Text::new(
            format!("{vi}: Không hoàn thành nhiệm vụ"),
            format!("{en}: Not completed"),
        );
    }
    if v.get(Fact::Part) == Some(Value::Part(Part::Exception)) {
        return Text::new(
            format!("{vi}, nhưng đã tự phát hiện và khắc phục kịp thời: trường hợp này được loại trừ, không tính là Không hoàn thành nhiệm vụ, nhưng không đủ điều kiện Hoàn thành xuất sắc"),
            format!("{en}, but self-detected and remedied in time: this ground is excepted and does not make it Not completed, though it rules out Excellent"),
        );
    }
    if v.flag(Fact::ForceMajeure) {
        return Text::new(
            format!("{vi}, nhưng do nguyên nhân bất khả kháng: không thuộc trường hợp Không hoàn thành nhiệm vụ"),
            format!("{en}, but by force majeure: not a Not-completed case"),
        );
    }
    // A reprimand of a leadership collective's member (HD 21 counts warning or heavier).
    Text::new(
        format!("{vi}: chỉ ở mức khiển trách, dưới mức cảnh cáo, không thuộc trường hợp Không hoàn thành nhiệm vụ"),
        format!("{en}: only a reprimand, below warning, so not a Not-completed case"),
    )
}

/// The lowest task-results grade a level's grade pattern needs.
fn task_floor(level: Level) -> Grade {
    match level {
        Level::Excellent => Grade::Excellent,
        Level::Good => Grade::Good,
        _ => Grade::Average,
    }
}

fn grades_message(reason: &Reason) -> Text {
    let v = &reason.values;
    let target = reason.level.unwrap_or(Level::Completed);
    let (task, lowest, threshold) = (
        grade(v, Fact::TaskResultsGrade),
        grade(v, Fact::LowestGrade),
        grade(v, Fact::Threshold),
    );
    let floor = task_floor(target);
    let (below, total) = (v.count(Fact::CriteriaBelow), v.count(Fact::CriteriaCount));
    if reason.holds {
        Text::new(
            format!(
                "Kết quả thực hiện nhiệm vụ: {}; các tiêu chí khác từ {} trở lên (thấp nhất: {}): đạt {}",
                task.vi(),
                threshold.vi(),
                lowest.vi(),
                target.vi()
            ),
            format!(
                "Task results: {}; the other criteria {} or better (lowest: {}): {}",
                task.en(),
                threshold.en(),
                lowest.en(),
                target.en()
            ),
        )
    } else {
        Text::new(
            format!(
                "{} cần kết quả thực hiện nhiệm vụ từ {} trở lên và các tiêu chí khác từ {} trở lên; kết quả thực hiện nhiệm vụ: {}, {below}/{total} tiêu chí khác dưới {} (thấp nhất: {})",
                target.vi(),
                floor.vi(),
                threshold.vi(),
                task.vi(),
                threshold.vi(),
                lowest.vi()
            ),
            format!(
                "{} needs task results {} or better and the other criteria {} or better; task results: {}, {below} of {total} other criteria below {} (lowest: {})",
                target.en(),
                floor.en(),
                threshold.en(),
                task.en(),
                threshold.en(),
                lowest.en()
            ),
        )
    }
}

fn tasks_message(reason: &Reason) -> Text {
    let v = &reason.values;
    let (n, o, x) = (
        v.count(Fact::Assigned),
        v.count(Fact::OnTime),
        v.count(Fact::Exceeded),
    );
    let verdict = if reason.holds {
        ("đạt", "met")
    } else {
        ("không đạt", "not met")
    };
    Text::new(
        format!(
            "{o}/{n} nhiệm vụ đúng tiến độ, {x}/{n} ({}) vượt yêu cầu; Hoàn thành xuất sắc cần 100% đúng tiến độ, bảo đảm chất lượng và từ 50% vượt: {}",
            percent_vi(x, n),
            verdict.0
        ),
        format!(
            "{o} of {n} tasks on time, {x} of {n} ({}) exceeded; Excellent needs all on time with quality and at least 50% exceeded: {}",
            percent_text(x, n),
            verdict.1
        ),
    )
}

fn discipline_message(reason: &Reason) -> Text {
    let v = &reason.values;
    let (own, members, subordinates) = (
        v.count(Fact::Disciplined),
        v.count(Fact::MembersDisciplined),
        v.count(Fact::SubordinateUnitsDisciplined),
    );
    if reason.holds {
        return Text::new(
            "Không có kỷ luật nào được tính trong năm: đạt điều kiện về kỷ luật của mức Hoàn thành xuất sắc",
            "No discipline counted in the year: the discipline condition of Excellent is met",
        );
    }
    if members == 0 && subordinates == 0 {
        return Text::new(
            format!("Bị kỷ luật trong năm ({own} quyết định), dù đã tự phát hiện, khắc phục: không đủ điều kiện Hoàn thành xuất sắc"),
            format!("Disciplined in the year ({own} decision(s)), even if self-detected and remedied: Excellent is ruled out"),
        );
    }
    Text::new(
        format!("Có kỷ luật được tính trong năm ({own} của chính đối tượng, {members} của thành viên, {subordinates} đơn vị trực thuộc), kể cả khi đã tự phát hiện, khắc phục: không đủ điều kiện Hoàn thành xuất sắc"),
        format!("Discipline counted in the year ({own} of the subject itself, {members} of members, {subordinates} subordinate units), even if self-detected and remedied: Excellent is ruled out"),
    )
}

fn civil_service_message(reason: &Reason) -> Text {
    let civil = level(&reason.values, Fact::CivilServiceLevel);
    if reason.holds {
        Text::new(
            format!(
                "Xếp loại với tư cách cán bộ, công chức, viên chức: {}",
                civil.vi()
            ),
            format!("Rated as a civil servant: {}", civil.en()),
        )
    } else {
        Text::new(
            format!("Xếp loại với tư cách cán bộ, công chức, viên chức: {}; Hoàn thành xuất sắc cần mức Hoàn thành xuất sắc nhiệm vụ", civil.vi()),
            format!("Rated as a civil servant: {}; Excellent needs Excellent in that capacity too", civil.en()),
        )
    }
}

fn subordinates_message(reason: &Reason) -> Text {
    let v = &reason.values;
    if !v.flag(Fact::Given) {
        return Text::new(
            "Chưa có kết quả xếp loại đảng viên (chi bộ) hoặc tổ chức đảng trực thuộc (đảng bộ): chưa đủ căn cứ xét Hoàn thành xuất sắc",
            "The levels of the members (chi bộ) or subordinate party organisations (đảng bộ) are not given: Excellent cannot be established",
        );
    }
    let (whose_vi, whose_en) = match v.get(Fact::Whose) {
        Some(Value::Whose(Whose::SubordinateOrganisations)) => {
            ("tổ chức đảng trực thuộc", "subordinate party organisations")
        }
        _ => ("đảng viên", "members"),
    };
    let (total, completed, good) = (
        v.count(Fact::UnitsCounted),
        v.count(Fact::AtLeastCompleted),
        v.count(Fact::AtLeastGood),
    );
    let verdict = if reason.holds {
        ("đạt", "met")
    } else {
        ("không đạt", "not met")
    };
    Text::new(
        format!(
            "{completed}/{total} {whose_vi} từ Hoàn thành nhiệm vụ trở lên, {good}/{total} ({}) từ Hoàn thành tốt nhiệm vụ trở lên; Hoàn thành xuất sắc cần 100% và từ 80%: {}",
            percent_vi(good, total),
            verdict.0
        ),
        format!(
            "{completed} of {total} {whose_en} Completed or better, {good} of {total} ({}) Good or better; Excellent needs 100% and at least 80%: {}",
            percent_text(good, total),
            verdict.1
        ),
    )
}

fn same_level_message(reason: &Reason) -> Text {
    let v = &reason.values;
    if !v.flag(Fact::Given) {
        Text::new(
            "Chưa có kết quả xếp loại chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội cùng cấp: chưa đủ căn cứ xét Hoàn thành xuất sắc",
            "The levels of the same-level government, Fatherland Front and mass organisations are not given: Excellent cannot be established",
        )
    } else if reason.holds {
        Text::new(
            "Chính quyền, Mặt trận Tổ quốc và các đoàn thể cùng cấp đều được xếp loại từ Hoàn thành tốt nhiệm vụ trở lên",
            "The same-level government, Fatherland Front and mass organisations are all rated Good or better",
        )
    } else {
        Text::new(
            "Có cơ quan chính quyền, Mặt trận Tổ quốc hoặc đoàn thể cùng cấp xếp loại dưới Hoàn thành tốt nhiệm vụ: không đủ điều kiện Hoàn thành xuất sắc",
            "A same-level government body, the Fatherland Front or a mass organisation is rated below Good: Excellent is ruled out",
        )
    }
}

fn cap_message(reason: &Reason) -> Text {
    let v = &reason.values;
    let (before, cap) = (level(v, Fact::LevelBefore), level(v, Fact::CapLevel));
    let (rule_vi, rule_en) = match reason.rule {
        Rule::Qd132Sick => {
            let months = v.points(Fact::SickMonths);
            (
                format!(
                    "Nghỉ ốm {} tháng trong năm (từ 3 tháng trở lên): tối đa {}",
                    months.vi(),
                    cap.vi()
                ),
                format!(
                    "{months} months of sick leave in the year (3 or more): at most {}",
                    cap.en()
                ),
            )
        }
        Rule::Qd132LcCap => (
            format!(
                "Tập thể lãnh đạo không được xếp cao hơn tổ chức, cơ quan, đơn vị mình lãnh đạo ({})",
                cap.vi()
            ),
            format!(
                "A leadership collective is never rated above the organisation it leads ({})",
                cap.en()
            ),
        ),
        _ => (
            format!(
                "Người đứng đầu không được xếp cao hơn tập thể, tổ chức mình đứng đầu ({})",
                cap.vi()
            ),
            format!(
                "A head is never rated above the collective or organisation headed ({})",
                cap.en()
            ),
        ),
    };
    if reason.holds {
        Text::new(
            format!("{rule_vi}: hạ từ {} xuống {}", before.vi(), cap.vi()),
            format!("{rule_en}: lowered from {} to {}", before.en(), cap.en()),
        )
    } else {
        Text::new(
            format!("{rule_vi}: mức {} không bị hạ", before.vi()),
            format!("{rule_en}: {} is not lowered", before.en()),
        )
    }
}

/// QĐ 132's 2018 round (HD 16): a suspended or newly admitted member, classified.
pub(crate) fn hd16_classified(reason: &Reason) -> Text {
    let v = &reason.values;
    let round_vi = "kỳ đánh giá theo Hướng dẫn 16-HD/BTCTW (kỳ kết thúc trước ngày 18/10/2019), như khoản 2 Điều 5 Quy định 132-QĐ/TW, chỉ không xếp loại đảng viên được miễn công tác và sinh hoạt đảng";
    let round_en = "a period under HD 16-HD/BTCTW (ending before 18/10/2019) leaves, like QĐ 132 Art. 5.2, only members exempted from work and party activities unclassified";
    let (who_vi, who_en) = if v.flag(Fact::Suspended) {
        (
            "Đảng viên đang bị đình chỉ sinh hoạt đảng".to_owned(),
            "Party activities suspended".to_owned(),
        )
    } else {
        let (admitted, eligible) = (v.date(Fact::AdmittedOn), v.date(Fact::EligibleOn));
        (
            format!(
                "Vào Đảng ngày {}, chưa đủ 6 tháng (đủ vào ngày {})",
                admitted.map(vi_date).unwrap_or_default(),
                eligible.map(vi_date).unwrap_or_default()
            ),
            format!(
                "Admitted on {}, under 6 months (6 months on {})",
                admitted.map(|d| d.to_string()).unwrap_or_default(),
                eligible.map(|d| d.to_string()).unwrap_or_default()
            ),
        )
    };
    Text::new(
        format!("{who_vi}: {round_vi}, nên vẫn xếp loại (HD 21 mới loại trừ trường hợp này)"),
        format!("{who_en}: {round_en}, so classified (HD 21 excluded this case later)"),
    )
}

/// The message of a reason under QĐ 124 or QĐ 132.
pub fn message(reason: &Reason) -> Text {
    let v = &reason.values;
    if let Some(Value::Trigger(which)) = v.get(Fact::Trigger) {
        return trigger_message(reason, which);
    }
    match v.get(Fact::Part) {
        Some(Value::Part(Part::Grades)) => grades_message(reason),
        Some(Value::Part(Part::Tasks)) => tasks_message(reason),
        Some(Value::Part(Part::Discipline)) => discipline_message(reason),
        Some(Value::Part(Part::CivilService)) => civil_service_message(reason),
        Some(Value::Part(Part::Subordinates)) => subordinates_message(reason),
        Some(Value::Part(Part::SameLevelBodies)) => same_level_message(reason),
        Some(Value::Part(Part::Cap)) => cap_message(reason),
        Some(Value::Part(Part::Leave)) => Text::new(
            "Nghỉ thai sản trong năm: xếp loại theo thời gian công tác thực tế",
            "Maternity leave in the year: rated on the time actually worked",
        ),
        _ if reason.rule == Rule::Qd132NewCollective => {
            let start = v.date(Fact::AdmittedOn);
            let eligible = v.date(Fact::EligibleOn);
            let as_of = v.date(Fact::AsOf);
            let vi = |d: Option<chrono::NaiveDate>| d.map(vi_date).unwrap_or_default();
            let en = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            if reason.holds {
                Text::new(
                    format!("Thành lập ngày {}, đến ngày đánh giá {} chưa đủ 6 tháng (đủ vào ngày {}): không xếp loại", vi(start), vi(as_of), vi(eligible)),
                    format!("Established on {}: under 6 months by the evaluation day {} (6 months on {}), so not classified", en(start), en(as_of), en(eligible)),
                )
            } else {
                Text::new(
                    format!("Thành lập ngày {}, đủ 6 tháng vào ngày {}, không muộn hơn ngày đánh giá {}: được xếp loại", vi(start), vi(eligible), vi(as_of)),
                    format!("Established on {}: 6 months on {}, not after the evaluation day {}, so classified", en(start), en(eligible), en(as_of)),
                )
            }
        }
        _ => Text::new(
            "Không đủ dữ liệu để diễn giải lý do này",
            "No values to explain this reason",
        ),
    }
}
