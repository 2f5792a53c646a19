//! Checking a criteria profile against the catalogue (`qd366.crit.profile`,
//! `qd366.crit.local`, `qd366.crit.sector`), every problem at once.

use crate::contract::criteria::{
    Appendix, AppendixCatalogue, CatalogueItem, CriteriaProfile, Group, ProfileItem, ScoringMode,
    Sector, PL2_POST_GROUPS,
};
use crate::contract::errors::{ErrorCode, InputErrors};
use crate::contract::limits::{MAX_PROFILE_ITEMS, MAX_STRING_CHARS, MAX_TEXT_CHARS};
use crate::contract::text::Text;
use crate::points::Points;
use crate::regimes::qd366::criteria::catalogue::{catalogue, fit, post_group_id, Fit};
use crate::regimes::qd366::criteria::problems::Problems;
use crate::regimes::qd366::criteria::profile::{ProfileEntry, ValidProfile};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------------

/// `x-<issuer>.<name>`: lower-case ASCII letters, digits, `-` and `_`; the name may
/// contain further dots.
fn is_local_id(id: &str) -> bool {
    let Some(rest) = id.strip_prefix("x-") else {
        return false;
    };
    let Some((issuer, name)) = rest.split_once('.') else {
        return false;
    };
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    !issuer.is_empty()
        && issuer.chars().all(allowed)
        && !name.is_empty()
        && name
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(allowed))
}

/// What the profile's parent reference resolved to.
#[derive(Debug, Clone, Copy)]
enum ParentRef {
    Group(Group),
    Item(usize),
}

/// One profile item during validation.
struct Draft {
    parent: Option<ParentRef>,
    group: Option<Group>,
    max: Option<Points>,
    catalogue: Option<&'static CatalogueItem>,
}

