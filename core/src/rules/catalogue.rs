//! The rule catalogue: every rule the library applies, under the spec's rule id, with
//! its citation, basis, regime and topic. A decision's reasons name these, so a reason,
//! a test vector and the spec (`spec/rules-qd366.md`) can be read side by side; a
//! comparison of regimes groups their reasons by the topic column.

use crate::contract::decision::{citation_words, Basis};
use crate::contract::regime::RegimeId;
use crate::contract::text::Text;
use crate::contract::topic::Topic;

/// A citation of a regulation: document, article, and a clause or the article's notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Citation {
    /// `366-QĐ/TW`, `43-HD/BTCTW`.
    pub document: &'static str,
    /// Article (or section of a guideline).
    pub article: &'static str,
    /// Clause, if any.
    pub clause: Option<&'static str>,
    /// The article's notes cited (ghi chú), if any: `1`, `2–3` (QĐ 366 Art. 11 ends
    /// with notes on particular cases, not numbered as clauses).
    pub note: Option<&'static str>,
}

impl Citation {
    /// The citation as people read it: `366-QĐ/TW, Điều 11, khoản 4` /
    /// `366-QĐ/TW, Art. 11, cl. 4`; a note reads `ghi chú 2–3` / `notes 2–3`.
    pub fn text(&self) -> Text {
        let mut vi = format!("{}, Điều {}", self.document, self.article);
        let mut en = format!("{}, Art. {}", self.document, self.article);
        if let Some(clause) = self.clause {
            vi.push_str(&format!(", khoản {clause}"));
            en.push_str(&format!(", cl. {clause}"));
        }
        if let Some(note) = self.note {
            let several = note.contains(['–', ',']);
            vi.push_str(&format!(", ghi chú {note}"));
            en.push_str(&format!(
                ", {} {note}",
                if several { "notes" } else { "note" }
            ));
        }
        Text::new(vi, en)
    }
}

impl Citation {
    /// The citation in words, as a Vietnamese reader cites it: `366-QĐ/TW, Điều 11,
    /// khoản 4`; a guideline's section as `21-HD/BTCTW, mục II.B.2`.
    pub fn in_words(&self) -> String {
        citation_words(self.document, self.article, self.clause)
    }
}

const fn qd366(article: &'static str, clause: Option<&'static str>) -> Citation {
    Citation {
        document: "366-QĐ/TW",
        article,
        clause,
        note: None,
    }
}

/// QĐ 366, an article's notes (Art. 11 ends with notes on particular cases).
const fn qd366_note(article: &'static str, note: &'static str) -> Citation {
    Citation {
        document: "366-QĐ/TW",
        article,
        clause: None,
        note: Some(note),
    }
}

const fn hd43(section: &'static str, clause: &'static str) -> Citation {
    Citation {
        document: "43-HD/BTCTW",
        article: section,
        clause: Some(clause),
        note: None,
    }
}

const fn qd124(article: &'static str, clause: Option<&'static str>) -> Citation {
    Citation {
        document: "124-QĐ/TW",
        article,
        clause,
        note: None,
    }
}

const fn qd132(article: &'static str, clause: Option<&'static str>) -> Citation {
    Citation {
        document: "132-QĐ/TW",
        article,
        clause,
        note: None,
    }
}

const fn hd21(section: &'static str) -> Citation {
    Citation {
        document: "21-HD/BTCTW",
        article: section,
        clause: None,
        note: None,
    }
}

const fn nd335(article: &'static str, clause: Option<&'static str>) -> Citation {
    Citation {
        document: "335/2025/NĐ-CP",
        article,
        clause,
        note: None,
    }
}

const fn nd233(article: &'static str, clause: Option<&'static str>) -> Citation {
    Citation {
        document: "233/2026/NĐ-CP",
        article,
        clause,
        note: None,
    }
}

const fn nd90(article: &'static str, clause: Option<&'static str>) -> Citation {
    Citation {
        document: "90/2020/NĐ-CP",
        article,
        clause,
        note: None,
    }
}

