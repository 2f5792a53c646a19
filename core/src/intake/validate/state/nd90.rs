//! The facts ND 90 reads (`spec/state-regimes.md` §3): the criteria graded, the
//! person's tasks with those not on schedule, quality or efficiency, and for the leader
//! pattern the unit's targets and the directly managed units.

use crate::contract::assessment::Assessment;
use crate::contract::errors::ErrorCode;
use crate::contract::state::{ManagedUnits, Nd90Criteria, UnitTargetsInput};
use crate::intake::validate::problems::Problems;
use crate::model::{Nd90Grades, Tasks};

/// What ND 90 reads, validated.
pub struct Nd90Facts {
    /// The criteria.
    pub criteria: Option<Nd90Grades>,
    /// The person's tasks.
    pub tasks: Option<Tasks>,
    /// Tasks not on schedule, quality or efficiency.
    pub poor: u32,
    /// The unit's targets (leader pattern).
    pub unit: Option<Tasks>,
    /// The directly managed units.
    pub managed_units: Option<ManagedUnits>,
}

/// Checks ND 90's facts; `required` is false for a subject not classified for a reason
/// settled first (then nothing is required, but what is given is checked).
pub fn nd90_facts(p: &mut Problems, input: &Assessment, leader: bool, required: bool) -> Nd90Facts {
    let criteria = criteria(p, input.criteria.as_ref(), leader, required);
    let (tasks, poor) = match &input.tasks {
        Some(t) => {
            let tasks = counts(
                p,
                "/tasks",
                &UnitTargetsInput {
                    assigned: t.assigned,
                    completed: t.completed,
                    on_time: t.on_time,
                    exceeded: t.exceeded,
                    poor: t.poor,
                },
            );
            let poor = t.poor.unwrap_or(0);
            p.count("/tasks/poor", poor);
            let late = t.assigned.saturating_sub(t.on_time);
            if poor > late {
                p.push(
                    ErrorCode::InconsistentCounts,
                    "/tasks/poor",
                    format!("{poor} nhiệm vụ chưa bảo đảm tiến độ, chất lượng, hiệu quả, nhưng chỉ {late} nhiệm vụ không đúng tiến độ, chất lượng (giao − đúng hạn)"),
                    format!("{poor} tasks not on schedule, quality or efficiency, but only {late} were not on time with quality (assigned − on time)"),
                );
            }
            (Some(tasks), poor)
        }
        None => {
            if required {
                p.missing(
                    "/tasks",
                    "cần số nhiệm vụ để xét các mức của Nghị định 90",
                    "the task counts are needed for ND 90's levels",
                );
            }
            (None, 0)
        }
    };
    let unit = match (&input.unit, leader) {
        (Some(unit), true) => Some(counts(p, "/unit", unit)),
        (Some(_), false) => {
            p.push(
                ErrorCode::NotApplicable,
                "/unit",
                "Chỉ tiêu của đơn vị (`unit`) chỉ dành cho người giữ chức vụ lãnh đạo, quản lý và cán bộ".to_owned(),
                "the unit's targets (`unit`) are for leaders and cán bộ only".to_owned(),
            );
            None
        }
        (None, true) => {
            if required {
                p.missing(
                    "/unit",
                    "người lãnh đạo, quản lý cần các chỉ tiêu của đơn vị phụ trách",
                    "a leader needs the targets of the unit led",
                );
            }
            None
        }
        (None, false) => None,
    };
    let managed_units = match (input.managed_units, leader) {
        (Some(m), true) => {
            p.count("/managed_units/total", m.total);
            p.at_most(
                "/managed_units/good_or_better",
                m.good_or_better,
                "/managed_units/completed_or_better",
                m.completed_or_better,
            );
            p.at_most(
                "/managed_units/completed_or_better",
                m.completed_or_better,
                "/managed_units/total",
                m.total,
            );
            Some(m)
        }
        (Some(_), false) => {
            p.push(
                ErrorCode::NotApplicable,
                "/managed_units",
                "Đơn vị trực thuộc quản lý trực tiếp chỉ dành cho người lãnh đạo, quản lý"
                    .to_owned(),
                "directly managed units are for leaders only".to_owned(),
            );
            None
        }
        (None, _) => None,
    };
    Nd90Facts {
        criteria,
        tasks,
        poor,
        unit,
        managed_units,
    }
}

fn criteria(
    p: &mut Problems,
    input: Option<&Nd90Criteria>,
    leader: bool,
    required: bool,
) -> Option<Nd90Grades> {
    let Some(c) = input else {
        if required {
            p.missing(
                "/criteria",
                "cần mức đánh giá các tiêu chí của Nghị định 90, Điều 3",
                "the grades of ND 90 Art. 3's criteria are needed",
            );
        }
        return None;
    };
    let mut general = Vec::with_capacity(4);
    for (clause, grade) in [("1", c.c1), ("2", c.c2), ("3", c.c3), ("4", c.c4)] {
        match grade {
            Some(grade) => general.push(grade),
            None => p.missing(
                &format!("/criteria/{clause}"),
                "mỗi tiêu chí của Điều 3 khoản 1–4 được đánh giá",
                "each criterion of Art. 3 clauses 1–4 is graded",
            ),
        }
    }
    let leading = match (c.c5a, leader) {
        (Some(_), false) => {
            p.push(
                ErrorCode::NotApplicable,
                "/criteria/5a",
                "Tiêu chí 5.a (lãnh đạo, quản lý) chỉ dành cho người lãnh đạo, quản lý và cán bộ"
                    .to_owned(),
                "criterion 5.a (leading and managing) is for leaders and cán bộ only".to_owned(),
            );
            None
        }
        (None, true) => {
            p.missing(
                "/criteria/5a",
                "người lãnh đạo, quản lý được đánh giá thêm tiêu chí Điều 3 khoản 5.a",
                "a leader is graded on Art. 3 clause 5.a too",
            );
            None
        }
        (grade, _) => grade,
    };
    let general: [_; 4] = general.try_into().ok()?;
    if leader && leading.is_none() {
        return None;
    }
    Some(Nd90Grades { general, leading })
}

/// Task or target counts, consistent: completed ≤ assigned, on time and exceeded ≤
/// completed.
fn counts(p: &mut Problems, base: &str, t: &UnitTargetsInput) -> Tasks {
    for (field, value) in [
        ("assigned", t.assigned),
        ("completed", t.completed),
        ("on_time", t.on_time),
        ("exceeded", t.exceeded),
    ] {
        p.count(&format!("{base}/{field}"), value);
    }
    p.at_most(
        &format!("{base}/completed"),
        t.completed,
        &format!("{base}/assigned"),
        t.assigned,
    );
    p.at_most(
        &format!("{base}/on_time"),
        t.on_time,
        &format!("{base}/completed"),
        t.completed,
    );
    p.at_most(
        &format!("{base}/exceeded"),
        t.exceeded,
        &format!("{base}/completed"),
        t.completed,
    );
    let unfinished = t.assigned.saturating_sub(t.completed);
    Tasks {
        assigned: t.assigned,
        completed: t.completed,
        on_time: t.on_time,
        exceeded: t.exceeded,
        not_completed: unfinished,
    }
}
