//! The state form schema (design §13, `docs/state-regimes.md` "Forms"): the monthly or
//! quarterly self-assessment of a civil servant (`nd335`) or public employee (`nd233`),
//! staff or leader, with a product list. Field paths are absolute with the placeholder
//! `{p}` for the period's index (`/periods/{p}/general`); the caller puts one period's
//! answers at its position. The annual section (leave, conclusions, discipline, the
//! conduct checklist) is filled once, on the last period's form or a year-end form.
//!
//! The form codes (`01A`, `01B` monthly; `02A`, `02B` quarterly) are those seen in
//! implementations, not confirmed by the decrees.

use crate::contract::choices::EMPLOYMENTS;
use crate::contract::errors::{ErrorCode, InputError, InputErrors};
use crate::contract::form::{
    Choice, Field, FieldType, FormRequest, FormSchema, RequestOption, Section,
};
use crate::contract::regime::RegimeId;
use crate::contract::state::{Employment, PeriodKind, Rating, GENERAL_ITEMS};
use crate::contract::subject::SubjectKind;
use crate::contract::text::Text;
use crate::regimes::qd366::form::{
    choice, cite, conduct_section, count, field, flag, num, section, step,
};
use crate::rules::catalogue::Rule;

/// The placeholder for the period's index in the field paths.
pub const PERIOD_PLACEHOLDER: &str = "{p}";

fn decimal(path: &str, label: (&str, &str), help: (&str, &str), max: i64, rules: &[Rule]) -> Field {
    Field {
        min: num(0),
        max: num(max),
        step: step(),
        ..field(path, FieldType::Decimal, label, help, false, rules)
    }
}

fn period_section(period_kind: PeriodKind) -> Section {
    let key = match period_kind {
        PeriodKind::Month => Field {
            min: num(1),
            max: num(12),
            ..field(
                "/periods/{p}/month",
                FieldType::Integer,
                ("Tháng", "Month"),
                ("Tháng được đánh giá (1–12)", "The month assessed (1–12)"),
                true,
                &[Rule::StatePeriodScore],
            )
        },
        PeriodKind::Quarter => Field {
            min: num(1),
            max: num(4),
            ..field(
                "/periods/{p}/quarter",
                FieldType::Integer,
                ("Quý", "Quarter"),
                ("Quý được đánh giá (1–4)", "The quarter assessed (1–4)"),
                true,
                &[Rule::StatePeriodScore],
            )
        },
    };
    section(
        "period",
        ("Kỳ đánh giá", "Period"),
        (
            "Kỳ không được giao nhiệm vụ (nghỉ cả kỳ) thì đánh dấu và bỏ qua các mục còn lại của kỳ",
            "A period without assigned work (leave for the whole period): tick it and skip the rest of the period",
        ),
        vec![
            key,
            flag(
                "/periods/{p}/no_work",
                ("Không được giao nhiệm vụ trong kỳ", "No assigned work in the period"),
                (
                    "Kỳ này không tính vào điểm bình quân năm; các mục khác của kỳ được ẩn",
                    "The period does not count in the annual mean; the period's other fields hide",
                ),
                &[Rule::StateNoWork],
            ),
        ],
    )
}

