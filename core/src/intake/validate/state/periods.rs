//! The periods of an `nd335` or `nd233` record (`spec/state-regimes.md` §2.1, §6): one
//! kind (months or quarters) without repeats; each work period's general points and its
//! task results, given or from a product list; a leader's unit facts.

use crate::contract::errors::ErrorCode;
use crate::contract::limits::{MAX_COUNT, MAX_PRODUCTS, MAX_PRODUCT_WEIGHT};
use crate::contract::state::GENERAL_ITEMS;
use crate::contract::state::{PeriodKind, PeriodUnitInput, ProductInput, StatePeriodInput};
use crate::contract::state_options::LeaderComponents;
use crate::intake::validate::problems::Problems;
use crate::model::{LeaderFacts, PeriodKey, PeriodWork, Product, StatePeriod, TaskResults};
use crate::points::Points;
use std::collections::BTreeSet;

/// How the periods are read.
#[derive(Debug, Clone, Copy)]
pub struct PeriodRules {
    /// The subject is a leader (`d`, `đ`, `e` apply).
    pub leader: bool,
    /// `d`, `đ`, `e` given directly: 1 and ½ only, or any value in [0, 1].
    pub components: LeaderComponents,
    /// In an organisation tree `staff_not_completed` is derived: a leader's period need
    /// not give it.
    pub staff_derived: bool,
}

/// The periods, checked: `None` when absent (the caller decides whether they are needed).
pub fn periods(
    p: &mut Problems,
    input: Option<&[StatePeriodInput]>,
    rules: PeriodRules,
) -> Option<(PeriodKind, Vec<StatePeriod>)> {
    let list = input?;
    let mut kind: Option<PeriodKind> = None;
    let mut kind_reported = false;
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(list.len());
    for (index, period) in list.iter().enumerate() {
        let base = format!("/periods/{index}");
        let key = period_key(p, &base, period);
        if let Some(key) = key {
            let field = key.kind().as_str();
            let first = *kind.get_or_insert(key.kind());
            if first != key.kind() {
                if !kind_reported {
                    let (vi, en) = match key.kind() {
                        PeriodKind::Quarter => ("quý", "quarters"),
                        PeriodKind::Month => ("tháng", "months"),
                    };
                    p.push(
                        ErrorCode::InvalidValue,
                        &format!("{base}/{field}"),
                        format!(
                            "Các kỳ của một hồ sơ cùng một loại: kỳ đầu tiên không tính theo {vi}"
                        ),
                        format!(
                            "the periods of a record are of one kind: the first is not by {en}"
                        ),
                    );
                    kind_reported = true;
                }
            } else if !seen.insert(key) {
                p.push(
                    ErrorCode::InvalidValue,
                    &format!("{base}/{field}"),
                    format!("Kỳ {} đã có trong danh sách", key.number()),
                    format!("period {} is listed twice", key.number()),
                );
            }
        }
        let work = work(p, &base, period, rules);
        if let (Some(key), Some(work)) = (key, work) {
            out.push(StatePeriod { key, work });
        }
    }
    Some((kind.unwrap_or(PeriodKind::Month), out))
}

/// The month or quarter of a period.
fn period_key(p: &mut Problems, base: &str, period: &StatePeriodInput) -> Option<PeriodKey> {
    match (period.month, period.quarter) {
        (Some(_), Some(_)) => {
            p.push(
                ErrorCode::InvalidValue,
                base,
                "Một kỳ là một tháng hoặc một quý, không phải cả hai".to_owned(),
                "a period is a month or a quarter, not both".to_owned(),
            );
            None
        }
        (None, None) => {
            p.missing(
                &format!("{base}/month"),
                "mỗi kỳ nêu tháng (`month`) hoặc quý (`quarter`)",
                "each period names its `month` or `quarter`",
            );
            None
        }
        (Some(month), None) => {
            in_range(p, &format!("{base}/month"), month, 12, "tháng", "month").map(PeriodKey::Month)
        }
        (None, Some(quarter)) => {
            in_range(p, &format!("{base}/quarter"), quarter, 4, "quý", "quarter")
                .map(PeriodKey::Quarter)
        }
    }
}

