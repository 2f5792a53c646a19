//! A validated criteria profile and scoring: item points turned into the two group
//! totals, exactly (`qd366.crit.range`, `qd366.crit.complete`, `qd366.crit.derived`).

use crate::contract::criteria::{
    Appendix, CatalogueItem, CriteriaProfile, Group, ProfileReference, ScoringMode,
};
use crate::contract::errors::{pointer_segment, ErrorCode, InputError};
use crate::contract::limits::MAX_PROFILE_ITEMS;
use crate::contract::text::Text;
use crate::points::Points;
use crate::regimes::qd366::criteria::problems::Problems;
use std::collections::BTreeMap;

/// One item of a validated profile, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileEntry {
    /// The item id.
    pub id: String,
    /// The parent item, or the group id.
    pub parent: String,
    /// The group it counts towards.
    pub group: Group,
    /// Its maximum, exact.
    pub max: Points,
    /// How it is scored.
    pub mode: ScoringMode,
    /// Its label: the profile's, else the catalogue's.
    pub label: Text,
    /// The catalogue item, for a central item; `None` for a local one.
    pub catalogue: Option<&'static CatalogueItem>,
    /// 1 for an item directly under a group.
    pub depth: u32,
    /// Whether it has no sub-items in this profile: only leaves are scored.
    pub is_leaf: bool,
    /// The parent's position in the profile's entries (none under a group).
    pub(super) parent_index: Option<usize>,
}

/// A profile whose maxima sum, level by level, to 30 and 70: only `validate_profile`
/// builds one.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidProfile {
    // INVARIANT: only `validate::validate_profile_at` builds one: every parent's
    // maximum is the exact sum of its children's, the groups sum to 30 and 70, every
    // central item is present, and `index` maps each entry's id to its position.
    pub(super) profile: CriteriaProfile,
    pub(super) entries: Vec<ProfileEntry>,
    /// Position of each item in `entries`, so scoring a large batch stays linear.
    pub(super) index: BTreeMap<String, usize>,
}

/// Item points turned into the two group totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemScores {
    /// The general group, 0–30.
    pub general: Points,
    /// Task results, 0–70.
    pub task_results: Points,
    /// Every item of the profile: leaves as given, the others derived by summation.
    pub items: BTreeMap<String, Points>,
}

impl ItemScores {
    /// `S = G + R`.
    pub fn total(&self) -> Points {
        self.general.saturating_add(self.task_results)
    }
}

// ---------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------

impl ValidProfile {
    /// The profile's id.
    pub fn id(&self) -> &str {
        &self.profile.id
    }

    /// Its version.
    pub fn version(&self) -> Option<&str> {
        self.profile.version.as_deref()
    }

    /// The appendix it weights.
    pub fn appendix(&self) -> Appendix {
        self.profile.appendix
    }

    /// Whether it is a sample rather than a committee's weighting.
    pub fn is_illustrative(&self) -> bool {
        self.profile.illustrative
    }

    /// The profile as given.
    pub fn profile(&self) -> &CriteriaProfile {
        &self.profile
    }

    /// Id and version, as a decision records them.
    pub fn reference(&self) -> ProfileReference {
        ProfileReference {
            id: self.profile.id.clone(),
            version: self.profile.version.clone(),
        }
    }

    /// Every item, in the profile's order (parents before children): what a form lists.
    pub fn entries(&self) -> &[ProfileEntry] {
        &self.entries
    }

    /// The item with this id.
    pub fn entry(&self, id: &str) -> Option<&ProfileEntry> {
        self.index.get(id).and_then(|&i| self.entries.get(i))
    }

    /// The items that are scored (those without sub-items).
    pub fn leaves(&self) -> impl Iterator<Item = &ProfileEntry> {
        self.entries.iter().filter(|entry| entry.is_leaf)
    }

    /// The exact general and task-results totals from item points.
    ///
    /// `items` maps item ids to points; errors are located at
    /// `{path_prefix}/{item id}`. See [`ValidProfile::score_items`].
    pub fn score(
        &self,
        items: &BTreeMap<String, serde_json::Number>,
        path_prefix: &str,
    ) -> Result<(Points, Points), Vec<InputError>> {
        self.score_items(items, path_prefix)
            .map(|scores| (scores.general, scores.task_results))
    }

