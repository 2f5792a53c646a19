//! Form schemas: a JSON description of the self-assessment form for a regime, a subject
//! kind and an optional criteria profile, that a browser or an HR system renders
//! without knowing the rules. It mirrors the official self-review forms of HD 43
//! (Mẫu 2A leaders, 2B individuals without a post, 2C members outside the political
//! system, 01 collectives) and lists the conduct checklist items that apply to the role.
//!
//! Every field names the contract path it fills, its type and range, labels and help in
//! Vietnamese and English, and the citation of the rule that reads it.

use crate::conduct::shipped::catalogue;
use crate::contract::conduct::ConductScope;
use crate::contract::conduct_catalogue::ItemEffect;
use crate::contract::criteria::{appendix_for, Group};
use crate::contract::errors::pointer_segment;
use crate::contract::form::{
    Choice, ConductItemInfo, Field, FieldCitation, FieldType, FormRequest, FormSchema, Section,
};
use crate::contract::limits::MAX_COUNT;
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::contract::text::Text;
use crate::regimes::qd366::criteria::profile::ValidProfile;
use crate::rules::catalogue::Rule;

pub(crate) fn cite(rules: &[Rule]) -> Vec<FieldCitation> {
    rules
        .iter()
        .map(|rule| FieldCitation {
            rule: rule.id().to_owned(),
            text: rule.citation().text().vi,
        })
        .collect()
}

pub(crate) fn num(value: i64) -> Option<serde_json::Number> {
    Some(serde_json::Number::from(value))
}

pub(crate) fn step() -> Option<serde_json::Number> {
    serde_json::Number::from_f64(0.01)
}

pub(crate) fn field(
    path: &str,
    field_type: FieldType,
    label: (&str, &str),
    help: (&str, &str),
    required: bool,
    rules: &[Rule],
) -> Field {
    Field {
        path: path.to_owned(),
        field_type,
        label: Text::new(label.0, label.1),
        help: Text::new(help.0, help.1),
        required,
        min: None,
        max: None,
        max_field: None,
        step: None,
        options: Vec::new(),
        item_fields: Vec::new(),
        citations: cite(rules),
        conduct_item: None,
    }
}

pub(crate) fn count(
    path: &str,
    label: (&str, &str),
    help: (&str, &str),
    max_field: Option<&str>,
    rules: &[Rule],
) -> Field {
    Field {
        min: num(0),
        max: num(i64::from(MAX_COUNT)),
        max_field: max_field.map(str::to_owned),
        ..field(path, FieldType::Integer, label, help, true, rules)
    }
}

pub(crate) fn flag(path: &str, label: (&str, &str), help: (&str, &str), rules: &[Rule]) -> Field {
    field(path, FieldType::Boolean, label, help, false, rules)
}

pub(crate) fn choice(
    path: &str,
    label: (&str, &str),
    help: (&str, &str),
    required: bool,
    options: &[(&str, &str, &str)],
    rules: &[Rule],
) -> Field {
    Field {
        options: options
            .iter()
            .map(|(value, vi, en)| Choice {
                value: (*value).to_owned(),
                label: Text::new(*vi, *en),
            })
            .collect(),
        ..field(path, FieldType::Choice, label, help, required, rules)
    }
}

pub(crate) fn section(
    id: &str,
    title: (&str, &str),
    help: (&str, &str),
    fields: Vec<Field>,
) -> Section {
    Section {
        id: id.to_owned(),
        title: Text::new(title.0, title.1),
        help: Text::new(help.0, help.1),
        fields,
    }
}

