//! The conduct checklist (`spec/conduct.md`) as QĐ 366 reads it: one reason per finding.

use crate::conduct::shipped::catalogue;
use crate::contract::assessment::ConductAnswerKind;
use crate::contract::conduct_catalogue::ItemEffect;
use crate::contract::decision::Effect;
use crate::contract::level::Level;
use crate::contract::subject::SubjectKind;
use crate::model::ValidAssessment;
use crate::rules::catalogue::Rule;
use crate::rules::reason::{Fact, Reason, Value, Values};

/// The conduct checklist (conduct.md): one reason per finding; returns how many
/// self-reported breaches are Not-completed triggers for this subject (a member).
#[inline]
pub fn conduct_findings(a: &ValidAssessment, reasons: &mut Vec<Reason>) -> u64 {
    let Ok(catalogue) = catalogue() else {
        return 0;
    };
    let mut triggers = 0;
    for finding in &a.conduct {
        let Some(item) = catalogue.items().get(usize::from(finding.item)) else {
            continue;
        };
        let hard = match item.effect {
            ItemEffect::MustNotDo => true,
            ItemEffect::Exemplary => finding.harmed_prestige,
            ItemEffect::Standard | ItemEffect::DisciplineForm => false,
        };
        let rule = match (finding.answer, hard, a.subject.kind) {
            (ConductAnswerKind::Complied, _, _) => continue,
            (ConductAnswerKind::Breach, true, SubjectKind::Member) => {
                triggers += 1;
                Rule::ConductBreach
            }
            (ConductAnswerKind::Breach, true, _) => Rule::ConductNeedsConclusion,
            _ => Rule::ConductSoftFinding,
        };
        reasons.push(Reason::new(
            rule,
            true,
            Effect::Info,
            (rule == Rule::ConductBreach).then_some(Level::NotCompleted),
            Values::of(&[
                (Fact::Item, Value::ConductItem(finding.item)),
                (Fact::Form, Value::Answer(finding.answer)),
                (Fact::ExemplaryBreach, Value::Flag(finding.harmed_prestige)),
            ]),
        ));
    }
    triggers
}