macro_rules! rules {
    ($( $regime:ident {
        $( $(#[$doc:meta])* $variant:ident = $id:literal, $citation:expr, $basis:ident, $topic:ident; )*
    } )*) => {
        /// A rule the library applies.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $( $( $(#[$doc])* $variant, )* )*
        }

        impl Rule {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [Rule] = &[$( $(Rule::$variant),* ),*];

            /// The spec's rule id (`qd366.11.1.N`).
            pub fn id(self) -> &'static str {
                match self { $( $(Rule::$variant => $id,)* )* }
            }

            /// The citation.
            pub fn citation(self) -> Citation {
                match self { $( $(Rule::$variant => $citation,)* )* }
            }

            /// Whether the text states it or the library reads it.
            pub fn basis(self) -> Basis {
                match self { $( $(Rule::$variant => Basis::$basis,)* )* }
            }

            /// The regime whose rule it is.
            pub fn regime(self) -> RegimeId {
                match self { $( $(Rule::$variant => RegimeId::$regime,)* )* }
            }

            /// The topic it belongs to, on which regimes are compared.
            pub fn topic(self) -> Topic {
                match self { $( $(Rule::$variant => Topic::$topic,)* )* }
            }
        }
    };
}

rules! {
    Qd366 {
        /// Art. 5.2: exempted from work and party activities → not classified.
        Exempt = "qd366.5.2.exempt", qd366("5", Some("2")), Text, NotClassified;
        /// Art. 5.2: party activities suspended → not classified.
        Suspended = "qd366.5.2.suspended", qd366("5", Some("2")), Text, NotClassified;
        /// Art. 5.2: admitted less than 6 calendar months before the evaluation day → not classified.
        NewMember = "qd366.5.2.new", qd366("5", Some("2")), Text, NotClassified;
        /// HD 43 §7.5: long sick leave or maternity: classified on the work actually done, no cap.
        SickLeave = "qd366.hd43.7.5", hd43("7", "5"), Text, Leave;
        /// HD 43 §7.6: temporary party activity: classified at the chi bộ of official membership.
        TemporaryActivity = "qd366.hd43.7.6", hd43("7", "6"), Text, Context;
        /// Art. 10: S = G + R.
        Score = "qd366.10.score", qd366("10", None), Text, Context;
        /// Rules-qd366 §7: a discipline record that does not count for this period or unit
        /// (or, not holding, one that counts although the violation was at the previous unit).
        DisciplineNotCounted = "qd366.7.discipline", qd366_note("11", "2–3"), Text, Discipline;
        /// Rules-qd366 §4, §7: a party committee, party organisation or agency disciplined
        /// itself in the period: no Excellent, and the superior committee weighs it.
        OwnDisciplineNeedsDecision = "qd366.7.own_discipline", qd366_note("11", "1"), Reading, Discipline;
        /// Art. 11.4: S < 50.
        NotCompletedScore = "qd366.11.4.score", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leadership collective: violations in cadre work, disunity, factionalism.
        CollectiveCadreWork = "qd366.11.4.T.cadre_work", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leadership collective: a member disciplined for a duty-related violation.
        CollectiveMemberDiscipline = "qd366.11.4.T.member_discipline", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leadership collective: a member concluded to show degradation.
        CollectiveMemberDegradation = "qd366.11.4.T.member_degradation", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leadership collective: under 70% of the plan, or basic targets missed.
        CollectivePlan = "qd366.11.4.T.plan", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leadership collective: disciplined itself for a duty-related violation
        /// (the mitigation sentence names it; rules-qd366 §4).
        CollectiveOwnDiscipline = "qd366.11.4.T.own_discipline", qd366("11", Some("4")), Reading, NotCompleted;
        /// Art. 11.4, leadership collective: force majeure, or self-detected and remedied.
        CollectiveMitigation = "qd366.11.4.T.mitigation", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leader: plan under 70%, basic targets, or over half the units Not completed.
        LeaderPlan = "qd366.11.4.L.plan", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leader: over half low-confidence votes.
        LeaderConfidence = "qd366.11.4.L.confidence", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leader: disciplined for a duty-related violation.
        LeaderDiscipline = "qd366.11.4.L.discipline", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leader: concluded to show degradation.
        LeaderDegradation = "qd366.11.4.L.degradation", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leader: corruption or negativity under direct management, disciplined.
        LeaderScopeCorruption = "qd366.11.4.L.scope_corruption", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, leader: detected, reported, handled and remedied.
        LeaderMitigation = "qd366.11.4.L.mitigation", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, member: degradation, duty-related discipline, must-not-do or exemplary breach.
        MemberConduct = "qd366.11.4.N.conduct", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, member: over half of the tasks rated not completed.
        MemberTasks = "qd366.11.4.N.tasks", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.4, member: admitted, detected and remedied.
        MemberMitigation = "qd366.11.4.N.mitigation", qd366("11", Some("4")), Text, NotCompleted;
        /// Art. 11.1, collective: all on time, 30% exceeded, nobody disciplined.
        ExcellentCollective = "qd366.11.1.T", qd366("11", Some("1")), Text, Excellent;
        /// Art. 11.1, leader: the units led completed all tasks, 30% exceeded.
        ExcellentLeader = "qd366.11.1.L", qd366("11", Some("1")), Text, Excellent;
        /// Art. 11.1, member: all on time, 30% exceeded.
        ExcellentMember = "qd366.11.1.N", qd366("11", Some("1")), Text, Excellent;
        /// Art. 11.1: every shortcoming of the previous review fixed.
        ExcellentShortcomingsFixed = "qd366.11.1.fix", qd366("11", Some("1")), Text, Excellent;
        /// Art. 11.1: at most 20% (or 25%) of the Good count rated Excellent, per group.
        ExcellentQuota = "qd366.11.1.quota", qd366("11", Some("1")), Text, Quota;
        /// Art. 11.2, collective: all tasks on time.
        GoodCollective = "qd366.11.2.T", qd366("11", Some("2")), Text, Good;
        /// Art. 11.2, leader: the units led did all tasks on time.
        GoodLeader = "qd366.11.2.L", qd366("11", Some("2")), Text, Good;
        /// Art. 11.2, member: all tasks on time.
        GoodMember = "qd366.11.2.N", qd366("11", Some("2")), Text, Good;
        /// Art. 11.3, collective: all tasks completed, at most 20% late.
        CompletedCollective = "qd366.11.3.T", qd366("11", Some("3")), Text, Completed;
        /// Art. 11.3, leader: the units led completed all tasks, at most 20% late.
        CompletedLeader = "qd366.11.3.L", qd366("11", Some("3")), Text, Completed;
        /// Art. 11.3, member: all tasks completed, at most 20% late.
        CompletedMember = "qd366.11.3.N", qd366("11", Some("3")), Text, Completed;
        /// Rules-qd366 §5, `cascade`: no level's conditions hold although S ≥ 50 and no trigger.
        CascadeGap = "qd366.reading.cascade_gap", qd366("11", None), Reading, Context;
        /// Rules-qd366 §5, `strict`: the band's own conditions fail, so no level is proposed.
        StrictUndetermined = "qd366.reading.strict", qd366("11", None), Reading, Context;
        /// Group-rules §3: a fact derived from the organisation tree, evaluated in the order of Art. 12.2.
        DerivedFact = "qd366.12.2.derived", qd366("12", Some("2")), Reading, Context;
        /// conduct.md: a self-reported breach of a checklist item that is a Not-completed trigger (11.4.N).
        ConductBreach = "qd366.conduct.breach", qd366("11", Some("4")), Text, NotCompleted;
        /// conduct.md: a self-reported breach by a leader, which counts only through a conclusion of the competent level.
        ConductNeedsConclusion = "qd366.conduct.needs_conclusion", qd366("11", Some("4")), Text, NotCompleted;
        /// conduct.md: a self-reported shortcoming, or a breach of a conduct standard: evidence for the general criteria (Art. 10), lowering nothing by itself.
        ConductSoftFinding = "qd366.conduct.soft_finding", qd366("10", None), Text, Context;
        /// Art. 12.1 step 3: open complaints or signs of violations must be checked first.
        OpenComplaints = "qd366.12.1.complaints", qd366("12", Some("1")), Text, Context;
    }

    Qd124 {
        /// QĐ 124 Art. 5.2: exempted from work and party activities → not classified.
        Qd124Exempt = "qd124.5.2.exempt", qd124("5", Some("2")), Text, NotClassified;
        /// QĐ 124 Art. 5.2: party activities suspended → not classified.
        Qd124Suspended = "qd124.5.2.suspended", qd124("5", Some("2")), Text, NotClassified;
        /// QĐ 124 Art. 5.2: admitted under 6 calendar months before the evaluation day → not classified.
        Qd124NewMember = "qd124.5.2.new", qd124("5", Some("2")), Text, NotClassified;
        /// QĐ 124: a discipline record that does not count (outside the period, or already
        /// counted); not holding, a previous-unit record that counts (no such exception).
        Qd124DisciplineNotCounted = "qd124.discipline", qd124("12", None), Text, Discipline;
        /// QĐ 124 Art. 12: a Not-completed trigger (one reason per trigger).
        Qd124NotCompleted = "qd124.12.not_completed", qd124("12", None), Text, NotCompleted;
        /// QĐ 124 Art. 12: Excellent: criteria ≥ good, task results excellent, and more.
        Qd124Excellent = "qd124.12.excellent", qd124("12", None), Text, Excellent;
        /// QĐ 124 Art. 12: Good: criteria ≥ average, task results ≥ good.
        Qd124Good = "qd124.12.good", qd124("12", None), Text, Good;
        /// QĐ 124 Art. 12: Completed: criteria ≥ average.
        Qd124Completed = "qd124.12.completed", qd124("12", None), Text, Completed;
        /// QĐ 124 Art. 11: a fact derived from the organisation tree, in its order (lower
        /// before higher, collectives before members, heads after their units).
        Qd124DerivedFact = "qd124.derived", qd124("11", None), Reading, Context;
        /// QĐ 124 Art. 12: at most 20% of the Good count rated Excellent, per group.
        Qd124Quota = "qd124.12.quota", qd124("12", None), Text, Quota;
    }

    Qd132 {
        /// QĐ 132 Art. 5.2 as HD 16 applied it (a period ending before 18/10/2019): only a
        /// member exempted from work and party activities is not classified; not holding,
        /// a suspended or newly admitted member, classified in that round.
        Qd132Art5Exempt = "qd132.5.2.exempt", qd132("5", Some("2")), Text, NotClassified;
        /// HD 21 §II.6: exempted from work and party activities → not classified.
        Qd132Exempt = "qd132.hd21.6.exempt", hd21("II.6"), Text, NotClassified;
        /// HD 21 §II.6: party activities suspended → not classified.
        Qd132Suspended = "qd132.hd21.6.suspended", hd21("II.6"), Text, NotClassified;
        /// HD 21 §II.6: admitted under 6 months → not classified (still reviewed).
        Qd132NewMember = "qd132.hd21.6.new", hd21("II.6"), Text, NotClassified;
        /// HD 21 §II.6: organisation or leadership collective established under 6 months → not classified.
        Qd132NewCollective = "qd132.hd21.6.established", hd21("II.6"), Text, NotClassified;
        /// HD 21 §II.6: sick leave of 3 months or more → at most Completed; maternity → actual time worked.
        Qd132Sick = "qd132.hd21.sick", hd21("II.6"), Text, Leave;
        /// HD 21: a discipline record that does not count (outside the period; one violation
        /// counted once); not holding, a previous-unit record that counts (no such exception).
        Qd132DisciplineNotCounted = "qd132.hd21.discipline", hd21("II.B.2"), Text, Discipline;
        /// HD 21 §II.B.2: a member's Not-completed trigger (one reason per trigger).
        Qd132MemberNotCompleted = "qd132.hd21.member.not_completed", hd21("II.B.2"), Text, NotCompleted;
        /// HD 21 §II.B.2: a member's Excellent: task criteria excellent, others ≥ good, civil-service Excellent.
        Qd132MemberExcellent = "qd132.hd21.member.excellent", hd21("II.B.2"), Text, Excellent;
        /// HD 21 §II.B.2 (not found in public texts): Good by the grade pattern.
        Qd132MemberGood = "qd132.hd21.member.good", hd21("II.B.2"), Inferred, Good;
        /// HD 21 §II.B.2 (not found in public texts): Completed by the grade pattern.
        Qd132MemberCompleted = "qd132.hd21.member.completed", hd21("II.B.2"), Inferred, Completed;
        /// HD 21 §II.B.1: a party organisation's Excellent.
        Qd132OrgExcellent = "qd132.hd21.org.excellent", hd21("II.B.1"), Text, Excellent;
        /// HD 21 §II.B.1 (not found in public texts): Good by the grade pattern.
        Qd132OrgGood = "qd132.hd21.org.good", hd21("II.B.1"), Inferred, Good;
        /// HD 21 §II.B.1 (not found in public texts): Completed by the grade pattern.
        Qd132OrgCompleted = "qd132.hd21.org.completed", hd21("II.B.1"), Inferred, Completed;
        /// HD 21 §II.B.1 (not found in public texts): a party organisation's Not-completed trigger.
        Qd132OrgNotCompleted = "qd132.hd21.org.not_completed", hd21("II.B.1"), Inferred, NotCompleted;
        /// HD 21 §II.B.3: a leadership collective's Not-completed trigger.
        Qd132LcNotCompleted = "qd132.hd21.lc.not_completed", hd21("II.B.3"), Text, NotCompleted;
        /// HD 21 §II.B.3: a leadership collective's Excellent.
        Qd132LcExcellent = "qd132.hd21.lc.excellent", hd21("II.B.3"), Text, Excellent;
        /// HD 21 §II.B.3 (not found in public texts): Good by the grade pattern.
        Qd132LcGood = "qd132.hd21.lc.good", hd21("II.B.3"), Inferred, Good;
        /// HD 21 §II.B.3 (not found in public texts): Completed by the grade pattern.
        Qd132LcCompleted = "qd132.hd21.lc.completed", hd21("II.B.3"), Inferred, Completed;
        /// HD 21 §II.B.3: a leadership collective never above its organisation.
        Qd132LcCap = "qd132.hd21.lc.cap", hd21("II.B.3"), Text, Caps;
        /// HD 21 §II.B.4: a head never above the collective or organisation headed.
        Qd132HeadCap = "qd132.hd21.head.cap", hd21("II.B.4"), Text, Caps;
        /// HD 21 §II.B: a fact derived from the organisation tree (members' and subordinate
        /// organisations' levels, the level capping a collective or a head).
        Qd132DerivedFact = "qd132.hd21.derived", hd21("II.B"), Reading, Context;
        /// HD 21 §II.B: at most 20% of the Good count rated Excellent, per group.
        Qd132Quota = "qd132.hd21.quota", hd21("II.B"), Text, Quota;
        /// State-regimes §4: the state rating a party record reads (HD 21's hard effect
        /// under QĐ 132; information, or HD 21's caps with `state_cap: hd21`, under QĐ 124
        /// and QĐ 366). The citation follows the party regime (`regimes::state::citations`).
        LinkStateRating = "link.state_rating", hd21("II.B.2"), Text, Caps;
        /// State-regimes §4: the party level above the state one (QĐ 124, QĐ 366): a finding.
        LinkMismatch = "link.state_party.mismatch", qd366("3", Some("4")), Reading, Caps;
    }

    Nd335 {
        /// Spec §1: a cán bộ from 2026: no state regime (Luật 80/2025 Art. 17).
        StateNone = "state.none", Citation { document: "80/2025/QH15", article: "17", clause: None, note: None }, Reading, NotClassified;
        /// ND 335 Art. 14.2.a: quantity `a` = Σ w·done / Σ w (assigned).
        StateQuantity = "nd335.14.2.a", nd335("14", Some("2.a")), Text, Context;
        /// ND 335 Art. 14.2.b: quality `b`, 25% off a product's credit per failed review.
        StateQuality = "nd335.14.2.b", nd335("14", Some("2.b")), Text, Context;
        /// ND 335 Art. 14.2.c: progress `c`, 25% off a product's credit per delay.
        StateProgress = "nd335.14.2.c", nd335("14", Some("2.c")), Text, Context;
        /// ND 335 Art. 15.3.a: a leader's `d`, ½ when staff under management scored under 50.
        StateUnitResults = "nd335.15.3.a", nd335("15", Some("3.a")), Inferred, Context;
        /// ND 335 Art. 15.3.b: a leader's `đ`, ½ with prolonged delays in the unit's programme.
        StateOrganising = "nd335.15.3.b", nd335("15", Some("3.b")), Inferred, Context;
        /// ND 335 Art. 15.3.c: a leader's `e`, ½ with complaints of prolonged disunity.
        StateRallying = "nd335.15.3.c", nd335("15", Some("3.c")), Inferred, Context;
        /// ND 335 Art. 16: `R_p` = 70·(a+b+c)/3, or 70·(a+b+c+d+đ+e)/6; `S_p = G_p + R_p`.
        StatePeriodScore = "nd335.16", nd335("16", None), Inferred, Context;
        /// ND 335 Art. 21: the annual score, the mean of the periods with work, rounded once.
        StateYear = "nd335.21.year", nd335("21", None), Inferred, Context;
        /// ND 335 Art. 21: no period with assigned work → not classified.
        StateNoWork = "nd335.21.no_work", nd335("21", None), Inferred, NotClassified;
        /// ND 335 Art. 21.3 (ND 233 Art. 15.1): leave → rated on the time actually worked.
        StateTimeWorked = "nd335.21.3", nd335("21", Some("3")), Text, Leave;
        /// ND 233 Art. 14.1 (adopted for ND 335): worked under 6 months → not classified.
        StateShort = "nd335.special.short", nd233("14", Some("1")), Text, NotClassified;
        /// ND 233 Art. 14.2: unpaid leave with 6 months worked, sick or maternity leave →
        /// classified on the time worked.
        StateLeave = "nd335.special.leave", nd233("14", Some("2")), Text, Leave;
        /// ND 233 Art. 14.3.c: a violation at the previous unit still counts for the person.
        StateOldUnit = "nd335.special.old_unit", nd233("14", Some("3.c")), Text, Discipline;
        /// A discipline record not counted in the rating year (ND 233 Art. 14.3; one act
        /// counted once).
        StateDisciplineNotCounted = "nd335.discipline", nd335("20", Some("4.c")), Reading, Discipline;
        /// ND 335 Art. 20.4.a: the annual score under 50 → Not completed.
        StateUnder50 = "nd335.20.4.a", nd335("20", Some("4.a")), Text, NotCompleted;
        /// ND 335 Art. 20.4.b: degradation, must-not-do or exemplary breach → Not completed.
        StateConduct = "nd335.20.4.b", nd335("20", Some("4.b")), Text, NotCompleted;
        /// ND 335 Art. 20.4.c: disciplined in the year for a duty-related violation.
        StateDisciplined = "nd335.20.4.c", nd335("20", Some("4.c")), Text, NotCompleted;
        /// ND 335 Art. 20.4.d: a leader's unit involved in corruption or waste, dealt with.
        StateScopeCorruption = "nd335.20.4.d", nd335("20", Some("4.d")), Text, NotCompleted;
        /// ND 335 Art. 20.1: S ≥ 90 → Excellent, no other condition.
        StateExcellent = "nd335.20.1", nd335("20", Some("1")), Text, Excellent;
        /// ND 335 Art. 20.2: 70 ≤ S < 90 → Good.
        StateGood = "nd335.20.2", nd335("20", Some("2")), Text, Good;
        /// ND 335 Art. 20.3: 50 ≤ S < 70 → Completed.
        StateCompleted = "nd335.20.3", nd335("20", Some("3")), Text, Completed;
        /// ND 335 Art. 20.5.a: Excellent ≤ 20% of the Good count, per group and per agency.
        StateQuota = "nd335.20.5.a", nd335("20", Some("5.a")), Text, Quota;
        /// ND 335 Art. 20.5.b: 25% for an agency recognised Excellent.
        StateRecognised = "nd335.20.5.b", nd335("20", Some("5.b")), Text, Quota;
        /// ND 233 Art. 12.7: a head never above the unit (a warning under ND 335).
        StateHeadCap = "nd233.12.7", nd233("12", Some("7")), Text, Caps;
        /// A fact derived from an organisation tree (staff under 50, managed units, a
        /// unit's level, the party Excellent rate).
        StateDerived = "state.derived", nd335("15", Some("3.a")), Reading, Context;
        /// An agency record: classified at the level the competent level gave it.
        StateUnitLevel = "state.unit_level", nd335("20", None), Reading, Context;
    }

    Nd90 {
        /// ND 90 Art. 2.3.a: worked under 6 months (maternity excepted) → not classified.
        Nd90Short = "nd90.2.3.a", nd90("2", Some("3.a")), Text, NotClassified;
        /// ND 90 Art. 2.3.b: lawful leave of 3 to under 6 months → at most Completed.
        Nd90LeaveCap = "nd90.2.3.b", nd90("2", Some("3.b")), Text, Leave;
        /// ND 90 Art. 2.3.c: maternity → rated on the time actually worked.
        Nd90Maternity = "nd90.2.3.c", nd90("2", Some("3.c")), Text, Leave;
        /// ND 90 Art. 2.5 (ND 48): disciplined in the year → Not completed.
        Nd90Disciplined = "nd90.2.5", nd90("2", Some("5")), Text, Discipline;
        /// ND 90 Art. 2.6 (ND 48): Excellent among all rated ≤ the party's Excellent rate.
        Nd90Quota = "nd90.2.6", nd90("2", Some("6")), Text, Quota;
        /// A discipline record not counted in the rating year (Art. 2.5.b–c).
        Nd90DisciplineNotCounted = "nd90.discipline", nd90("2", Some("5")), Reading, Discipline;
        /// ND 90 Arts. 4, 8, 12: Excellent.
        Nd90Excellent = "nd90.excellent", nd90("8", Some("1")), Text, Excellent;
        /// ND 90 Arts. 5, 9, 13: Good.
        Nd90Good = "nd90.good", nd90("9", Some("1")), Text, Good;
        /// ND 90 Arts. 6, 10, 14: Completed.
        Nd90Completed = "nd90.completed", nd90("10", Some("1")), Text, Completed;
        /// ND 90 Arts. 7, 11, 15: Not completed (one reason per ground).
        Nd90NotCompleted = "nd90.not_completed", nd90("11", Some("1")), Text, NotCompleted;
        /// No level holds and no ground applies (the list is closed): Completed for the
        /// competent level to decide (`strict`: undetermined).
        Nd90Gap = "nd90.gap", nd90("10", None), Inferred, Completed;
    }
}

impl Rule {
    /// The rule with this id, if any.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count);
        for rule in Rule::ALL {
            assert_eq!(Rule::from_id(rule.id()), Some(*rule));
        }
    }
}