    /// Reads item points and derives every intermediate item and both group totals.
    ///
    /// - Every leaf must be scored; a missing leaf is `missing_field`, never a silent 0
    ///   (`qd366.crit.complete`).
    /// - A score is `0 ≤ s ≤ max` (`out_of_range`), at most two decimals
    ///   (`too_many_decimals`); a pass/fail item takes `0` or `max` (`invalid_value`)
    ///   (`qd366.crit.range`).
    /// - An id that is not an item of the profile is `unknown_field`.
    /// - An intermediate item may be given too; it must equal the sum of its sub-items
    ///   (`conflict`) (`qd366.crit.derived`).
    pub fn score_items(
        &self,
        items: &BTreeMap<String, serde_json::Number>,
        path_prefix: &str,
    ) -> Result<ItemScores, Vec<InputError>> {
        let mut p = Problems {
            prefix: path_prefix,
            errors: Vec::new(),
        };
        if items.len() > MAX_PROFILE_ITEMS {
            let count = items.len();
            p.push(
                ErrorCode::TooLarge,
                "",
                format!("Có {count} điểm mục, vượt giới hạn {MAX_PROFILE_ITEMS}"),
                format!("{count} item scores, over the limit of {MAX_PROFILE_ITEMS}"),
            );
            return Err(p.errors);
        }
        let count = self.entries.len();
        let mut given: Vec<Option<Points>> = vec![None; count];
        let mut complete: Vec<bool> = vec![true; count];
        for (i, entry) in self.entries.iter().enumerate() {
            let relative = format!("/{}", pointer_segment(&entry.id));
            let id = &entry.id;
            let max = entry.max;
            match items.get(id) {
                None if entry.is_leaf => {
                    p.push(
                        ErrorCode::MissingField,
                        &relative,
                        format!("Thiếu điểm của mục `{id}` (tối đa {}); mọi mục lá đều phải được chấm", max.vi()),
                        format!("the score of item `{id}` (max {max}) is missing; every leaf item must be scored"),
                    );
                    set(&mut complete, i, false);
                }
                None => {}
                Some(number) => {
                    let what_vi = format!("`{id}`:");
                    let what_en = format!("`{id}`:");
                    let points = p.points(&relative, number, max, &what_vi, &what_en);
                    match points {
                        Some(points)
                            if entry.mode == ScoringMode::PassFail
                                && points != Points::ZERO
                                && points != max =>
                        {
                            p.push(
                                ErrorCode::InvalidValue,
                                &relative,
                                format!("Mục `{id}` chấm đạt/không đạt: chỉ nhận 0 hoặc {}, không nhận {}", max.vi(), points.vi()),
                                format!("`{id}` is scored pass/fail: only 0 or {max}, not {points}"),
                            );
                            set(&mut complete, i, false);
                        }
                        Some(points) => set(&mut given, i, Some(points)),
                        None => set(&mut complete, i, false),
                    }
                }
            }
        }
        for key in items.keys() {
            if self.entry(key).is_some() {
                continue;
            }
            let relative = format!("/{}", pointer_segment(key));
            let is_group = Group::ALL
                .into_iter()
                .any(|group| self.appendix().group_id(group) == *key);
            let (vi, en) = if is_group {
                (
                    format!("`{key}` là tổng nhóm: ghi ở `score.general` hoặc `score.task_results`, không ở điểm từng mục"),
                    format!("`{key}` is a group total: it goes in `score.general` or `score.task_results`, not among item scores"),
                )
            } else {
                (
                    format!("`{key}` không phải mục của hồ sơ tiêu chí `{}`", self.id()),
                    format!("`{key}` is not an item of criteria profile `{}`", self.id()),
                )
            };
            p.push(ErrorCode::UnknownField, &relative, vi, en);
        }

        // Derive bottom-up: children come after their parents, so a reverse walk has
        // every child summed before its parent is read.
        let mut derived: Vec<Points> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                if entry.is_leaf {
                    given.get(i).copied().flatten().unwrap_or(Points::ZERO)
                } else {
                    Points::ZERO
                }
            })
            .collect();
        let mut conflicts = Vec::new();
        let mut general = Points::ZERO;
        let mut task_results = Points::ZERO;
        for (i, entry) in self.entries.iter().enumerate().rev() {
            let value = derived.get(i).copied().unwrap_or(Points::ZERO);
            let is_complete = complete.get(i).copied().unwrap_or(false);
            if let (false, true, Some(stated)) =
                (entry.is_leaf, is_complete, given.get(i).copied().flatten())
            {
                if stated != value {
                    let id = &entry.id;
                    conflicts.push(InputError::new(
                        ErrorCode::Conflict,
                        p.path(&format!("/{}", pointer_segment(id))),
                        format!(
                            "Điểm `{id}` = {} khác tổng các mục con, {}",
                            stated.vi(),
                            value.vi()
                        ),
                        format!("`{id}` = {stated} differs from the sum of its sub-items, {value}"),
                    ));
                }
            }
            match entry.parent_index {
                Some(j) => {
                    if let Some(sum) = derived.get_mut(j) {
                        *sum = sum.saturating_add(value);
                    }
                    if !is_complete {
                        set(&mut complete, j, false);
                    }
                }
                None => match entry.group {
                    Group::General => general = general.saturating_add(value),
                    Group::TaskResults => task_results = task_results.saturating_add(value),
                },
            }
        }
        conflicts.reverse();
        p.errors.extend(conflicts);
        if !p.errors.is_empty() {
            return Err(p.errors);
        }
        let items = self
            .entries
            .iter()
            .zip(derived)
            .map(|(entry, points)| (entry.id.clone(), points))
            .collect();
        Ok(ItemScores {
            general,
            task_results,
            items,
        })
    }
}

fn set<T>(values: &mut [T], index: usize, value: T) {
    if let Some(slot) = values.get_mut(index) {
        *slot = value;
    }
}