fn general_section() -> Section {
    let labels: [((&str, &str), &str); 3] = [
        (
            (
                "Chính trị, tư tưởng, đạo đức, lối sống, ý thức kỷ luật",
                "Politics, ethics, lifestyle and discipline",
            ),
            "a",
        ),
        (
            (
                "Năng lực, kỹ năng, tinh thần trách nhiệm, thái độ phục vụ",
                "Capacity, skills, responsibility and service",
            ),
            "b",
        ),
        (
            (
                "Đổi mới, sáng tạo, dám nghĩ, dám làm",
                "Innovation, initiative",
            ),
            "c",
        ),
    ];
    let mut fields: Vec<Field> = GENERAL_ITEMS
        .iter()
        .zip(labels)
        .map(|(id, (label, point))| {
            decimal(
                &format!("/periods/{{p}}/general_items/{id}"),
                label,
                (
                    &format!("Tối đa 10 điểm (Luật 80/2025/QH15, Điều 25, khoản 4, điểm {point})"),
                    &format!("Up to 10 points (Law 80/2025/QH15 Art. 25.4.{point})"),
                ),
                10,
                &[Rule::StatePeriodScore],
            )
        })
        .collect();
    fields.push(decimal(
        "/periods/{p}/general",
        ("Tổng điểm tiêu chí chung", "General points in total"),
        (
            "Tính từ ba nhóm khi đã chấm từng nhóm (nếu ghi cả hai, tổng phải bằng tổng ba nhóm); ghi trực tiếp khi cơ quan không chấm theo nhóm",
            "Computed from the three groups when they are scored (given both, they must agree); written directly when the agency does not score by group",
        ),
        30,
        &[Rule::StatePeriodScore],
    ));
    section(
        "general_criteria",
        (
            "Tiêu chí chung (tối đa 30 điểm)",
            "General criteria (up to 30 points)",
        ),
        (
            "Ba nhóm tiêu chí chung, mỗi nhóm tối đa 10 điểm",
            "Three groups of general criteria, up to 10 points each",
        ),
        fields,
    )
}

fn products_section() -> Section {
    let item_fields = vec![
        field(
            "/label",
            FieldType::Text,
            ("Tên sản phẩm, công việc", "Product or task"),
            ("", ""),
            false,
            &[Rule::StateQuantity],
        ),
        Field {
            min: num(0),
            step: step(),
            ..field(
                "/weight",
                FieldType::Decimal,
                ("Trọng số (đã quy đổi)", "Weight (converted)"),
                ("Lớn hơn 0", "Greater than 0"),
                true,
                &[Rule::StateQuantity],
            )
        },
        field(
            "/done",
            FieldType::Boolean,
            ("Đã hoàn thành trong kỳ", "Done in the period"),
            ("", ""),
            true,
            &[Rule::StateQuantity],
        ),
        Field {
            required: false,
            ..count(
                "/quality_failures",
                ("Số lần không đạt chất lượng", "Failed quality reviews"),
                (
                    "Mỗi lần trừ 25% của sản phẩm; lần có lý do khách quan không ghi",
                    "Each takes 25% of the product; excused ones are not entered",
                ),
                None,
                &[Rule::StateQuality],
            )
        },
        Field {
            required: false,
            ..count(
                "/delays",
                ("Số lần chậm tiến độ", "Delays"),
                (
                    "Mỗi lần trừ 25% của sản phẩm; lần có lý do khách quan không ghi",
                    "Each takes 25% of the product; excused ones are not entered",
                ),
                None,
                &[Rule::StateProgress],
            )
        },
        flag(
            "/extra",
            (
                "Ngoài nhiệm vụ được giao (vượt)",
                "Beyond the assignment (extra)",
            ),
            ("Sản phẩm đã hoàn thành", "A product that was done"),
            &[Rule::StateQuantity],
        ),
    ];
    section(
        "products",
        (
            "Sản phẩm, công việc trong kỳ (tối đa 70 điểm)",
            "Products and tasks of the period (up to 70 points)",
        ),
        (
            "Mỗi sản phẩm một dòng, với trọng số đã quy đổi; hoặc điểm kết quả thực hiện nhiệm vụ nếu cơ quan tự tính",
            "One row per product with its converted weight; or the task results points if the agency computes them itself",
        ),
        vec![
            Field {
                item_fields,
                ..field(
                    "/periods/{p}/products",
                    FieldType::List,
                    ("Sản phẩm", "Products"),
                    ("", ""),
                    false,
                    &[Rule::StateQuantity, Rule::StateQuality, Rule::StateProgress],
                )
            },
            decimal(
                "/periods/{p}/task_results",
                (
                    "Hoặc: điểm kết quả thực hiện nhiệm vụ",
                    "Or: the task results points",
                ),
                (
                    "Nếu cơ quan tự tính R (0–70) thì không ghi danh sách sản phẩm",
                    "If the agency computes R itself (0–70), no product list",
                ),
                70,
                &[Rule::StatePeriodScore],
            ),
        ],
    )
}