fn status_section(request: &FormRequest) -> Section {
    let mut fields = Vec::new();
    match request.kind {
        SubjectKind::Collective => {
            fields.push(field(
                "/subject/established_on",
                FieldType::Date,
                ("Ngày thành lập", "Established on"),
                (
                    "Ngày thành lập tổ chức, tập thể",
                    "The day the organisation or collective was established",
                ),
                false,
                &[Rule::Score],
            ));
        }
        SubjectKind::Member | SubjectKind::Leader => {
            fields.push(choice(
                "/subject/party_status",
                ("Tình trạng sinh hoạt đảng", "Party status"),
                (
                    "Đảng viên được miễn hoặc đang bị đình chỉ sinh hoạt đảng thì không xếp loại",
                    "A member exempted or suspended is not classified",
                ),
                false,
                &[
                    ("active", "Đang sinh hoạt", "Active"),
                    (
                        "exempted",
                        "Được miễn công tác và sinh hoạt đảng",
                        "Exempted from work and party activities",
                    ),
                    (
                        "suspended",
                        "Đang bị đình chỉ sinh hoạt đảng",
                        "Party activities suspended",
                    ),
                ],
                &[Rule::Exempt, Rule::Suspended],
            ));
            fields.push(field(
                "/subject/admitted_on",
                FieldType::Date,
                ("Ngày vào Đảng", "Admitted to the party on"),
                ("Vào Đảng chưa đủ 6 tháng tính đến ngày đánh giá thì không xếp loại", "Admitted less than 6 calendar months before the evaluation day: not classified"),
                false,
                &[Rule::NewMember],
            ));
            fields.push(field(
                "/subject/temporary_activity/unit",
                FieldType::Text,
                ("Chi bộ nơi sinh hoạt tạm thời (nếu có)", "Chi bộ of temporary party activity (if any)"),
                ("Đảng viên sinh hoạt tạm thời được kiểm điểm, xếp loại tại chi bộ nơi sinh hoạt chính thức", "Classified at the chi bộ of official membership"),
                false,
                &[Rule::TemporaryActivity],
            ));
            fields.push(flag(
                "/subject/temporary_activity/comment_received",
                (
                    "Đã có nhận xét của chi bộ nơi sinh hoạt tạm thời",
                    "The temporary chi bộ's written comment was received",
                ),
                ("", ""),
                &[Rule::TemporaryActivity],
            ));
        }
    }
    section(
        "status",
        ("Thông tin chung", "General information"),
        (
            "Tình trạng đảng viên, ngày vào Đảng, sinh hoạt tạm thời",
            "Party status, admission, temporary activity",
        ),
        fields,
    )
}

fn points_fields(group: Group, profile: Option<&ValidProfile>) -> Vec<Field> {
    let (path, max, label, rules) = match group {
        Group::General => (
            "/score/general",
            30,
            (
                "Điểm nhóm tiêu chí chung (tối đa 30)",
                "General criteria points (at most 30)",
            ),
            [Rule::Score],
        ),
        Group::TaskResults => (
            "/score/task_results",
            70,
            (
                "Điểm kết quả thực hiện nhiệm vụ (tối đa 70)",
                "Task results points (at most 70)",
            ),
            [Rule::Score],
        ),
    };
    match profile {
        Some(profile) => profile
            .leaves()
            .filter(|entry| entry.group == group)
            .map(|entry| Field {
                min: num(0),
                max: Some(entry.max.to_json_number()),
                step: step(),
                ..Field {
                    label: Text::new(
                        format!("{} (tối đa {})", entry.label.vi, entry.max.vi()),
                        format!("{} (at most {})", entry.label.en, entry.max),
                    ),
                    ..field(
                        &format!("/score/items/{}", pointer_segment(&entry.id)),
                        FieldType::Decimal,
                        ("", ""),
                        (
                            "Điểm tự chấm cho tiêu chí này, tối đa hai chữ số thập phân",
                            "Your points for this criterion, at most two decimals",
                        ),
                        true,
                        &rules,
                    )
                }
            })
            .collect(),
        None => vec![Field {
            min: num(0),
            max: num(max),
            step: step(),
            ..field(
                path,
                FieldType::Decimal,
                label,
                (
                    "Tổng điểm tự chấm của nhóm tiêu chí, tối đa hai chữ số thập phân",
                    "The group's points, at most two decimals",
                ),
                true,
                &rules,
            )
        }],
    }
}