fn in_range(p: &mut Problems, path: &str, value: u32, max: u32, vi: &str, en: &str) -> Option<u8> {
    if (1..=max).contains(&value) {
        u8::try_from(value).ok()
    } else {
        p.push(
            ErrorCode::OutOfRange,
            path,
            format!("Không có {vi} {value} (1–{max})"),
            format!("there is no {en} {value} (1–{max})"),
        );
        None
    }
}

/// A period's work: `Some(None)` for a period without assigned work, `None` when a
/// problem was found.
fn work(
    p: &mut Problems,
    base: &str,
    period: &StatePeriodInput,
    rules: PeriodRules,
) -> Option<Option<PeriodWork>> {
    if period.no_work {
        let present = [
            ("general", period.general.is_some()),
            ("general_items", period.general_items.is_some()),
            ("task_results", period.task_results.is_some()),
            ("products", period.products.is_some()),
            ("unit", period.unit.is_some()),
        ];
        let mut fine = true;
        for (field, given) in present {
            if given {
                p.push(
                    ErrorCode::NotApplicable,
                    &format!("{base}/{field}"),
                    format!("Kỳ không được giao nhiệm vụ (`no_work`) không có `{field}`"),
                    format!("a period with no assigned work (`no_work`) has no `{field}`"),
                );
                fine = false;
            }
        }
        return fine.then_some(None);
    }
    let before = p.0.len();
    let general = general(p, base, period);
    let results = match (&period.task_results, &period.products) {
        (Some(_), Some(_)) => {
            p.push(
                ErrorCode::Conflict,
                &format!("{base}/task_results"),
                "Nêu điểm kết quả thực hiện nhiệm vụ (`task_results`) hoặc danh sách sản phẩm (`products`), không cả hai".to_owned(),
                "give `task_results` or `products`, not both".to_owned(),
            );
            None
        }
        (Some(number), None) => {
            let given = p.points(&format!("{base}/task_results"), number, 70);
            if period.unit.is_some() {
                p.push(
                    ErrorCode::NotApplicable,
                    &format!("{base}/unit"),
                    "Điểm kết quả nhập trực tiếp đã gồm d, đ, e: `unit` không được đọc".to_owned(),
                    "task results given directly already hold d, đ, e: `unit` is not read"
                        .to_owned(),
                );
            }
            given.map(TaskResults::Given)
        }
        (None, Some(list)) => {
            let products = products(p, base, list);
            let leader = leader_unit(p, base, period.unit.as_ref(), rules);
            match (products, leader) {
                (Some(products), Some(leader)) => Some(TaskResults::Products(products, leader)),
                _ => None,
            }
        }
        (None, None) => {
            p.missing(
                &format!("{base}/products"),
                "kỳ có giao nhiệm vụ cần danh sách sản phẩm hoặc điểm kết quả (`task_results`)",
                "a period with assigned work needs its product list or `task_results`",
            );
            None
        }
    };
    if p.0.len() > before {
        return None;
    }
    match (general, results) {
        (Some(general), Some(results)) => Some(Some(PeriodWork { general, results })),
        _ => None,
    }
}

