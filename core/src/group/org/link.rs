//! Linking units into a tree: parents found, missing parents, cycles and depth
//! reported; units in tree order.

use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::limits::MAX_DEPTH;
use crate::group::org::evaluator::{OrgEvaluator, Unit};
use hashbrown::{HashMap, HashSet};

/// A unit's references to leader records.
#[derive(Debug, Clone, Copy)]
pub(super) enum LeaderRef {
    /// `led_by`: the leaders responsible for the unit (units in charge).
    LedBy,
    /// `head`: the leader record of the unit's head (QĐ 132).
    Head,
}

impl LeaderRef {
    fn names(self, unit: &Unit) -> &[String] {
        match self {
            LeaderRef::LedBy => &unit.led_by,
            LeaderRef::Head => unit.head_leader.as_slice(),
        }
    }

    /// The error for a reference to no (valid) leader record: `i` is its place in the
    /// unit's list.
    fn missing(self, unit_path: &str, i: usize, name: &str) -> InputError {
        match self {
            LeaderRef::LedBy => InputError::new(
                ErrorCode::InvalidValue,
                format!("{unit_path}/led_by/{i}"),
                format!("Không có hồ sơ cán bộ lãnh đạo `{name}` (đã được đánh giá) trong cây tổ chức"),
                format!("no (valid) leader record `{name}` in the tree"),
            ),
            LeaderRef::Head => InputError::new(
                ErrorCode::InvalidValue,
                format!("{unit_path}/head"),
                format!("Không có hồ sơ (hợp lệ) của cán bộ lãnh đạo `{name}` (người đứng đầu) trong cây tổ chức"),
                format!("no (valid) leader record `{name}` (the head) in the tree"),
            ),
        }
    }
}

impl OrgEvaluator {
    /// Links parents and children; reports missing parents, cycles and depth.
    pub(super) fn link(&mut self) -> Vec<u32> {
        let count = self.units.len();
        for index in 0..count {
            let Some(parent_id) = self.units.get(index).and_then(|u| u.parent_id.clone()) else {
                continue;
            };
            match self.unit_ids.get(&parent_id).copied() {
                Some(parent) if parent as usize != index => {
                    if let Some(u) = self.units.get_mut(index) {
                        u.parent = Some(parent);
                    }
                }
                _ => self.reject_parent(index, |path| {
                    InputError::new(
                        ErrorCode::InvalidValue,
                        path,
                        format!("Không có đơn vị cấp trên `{parent_id}`; đơn vị được đánh giá như một gốc"),
                        format!("no parent unit `{parent_id}`; the unit is evaluated as a root"),
                    )
                }),
            }
        }
        self.cut_cycles();
        self.cut_too_deep();
        let mut roots = Vec::new();
        for index in 0..count {
            let index32 = u32::try_from(index).unwrap_or(u32::MAX);
            match self.units.get(index).and_then(|u| u.parent) {
                Some(parent) => {
                    if let Some(p) = self.units.get_mut(parent as usize) {
                        p.children.push(index32);
                    }
                }
                None => roots.push(index32),
            }
        }
        roots
    }

    /// Cuts every cycle of parents at its unit with the smallest id, which becomes a
    /// root: the same unit whatever the order the units came in.
    fn cut_cycles(&mut self) {
        const UNSEEN: u8 = 0;
        const ON_WALK: u8 = 1;
        const DONE: u8 = 2;
        let count = self.units.len();
        let mut state = vec![UNSEEN; count];
        let mut walk = Vec::new();
        let mut cuts = Vec::new();
        for start in 0..count {
            walk.clear();
            let mut at = Some(start);
            while let Some(index) = at {
                match state.get(index).copied() {
                    Some(UNSEEN) => {
                        state[index] = ON_WALK;
                        walk.push(index);
                        at = self
                            .units
                            .get(index)
                            .and_then(|u| u.parent)
                            .map(|p| p as usize);
                    }
                    Some(ON_WALK) => {
                        // The walk came back to `index`: the cycle is the walk from it on.
                        let from = walk.iter().position(|&w| w == index).unwrap_or(0);
                        let cycle = walk.get(from..).unwrap_or_default();
                        if let Some(&smallest) = cycle
                            .iter()
                            .min_by(|&&a, &&b| self.units[a].id.cmp(&self.units[b].id))
                        {
                            cuts.push(smallest);
                        }
                        break;
                    }
                    _ => break,
                }
            }
            for &index in &walk {
                state[index] = DONE;
            }
        }
        for index in cuts {
            self.reject_parent(index, |path| {
                InputError::new(
                    ErrorCode::InvalidValue,
                    path,
                    "Các đơn vị cấp trên tạo thành vòng lặp; vòng được cắt tại đơn vị có mã nhỏ nhất, đơn vị này được đánh giá như một gốc",
                    "the parents form a cycle; it is cut at the unit with the smallest id, which is evaluated as a root",
                )
            });
            if let Some(u) = self.units.get_mut(index) {
                u.parent = None;
            }
        }
    }