fn kind_rules(kind: SubjectKind) -> [Rule; 3] {
    match kind {
        SubjectKind::Member => [
            Rule::ExcellentMember,
            Rule::GoodMember,
            Rule::CompletedMember,
        ],
        SubjectKind::Leader => [
            Rule::ExcellentLeader,
            Rule::GoodLeader,
            Rule::CompletedLeader,
        ],
        SubjectKind::Collective => [
            Rule::ExcellentCollective,
            Rule::GoodCollective,
            Rule::CompletedCollective,
        ],
    }
}

fn tasks_section(kind: SubjectKind) -> Section {
    let rules = kind_rules(kind);
    let whose = match kind {
        SubjectKind::Member => (
            "Nhiệm vụ của bản thân trong kỳ",
            "Your own tasks in the period",
        ),
        SubjectKind::Leader => (
            "Nhiệm vụ của cơ quan, đơn vị do đồng chí trực tiếp lãnh đạo, quản lý",
            "Tasks of the unit(s) you directly lead or manage",
        ),
        SubjectKind::Collective => (
            "Nhiệm vụ của tập thể, đơn vị",
            "Tasks of the collective or unit",
        ),
    };
    let mut not_completed_rules = vec![Rule::MemberTasks];
    if kind != SubjectKind::Member {
        not_completed_rules = vec![Rule::LeaderPlan, Rule::CollectivePlan];
    }
    let mut fields = vec![
        count(
            "/tasks/assigned",
            ("Số nhiệm vụ được giao", "Tasks assigned"),
            (
                "Tổng số nhiệm vụ, chỉ tiêu được giao trong kỳ",
                "All tasks and targets assigned in the period",
            ),
            None,
            &rules,
        ),
        count(
            "/tasks/completed",
            ("Số nhiệm vụ hoàn thành", "Tasks completed"),
            ("", ""),
            Some("/tasks/assigned"),
            &rules,
        ),
        count(
            "/tasks/on_time",
            (
                "Số nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng",
                "Completed on time with the required quality",
            ),
            (
                "Nhiệm vụ hoàn thành không đúng hạn được tính là chưa bảo đảm tiến độ",
                "Tasks completed late count as not on schedule",
            ),
            Some("/tasks/completed"),
            &rules,
        ),
        count(
            "/tasks/exceeded",
            (
                "Số nhiệm vụ hoàn thành vượt mức yêu cầu",
                "Completed above requirement",
            ),
            (
                "Hoàn thành xuất sắc cần ít nhất 30% số nhiệm vụ vượt mức",
                "Excellent needs at least 30% above requirement",
            ),
            Some("/tasks/completed"),
            &rules[..1],
        ),
    ];
    fields.push(Field {
        required: false,
        ..count(
            "/tasks/not_completed",
            (
                "Số nhiệm vụ bị đánh giá không hoàn thành",
                "Tasks rated not completed",
            ),
            (
                "Mặc định: số nhiệm vụ được giao trừ số hoàn thành",
                "Default: assigned minus completed",
            ),
            None,
            &not_completed_rules,
        )
    });
    section(
        "tasks",
        ("Kết quả thực hiện nhiệm vụ", "Task results"),
        whose,
        fields,
    )
}