fn unit_section() -> Section {
    section(
        "unit",
        ("Kết quả của đơn vị được giao quản lý", "The unit you lead"),
        (
            "Người đứng đầu, cấp phó: ba thành phần d, đ, e của điểm kết quả thực hiện nhiệm vụ",
            "Heads and deputies: the components d, đ, e of the task results",
        ),
        vec![
            Field {
                required: false,
                ..count(
                    "/periods/{p}/unit/staff_not_completed",
                    (
                        "Số người thuộc quyền quản lý dưới 50 điểm trong kỳ",
                        "Staff under your management scoring under 50 this period",
                    ),
                    (
                        "Trong cây tổ chức, số này được tính từ hồ sơ của cấp dưới",
                        "In an organisation tree it is derived from the staff's records",
                    ),
                    None,
                    &[Rule::StateUnitResults],
                )
            },
            flag(
                "/periods/{p}/unit/prolonged_delays",
                (
                    "Đơn vị có nhiệm vụ chậm tiến độ kéo dài",
                    "The unit had prolonged delays",
                ),
                ("", ""),
                &[Rule::StateOrganising],
            ),
            flag(
                "/periods/{p}/unit/disunity_complaints",
                (
                    "Đơn vị có đơn thư về mất đoàn kết",
                    "Complaints of disunity in the unit",
                ),
                ("", ""),
                &[Rule::StateRallying],
            ),
        ],
    )
}

fn annual_section(kind: SubjectKind) -> Section {
    let months = |path: &str, label: (&str, &str)| Field {
        min: num(0),
        max: num(12),
        step: step(),
        ..field(
            path,
            FieldType::Decimal,
            label,
            ("", ""),
            false,
            &[Rule::StateTimeWorked],
        )
    };
    let mut fields = vec![
        months(
            "/leave/months_worked",
            ("Số tháng thực tế làm việc trong năm", "Months actually worked in the year"),
        ),
        months(
            "/leave/months_absent",
            ("Số tháng nghỉ trong năm", "Months of leave in the year"),
        ),
        choice(
            "/leave/kind",
            ("Loại nghỉ", "Kind of leave"),
            ("", ""),
            false,
            &[
                ("unpaid", "Nghỉ không lương", "Unpaid leave"),
                ("sick", "Nghỉ ốm đau", "Sick leave"),
                ("maternity", "Nghỉ thai sản", "Maternity leave"),
                ("other", "Nghỉ khác", "Other leave"),
            ],
            &[Rule::StateLeave, Rule::StateTimeWorked],
        ),
        flag(
            "/conclusions/degradation",
            (
                "Có kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa”",
                "Concluded to have degraded (political ideology, ethics, lifestyle)",
            ),
            ("Theo kết luận của cấp có thẩm quyền", "By a conclusion of the competent level"),
            &[Rule::StateConduct],
        ),
        flag(
            "/conclusions/prohibition_breach",
            ("Có kết luận vi phạm những điều không được làm", "Concluded to have breached a prohibition"),
            ("", ""),
            &[Rule::StateConduct],
        ),
        flag(
            "/conclusions/exemplary_breach",
            ("Có kết luận vi phạm trách nhiệm nêu gương", "Concluded to have breached the exemplary duty"),
            ("", ""),
            &[Rule::StateConduct],
        ),
        discipline_field(),
        flag(
            "/mitigation/self_detected_and_remedied",
            (
                "Tự phát hiện và khắc phục hậu quả",
                "Self-detected and remedied",
            ),
            ("", ""),
            &[Rule::StateScopeCorruption],
        ),
    ];
    if kind == SubjectKind::Leader {
        fields.insert(
            fields.len() - 1,
            flag(
                "/leader/scope_corruption_disciplined",
                (
                    "Để xảy ra tham nhũng, lãng phí, tiêu cực trong phạm vi quản lý và bị xử lý kỷ luật",
                    "Corruption, waste or misconduct in your scope, with discipline",
                ),
                ("", ""),
                &[Rule::StateScopeCorruption],
            ),
        );
    }
    section(
        "annual",
        ("Trong năm", "The year"),
        (
            "Ghi một lần, ở phiếu của kỳ cuối năm hoặc phiếu đánh giá năm",
            "Filled once, on the last period's form or a year-end form",
        ),
        fields,
    )
}