    /// Sets each unit's depth below its root and cuts the tree below every
    /// [`MAX_DEPTH`] levels: a unit `MAX_DEPTH + 1` levels below its root is rejected
    /// (with an error naming it) and evaluated as the root of its subtree, whose units
    /// count their depth from it. Depths come from the parents alone (no cycles are
    /// left), so the cut units are the same for any order of the units.
    fn cut_too_deep(&mut self) {
        let count = self.units.len();
        let mut depth: Vec<Option<u32>> = vec![None; count];
        let mut walk = Vec::new();
        for start in 0..count {
            walk.clear();
            let mut at = Some(start);
            let mut base = 0;
            while let Some(index) = at {
                if let Some(known) = depth.get(index).copied().flatten() {
                    base = known + 1;
                    break;
                }
                walk.push(index);
                at = self
                    .units
                    .get(index)
                    .and_then(|u| u.parent)
                    .map(|p| p as usize);
            }
            // `walk` goes up: its last unit is a root (or the child of a known unit).
            for (step, &index) in walk.iter().rev().enumerate() {
                let step = u32::try_from(step).unwrap_or(u32::MAX);
                depth[index] = Some(base.saturating_add(step));
            }
        }
        let mut too_deep = Vec::new();
        for (index, unit_depth) in depth.into_iter().enumerate() {
            let unit_depth = unit_depth.unwrap_or(0);
            let below_cut = unit_depth % (MAX_DEPTH + 1);
            if unit_depth > 0 && below_cut == 0 {
                too_deep.push((index, unit_depth));
            }
            if let Some(u) = self.units.get_mut(index) {
                u.depth = below_cut;
            }
        }
        for (index, unit_depth) in too_deep {
            let id = self
                .units
                .get(index)
                .map(|u| u.id.clone())
                .unwrap_or_default();
            self.reject_parent(index, |path| {
                InputError::new(
                    ErrorCode::TooLarge,
                    path,
                    format!("Đơn vị `{id}` ở cấp {unit_depth} dưới gốc, sâu quá {MAX_DEPTH} cấp; đơn vị được đánh giá như gốc của các đơn vị bên dưới nó"),
                    format!("unit `{id}` is {unit_depth} levels below its root, deeper than {MAX_DEPTH}; it is evaluated as the root of its subtree"),
                )
            });
            if let Some(u) = self.units.get_mut(index) {
                u.parent = None;
            }
        }
    }

    /// Reports unit `index`'s parent reference with the error `error` builds from its
    /// path (`…/parent`).
    fn reject_parent(&mut self, index: usize, error: impl FnOnce(String) -> InputError) {
        let (line, id, path) = self
            .units
            .get(index)
            .map(|u| (u.line, u.id.clone(), u.path.clone()))
            .unwrap_or_default();
        let error = error(format!("{path}/parent"));
        self.reject(line, Some(&id), None, vec![error]);
    }

    /// The units each leader record is named in by `field`, with a name that is no
    /// (valid) leader record reported on its unit.
    pub(super) fn units_by_leader(&mut self, field: LeaderRef) -> HashMap<String, Vec<u32>> {
        let leader_ids: HashSet<&str> = self.leaders.iter().map(|p| p.valid.id.as_str()).collect();
        let mut map: HashMap<String, Vec<u32>> = HashMap::new();
        let mut broken = Vec::new();
        for (index, unit) in self.units.iter().enumerate() {
            for (i, name) in field.names(unit).iter().enumerate() {
                let state = self.is_state_leader(name);
                if state && !leader_ids.contains(name.as_str()) {
                    // A state leader: its units are read by the state records' jobs.
                    continue;
                }
                if leader_ids.contains(name.as_str()) {
                    map.entry(name.clone())
                        .or_default()
                        .push(u32::try_from(index).unwrap_or(u32::MAX));
                } else {
                    broken.push((
                        unit.line,
                        unit.id.clone(),
                        field.missing(&unit.path, i, name),
                    ));
                }
            }
        }
        drop(leader_ids);
        for (line, unit, error) in broken {
            self.reject(line, Some(&unit), None, vec![error]);
        }
        map
    }

    /// Units in tree order: each root, then its subtree depth-first.
    pub(super) fn preorder(&self, roots: &[u32]) -> Vec<u32> {
        let mut order = Vec::with_capacity(self.units.len());
        let mut stack: Vec<u32> = roots.iter().rev().copied().collect();
        while let Some(unit) = stack.pop() {
            order.push(unit);
            if let Some(u) = self.units.get(unit as usize) {
                stack.extend(u.children.iter().rev().copied());
            }
        }
        order
    }
}