fn individual_sections(kind: SubjectKind) -> Vec<Section> {
    let mut sections = vec![section(
        "shortcomings",
        ("Khắc phục hạn chế, khuyết điểm", "Fixing shortcomings"),
        (
            "Hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước",
            "Shortcomings identified at the previous review",
        ),
        vec![
            Field {
                required: false,
                ..count(
                    "/shortcomings/identified",
                    (
                        "Số hạn chế, khuyết điểm đã được chỉ ra",
                        "Shortcomings identified",
                    ),
                    ("", ""),
                    None,
                    &[Rule::ExcellentShortcomingsFixed],
                )
            },
            Field {
                required: false,
                ..count(
                    "/shortcomings/fixed",
                    ("Số đã khắc phục", "Of them, fixed"),
                    (
                        "Cần khi đã nêu số hạn chế, khuyết điểm",
                        "Needed once shortcomings are identified",
                    ),
                    Some("/shortcomings/identified"),
                    &[Rule::ExcellentShortcomingsFixed],
                )
            },
        ],
    )];
    if kind != SubjectKind::Collective {
        sections.push(section(
            "leave",
            ("Nghỉ ốm, nghỉ thai sản", "Sick and maternity leave"),
            ("Nghỉ ốm từ 3 tháng trở lên hoặc nghỉ thai sản: xếp loại theo kết quả công tác thực tế", "3 months or more of sick leave, or maternity: classified on the work actually done"),
            vec![
                Field { min: num(0), max: num(12), step: step(), ..field("/leave/sick_months", FieldType::Decimal, ("Số tháng nghỉ ốm", "Months of sick leave"), ("", ""), false, &[Rule::SickLeave]) },
                flag("/leave/maternity", ("Nghỉ thai sản trong kỳ", "Maternity leave in the period"), ("", ""), &[Rule::SickLeave]),
            ],
        ));
    }
    sections
}

fn discipline_section(request: &FormRequest) -> Section {
    let kind = request.kind;
    let leadership = request.collective_kind == Some(CollectiveKind::Leadership);
    let forms: Vec<(&str, &str, &str)> = match kind {
        SubjectKind::Collective => vec![
            ("reprimand", "Khiển trách", "Reprimand"),
            ("warning", "Cảnh cáo", "Warning"),
            (
                "removal",
                "Cách chức (thành viên)",
                "Removal from post (member)",
            ),
            ("expulsion", "Khai trừ (thành viên)", "Expulsion (member)"),
            ("dissolution", "Giải tán", "Dissolution"),
        ],
        _ => vec![
            ("reprimand", "Khiển trách", "Reprimand"),
            ("warning", "Cảnh cáo", "Warning"),
            ("removal", "Cách chức", "Removal from post"),
            ("expulsion", "Khai trừ", "Expulsion"),
        ],
    };
    let trigger = match kind {
        SubjectKind::Member => Rule::MemberConduct,
        SubjectKind::Leader => Rule::LeaderDiscipline,
        SubjectKind::Collective => Rule::CollectiveMemberDiscipline,
    };
    // A collective's own discipline (a record without a member): a trigger for a
    // leadership collective; for the others it rules out Excellent and goes to the
    // superior committee (rules-qd366 §4, §7).
    let own_rule = if leadership {
        Rule::CollectiveOwnDiscipline
    } else {
        Rule::OwnDisciplineNeedsDecision
    };
    let list_rules: Vec<Rule> = match kind {
        SubjectKind::Collective if leadership => vec![trigger, own_rule],
        SubjectKind::Collective => vec![Rule::ExcellentCollective, own_rule],
        _ => vec![trigger],
    };
    let mut item_fields = vec![
        choice(
            "/form",
            ("Hình thức kỷ luật", "Form of discipline"),
            ("", ""),
            true,
            &forms,
            &[trigger],
        ),
        field(
            "/decided_on",
            FieldType::Date,
            ("Ngày quyết định", "Decided on"),
            (
                "Chỉ tính kỷ luật quyết định trong kỳ",
                "Only discipline decided within the period counts",
            ),
            true,
            &[Rule::DisciplineNotCounted],
        ),
        flag(
            "/duty_related",
            (
                "Vi phạm liên quan đến thực thi nhiệm vụ",
                "Violation tied to official duties",
            ),
            ("Mặc định: có", "Default: yes"),
            &[trigger],
        ),
        flag(
            "/at_previous_unit",
            (
                "Vi phạm xảy ra ở đơn vị cũ",
                "The violation happened at the previous unit",
            ),
            ("", ""),
            &[Rule::DisciplineNotCounted],
        ),
        flag(
            "/counted_before",
            ("Đã tính ở kỳ trước", "Already counted in an earlier period"),
            ("Mỗi vi phạm chỉ tính một lần", "Each violation counts once"),
            &[Rule::DisciplineNotCounted],
        ),
    ];
    if kind == SubjectKind::Collective {
        let own_help = if leadership {
            (
                "Để trống nếu chính tập thể bị kỷ luật: vi phạm liên quan đến thực thi nhiệm vụ dẫn đến Không hoàn thành nhiệm vụ (trừ khi tự phát hiện, khắc phục kịp thời: cấp có thẩm quyền xem xét) và không thể Hoàn thành xuất sắc",
                "Leave empty when the collective itself was disciplined: a violation tied to its duties makes it Not completed (unless self-detected and remedied in time: the competent level weighs it), and it cannot be Excellent",
            )
        } else {
            (
                "Để trống nếu chính tập thể bị kỷ luật: không thể Hoàn thành xuất sắc trong kỳ này, cấp ủy cấp trên xem xét, quyết định",
                "Leave empty when the collective itself was disciplined: Excellent is not reachable this period, and the superior committee weighs it",
            )
        };
        item_fields.push(field(
            "/member_id",
            FieldType::Text,
            (
                "Thành viên bị kỷ luật (nếu là kỷ luật cá nhân)",
                "The member disciplined (if an individual's discipline)",
            ),
            own_help,
            false,
            &list_rules,
        ));
    }
    section(
        "discipline",
        ("Kỷ luật", "Discipline"),
        (
            "Các quyết định kỷ luật liên quan đến kỳ đánh giá",
            "Discipline decisions bearing on the period",
        ),
        vec![Field {
            item_fields,
            ..field(
                "/discipline",
                FieldType::List,
                ("Quyết định kỷ luật", "Discipline decisions"),
                ("", ""),
                false,
                &list_rules,
            )
        }],
    )
}