fn discipline_field() -> Field {
    let item_fields = vec![
        choice(
            "/kind",
            ("Loại kỷ luật", "Kind"),
            ("", ""),
            false,
            &[
                ("party", "Kỷ luật đảng", "Party discipline"),
                (
                    "administrative",
                    "Kỷ luật hành chính",
                    "Administrative discipline",
                ),
            ],
            &[Rule::StateDisciplined],
        ),
        choice(
            "/form",
            ("Hình thức", "Form"),
            ("", ""),
            true,
            &[
                ("reprimand", "Khiển trách", "Reprimand"),
                ("warning", "Cảnh cáo", "Warning"),
                (
                    "salary_downgrade",
                    "Hạ bậc lương (hành chính)",
                    "Salary downgrade (administrative)",
                ),
                (
                    "demotion",
                    "Giáng chức (hành chính)",
                    "Demotion (administrative)",
                ),
                ("removal", "Cách chức", "Removal from post"),
                ("expulsion", "Khai trừ (đảng)", "Expulsion (party)"),
                (
                    "dismissal",
                    "Buộc thôi việc (hành chính)",
                    "Dismissal (administrative)",
                ),
            ],
            &[Rule::StateDisciplined],
        ),
        field(
            "/decided_on",
            FieldType::Date,
            (
                "Ngày quyết định có hiệu lực",
                "Day the decision takes effect",
            ),
            ("", ""),
            true,
            &[Rule::StateDisciplined],
        ),
        flag(
            "/duty_related",
            (
                "Liên quan đến việc thực hiện nhiệm vụ",
                "Related to the duties",
            ),
            ("Mặc định: có", "Default: yes"),
            &[Rule::StateDisciplined],
        ),
        flag(
            "/at_previous_unit",
            (
                "Vi phạm ở cơ quan, đơn vị cũ",
                "A breach at a previous unit",
            ),
            ("", ""),
            &[Rule::StateOldUnit],
        ),
    ];
    Field {
        item_fields,
        ..field(
            "/discipline",
            FieldType::List,
            ("Kỷ luật trong năm", "Discipline in the year"),
            ("", ""),
            false,
            &[Rule::StateDisciplined],
        )
    }
}

/// The employments that have a state form: those of `nd335` and `nd233`.
const FORM_EMPLOYMENTS: [Employment; 2] = [Employment::CongChuc, Employment::VienChuc];

/// The variants of the form a caller may ask for instead (see
/// [`FormSchema::request_options`]): the period's kind, and the employment when the
/// regime follows from it (a request naming `nd335` or `nd233` keeps its regime's).
fn request_options(
    request: &FormRequest,
    employment: Employment,
    period_kind: PeriodKind,
) -> Vec<RequestOption> {
    let mut options = Vec::new();
    if request.regime == RegimeId::Qd366 {
        options.push(RequestOption {
            name: "employment".to_owned(),
            label: Text::new("Bạn là", "You are"),
            help: Text::new(
                "Công chức theo Nghị định 335/2025/NĐ-CP; viên chức theo Nghị định 233/2026/NĐ-CP",
                "Civil servants: Decree 335/2025/NĐ-CP; public employees: Decree 233/2026/NĐ-CP",
            ),
            value: employment.as_str().to_owned(),
            options: EMPLOYMENTS
                .iter()
                .filter(|name| FORM_EMPLOYMENTS.iter().any(|e| e.as_str() == name.value))
                .map(|name| Choice {
                    value: name.value.to_owned(),
                    label: Text::new(name.vi, name.en),
                })
                .collect(),
        });
    }
    let kind_choice = |kind: PeriodKind, vi: &str, en: &str| Choice {
        value: kind.as_str().to_owned(),
        label: Text::new(vi, en),
    };
    options.push(RequestOption {
        name: "period_kind".to_owned(),
        label: Text::new("Đánh giá theo", "Assessed"),
        help: Text::new(
            "Theo tháng hoặc theo quý, như quy chế của cơ quan, đơn vị quy định",
            "Monthly or quarterly, as your agency's regulation says",
        ),
        value: period_kind.as_str().to_owned(),
        options: vec![
            kind_choice(PeriodKind::Month, "Tháng", "Monthly"),
            kind_choice(PeriodKind::Quarter, "Quý", "Quarterly"),
        ],
    });
    options
}

