//! The period's work: task counts, shortcomings of the previous review, leave.

use crate::contract::assessment::Assessment;
use crate::contract::errors::ErrorCode;
use crate::intake::validate::problems::Problems;
use crate::intake::validate::subject::SubjectFacts;
use crate::model::{Leave, Shortcomings, Tasks};

/// Task counts, consistent with each other; required unless the subject is not
/// classified.
pub fn tasks(p: &mut Problems, input: &Assessment, excluded: bool) -> Option<Tasks> {
    match &input.tasks {
        Some(t) => {
            for (path, value) in [
                ("/tasks/assigned", t.assigned),
                ("/tasks/completed", t.completed),
                ("/tasks/on_time", t.on_time),
                ("/tasks/exceeded", t.exceeded),
            ] {
                p.count(path, value);
            }
            p.at_most(
                "/tasks/completed",
                t.completed,
                "/tasks/assigned",
                t.assigned,
            );
            p.at_most("/tasks/on_time", t.on_time, "/tasks/completed", t.completed);
            p.at_most(
                "/tasks/exceeded",
                t.exceeded,
                "/tasks/completed",
                t.completed,
            );
            let unfinished = t.assigned.saturating_sub(t.completed);
            if let Some(f) = t.not_completed {
                if f > unfinished {
                    p.push(
                        ErrorCode::InconsistentCounts,
                        "/tasks/not_completed",
                        format!("{f} nhiệm vụ không hoàn thành, nhưng chỉ {unfinished} nhiệm vụ chưa hoàn thành (giao − hoàn thành)"),
                        format!("{f} tasks rated not completed, but only {unfinished} were left unfinished (assigned − completed)"),
                    );
                }
            }
            Some(Tasks {
                assigned: t.assigned,
                completed: t.completed,
                on_time: t.on_time,
                exceeded: t.exceeded,
                not_completed: t.not_completed.unwrap_or(unfinished),
            })
        }
        None => {
            if !excluded {
                p.missing(
                    "/tasks",
                    "cần số nhiệm vụ để xét điều kiện các mức",
                    "task counts are needed for the level conditions",
                );
            }
            None
        }
    }
}

/// Shortcomings identified at the previous review, and how many are fixed.
pub fn shortcomings(p: &mut Problems, input: &Assessment) -> Option<Shortcomings> {
    input.shortcomings.map(|sc| {
        p.count("/shortcomings/identified", sc.identified);
        p.at_most(
            "/shortcomings/fixed",
            sc.fixed,
            "/shortcomings/identified",
            sc.identified,
        );
        Shortcomings {
            identified: sc.identified,
            fixed: sc.fixed,
        }
    })
}

/// Sick and maternity leave (individuals only).
pub fn leave(p: &mut Problems, input: &Assessment, subject: &SubjectFacts) -> Leave {
    let (individual, vi_whom, en_whom) = (subject.individual, subject.whom.vi, subject.whom.en);
    let mut leave = Leave::default();
    if let Some(input_leave) = &input.leave {
        if !individual {
            p.not_applicable("/leave", vi_whom, en_whom);
        }
        if let Some(months) = &input_leave.sick_months {
            if let Some(m) = p.points("/leave/sick_months", months, 1200) {
                leave.sick_months = m;
            }
        }
        leave.maternity = input_leave.maternity;
    }

    leave
}