fn facts_section(request: &FormRequest) -> Option<Section> {
    let leadership = request.collective_kind == Some(CollectiveKind::Leadership);
    let fields = match request.kind {
        SubjectKind::Member => vec![
            flag(
                "/conclusions/degradation",
                (
                    "Bị cấp có thẩm quyền kết luận suy thoái, \"tự diễn biến\", \"tự chuyển hoá\"",
                    "Concluded by the competent level to show degradation",
                ),
                ("", ""),
                &[Rule::MemberConduct],
            ),
            flag(
                "/conclusions/prohibition_breach",
                (
                    "Bị kết luận vi phạm những điều đảng viên không được làm",
                    "Concluded to have breached the must-not-do rules",
                ),
                ("", ""),
                &[Rule::MemberConduct],
            ),
            flag(
                "/conclusions/exemplary_breach",
                (
                    "Bị kết luận vi phạm trách nhiệm nêu gương, ảnh hưởng uy tín",
                    "Concluded to have breached exemplary conduct, harming prestige",
                ),
                ("", ""),
                &[Rule::MemberConduct],
            ),
            flag(
                "/mitigation/self_detected_and_remedied",
                (
                    "Tự giác nhận khuyết điểm, chủ động khắc phục hậu quả",
                    "Admitted the fault and remedied the consequences",
                ),
                ("Cấp có thẩm quyền xem xét", "The competent level weighs it"),
                &[Rule::MemberMitigation],
            ),
        ],
        SubjectKind::Leader => vec![
            flag(
                "/conclusions/degradation",
                (
                    "Bị cấp có thẩm quyền kết luận suy thoái",
                    "Concluded by the competent level to show degradation",
                ),
                ("", ""),
                &[Rule::LeaderDegradation],
            ),
            count(
                "/leader/confidence_vote/low",
                (
                    "Số phiếu tín nhiệm thấp (nếu có lấy phiếu)",
                    "Low-confidence votes (if a vote was held)",
                ),
                ("", ""),
                Some("/leader/confidence_vote/total"),
                &[Rule::LeaderConfidence],
            ),
            count(
                "/leader/confidence_vote/total",
                ("Tổng số phiếu", "Votes cast"),
                ("", ""),
                None,
                &[Rule::LeaderConfidence],
            ),
            count(
                "/leader/units_in_charge/total",
                ("Số đơn vị phụ trách", "Units in charge"),
                ("", ""),
                None,
                &[Rule::LeaderPlan],
            ),
            count(
                "/leader/units_in_charge/not_completed",
                (
                    "Trong đó, bị xếp loại Không hoàn thành nhiệm vụ",
                    "Of them, rated Not completed",
                ),
                ("", ""),
                Some("/leader/units_in_charge/total"),
                &[Rule::LeaderPlan],
            ),
            flag(
                "/leader/basic_targets/applicable",
                (
                    "Được giao 5 chỉ tiêu kinh tế - xã hội cơ bản",
                    "The five basic socio-economic targets apply",
                ),
                ("", ""),
                &[Rule::LeaderPlan],
            ),
            Field {
                max: num(5),
                ..count(
                    "/leader/basic_targets/missed",
                    ("Số chỉ tiêu cơ bản không đạt", "Basic targets missed"),
                    ("", ""),
                    None,
                    &[Rule::LeaderPlan],
                )
            },
            flag(
                "/leader/scope_corruption_disciplined",
                (
                    "Để xảy ra tham nhũng, tiêu cực trong phạm vi quản lý và đã bị xử lý",
                    "Corruption or negativity under your management, disciplined",
                ),
                ("", ""),
                &[Rule::LeaderScopeCorruption],
            ),
            flag(
                "/mitigation/self_detected_and_remedied",
                (
                    "Chủ động phát hiện, báo cáo, chỉ đạo xử lý kịp thời, khắc phục hậu quả",
                    "Detected, reported, directed timely handling and remedied",
                ),
                ("Cấp có thẩm quyền xem xét", "The competent level weighs it"),
                &[Rule::LeaderMitigation],
            ),
        ],
        SubjectKind::Collective if leadership => vec![
            flag(
                "/conclusions/cadre_work_violation",
                (
                    "Có vi phạm trong công tác cán bộ, mất đoàn kết, cục bộ",
                    "Violations in cadre work, disunity, factionalism",
                ),
                ("", ""),
                &[Rule::CollectiveCadreWork],
            ),
            flag(
                "/conclusions/member_degradation",
                (
                    "Có thành viên bị kết luận suy thoái",
                    "A member concluded to show degradation",
                ),
                ("", ""),
                &[Rule::CollectiveMemberDegradation],
            ),
            flag(
                "/collective/basic_targets/applicable",
                (
                    "Được giao 5 chỉ tiêu kinh tế - xã hội cơ bản",
                    "The five basic socio-economic targets apply",
                ),
                ("", ""),
                &[Rule::CollectivePlan],
            ),
            Field {
                max: num(5),
                ..count(
                    "/collective/basic_targets/missed",
                    ("Số chỉ tiêu cơ bản không đạt", "Basic targets missed"),
                    ("", ""),
                    None,
                    &[Rule::CollectivePlan],
                )
            },
            count(
                "/collective/subordinate_units_disciplined",
                (
                    "Số đơn vị trực thuộc bị kỷ luật",
                    "Subordinate units disciplined",
                ),
                ("", ""),
                None,
                &[Rule::ExcellentCollective],
            ),
            flag(
                "/mitigation/force_majeure",
                ("Nguyên nhân bất khả kháng", "Force majeure"),
                ("", ""),
                &[Rule::CollectiveMitigation],
            ),
            flag(
                "/mitigation/self_detected_and_remedied",
                (
                    "Tập thể hoặc thành viên tự phát hiện, khắc phục kịp thời",
                    "Self-detected and remedied in time",
                ),
                ("", ""),
                &[Rule::CollectiveMitigation],
            ),
        ],
        SubjectKind::Collective => vec![count(
            "/collective/subordinate_units_disciplined",
            (
                "Số đơn vị trực thuộc bị kỷ luật",
                "Subordinate units disciplined",
            ),
            ("", ""),
            None,
            &[Rule::ExcellentCollective],
        )],
    };
    // Facts are stated when they exist: none is required.
    let fields = fields
        .into_iter()
        .map(|f| Field {
            required: false,
            ..f
        })
        .collect();
    Some(section(
        "conclusions",
        (
            "Kết luận của cấp có thẩm quyền và các trường hợp đặc biệt",
            "Conclusions of the competent level and special cases",
        ),
        (
            "Chỉ đánh dấu khi đã có kết luận hoặc số liệu chính thức",
            "Mark only what has been concluded or officially counted",
        ),
        fields,
    ))
}