/// The regime a state request is for (see [`FormRequest::regime`]), or the error.
fn state_regime(request: &FormRequest) -> Result<RegimeId, InputErrors> {
    match request.regime {
        RegimeId::Nd335 | RegimeId::Nd233 => Ok(request.regime),
        RegimeId::Qd366 => Ok(match request.employment {
            Some(Employment::VienChuc) => RegimeId::Nd233,
            _ => RegimeId::Nd335,
        }),
        other => Err(InputErrors::one(InputError::new(
            ErrorCode::NotApplicable,
            "/regime",
            format!(
                "Phiếu tự đánh giá của Nhà nước theo tháng, quý có theo nd335 và nd233, không theo {}",
                other.as_str()
            ),
            format!(
                "the state's monthly or quarterly forms are under nd335 and nd233, not {}",
                other.as_str()
            ),
        ))),
    }
}

/// The state form for a request (`rating: state`): an error for an agency or a regime
/// without state forms.
pub fn state_form_schema(request: &FormRequest) -> Result<FormSchema, InputErrors> {
    let regime = state_regime(request)?;
    if request.kind == SubjectKind::Collective {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::NotApplicable,
            "/kind",
            "Phiếu tự đánh giá của Nhà nước là của cá nhân (`member` hoặc `leader`)",
            "a state self-assessment form is an individual's (`member` or `leader`)",
        )));
    }
    let leader = request.kind == SubjectKind::Leader;
    let period_kind = request.period_kind.unwrap_or(PeriodKind::Month);
    let employment = request.employment.unwrap_or(match regime {
        RegimeId::Nd233 => Employment::VienChuc,
        _ => Employment::CongChuc,
    });
    let (form, vi_when, en_when) = match (period_kind, leader) {
        (PeriodKind::Month, false) => ("01A", "tháng", "monthly"),
        (PeriodKind::Month, true) => ("01B", "tháng", "monthly"),
        (PeriodKind::Quarter, false) => ("02A", "quý", "quarterly"),
        (PeriodKind::Quarter, true) => ("02B", "quý", "quarterly"),
    };
    let (vi_who, en_who) = if leader {
        (
            "công chức, viên chức giữ chức vụ lãnh đạo, quản lý",
            "a civil servant or public employee who leads",
        )
    } else {
        (
            "công chức, viên chức không giữ chức vụ lãnh đạo, quản lý",
            "a civil servant or public employee without a leadership post",
        )
    };
    let title = Text::new(
        format!("Phiếu tự đánh giá, xếp loại chất lượng theo {vi_when} ({vi_who}) — Mẫu {form} (mã chưa được xác nhận)"),
        format!("The {en_when} self-assessment ({en_who}) — Form {form} (code not confirmed)"),
    );
    let mut fixed = serde_json::Map::new();
    fixed.insert("rating".to_owned(), Rating::State.as_str().into());
    fixed.insert("regime".to_owned(), regime.as_str().into());
    fixed.insert(
        "subject".to_owned(),
        serde_json::json!({"kind": if leader { "leader" } else { "member" }, "employment": employment.as_str()}),
    );
    let mut sections = vec![
        period_section(period_kind),
        general_section(),
        products_section(),
    ];
    if leader {
        sections.push(unit_section());
    }
    sections.push(annual_section(request.kind));
    let (mut conduct, version) = conduct_section(request);
    if !conduct.fields.is_empty() {
        // A breach concluded by the competent level is the state's ground (ND 335 Art.
        // 20.4.b): the checklist items cite it.
        for item in &mut conduct.fields {
            item.citations = cite(&[Rule::StateConduct]);
            for sub in &mut item.item_fields {
                sub.citations = cite(&[Rule::StateConduct]);
            }
        }
        sections.push(conduct);
    }
    Ok(FormSchema {
        form: form.to_owned(),
        title,
        regime,
        kind: request.kind,
        appendix: String::new(),
        profile: None,
        conduct_catalogue: version,
        fixed,
        sections,
        period_placeholder: Some(PERIOD_PLACEHOLDER.to_owned()),
        request_options: request_options(request, employment, period_kind),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::date::IsoDate;
    use chrono::NaiveDate;

    fn request(kind: SubjectKind, regime: RegimeId, period_kind: PeriodKind) -> FormRequest {
        FormRequest {
            rating: Rating::State,
            regime,
            kind,
            employment: None,
            period_kind: Some(period_kind),
            outside_political_system: false,
            centrally_managed: false,
            collective_kind: None,
            on: IsoDate(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default()),
            scope: None,
        }
    }

    #[test]
    fn the_form_code_follows_the_period_and_the_post() {
        for (kind, period, code) in [
            (SubjectKind::Member, PeriodKind::Month, "01A"),
            (SubjectKind::Leader, PeriodKind::Month, "01B"),
            (SubjectKind::Member, PeriodKind::Quarter, "02A"),
            (SubjectKind::Leader, PeriodKind::Quarter, "02B"),
        ] {
            let form = state_form_schema(&request(kind, RegimeId::Nd335, period)).unwrap();
            assert_eq!(form.form, code);
            let unit = form.sections.iter().any(|s| s.id == "unit");
            assert_eq!(unit, kind == SubjectKind::Leader);
        }
    }

    /// Each variant a schema offers is a request that gives a schema for it: the option
    /// names the value asked, and the fixed part and the period's key follow it.
    #[test]
    fn each_request_option_asks_for_its_own_variant() {
        let mut asked = request(SubjectKind::Leader, RegimeId::Qd366, PeriodKind::Month);
        asked.period_kind = None;
        let form = state_form_schema(&asked).unwrap();
        let names: Vec<&str> = form
            .request_options
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(names, ["employment", "period_kind"]);
        let mut seen = Vec::new();
        for employment in &form.request_options[0].options {
            for period_kind in &form.request_options[1].options {
                let variant: FormRequest = serde_json::from_value(serde_json::json!({
                    "rating": "state",
                    "kind": "leader",
                    "employment": employment.value,
                    "period_kind": period_kind.value,
                    "on": "2026-12-31",
                }))
                .unwrap();
                let schema = state_form_schema(&variant).unwrap();
                let values: Vec<&str> = schema
                    .request_options
                    .iter()
                    .map(|o| o.value.as_str())
                    .collect();
                assert_eq!(
                    values,
                    [employment.value.as_str(), period_kind.value.as_str()]
                );
                assert_eq!(
                    schema.fixed["subject"]["employment"],
                    employment.value.as_str()
                );
                let key = &schema.sections[0].fields[0].path;
                assert_eq!(key, &format!("/periods/{{p}}/{}", period_kind.value));
                seen.push((schema.regime, schema.form));
            }
        }
        assert_eq!(
            seen,
            [
                (RegimeId::Nd335, "01B".to_owned()),
                (RegimeId::Nd335, "02B".to_owned()),
                (RegimeId::Nd233, "01B".to_owned()),
                (RegimeId::Nd233, "02B".to_owned()),
            ]
        );
        // A regime named keeps its employment: only the period's kind varies.
        let named = state_form_schema(&request(
            SubjectKind::Member,
            RegimeId::Nd233,
            PeriodKind::Quarter,
        ))
        .unwrap();
        let names: Vec<&str> = named
            .request_options
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(names, ["period_kind"]);
        assert_eq!(named.request_options[0].value, "quarter");
    }

    #[test]
    fn a_party_regime_or_an_agency_has_no_state_form() {
        let mut wrong = request(SubjectKind::Member, RegimeId::Qd124, PeriodKind::Month);
        assert!(state_form_schema(&wrong).is_err());
        wrong.regime = RegimeId::Nd90;
        assert!(state_form_schema(&wrong).is_err());
        let agency = request(SubjectKind::Collective, RegimeId::Nd233, PeriodKind::Month);
        assert!(state_form_schema(&agency).is_err());
    }
}