fn list_maxima(items: &[(String, Points)], vi: bool) -> String {
    items
        .iter()
        .map(|(id, max)| {
            if vi {
                format!("{id} = {}", max.vi())
            } else {
                format!("{id} = {max}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------

/// Checks a profile, reporting every problem at once with its path from the profile
/// object (`/items/3/max`).
pub fn validate_profile(profile: &CriteriaProfile) -> Result<ValidProfile, InputErrors> {
    validate_profile_at(profile, "")
}

/// [`validate_profile`] for a profile found at `path_prefix` in a larger document
/// (`/criteria_profile`): every error path starts with the prefix.
pub fn validate_profile_at(
    profile: &CriteriaProfile,
    path_prefix: &str,
) -> Result<ValidProfile, InputErrors> {
    let mut p = Problems {
        prefix: path_prefix,
        errors: Vec::new(),
    };
    let appendix = profile.appendix;
    let post_group = check_header(&mut p, profile)?;
    let selection = Selection {
        appendix,
        catalogue: catalogue(appendix),
        number: appendix.number(),
        sector: if appendix.has_sectors() {
            profile.sector
        } else {
            None
        },
        post_group,
    };
    let all_ids: BTreeSet<&str> = profile.items.iter().map(|item| item.id.as_str()).collect();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut drafts: Vec<Draft> = Vec::with_capacity(profile.items.len());
    for (i, item) in profile.items.iter().enumerate() {
        let (draft, registers) = check_item(&mut p, &selection, i, item, &all_ids, &index, &drafts);
        if registers {
            index.insert(item.id.as_str(), i);
        }
        drafts.push(draft);
    }
    let (group_children, item_children) = children(&drafts);
    check_pass_fail(&mut p, profile, &item_children);
    check_sums(&mut p, profile, &drafts, &group_children, &item_children);
    check_central_items(&mut p, &selection, &drafts, &item_children, &index);
    if !p.errors.is_empty() {
        return Err(InputErrors(p.errors));
    }
    Ok(resolve(profile, &drafts, &item_children))
}

/// What every item of a profile is checked against: its appendix and its catalogue, and
/// the sector block or post group the profile selects.
#[derive(Clone, Copy)]
struct Selection {
    appendix: Appendix,
    catalogue: &'static AppendixCatalogue,
    number: u8,
    sector: Option<Sector>,
    post_group: Option<u32>,
}

impl Selection {
    /// Whether a catalogue item applies under this selection.
    fn fit(&self, item: &CatalogueItem) -> Fit {
        fit(self.catalogue, item, self.sector, self.post_group)
    }
}

/// The profile's own fields: id, version, issuer, first day, its sector block or post
/// group, and how many items. Returns the post group as it can be read; fails at once
/// on more than `MAX_PROFILE_ITEMS` items.
fn check_header(
    p: &mut Problems<'_>,
    profile: &CriteriaProfile,
) -> Result<Option<u32>, InputErrors> {
    let appendix = profile.appendix;
    let number = appendix.number();
    p.text("/id", &profile.id, MAX_STRING_CHARS);
    if let Some(version) = &profile.version {
        p.text("/version", version, MAX_STRING_CHARS);
    }
    if let Some(issuer) = &profile.issuer {
        p.text("/issuer", issuer, MAX_TEXT_CHARS);
    }
    if let Some(day) = &profile.valid_from {
        p.date("/valid_from", day);
    }
    match (appendix.has_sectors(), profile.sector) {
        (true, None) => p.push(
            ErrorCode::MissingField,
            "/sector",
            format!("Hồ sơ tiêu chí của Phụ lục {number} phải nêu khối ngành (`sector`)"),
            format!("a profile for Appendix {number} must name its sector block (`sector`)"),
        ),
        (false, Some(_)) => p.push(
            ErrorCode::NotApplicable,
            "/sector",
            format!("Chỉ hồ sơ của Phụ lục 1 và 4 có khối ngành; hồ sơ này của Phụ lục {number}"),
            format!("only profiles for Appendices 1 and 4 name a sector block; this one is for Appendix {number}"),
        ),
        _ => {}
    }
    let mut post_group = profile.post_group;
    match (appendix.has_post_groups(), profile.post_group) {
        (true, None) => p.push(
            ErrorCode::MissingField,
            "/post_group",
            "Hồ sơ tiêu chí của Phụ lục 2 phải nêu nhóm chức danh (`post_group`, 1–11)".to_owned(),
            "a profile for Appendix 2 must name its post group (`post_group`, 1–11)".to_owned(),
        ),
        (true, Some(group)) if !(1..=PL2_POST_GROUPS).contains(&group) => {
            p.push(
                ErrorCode::OutOfRange,
                "/post_group",
                format!("Nhóm chức danh {group} không tồn tại (1–{PL2_POST_GROUPS})"),
                format!("post group {group} does not exist (1–{PL2_POST_GROUPS})"),
            );
            post_group = None;
        }
        (false, Some(_)) => p.push(
            ErrorCode::NotApplicable,
            "/post_group",
            format!("Chỉ hồ sơ của Phụ lục 2 có nhóm chức danh; hồ sơ này của Phụ lục {number}"),
            format!(
                "only profiles for Appendix 2 name a post group; this one is for Appendix {number}"
            ),
        ),
        _ => {}
    }
    if profile.items.len() > MAX_PROFILE_ITEMS {
        let count = profile.items.len();
        p.push(
            ErrorCode::TooLarge,
            "/items",
            format!("Hồ sơ có {count} mục, vượt giới hạn {MAX_PROFILE_ITEMS}"),
            format!("{count} items, over the limit of {MAX_PROFILE_ITEMS}"),
        );
        return Err(InputErrors(std::mem::take(&mut p.errors)));
    }
    Ok(post_group)
}

/// One item: its id (an item of the appendix that fits the selection, or a local one,
/// listed once), its parent, its maximum, its label and reason. Returns its draft, and
/// whether its id is to be registered (not a duplicate, not empty).
fn check_item<'p>(
    p: &mut Problems<'_>,
    selection: &Selection,
    i: usize,
    item: &'p ProfileItem,
    all_ids: &BTreeSet<&str>,
    index: &BTreeMap<&'p str, usize>,
    drafts: &[Draft],
) -> (Draft, bool) {
    let Selection {
        appendix,
        catalogue,
        number,
        sector,
        post_group,
    } = *selection;
    let at = |field: &str| format!("/items/{i}/{field}");
    let id = item.id.as_str();
    let mut draft = Draft {
        parent: None,
        group: None,
        max: None,
        catalogue: None,
    };

    // The id: central (in this appendix's catalogue, fitting the selection) or local.
    let mut id_ok = true;
    p.text(&at("id"), id, MAX_STRING_CHARS);
    if let Some(group) = Group::ALL.into_iter().find(|g| appendix.group_id(*g) == id) {
        id_ok = false;
        p.push(
            ErrorCode::InvalidValue,
            &at("id"),
            format!(
                "`{id}` là nhóm tiêu chí, điểm tối đa cố định {}; không liệt kê nó như một mục",
                group.max().vi()
            ),
            format!(
                "`{id}` is a criteria group with a fixed maximum of {}; do not list it as an item",
                group.max()
            ),
        );
    } else if let Some(other) = Appendix::of_item_id(id) {
        if other != appendix {
            id_ok = false;
            p.push(
                ErrorCode::InvalidValue,
                &at("id"),
                format!(
                    "`{id}` thuộc Phụ lục {}, không thuộc Phụ lục {number} của hồ sơ này",
                    other.number()
                ),
                format!(
                    "`{id}` belongs to Appendix {}, not to Appendix {number} of this profile",
                    other.number()
                ),
            );
        } else if let Some(central) = catalogue.item(id) {
            draft.catalogue = Some(central);
            if selection.fit(central) == Fit::Excluded {
                id_ok = false;
                let (vi, en) = match (sector, post_group) {
                    (Some(selected), _) => (
                        format!(
                            "`{id}` không thuộc khối {}; hồ sơ này dành cho khối đó",
                            selected.label().vi
                        ),
                        format!(
                            "`{id}` is outside the {} block this profile is for",
                            selected.label().en
                        ),
                    ),
                    (None, selected) => {
                        let selected = selected.map(post_group_id).unwrap_or_default();
                        (
                            format!("`{id}` thuộc nhóm chức danh khác; hồ sơ này dành cho `{selected}`"),
                            format!("`{id}` belongs to another post group; this profile is for `{selected}`"),
                        )
                    }
                };
                p.push(ErrorCode::NotApplicable, &at("id"), vi, en);
            }
        } else {
            id_ok = false;
            p.push(
                ErrorCode::InvalidValue,
                &at("id"),
                format!("`{id}` không phải là mục tiêu chí của Phụ lục {number}"),
                format!("`{id}` is not a criteria item of Appendix {number}"),
            );
        }
    } else if !is_local_id(id) && !id.trim().is_empty() {
        id_ok = false;
        p.push(
            ErrorCode::InvalidValue,
            &at("id"),
            format!("Mã mục `{id}` không hợp lệ: dùng mã của phụ lục (`pl{number}.general.1`) hoặc mã riêng `x-<đơn-vị>.<tên>` (chữ thường, số, `-`, `_`)"),
            format!("item id `{id}` is neither an appendix item (`pl{number}.general.1`) nor a local id `x-<issuer>.<name>` (lower-case letters, digits, `-`, `_`)"),
        );
    }
    let duplicate_of = index.get(id).copied();
    if let Some(first) = duplicate_of {
        id_ok = false;
        p.push(
            ErrorCode::Conflict,
            &at("id"),
            format!(
                "Mục `{id}` đã có ở `{}`",
                p.path(&format!("/items/{first}"))
            ),
            format!(
                "item `{id}` is already listed at `{}`",
                p.path(&format!("/items/{first}"))
            ),
        );
    }

    // The parent: a group of this appendix or an earlier item; a central item keeps
    // its place in the appendix.
    let parent = item.parent.as_str();
    let expected_parent = draft.catalogue.map(|central| central.parent.as_str());
    if let Some(expected) = expected_parent.filter(|expected| *expected != parent) {
        p.push(
            ErrorCode::InvalidValue,
            &at("parent"),
            format!("Trong phụ lục, mục cha của `{id}` là `{expected}`, không phải `{parent}`"),
            format!("in the appendix the parent of `{id}` is `{expected}`, not `{parent}`"),
        );
    } else if let Some(group) = Group::ALL
        .into_iter()
        .find(|g| appendix.group_id(*g) == parent)
    {
        draft.parent = Some(ParentRef::Group(group));
        draft.group = Some(group);
    } else if let Some(&j) = index.get(parent) {
        draft.parent = Some(ParentRef::Item(j));
        draft.group = drafts.get(j).and_then(|d| d.group);
    } else if parent == id {
        p.push(
            ErrorCode::InvalidValue,
            &at("parent"),
            "Một mục không thể là mục cha của chính nó".to_owned(),
            "an item cannot be its own parent".to_owned(),
        );
    } else if all_ids.contains(parent) {
        p.push(
            ErrorCode::InvalidValue,
            &at("parent"),
            format!("Mục cha `{parent}` phải được liệt kê trước `{id}`"),
            format!("the parent `{parent}` must be listed before `{id}`"),
        );
    } else {
        let (general, task_results) = (
            appendix.group_id(Group::General),
            appendix.group_id(Group::TaskResults),
        );
        p.push(
            ErrorCode::InvalidValue,
            &at("parent"),
            format!("Mục cha `{parent}` không có trong hồ sơ và không phải nhóm `{general}` hay `{task_results}`"),
            format!("the parent `{parent}` is neither an item of the profile nor the group `{general}` or `{task_results}`"),
        );
    }

    // The maximum.
    let bound = draft.group.map_or(Group::TaskResults.max(), Group::max);
    draft.max = p.points(&at("max"), &item.max, bound, "Điểm tối đa", "a maximum of");

    // Label and reason.
    match &item.label {
        Some(label) => {
            p.text(&format!("/items/{i}/label/vi"), &label.vi, MAX_TEXT_CHARS);
            p.text(&format!("/items/{i}/label/en"), &label.en, MAX_TEXT_CHARS);
        }
        None if draft.catalogue.is_none() && is_local_id(id) => p.push(
            ErrorCode::MissingField,
            &at("label"),
            format!("Mục riêng `{id}` phải có nhãn (`label`, có `vi` và `en`)"),
            format!("local item `{id}` needs a label (`label`, with `vi` and `en`)"),
        ),
        None => {}
    }
    let reason = item
        .reason
        .as_deref()
        .filter(|reason| !reason.trim().is_empty());
    if let Some(reason) = reason {
        p.text(&at("reason"), reason, MAX_TEXT_CHARS);
    }
    if draft.catalogue.is_some() && draft.max == Some(Points::ZERO) && reason.is_none() {
        p.push(
            ErrorCode::MissingField,
            &at("reason"),
            format!("Mục `{id}` của phụ lục được 0 điểm: phải nêu lý do (`reason`)"),
            format!("central item `{id}` is given 0 points: a reason (`reason`) is required"),
        );
    }

    if !id_ok {
        draft.catalogue = None;
    }
    let registers = duplicate_of.is_none() && !id.is_empty();
    (draft, registers)
}

/// The children of each group and of each item.
fn children(drafts: &[Draft]) -> (BTreeMap<Group, Vec<usize>>, Vec<Vec<usize>>) {
    let mut group_children: BTreeMap<Group, Vec<usize>> = BTreeMap::new();
    let mut item_children: Vec<Vec<usize>> = vec![Vec::new(); drafts.len()];
    for (i, draft) in drafts.iter().enumerate() {
        match draft.parent {
            Some(ParentRef::Group(group)) => group_children.entry(group).or_default().push(i),
            Some(ParentRef::Item(j)) => {
                if let Some(children) = item_children.get_mut(j) {
                    children.push(i);
                }
            }
            None => {}
        }
    }

    (group_children, item_children)
}

/// Pass/fail only on leaves.
fn check_pass_fail(p: &mut Problems<'_>, profile: &CriteriaProfile, item_children: &[Vec<usize>]) {
    for (i, item) in profile.items.iter().enumerate() {
        let has_children = item_children.get(i).is_some_and(|c| !c.is_empty());
        if item.mode == ScoringMode::PassFail && has_children {
            p.push(
                ErrorCode::InvalidValue,
                &format!("/items/{i}/mode"),
                format!(
                    "Chỉ mục lá mới chấm đạt/không đạt; `{}` có mục con",
                    item.id
                ),
                format!(
                    "only a leaf can be scored pass/fail; `{}` has sub-items",
                    item.id
                ),
            );
        }
    }
}

/// Sums, level by level (`qd366.crit.profile`): each group's items to its maximum, each
/// item's children to its maximum.
fn check_sums(
    p: &mut Problems<'_>,
    profile: &CriteriaProfile,
    drafts: &[Draft],
    group_children: &BTreeMap<Group, Vec<usize>>,
    item_children: &[Vec<usize>],
) {
    let appendix = profile.appendix;
    let sum_of = |children: &[usize]| -> Option<(Points, Vec<(String, Points)>)> {
        let mut total = Points::ZERO;
        let mut listed = Vec::with_capacity(children.len());
        for &child in children {
            let max = drafts.get(child)?.max?;
            total = total.saturating_add(max);
            listed.push((profile.items.get(child)?.id.clone(), max));
        }
        Some((total, listed))
    };
    for group in Group::ALL {
        let parent_id = appendix.group_id(group);
        let children = group_children.get(&group).map(Vec::as_slice).unwrap_or(&[]);
        let expected = group.max();
        if children.is_empty() {
            p.push(
                ErrorCode::InconsistentCounts,
                "/items",
                format!(
                    "Không có mục nào thuộc `{parent_id}`; các mục phải cộng lại {}",
                    expected.vi()
                ),
                format!("no items under `{parent_id}`; its items must sum to {expected}"),
            );
        } else if let Some((found, listed)) = sum_of(children) {
            if found != expected {
                p.push(
                    ErrorCode::InconsistentCounts,
                    "/items",
                    format!(
                        "Điểm tối đa các mục thuộc `{parent_id}` ({}) cộng lại {}, phải bằng {}",
                        list_maxima(&listed, true),
                        found.vi(),
                        expected.vi()
                    ),
                    format!(
                        "the maxima of the items under `{parent_id}` ({}) sum to {found}; they must sum to {expected}",
                        list_maxima(&listed, false)
                    ),
                );
            }
        }
    }
    for (i, children) in item_children.iter().enumerate() {
        let (Some(item), Some(draft)) = (profile.items.get(i), drafts.get(i)) else {
            continue;
        };
        let (false, Some(expected)) = (children.is_empty(), draft.max) else {
            continue;
        };
        if let Some((found, listed)) = sum_of(children) {
            if found != expected {
                p.push(
                    ErrorCode::InconsistentCounts,
                    &format!("/items/{i}/max"),
                    format!(
                        "Điểm tối đa các mục thuộc `{}` ({}) cộng lại {}, phải bằng {} (điểm tối đa của `{}`)",
                        item.id,
                        list_maxima(&listed, true),
                        found.vi(),
                        expected.vi(),
                        item.id
                    ),
                    format!(
                        "the maxima of the items under `{}` ({}) sum to {found}; they must sum to {expected}, the maximum of `{}`",
                        item.id,
                        list_maxima(&listed, false),
                        item.id
                    ),
                );
            }
        }
    }
}

/// Every central item is scored: under each group, and under each central item the
/// profile splits into central sub-items (`qd366.crit.local`).
fn check_central_items(
    p: &mut Problems<'_>,
    selection: &Selection,
    drafts: &[Draft],
    item_children: &[Vec<usize>],
    index: &BTreeMap<&str, usize>,
) {
    let number = selection.number;
    let mut required_under: Vec<String> = Group::ALL
        .into_iter()
        .map(|group| selection.appendix.group_id(group))
        .collect();
    for (i, draft) in drafts.iter().enumerate() {
        let Some(central) = draft.catalogue else {
            continue;
        };
        let splits_centrally = item_children.get(i).is_some_and(|children| {
            children
                .iter()
                .any(|&c| drafts.get(c).is_some_and(|d| d.catalogue.is_some()))
        });
        if splits_centrally {
            required_under.push(central.id.clone());
        }
    }
    for parent_id in &required_under {
        for child in selection.catalogue.children(parent_id) {
            if selection.fit(child) == Fit::Applies && !index.contains_key(child.id.as_str()) {
                p.push(
                    ErrorCode::MissingField,
                    "/items",
                    format!(
                        "Thiếu mục `{}` (thuộc `{parent_id}`) của Phụ lục {number}: cho điểm tối đa, hoặc 0 kèm lý do",
                        child.id
                    ),
                    format!(
                        "central item `{}` (under `{parent_id}`) of Appendix {number} is missing: give it a maximum, or 0 with a reason",
                        child.id
                    ),
                );
            }
        }
    }
}

/// The validated profile's entries, resolved.
fn resolve(
    profile: &CriteriaProfile,
    drafts: &[Draft],
    item_children: &[Vec<usize>],
) -> ValidProfile {
    let mut entries: Vec<ProfileEntry> = Vec::with_capacity(drafts.len());
    for (i, (item, draft)) in profile.items.iter().zip(drafts).enumerate() {
        let (Some(group), Some(max), Some(parent)) = (draft.group, draft.max, draft.parent) else {
            continue;
        };
        let parent_index = match parent {
            ParentRef::Group(_) => None,
            ParentRef::Item(j) => Some(j),
        };
        let depth = parent_index
            .and_then(|j| entries.get(j))
            .map_or(1, |parent| parent.depth + 1);
        let label = item
            .label
            .clone()
            .or_else(|| draft.catalogue.map(|central| central.label.clone()))
            .unwrap_or_else(|| Text::new(item.id.clone(), item.id.clone()));
        entries.push(ProfileEntry {
            id: item.id.clone(),
            parent: item.parent.clone(),
            group,
            max,
            mode: item.mode,
            label,
            catalogue: draft.catalogue,
            depth,
            is_leaf: item_children.get(i).is_none_or(Vec::is_empty),
            parent_index,
        });
    }
    let index = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| (entry.id.clone(), i))
        .collect();
    ValidProfile {
        profile: profile.clone(),
        entries,
        index,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_ids_follow_the_namespace_rule() {
        assert!(is_local_id("x-hanoi.accountability"));
        assert!(is_local_id("x-tu-hn.task_1.a"));
        assert!(!is_local_id("x-.name"));
        assert!(!is_local_id("x-issuer."));
        assert!(!is_local_id("x-issuer"));
        assert!(!is_local_id("x-Issuer.name"));
        assert!(!is_local_id("x-issuer.a..b"));
        assert!(!is_local_id("local.name"));
    }
}