/// `G_p`, as given or as the sum of its items.
fn general(p: &mut Problems, base: &str, period: &StatePeriodInput) -> Option<Points> {
    let total = match &period.general {
        Some(number) => p.points(&format!("{base}/general"), number, 30),
        None if period.general_items.is_none() => {
            p.missing(
                &format!("{base}/general"),
                "kỳ có giao nhiệm vụ cần điểm tiêu chí chung (0–30)",
                "a period with assigned work needs its general criteria points (0–30)",
            );
            return None;
        }
        None => None,
    };
    let Some(items) = &period.general_items else {
        return total;
    };
    let mut sum = Points::ZERO;
    let mut fine = true;
    for (id, number) in items {
        let path = format!("{base}/general_items/{id}");
        if !GENERAL_ITEMS.contains(&id.as_str()) {
            p.push(
                ErrorCode::UnknownField,
                &path,
                format!(
                    "Tiêu chí chung `{id}` không có trong khung mặc định ({})",
                    GENERAL_ITEMS.join(", ")
                ),
                format!(
                    "general criterion `{id}` is not in the default profile ({})",
                    GENERAL_ITEMS.join(", ")
                ),
            );
            fine = false;
            continue;
        }
        match p.points(&path, number, 10) {
            Some(points) => sum = sum.saturating_add(points),
            None => fine = false,
        }
    }
    if !fine {
        return None;
    }
    match total {
        Some(total) if total != sum => {
            p.push(
                ErrorCode::Conflict,
                &format!("{base}/general"),
                format!("Điểm tiêu chí chung {} khác tổng các nhóm {}", total, sum),
                format!(
                    "general points {} differ from the sum of the groups {}",
                    total, sum
                ),
            );
            None
        }
        Some(total) => Some(total),
        None if period.general.is_some() => None,
        None => Some(sum),
    }
}

/// The product list: every product's weight (> 0, exact) and counts.
fn products(p: &mut Problems, base: &str, list: &[ProductInput]) -> Option<Vec<Product>> {
    let path = format!("{base}/products");
    if list.is_empty() {
        p.missing(
            &path,
            "danh sách sản phẩm trống; kỳ không được giao nhiệm vụ thì ghi `no_work: true`",
            "the product list is empty; mark a period without assigned work `no_work: true`",
        );
        return None;
    }
    if list.len() > MAX_PRODUCTS {
        p.push(
            ErrorCode::TooLarge,
            &path,
            format!(
                "{} sản phẩm, vượt giới hạn {MAX_PRODUCTS} mỗi kỳ",
                list.len()
            ),
            format!(
                "{} products, over the limit of {MAX_PRODUCTS} a period",
                list.len()
            ),
        );
        return None;
    }
    let before = p.0.len();
    let mut products = Vec::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        let at = format!("{path}/{index}");
        if let Some(label) = &item.label {
            p.string_length(&format!("{at}/label"), label);
        }
        let weight = p.points(&format!("{at}/weight"), &item.weight, MAX_PRODUCT_WEIGHT);
        if weight == Some(Points::ZERO) {
            p.push(
                ErrorCode::OutOfRange,
                &format!("{at}/weight"),
                "Trọng số sản phẩm phải lớn hơn 0".to_owned(),
                "a product's weight must be more than 0".to_owned(),
            );
        }
        let failures = item.quality_failures.unwrap_or(0);
        let delays = item.delays.unwrap_or(0);
        p.count(&format!("{at}/quality_failures"), failures);
        p.count(&format!("{at}/delays"), delays);
        if item.extra && !item.done {
            p.push(
                ErrorCode::InconsistentCounts,
                &format!("{at}/done"),
                "Sản phẩm ngoài giao (`extra`) là sản phẩm đã hoàn thành".to_owned(),
                "a product beyond the assignment (`extra`) is one that was done".to_owned(),
            );
        }
        if let Some(weight) = weight {
            products.push(Product {
                weight,
                done: item.done,
                quality_failures: failures.min(MAX_COUNT),
                delays: delays.min(MAX_COUNT),
                extra: item.extra,
                label: item.label.clone(),
            });
        }
    }
    if list.iter().all(|item| item.extra) {
        p.push(
            ErrorCode::InconsistentCounts,
            &path,
            "Không có sản phẩm được giao (tất cả `extra`): tổng trọng số được giao bằng 0; kỳ không được giao nhiệm vụ thì ghi `no_work: true`".to_owned(),
            "no product was assigned (all `extra`): the assigned total would be 0; mark a period without assigned work `no_work: true`".to_owned(),
        );
    }
    (p.0.len() == before).then_some(products)
}

