//! QĐ 132's caps from the tree (HD 21 §II.B.3–4): a leadership collective never above
//! its organisation, a head never above what they head; derived again as levels change,
//! and a given cap checked against the final one.

use crate::contract::level::{Level, Outcome};
use crate::group::org::evaluator::{conflict, CapKind, Capped, OrgEvaluator};
use crate::rules::reason::{Fact, Value, Values};
use hashbrown::HashMap;

impl OrgEvaluator {
    /// A unit's level as the QĐ 132 caps read it: its organisation record's, or its
    /// agency's when it has no organisation record; classified under QĐ 132.
    pub(super) fn organisation_level(&self, unit: u32) -> Option<Level> {
        let u = self.units.get(unit as usize)?;
        self.qd132_level(u.organisation.or(u.agency)?)
    }

    /// A record's current level, if it is a classified QĐ 132 record.
    pub(super) fn qd132_level(&self, record: u32) -> Option<Level> {
        let s = self.summaries.get(record as usize)?.as_ref()?;
        (s.regime.info().tree.caps && s.outcome == Outcome::Classified)
            .then_some(s.level)
            .flatten()
    }

    /// The cap a QĐ 132 record takes from the tree, from the current levels: a leadership
    /// collective's, its unit's organisation level (`qd132.hd21.lc.cap`); a head's, the
    /// lowest level of the leadership collectives and organisations they head
    /// (`qd132.hd21.head.cap`).
    pub(super) fn cap_level(&self, kind: CapKind, units: &[u32]) -> Option<Level> {
        units
            .iter()
            .flat_map(|&unit| {
                let leadership = match kind {
                    CapKind::Leadership => None,
                    CapKind::Head => self
                        .units
                        .get(unit as usize)
                        .and_then(|u| u.leadership)
                        .and_then(|r| self.qd132_level(r)),
                };
                [leadership, self.organisation_level(unit)]
            })
            .flatten()
            .min()
    }

    /// Evaluates a capped record with this cap (none derivable: the given value, if any).
    pub(super) fn evaluate_capped(&mut self, capped: &mut Capped, cap: Option<Level>) {
        capped.derived = cap;
        let used = cap.or(capped.explicit);
        match capped.kind {
            CapKind::Leadership => capped.pending.valid.collective.organisation_level = used,
            CapKind::Head => capped.pending.valid.leader.headed_level = used,
        }
        let mut values = capped.values;
        if let Some(level) = cap {
            values.push(Fact::CapLevel, Value::Level(level));
        }
        self.evaluate_now(capped.pending.record, &capped.pending.valid, Some(values));
    }

    /// Derives every cap again from the current levels (leadership collectives, lower
    /// units first, then heads, who read them) and re-evaluates each record whose cap
    /// changed. Returns whether any did.
    pub(super) fn derive_caps_again(&mut self) -> bool {
        let mut capped = std::mem::take(&mut self.capped);
        let mut changed = false;
        for c in &mut capped {
            let cap = self.cap_level(c.kind, &c.units);
            if cap != c.derived {
                self.evaluate_capped(c, cap);
                changed = true;
            }
        }
        self.capped = capped;
        changed
    }

    /// Rejects each capped record whose given cap contradicts the one derived from the
    /// final levels. Returns whether any was rejected.
    pub(super) fn reject_cap_conflicts(&mut self) -> bool {
        let capped = std::mem::take(&mut self.capped);
        let mut kept = Vec::with_capacity(capped.len());
        let mut rejected = false;
        for c in capped {
            let (Some(explicit), Some(derived)) = (c.explicit, c.derived) else {
                kept.push(c);
                continue;
            };
            if explicit == derived {
                kept.push(c);
                continue;
            }
            let (field, vi_what, en_what) = match c.kind {
                CapKind::Leadership => (
                    "collective/organisation_level",
                    "tổ chức, cơ quan, đơn vị được lãnh đạo được xếp loại",
                    "the organisation led is rated",
                ),
                CapKind::Head => (
                    "leader/headed_level",
                    "mức thấp nhất của tập thể, tổ chức do người này đứng đầu là",
                    "the lowest level of the collectives and organisations headed is",
                ),
            };
            let path = format!("{}/{field}", c.pending.path);
            let names: Vec<String> = c.units.iter().map(|&u| self.unit_id(u)).collect();
            let error = conflict(
                path.clone(),
                format!(
                    "`{path}` = {} mâu thuẫn với cây tổ chức ({}): {vi_what} {}",
                    explicit.vi(),
                    names.join(", "),
                    derived.vi()
                ),
                format!(
                    "`{path}` = {} contradicts the tree ({}): {en_what} {}",
                    explicit.en(),
                    names.join(", "),
                    derived.en()
                ),
            );
            let record = c.pending.record;
            let unit = self
                .summaries
                .get(record as usize)
                .and_then(Option::as_ref)
                .map_or(u32::MAX, |s| s.unit);
            let line = self.units.get(unit as usize).and_then(|u| u.line);
            let unit_id = self.unit_id(unit);
            let id = c.pending.valid.id.clone();
            if let Some(slot) = self.decisions.get_mut(record as usize) {
                *slot = None;
            }
            self.reject_reserved(record, line, &unit_id, &id, vec![error]);
            rejected = true;
        }
        self.capped = kept;
        rejected
    }

    /// Evaluates the QĐ 132 heads again under the cap of what they head, after the
    /// collectives (HD 21: the head is classified after the collective).
    pub(super) fn evaluate_heads(&mut self, mut headed: HashMap<String, Vec<u32>>) {
        let leaders = std::mem::take(&mut self.leaders);
        let mut kept = Vec::with_capacity(leaders.len());
        for mut p in leaders {
            if !p.valid.regime.info().tree.caps {
                kept.push(p);
                continue;
            }
            let Some(units) = headed.remove(p.valid.id.as_str()) else {
                kept.push(p);
                continue;
            };
            // Checked against the tree once the levels are final (after the quota).
            let explicit = p.valid.leader.headed_level.take();
            let mut capped = Capped {
                pending: p,
                kind: CapKind::Head,
                units,
                explicit,
                derived: None,
                values: Values::default(),
            };
            let cap = self.cap_level(capped.kind, &capped.units);
            self.evaluate_capped(&mut capped, cap);
            self.capped.push(capped);
        }
        self.leaders = kept;
    }
}