pub(crate) fn conduct_section(request: &FormRequest) -> (Section, String) {
    let scope = request.scope.clone().unwrap_or_else(|| {
        let mut scope = ConductScope::new(request.kind);
        scope.leader = request.kind == SubjectKind::Leader;
        scope
    });
    let mut fields = Vec::new();
    let mut version = String::new();
    if let Ok(catalogue) = catalogue() {
        version = catalogue.version().to_owned();
        for applicable in catalogue.items_for(&scope, request.on.day()) {
            let item = applicable.item;
            if item.effect == ItemEffect::DisciplineForm {
                continue;
            }
            let rule = match (item.effect, request.kind) {
                (ItemEffect::MustNotDo | ItemEffect::Exemplary, SubjectKind::Member) => {
                    Rule::ConductBreach
                }
                (ItemEffect::MustNotDo | ItemEffect::Exemplary, _) => Rule::ConductNeedsConclusion,
                _ => Rule::ConductSoftFinding,
            };
            let path = format!("/conduct/answers/{}", pointer_segment(&item.id));
            let mut item_fields = vec![
                choice(
                    "/answer",
                    ("Tự đánh giá", "Self-assessment"),
                    ("", ""),
                    true,
                    &[
                        ("complied", "Thực hiện tốt", "Complied"),
                        ("shortcoming", "Còn hạn chế", "Shortcoming"),
                        ("breach", "Vi phạm", "Breach"),
                    ],
                    &[rule],
                ),
                field(
                    "/evidence",
                    FieldType::Text,
                    ("Minh chứng, ghi chú", "Evidence, note"),
                    ("", ""),
                    false,
                    &[rule],
                ),
            ];
            if item.effect == ItemEffect::Exemplary {
                item_fields.insert(
                    1,
                    flag(
                        "/harmed_prestige",
                        (
                            "Vi phạm ảnh hưởng đến uy tín của bản thân, cơ quan, đơn vị",
                            "The breach harmed the prestige of self or unit",
                        ),
                        ("", ""),
                        &[Rule::MemberConduct],
                    ),
                );
            }
            fields.push(Field {
                item_fields,
                conduct_item: Some(ConductItemInfo {
                    id: item.id.clone(),
                    effect: item.effect,
                    confirmation: item.confirmation.as_str().to_owned(),
                    citation: catalogue.citation(item),
                }),
                ..Field {
                    label: item.title.clone(),
                    help: item.text.clone(),
                    ..field(&path, FieldType::Group, ("", ""), ("", ""), false, &[rule])
                }
            });
        }
    }
    (
        section(
            "conduct",
            ("Trách nhiệm nêu gương và những điều đảng viên không được làm", "Exemplary conduct and the things members must not do"),
            ("Tự kiểm tra theo từng nội dung áp dụng với vị trí của đồng chí; là tự khai, không phải kết luận của cấp có thẩm quyền", "Check yourself against each item that applies to your position; self-reported, not a conclusion of the competent level"),
            fields,
        ),
        version,
    )
}