/// A leader's unit facts of a period computed from products: `Some(None)` for a member.
fn leader_unit(
    p: &mut Problems,
    base: &str,
    unit: Option<&PeriodUnitInput>,
    rules: PeriodRules,
) -> Option<Option<LeaderFacts>> {
    let path = format!("{base}/unit");
    if !rules.leader {
        if unit.is_some() {
            p.push(
                ErrorCode::NotApplicable,
                &path,
                format!("`{path}` (d, đ, e) chỉ dành cho người giữ chức vụ lãnh đạo, quản lý"),
                format!("`{path}` (d, đ, e) is for leaders only"),
            );
            return None;
        }
        return Some(None);
    }
    let Some(unit) = unit else {
        if rules.staff_derived {
            return Some(Some(LeaderFacts::default()));
        }
        p.missing(
            &path,
            "người lãnh đạo cần các thông tin của đơn vị (d, đ, e) cho kỳ chấm theo sản phẩm",
            "a leader's period scored from products needs the unit's facts (d, đ, e)",
        );
        return None;
    };
    let before = p.0.len();
    if let Some(k) = unit.staff_not_completed {
        p.count(&format!("{path}/staff_not_completed"), k);
    } else if unit.d.is_none() && !rules.staff_derived {
        p.missing(
            &format!("{path}/staff_not_completed"),
            "số công chức thuộc quyền quản lý dưới 50 điểm trong kỳ (hoặc `d`)",
            "the number of civil servants under the leader's management scoring under 50 in the period (or `d`)",
        );
    }
    let d = component(p, &format!("{path}/d"), unit.d.as_ref(), rules.components);
    let dd = component(p, &format!("{path}/dd"), unit.dd.as_ref(), rules.components);
    let e = component(p, &format!("{path}/e"), unit.e.as_ref(), rules.components);
    let one = Points::whole(1);
    if let (Some(d), Some(k)) = (d, unit.staff_not_completed) {
        if (d == one) != (k == 0) {
            p.push(
                ErrorCode::Conflict,
                &format!("{path}/d"),
                format!(
                    "d = {d} mâu thuẫn với {k} công chức dưới 50 điểm (d = 1 khi không ai dưới 50)"
                ),
                format!("d = {d} contradicts {k} staff under 50 (d is 1 only when nobody is)"),
            );
        }
    }
    for (value, fact, field, name) in [
        (dd, unit.prolonged_delays, "dd", "prolonged_delays"),
        (e, unit.disunity_complaints, "e", "disunity_complaints"),
    ] {
        if let (Some(value), Some(fact)) = (value, fact) {
            if (value == one) == fact {
                p.push(
                    ErrorCode::Conflict,
                    &format!("{path}/{field}"),
                    format!("`{field}` = {value} mâu thuẫn với `{name}` = {fact}"),
                    format!("`{field}` = {value} contradicts `{name}` = {fact}"),
                );
            }
        }
    }
    (p.0.len() == before).then_some(Some(LeaderFacts {
        staff_not_completed: unit.staff_not_completed,
        staff_counted: None,
        prolonged_delays: unit.prolonged_delays,
        disunity_complaints: unit.disunity_complaints,
        d,
        dd,
        e,
    }))
}

/// A component given directly: 1 or ½ (any value in [0, 1] with the override option).
fn component(
    p: &mut Problems,
    path: &str,
    value: Option<&serde_json::Number>,
    rules: LeaderComponents,
) -> Option<Points> {
    let points = p.points(path, value?, 1)?;
    let text_value = points == Points::whole(1) || points == Points::from_hundredths(50);
    if rules == LeaderComponents::Text && !text_value {
        p.push(
            ErrorCode::OutOfRange,
            path,
            format!("Chỉ nhận 1 hoặc 0,5 (giá trị khác cần tùy chọn `leader_components: override`), không phải {points}"),
            format!("only 1 or 0.5 (another value needs the option `leader_components: override`), not {points}"),
        );
        return None;
    }
    Some(points)
}
