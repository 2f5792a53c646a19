//! Linking units into a tree: parents found, missing parents, cycles and depth
//! reported; units in tree order.

use crate::contract::errors::{ErrorCode, InputError};
use crate::contract::limits::MAX_DEPTH;
use crate::group::org::evaluator::OrgEvaluator;

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
                _ => {
                    let (line, id, path) = self
                        .units
                        .get(index)
                        .map(|u| (u.line, u.id.clone(), u.path.clone()))
                        .unwrap_or_default();
                    let error = InputError::new(
                        ErrorCode::InvalidValue,
                        format!("{path}/parent"),
                        format!("Không có đơn vị cấp trên `{parent_id}`; đơn vị được đánh giá như một gốc"),
                        format!("no parent unit `{parent_id}`; the unit is evaluated as a root"),
                    );
                    self.reject(line, Some(&id), None, vec![error]);
                }
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
                let (line, id, path) = self
                    .units
                    .get(index)
                    .map(|u| (u.line, u.id.clone(), u.path.clone()))
                    .unwrap_or_default();
                let error = InputError::new(
                    ErrorCode::TooLarge,
                    format!("{path}/parent"),
                    format!("Cây quá sâu (quá {MAX_DEPTH} cấp) hoặc có vòng lặp; đơn vị được đánh giá như một gốc"),
                    format!("the tree is deeper than {MAX_DEPTH} levels or has a cycle; the unit is evaluated as a root"),
                );
                self.reject(line, Some(&id), None, vec![error]);
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