/// The form for a request. `profile`, when given, turns the two point totals into one
/// field per criteria item of the profile.
pub fn form_schema(request: &FormRequest, profile: Option<&ValidProfile>) -> FormSchema {
    let appendix = appendix_for(
        request.kind,
        !request.outside_political_system,
        request.centrally_managed,
    );
    let (form, title) = match (request.kind, request.outside_political_system) {
        (SubjectKind::Leader, _) => ("2A", Text::new("Bản kiểm điểm cá nhân (cán bộ giữ chức vụ lãnh đạo, quản lý) — Mẫu 2A", "Individual self-review (leadership or management post) — Form 2A")),
        (SubjectKind::Member, false) => ("2B", Text::new("Bản kiểm điểm cá nhân (không giữ chức vụ lãnh đạo, quản lý) — Mẫu 2B", "Individual self-review (no leadership post) — Form 2B")),
        (SubjectKind::Member, true) => ("2C", Text::new("Bản kiểm điểm, tự đánh giá, xếp loại cá nhân (đảng viên không làm việc trong hệ thống chính trị) — Mẫu 2C", "Individual self-review (member outside the political system) — Form 2C")),
        (SubjectKind::Collective, _) => ("01", Text::new("Báo cáo kiểm điểm tập thể — Mẫu 01", "Collective review report — Form 01")),
    };
    let mut fixed = serde_json::Map::new();
    let mut subject = serde_json::Map::new();
    subject.insert(
        "kind".to_owned(),
        serde_json::to_value(request.kind).unwrap_or_default(),
    );
    match request.kind {
        SubjectKind::Member if request.outside_political_system => {
            subject.insert("in_political_system".to_owned(), false.into());
        }
        SubjectKind::Leader if request.centrally_managed => {
            subject.insert("centrally_managed".to_owned(), true.into());
        }
        SubjectKind::Collective => {
            let kind = request
                .collective_kind
                .unwrap_or(CollectiveKind::PartyOrganisation);
            subject.insert(
                "collective_kind".to_owned(),
                serde_json::to_value(kind).unwrap_or_default(),
            );
        }
        _ => {}
    }
    fixed.insert("subject".to_owned(), serde_json::Value::Object(subject));
    fixed.insert(
        "regime".to_owned(),
        serde_json::Value::String(request.regime.as_str().to_owned()),
    );
    if let Some(profile) = profile {
        let reference = serde_json::to_value(profile.reference()).unwrap_or_default();
        if let Some(id) = reference.get("id") {
            fixed.insert("score".to_owned(), serde_json::json!({ "profile": id }));
        }
    }
    let mut sections = vec![status_section(request)];
    sections.push(section(
        "general_criteria",
        ("Nhóm tiêu chí chung (30 điểm)", "General criteria (30 points)"),
        ("Phẩm chất chính trị, đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc", "Political quality, ethics, lifestyle; discipline; working style"),
        points_fields(Group::General, profile),
    ));
    sections.push(section(
        "task_results_points",
        (
            "Nhóm tiêu chí kết quả thực hiện nhiệm vụ (70 điểm)",
            "Task results criteria (70 points)",
        ),
        (
            "Kết quả thực hiện nhiệm vụ được giao theo tiến độ, chất lượng, hiệu quả",
            "Results of the assigned tasks by progress, quality and effectiveness",
        ),
        points_fields(Group::TaskResults, profile),
    ));
    sections.push(tasks_section(request.kind));
    sections.extend(individual_sections(request.kind));
    sections.push(discipline_section(request));
    sections.extend(facts_section(request));
    let (conduct, version) = conduct_section(request);
    if !conduct.fields.is_empty() {
        sections.push(conduct);
    }
    sections.push(section(
        "procedure",
        ("Đơn thư, phản ánh", "Complaints"),
        ("", ""),
        vec![flag(
            "/procedure/open_complaints",
            (
                "Có đơn thư khiếu nại, tố cáo, phản ánh chưa được xem xét",
                "Complaints or reports not yet checked",
            ),
            (
                "Cấp ủy cấp trên phải kiểm tra, thẩm định lại trước khi quyết định",
                "The superior committee checks and re-appraises before deciding",
            ),
            &[Rule::OpenComplaints],
        )],
    ));
    FormSchema {
        form: form.to_owned(),
        title,
        regime: request.regime,
        kind: request.kind,
        appendix: serde_json::to_value(appendix)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        profile: profile.map(ValidProfile::reference),
        conduct_catalogue: version,
        fixed,
        sections,
        period_placeholder: None,
        request_options: Vec::new(),
    }
}
