//! The **illustrative** sample profiles shipped with the library, and even-split
//! profiles generated from the catalogue (`qd366.crit.no_default`).

use crate::contract::criteria::{
    Appendix, AppendixCatalogue, CatalogueItem, CriteriaProfile, Group, ProfileItem, ScoringMode,
    Sector,
};
use crate::data::shipped_file;
use crate::points::Points;
use crate::regimes::qd366::criteria::catalogue::{catalogue, fit, Fit};
use crate::regimes::qd366::criteria::document::decode_profile;
use crate::regimes::qd366::criteria::profile::ValidProfile;
use std::sync::OnceLock;

/// The issuer written into every illustrative profile the library ships or generates.
pub const ILLUSTRATIVE_ISSUER: &str =
    "CHỈ ĐỂ MINH HOẠ – không phải cách tính điểm chính thức / ILLUSTRATIVE ONLY – not an official weighting";
// ---------------------------------------------------------------------------------
// Shipped and generated samples
// ---------------------------------------------------------------------------------

/// Ids of the profiles shipped with the library, all **illustrative**: none is an
/// official weighting (`qd366.crit.no_default`).
pub const SHIPPED_PROFILE_IDS: [&str; 6] = [
    "illustrative-pl1-even-state-administration",
    "illustrative-pl2-even-post-group-11",
    "illustrative-pl3-even",
    "illustrative-pl4-even-state-administration",
    "illustrative-pl5-even",
    "illustrative-pl5-spec-example",
];

static SHIPPED: OnceLock<Vec<ValidProfile>> = OnceLock::new();

/// The shipped sample profiles, validated (see [`SHIPPED_PROFILE_IDS`]); none while the
/// data files have not been given (a build without `embedded-data`).
///
/// The files (`data/criteria/profile-<id>.json`) are checked by tests; one that failed
/// to validate would be left out rather than panic.
pub fn shipped_profiles() -> &'static [ValidProfile] {
    if let Some(profiles) = SHIPPED.get() {
        return profiles;
    }
    let texts: Option<Vec<&str>> = SHIPPED_PROFILE_IDS
        .iter()
        .map(|id| shipped_file(&format!("criteria/profile-{id}.json")))
        .collect();
    let Some(texts) = texts else {
        return &[];
    };
    SHIPPED.get_or_init(|| {
        texts
            .iter()
            .filter_map(|text| decode_profile(text).ok())
            .collect()
    })
}

/// The shipped sample profile with this id.
pub fn shipped_profile(id: &str) -> Option<&'static ValidProfile> {
    shipped_profiles().iter().find(|profile| profile.id() == id)
}

/// An **illustrative** profile that splits each maximum evenly among the applicable
/// central sub-items, down to the leaves of the catalogue.
///
/// Even split, exactly: a maximum of `M` hundredths over `k` children gives each
/// `⌊M/k⌋` hundredths and one more hundredth to each of the first `M mod k` children
/// (70 over 3 → 23.34, 23.33, 23.33). `sector` is used for PL 1 and PL 4, `post_group`
/// for PL 2; without them the blocks they select are left out and the profile does not
/// validate.
pub fn even_split_profile(
    appendix: Appendix,
    sector: Option<Sector>,
    post_group: Option<u32>,
) -> CriteriaProfile {
    let sector = sector.filter(|_| appendix.has_sectors());
    let post_group = post_group.filter(|_| appendix.has_post_groups());
    let catalogue = catalogue(appendix);
    let mut id = format!("illustrative-{}-even", appendix.as_str());
    if let Some(sector) = sector {
        id.push('-');
        id.push_str(&sector.as_str().replace('_', "-"));
    }
    if let Some(post_group) = post_group {
        id.push_str(&format!("-post-group-{post_group}"));
    }
    let mut items = Vec::new();
    for group in Group::ALL {
        split_evenly(
            catalogue,
            &appendix.group_id(group),
            group.max(),
            sector,
            post_group,
            &mut items,
            0,
        );
    }
    CriteriaProfile {
        id,
        version: Some("1".to_owned()),
        appendix,
        issuer: Some(ILLUSTRATIVE_ISSUER.to_owned()),
        valid_from: Some("2025-08-30".to_owned()),
        illustrative: true,
        sector,
        post_group,
        items,
    }
}

fn split_evenly(
    catalogue: &AppendixCatalogue,
    parent: &str,
    max: Points,
    sector: Option<Sector>,
    post_group: Option<u32>,
    items: &mut Vec<ProfileItem>,
    depth: usize,
) {
    // The catalogue nests at most five levels; the bound guards a malformed one.
    if depth > 8 {
        return;
    }
    let children: Vec<&CatalogueItem> = catalogue
        .children(parent)
        .filter(|child| fit(catalogue, child, sector, post_group) == Fit::Applies)
        .collect();
    let Ok(count) = i64::try_from(children.len()) else {
        return;
    };
    if count == 0 {
        return;
    }
    let (share, remainder) = (max.hundredths() / count, max.hundredths() % count);
    for (position, child) in (0_i64..).zip(children) {
        let extra = i64::from(position < remainder);
        let child_max = Points::from_hundredths(share + extra);
        items.push(ProfileItem {
            id: child.id.clone(),
            parent: parent.to_owned(),
            max: child_max.to_json_number(),
            label: None,
            mode: ScoringMode::Range,
            reason: None,
        });
        split_evenly(
            catalogue,
            &child.id,
            child_max,
            sector,
            post_group,
            items,
            depth + 1,
        );
    }
}
