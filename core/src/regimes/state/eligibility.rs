//! Who a state regime does not classify, and who is rated on the time actually worked:
//! `nd335.special.*` and `nd335.21.3` (ND 233 Art. 14, 15.1, adopted for ND 335), and
//! ND 90 Art. 2.3.a–c.

use crate::contract::decision::Effect;
use crate::contract::level::Level;
use crate::contract::regime::RegimeId;
use crate::contract::state::LeaveKind;
use crate::model::StateFacts;
use crate::points::Points;
use crate::regimes::state::citations::points_basis;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

fn leave_values(s: &StateFacts) -> Values {
    let mut values = Values::of(&[
        (Fact::MonthsWorked, Value::Points(s.months_worked)),
        (Fact::MonthsAbsent, Value::Points(s.months_absent)),
    ]);
    if let Some(kind) = s.leave_kind {
        values.push(Fact::LeaveKind, Value::LeaveKind(kind));
    }
    values
}

fn reason(rule: Rule, regime: RegimeId, holds: bool, effect: Effect, values: Values) -> Reason {
    Reason::new(rule, holds, effect, None, values).with_basis(points_basis(rule, regime))
}

/// `nd335`, `nd233` (spec §2.4): whether the subject is excluded (not classified), with
/// the reasons that say so or that it is rated on the time worked.
pub fn points_exclusion(s: &StateFacts, regime: RegimeId, reasons: &mut Vec<Reason>) -> bool {
    let worked = s.months_worked;
    let kind = s.leave_kind;
    let some_leave =
        kind.is_some() && (s.months_absent > Points::ZERO || worked < Points::whole(12));
    if worked < Points::whole(6) {
        if matches!(kind, Some(LeaveKind::Sick | LeaveKind::Maternity)) {
            let mut values = leave_values(s);
            values.push(Fact::Exception, Value::Flag(true));
            reasons.push(reason(
                Rule::StateShort,
                regime,
                false,
                Effect::Info,
                values,
            ));
            reasons.push(reason(
                Rule::StateLeave,
                regime,
                true,
                Effect::Info,
                leave_values(s),
            ));
            return false;
        }
        reasons.push(reason(
            Rule::StateShort,
            regime,
            true,
            Effect::Excludes,
            leave_values(s),
        ));
        return true;
    }
    match kind {
        Some(LeaveKind::Unpaid) if some_leave => reasons.push(reason(
            Rule::StateLeave,
            regime,
            true,
            Effect::Info,
            leave_values(s),
        )),
        Some(_) if some_leave => reasons.push(reason(
            Rule::StateTimeWorked,
            regime,
            true,
            Effect::Info,
            leave_values(s),
        )),
        _ => {}
    }
    false
}

/// `nd90` Art. 2.3.a and 2.3.c: worked under 6 months (maternity excepted) → not
/// classified; maternity → rated on the time worked.
pub fn nd90_exclusion(s: &StateFacts, reasons: &mut Vec<Reason>) -> bool {
    let maternity = s.leave_kind == Some(LeaveKind::Maternity);
    if s.months_worked < Points::whole(6) {
        if !maternity {
            reasons.push(Reason::new(
                Rule::Nd90Short,
                true,
                Effect::Excludes,
                None,
                leave_values(s),
            ));
            return true;
        }
        reasons.push(Reason::new(
            Rule::Nd90Short,
            false,
            Effect::Info,
            None,
            leave_values(s),
        ));
    }
    if maternity {
        reasons.push(Reason::new(
            Rule::Nd90Maternity,
            true,
            Effect::Info,
            None,
            leave_values(s),
        ));
    }
    false
}

/// ND 90 Art. 2.3.b: lawful leave (other than maternity) of 3 to under 6 months → at
/// most Completed; returns the level after the cap.
pub fn nd90_leave_cap(s: &StateFacts, level: Level, reasons: &mut Vec<Reason>) -> Level {
    let applies = matches!(
        s.leave_kind,
        Some(LeaveKind::Sick | LeaveKind::Unpaid | LeaveKind::Other)
    ) && s.months_absent >= Points::whole(3)
        && s.months_absent < Points::whole(6);
    if !applies {
        return level;
    }
    let mut values = leave_values(s);
    values.push(Fact::CapLevel, Value::Level(Level::Completed));
    if level > Level::Completed {
        values.push(Fact::LevelBefore, Value::Level(level));
        reasons.push(Reason::new(
            Rule::Nd90LeaveCap,
            true,
            Effect::Demotes,
            Some(Level::Completed),
            values,
        ));
        Level::Completed
    } else {
        reasons.push(Reason::new(
            Rule::Nd90LeaveCap,
            false,
            Effect::Info,
            Some(Level::Completed),
            values,
        ));
        level
    }
}
