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
        // Depth by walking up; a walk longer than the tree is a cycle, cut at its start.
        for index in 0..count {
            let mut depth = 0u32;
            let mut at = self.units.get(index).and_then(|u| u.parent);
            let mut cut = false;
            while let Some(parent) = at {
                depth += 1;
                if depth as usize > count || depth > MAX_DEPTH {
                    cut = true;
                    break;
                }
                at = self.units.get(parent as usize).and_then(|u| u.parent);
            }
            if cut {
                self.reject_parent(index, |path| {
                    InputError::new(
                        ErrorCode::TooLarge,
                        path,
                        format!("Cây quá sâu (quá {MAX_DEPTH} cấp) hoặc có vòng lặp; đơn vị được đánh giá như một gốc"),
                        format!("the tree is deeper than {MAX_DEPTH} levels or has a cycle; the unit is evaluated as a root"),
                    )
                });
                if let Some(u) = self.units.get_mut(index) {
                    u.parent = None;
                }
                depth = 0;
            }
            if let Some(u) = self.units.get_mut(index) {
                u.depth = depth;
            }
        }
        // Depths may have changed where cycles were cut: recompute from the parents.
        for index in 0..count {
            let mut depth = 0u32;
            let mut at = self.units.get(index).and_then(|u| u.parent);
            while let Some(parent) = at {
                depth += 1;
                if depth > MAX_DEPTH {
                    break;
                }
                at = self.units.get(parent as usize).and_then(|u| u.parent);
            }
            if let Some(u) = self.units.get_mut(index) {
                u.depth = depth;
            }
        }
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
