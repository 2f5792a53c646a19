//! Criteria profiles: per-item points for the criteria of QĐ 366 Phụ lục 1–5.
//!
//! The central texts fix only the two group maxima of every appendix: 30 points for the
//! general criteria and 70 for task results (`qd366.crit.groups`). The points of each
//! criteria item are set by the superior party committees (HD 43 §7.12). A
//! [`CriteriaProfile`] is such a weighting, as data: which items of one appendix are
//! scored, with what maximum, nested as the appendix nests them, optionally split into
//! local sub-items.
//!
//! - [`catalogue`] is the list of criteria items of each appendix, with the stable ids of
//!   `criteria-qd366.md` §0.3 (`pl4.general.1.a`), bilingual labels, status marks and
//!   citations. It is shipped with the library (`data/criteria/catalogue-pl<N>.json`).
//! - [`validate_profile`] checks a profile against the catalogue: every parent's maximum
//!   is the exact sum of its children's, and the groups sum to 30 and 70
//!   (`qd366.crit.profile`), every central item is present (`qd366.crit.local`), only
//!   the named sector block or post group applies (`qd366.crit.sector`).
//! - [`ValidProfile::score`] turns item points into the two group totals, exactly
//!   (`qd366.crit.range`, `qd366.crit.complete`, `qd366.crit.derived`).
//! - [`shipped_profiles`] are **illustrative** samples, one or more per appendix; none is
//!   an official weighting (`qd366.crit.no_default`).
//! - [`appendix_for`] maps a subject to its appendix (Art. 10).
//!
//! ```
//! use cadre_eval::criteria::{shipped_profile, Group};
//! use cadre_eval::Points;
//! use std::collections::BTreeMap;
//!
//! let profile = shipped_profile("illustrative-pl5-spec-example").ok_or("not shipped")?;
//! let mut items = BTreeMap::new();
//! for (id, points) in [
//!     ("pl5.general.1.a", "8"), ("pl5.general.1.b", "7.5"), ("pl5.general.1.c", "8"),
//!     ("pl5.general.2", "5.25"),
//!     ("pl5.task_results.1", "28"), ("pl5.task_results.2", "19.5"), ("pl5.task_results.3", "20"),
//! ] {
//!     items.insert(id.to_owned(), points.parse::<serde_json::Number>().map_err(|e| e.to_string())?);
//! }
//! let (general, task_results) = profile.score(&items, "/score/items").map_err(|e| format!("{e:?}"))?;
//! assert_eq!(general, Points::from_hundredths(2875));
//! assert_eq!(task_results, Points::from_hundredths(6750));
//! assert_eq!(Group::General.max(), Points::whole(30));
//! # Ok::<(), String>(())
//! ```
//!
//! The format and the readings are documented in `docs/criteria-profiles.md`.

use crate::contract::SubjectKind;
use crate::dates::parse_iso_date;
use crate::error::{pointer_segment, ErrorCode, InputError, InputErrors};
use crate::limits::MAX_STRING_CHARS;
use crate::points::{Points, PointsProblem};
use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Most items in one profile.
pub const MAX_PROFILE_ITEMS: usize = 1000;
/// Largest profile document, in bytes of JSON text.
pub const MAX_PROFILE_BYTES: usize = 1024 * 1024;
/// Longest label, issuer or reason, in characters (ids and versions: 256).
pub const MAX_TEXT_CHARS: usize = 1000;
/// Number of post groups in the task-results group of Phụ lục 2.
pub const PL2_POST_GROUPS: u32 = 11;

/// The issuer written into every illustrative profile the library ships or generates.
pub const ILLUSTRATIVE_ISSUER: &str =
    "CHỈ ĐỂ MINH HOẠ – không phải cách tính điểm chính thức / ILLUSTRATIVE ONLY – not an official weighting";

// ---------------------------------------------------------------------------------
// Appendices, groups, sectors
// ---------------------------------------------------------------------------------

/// An appendix (phụ lục) of QĐ 366: the criteria framework for one kind of subject.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Appendix {
    /// Phụ lục 1: collectives.
    Pl1,
    /// Phụ lục 2: leaders managed by the Central Committee, Politburo or Secretariat.
    Pl2,
    /// Phụ lục 3: other leaders and managers.
    Pl3,
    /// Phụ lục 4: individuals without a leadership or management post.
    Pl4,
    /// Phụ lục 5: party members not working in the political system.
    Pl5,
}

impl Appendix {
    /// The five appendices, in order.
    pub const ALL: [Appendix; 5] = [
        Appendix::Pl1,
        Appendix::Pl2,
        Appendix::Pl3,
        Appendix::Pl4,
        Appendix::Pl5,
    ];

    /// The appendix number, 1–5.
    pub const fn number(self) -> u8 {
        match self {
            Appendix::Pl1 => 1,
            Appendix::Pl2 => 2,
            Appendix::Pl3 => 3,
            Appendix::Pl4 => 4,
            Appendix::Pl5 => 5,
        }
    }

    /// The id as written in JSON and in item ids (`pl4`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Appendix::Pl1 => "pl1",
            Appendix::Pl2 => "pl2",
            Appendix::Pl3 => "pl3",
            Appendix::Pl4 => "pl4",
            Appendix::Pl5 => "pl5",
        }
    }

    /// `Phụ lục 4` / `Appendix 4`.
    pub fn label(self) -> Text {
        Text::new(
            format!("Phụ lục {}", self.number()),
            format!("Appendix {}", self.number()),
        )
    }

    /// The id of one of its two criteria groups (`pl4.general`, `pl4.task_results`).
    pub fn group_id(self, group: Group) -> String {
        format!("{}.{}", self.as_str(), group.as_str())
    }

    /// The appendix an item id names by its prefix (`pl4.general.1` → PL 4).
    pub fn of_item_id(id: &str) -> Option<Appendix> {
        let (prefix, _) = id.split_once('.')?;
        Appendix::ALL.into_iter().find(|a| a.as_str() == prefix)
    }

    /// Whether a profile for this appendix names a sector block (`qd366.crit.sector`).
    pub const fn has_sectors(self) -> bool {
        matches!(self, Appendix::Pl1 | Appendix::Pl4)
    }

    /// Whether a profile for this appendix names a post group (Phụ lục 2 only).
    pub const fn has_post_groups(self) -> bool {
        matches!(self, Appendix::Pl2)
    }
}

/// The appendix whose criteria apply to a subject (Art. 10; `rules-qd366.md` §2).
///
/// A collective → PL 1; a leader → PL 2 when `centrally_managed`, else PL 3; a member →
/// PL 4 when `in_political_system`, else PL 5. A flag that does not concern the kind is
/// ignored (validation reports it as `not_applicable`).
pub fn appendix_for(
    kind: SubjectKind,
    in_political_system: bool,
    centrally_managed: bool,
) -> Appendix {
    match kind {
        SubjectKind::Collective => Appendix::Pl1,
        SubjectKind::Leader if centrally_managed => Appendix::Pl2,
        SubjectKind::Leader => Appendix::Pl3,
        SubjectKind::Member if in_political_system => Appendix::Pl4,
        SubjectKind::Member => Appendix::Pl5,
    }
}

/// One of the two criteria groups of every appendix.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Nhóm tiêu chí chung: at most 30 points.
    General,
    /// Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: at most 70 points.
    TaskResults,
}

impl Group {
    /// Both groups, in the order of the forms.
    pub const ALL: [Group; 2] = [Group::General, Group::TaskResults];

    /// The group's fixed maximum (`qd366.crit.groups`): 30 or 70.
    pub const fn max(self) -> Points {
        match self {
            Group::General => Points::whole(30),
            Group::TaskResults => Points::whole(70),
        }
    }

    /// The name as written in ids and in `score` (`general`, `task_results`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Group::General => "general",
            Group::TaskResults => "task_results",
        }
    }

    /// The group's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Group::General => Text::new("Nhóm tiêu chí chung", "General criteria"),
            Group::TaskResults => Text::new(
                "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ",
                "Task results",
            ),
        }
    }
}

/// A sector block (khối) shared by the task results of PL 1 and PL 4
/// (`criteria-qd366.md` §7). A profile for these appendices names one.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Party advisory and support bodies.
    PartyAdvisory,
    /// State administrative bodies.
    StateAdministration,
    /// Elected bodies.
    ElectedBody,
    /// Fatherland Front and socio-political organisations.
    FrontAndSocioPolitical,
    /// Armed forces.
    ArmedForces,
    /// Judicial bodies.
    Judiciary,
    /// Public service units.
    PublicServiceUnit,
    /// State-owned enterprises.
    StateEnterprise,
    /// Mass associations assigned tasks by the Party and State.
    MassAssociation,
}

impl Sector {
    /// The nine sectors, in the order of the appendices (block 1 to block 9).
    pub const ALL: [Sector; 9] = [
        Sector::PartyAdvisory,
        Sector::StateAdministration,
        Sector::ElectedBody,
        Sector::FrontAndSocioPolitical,
        Sector::ArmedForces,
        Sector::Judiciary,
        Sector::PublicServiceUnit,
        Sector::StateEnterprise,
        Sector::MassAssociation,
    ];

    /// The id as written in JSON (`state_administration`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Sector::PartyAdvisory => "party_advisory",
            Sector::StateAdministration => "state_administration",
            Sector::ElectedBody => "elected_body",
            Sector::FrontAndSocioPolitical => "front_and_socio_political",
            Sector::ArmedForces => "armed_forces",
            Sector::Judiciary => "judiciary",
            Sector::PublicServiceUnit => "public_service_unit",
            Sector::StateEnterprise => "state_enterprise",
            Sector::MassAssociation => "mass_association",
        }
    }

    /// The sector's name in both languages.
    pub fn label(self) -> Text {
        let (vi, en) = match self {
            Sector::PartyAdvisory => (
                "cơ quan tham mưu của Đảng",
                "party advisory and support bodies",
            ),
            Sector::StateAdministration => {
                ("cơ quan hành chính nhà nước", "state administrative bodies")
            }
            Sector::ElectedBody => ("cơ quan dân cử", "elected bodies"),
            Sector::FrontAndSocioPolitical => (
                "MTTQ và các tổ chức chính trị - xã hội",
                "Fatherland Front and socio-political organisations",
            ),
            Sector::ArmedForces => ("lực lượng vũ trang", "armed forces"),
            Sector::Judiciary => ("cơ quan tư pháp", "judicial bodies"),
            Sector::PublicServiceUnit => ("đơn vị sự nghiệp công lập", "public service units"),
            Sector::StateEnterprise => ("doanh nghiệp nhà nước", "state-owned enterprises"),
            Sector::MassAssociation => (
                "hội quần chúng được Đảng, Nhà nước giao nhiệm vụ",
                "mass associations assigned tasks by the Party and State",
            ),
        };
        Text::new(vi, en)
    }
}

// ---------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------

/// What a catalogue row is, as `criteria-qd366.md` marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A heading whose content is its sub-items ("— (parent)").
    Parent,
    /// A sub-block or sector block whose content is its sub-items ("— (block)").
    Block,
    /// A criterion with its own content.
    Criterion,
    /// A post group of the task results of Phụ lục 2 (only its name was restated).
    PostGroup,
}

/// The status mark of `criteria-qd366.md` §0.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// **C**: read in a restatement of the text.
    Confirmed,
    /// **U**: not read in any restatement.
    Unconfirmed,
}

/// What a group maximum rests on (`criteria-qd366.md` §0.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupBasis {
    /// The appendix heading with its points was restated.
    Heading,
    /// The form's point box was restated.
    Form,
    /// Only a press summary, or a Q&A page's own introduction, gives the number.
    Press,
}

/// Where a criteria item comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemCitation {
    /// `366-QĐ/TW`.
    pub document: String,
    /// The appendix number, 1–5.
    pub appendix: u8,
    /// Keys of the restatements read (`criteria-qd366.md` §0.2).
    pub sources: Vec<String>,
}

/// One criteria group of an appendix, with the basis of its maximum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueGroup {
    /// `pl4.general`.
    pub id: String,
    /// Which group.
    pub group: Group,
    /// Its maximum, 30 or 70.
    pub max: u32,
    /// Its name.
    pub label: Text,
    /// What the maximum rests on.
    pub basis: Vec<GroupBasis>,
    /// The restatements (or digest) giving the maximum.
    pub basis_sources: Vec<String>,
}

/// One criteria item of an appendix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueItem {
    /// Stable id (`pl4.general.1.a`): never renumbered.
    pub id: String,
    /// The parent item, or the group (`pl4.general`).
    pub parent: String,
    /// The group the item belongs to.
    pub group: Group,
    /// What the row is.
    pub kind: ItemKind,
    /// Short Vietnamese paraphrase and English label (not quotations of the text).
    pub label: Text,
    /// Status mark of `criteria-qd366.md`.
    pub status: ItemStatus,
    /// For a sector block of PL 1 or PL 4: its sector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Where it comes from.
    pub citation: ItemCitation,
}

/// The criteria items of one appendix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixCatalogue {
    /// Which appendix.
    pub appendix: Appendix,
    /// Who it is for.
    pub subject: Text,
    /// The HD 43 form that carries its scores (`Mẫu 2B`), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// Whether that pairing of form and appendix was read in a restatement.
    pub form_status: ItemStatus,
    /// The two groups.
    pub groups: Vec<CatalogueGroup>,
    /// Every item, parents before their children, in the appendix's order.
    pub items: Vec<CatalogueItem>,
}

impl AppendixCatalogue {
    fn empty(appendix: Appendix) -> AppendixCatalogue {
        AppendixCatalogue {
            appendix,
            subject: Text::new("", ""),
            form: None,
            form_status: ItemStatus::Unconfirmed,
            groups: Vec::new(),
            items: Vec::new(),
        }
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&CatalogueItem> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The items directly under `parent` (an item id or a group id), in order.
    pub fn children<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a CatalogueItem> + 'a {
        self.items.iter().filter(move |item| item.parent == parent)
    }

    /// The sector blocks of this appendix (PL 1 and PL 4), with their sectors.
    pub fn sector_blocks(&self) -> impl Iterator<Item = (&CatalogueItem, Sector)> {
        self.items
            .iter()
            .filter_map(|item| item.sector.map(|sector| (item, sector)))
    }
}

struct Catalogues {
    pl1: AppendixCatalogue,
    pl2: AppendixCatalogue,
    pl3: AppendixCatalogue,
    pl4: AppendixCatalogue,
    pl5: AppendixCatalogue,
}

static CATALOGUES: OnceLock<Catalogues> = OnceLock::new();

fn load_catalogue(appendix: Appendix, text: &str) -> AppendixCatalogue {
    // The data is compiled in and checked by tests (`criteria_profiles.rs`); a broken
    // file yields an empty catalogue, which rejects every profile, rather than a panic.
    serde_json::from_str::<AppendixCatalogue>(text)
        .ok()
        .filter(|catalogue| catalogue.appendix == appendix)
        .unwrap_or_else(|| AppendixCatalogue::empty(appendix))
}

/// The criteria items of an appendix (`criteria-qd366.md` §2–§6).
pub fn catalogue(appendix: Appendix) -> &'static AppendixCatalogue {
    let all = CATALOGUES.get_or_init(|| Catalogues {
        pl1: load_catalogue(
            Appendix::Pl1,
            include_str!("../data/criteria/catalogue-pl1.json"),
        ),
        pl2: load_catalogue(
            Appendix::Pl2,
            include_str!("../data/criteria/catalogue-pl2.json"),
        ),
        pl3: load_catalogue(
            Appendix::Pl3,
            include_str!("../data/criteria/catalogue-pl3.json"),
        ),
        pl4: load_catalogue(
            Appendix::Pl4,
            include_str!("../data/criteria/catalogue-pl4.json"),
        ),
        pl5: load_catalogue(
            Appendix::Pl5,
            include_str!("../data/criteria/catalogue-pl5.json"),
        ),
    });
    match appendix {
        Appendix::Pl1 => &all.pl1,
        Appendix::Pl2 => &all.pl2,
        Appendix::Pl3 => &all.pl3,
        Appendix::Pl4 => &all.pl4,
        Appendix::Pl5 => &all.pl5,
    }
}

/// The catalogue item with this id, in whichever appendix its prefix names.
pub fn catalogue_item(id: &str) -> Option<&'static CatalogueItem> {
    catalogue(Appendix::of_item_id(id)?).item(id)
}

/// How a catalogue item fits a profile's selection of sector block and post group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// The item applies.
    Applies,
    /// The item belongs to a sector block or post group the profile does not name.
    Excluded,
    /// The item belongs to a sector block or post group, and the profile names none.
    Unselected,
}

fn post_group_id(post_group: u32) -> String {
    format!("pl2.task_results.{post_group}")
}

/// Walks the item and its ancestors: any sector block or post group on the way must be
/// the one the profile names.
fn fit(
    catalogue: &AppendixCatalogue,
    item: &CatalogueItem,
    sector: Option<Sector>,
    post_group: Option<u32>,
) -> Fit {
    let mut current = Some(item);
    // Bounded by the catalogue's size: parents come before children, but a bound keeps
    // a malformed catalogue from looping.
    let mut steps = 0;
    while let Some(node) = current {
        if let Some(node_sector) = node.sector {
            match sector {
                Some(selected) if selected == node_sector => {}
                Some(_) => return Fit::Excluded,
                None => return Fit::Unselected,
            }
        }
        if node.kind == ItemKind::PostGroup {
            match post_group {
                Some(selected) if post_group_id(selected) == node.id => {}
                Some(_) => return Fit::Excluded,
                None => return Fit::Unselected,
            }
        }
        steps += 1;
        if steps > catalogue.items.len() {
            break;
        }
        current = catalogue.item(&node.parent);
    }
    Fit::Applies
}

// ---------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------

/// How an item is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScoringMode {
    /// Any amount from 0 to the maximum, at most two decimals.
    #[default]
    Range,
    /// Either 0 or the maximum (a leaf only).
    PassFail,
}

impl ScoringMode {
    fn is_range(&self) -> bool {
        *self == ScoringMode::Range
    }
}

/// One item of a profile: a central item of the appendix or a local one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProfileItem {
    /// A catalogue id (`pl4.general.1.a`) or a local id `x-<issuer>.<name>`.
    pub id: String,
    /// The parent: the group (`pl4.general`) or an item listed earlier in the profile.
    /// For a central item, its parent in the appendix.
    pub parent: String,
    /// Maximum points, at most two decimals; children of a parent sum to its maximum.
    pub max: serde_json::Number,
    /// Label; default the catalogue's. Required for a local item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// `range` (default) or `pass_fail`.
    #[serde(default, skip_serializing_if = "ScoringMode::is_range")]
    pub mode: ScoringMode,
    /// Why a central item gets 0 points (required then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A criteria profile: the points of each criteria item of one appendix, as set by a
/// superior party committee (`criteria-qd366.md` §1.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CriteriaProfile {
    /// The profile's id, recorded in decisions built from it.
    pub id: String,
    /// Its version, recorded with the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The appendix it weights.
    pub appendix: Appendix,
    /// Who issued it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// First day it applies (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// True for a sample that is not any committee's weighting.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
    /// PL 1 and PL 4 (required there): the sector block whose task items apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// PL 2 (required there): the post group, 1–11, whose task items apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_group: Option<u32>,
    /// The items, parents before their children.
    pub items: Vec<ProfileItem>,
}

/// A profile as a configuration file holds it: `{"criteria_profile": {…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CriteriaProfileDocument {
    /// The profile.
    pub criteria_profile: CriteriaProfile,
}

/// The id and version of a profile, as an assessment or a decision records it
/// (`qd366.crit.recorded`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProfileReference {
    /// The profile's id.
    pub id: String,
    /// Its version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

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
    parent_index: Option<usize>,
}

/// A profile whose maxima sum, level by level, to 30 and 70: only [`validate_profile`]
/// builds one.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidProfile {
    profile: CriteriaProfile,
    entries: Vec<ProfileEntry>,
    /// Position of each item in `entries`, so scoring a large batch stays linear.
    index: BTreeMap<String, usize>,
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
// Problems
// ---------------------------------------------------------------------------------

struct Problems<'a> {
    prefix: &'a str,
    errors: Vec<InputError>,
}

impl Problems<'_> {
    fn path(&self, relative: &str) -> String {
        format!("{}{relative}", self.prefix)
    }

    fn push(&mut self, code: ErrorCode, relative: &str, vi: String, en: String) {
        let path = self.path(relative);
        self.errors.push(InputError::new(code, path, vi, en));
    }

    /// A required, bounded string.
    fn text(&mut self, relative: &str, text: &str, limit: usize) {
        let chars = text.chars().count();
        if text.trim().is_empty() {
            self.push(
                ErrorCode::InvalidValue,
                relative,
                "Giá trị không được để trống".to_owned(),
                "must not be empty".to_owned(),
            );
        } else if chars > limit {
            self.push(
                ErrorCode::TooLarge,
                relative,
                format!("Chuỗi dài {chars} ký tự, vượt giới hạn {limit}"),
                format!("{chars} characters, over the limit of {limit}"),
            );
        }
    }

    /// Points in `0..=max`, at most two decimals.
    fn points(
        &mut self,
        relative: &str,
        number: &serde_json::Number,
        max: Points,
        what_vi: &str,
        what_en: &str,
    ) -> Option<Points> {
        match Points::from_json_number(number) {
            Ok(points) if points < Points::ZERO || points > max => {
                self.push(
                    ErrorCode::OutOfRange,
                    relative,
                    format!("{what_vi} {number} nằm ngoài khoảng 0–{}", max.vi()),
                    format!("{what_en} {number} is outside 0–{max}"),
                );
                None
            }
            Ok(points) => Some(points),
            Err(PointsProblem::TooManyDecimals) => {
                self.push(
                    ErrorCode::TooManyDecimals,
                    relative,
                    format!("{what_vi} {number} có quá hai chữ số thập phân"),
                    format!("{what_en} {number} has more than two decimal places"),
                );
                None
            }
            Err(PointsProblem::NotANumber) => {
                self.push(
                    ErrorCode::OutOfRange,
                    relative,
                    format!("{what_vi} {number} không đọc được như một số hữu hạn"),
                    format!("{what_en} {number} cannot be read as a finite number"),
                );
                None
            }
        }
    }
}

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
    let catalogue = catalogue(appendix);
    let number = appendix.number();

    p.text("/id", &profile.id, MAX_STRING_CHARS);
    if let Some(version) = &profile.version {
        p.text("/version", version, MAX_STRING_CHARS);
    }
    if let Some(issuer) = &profile.issuer {
        p.text("/issuer", issuer, MAX_TEXT_CHARS);
    }
    if let Some(day) = &profile.valid_from {
        if parse_iso_date(day).is_none() {
            p.push(
                ErrorCode::InvalidDate,
                "/valid_from",
                format!("`{day}` không phải ngày hợp lệ dạng YYYY-MM-DD"),
                format!("`{day}` is not a valid date of the form YYYY-MM-DD"),
            );
        }
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
        return Err(InputErrors(p.errors));
    }
    let sector = if appendix.has_sectors() {
        profile.sector
    } else {
        None
    };

    let all_ids: BTreeSet<&str> = profile.items.iter().map(|item| item.id.as_str()).collect();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut drafts: Vec<Draft> = Vec::with_capacity(profile.items.len());

    for (i, item) in profile.items.iter().enumerate() {
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
                if fit(catalogue, central, sector, post_group) == Fit::Excluded {
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

        if duplicate_of.is_none() && !id.is_empty() {
            index.insert(id, i);
        }
        if !id_ok {
            draft.catalogue = None;
        }
        drafts.push(draft);
    }

    // Structure: children of each group and item.
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

    // Pass/fail only on leaves.
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

    // Sums, level by level (`qd366.crit.profile`).
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

    // Every central item is scored: under each group, and under each central item
    // the profile splits into central sub-items (`qd366.crit.local`).
    let mut required_under: Vec<String> = Group::ALL
        .into_iter()
        .map(|group| appendix.group_id(group))
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
        for child in catalogue.children(parent_id) {
            if fit(catalogue, child, sector, post_group) == Fit::Applies
                && !index.contains_key(child.id.as_str())
            {
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

    if !p.errors.is_empty() {
        return Err(InputErrors(p.errors));
    }

    let mut entries: Vec<ProfileEntry> = Vec::with_capacity(drafts.len());
    for (i, (item, draft)) in profile.items.iter().zip(&drafts).enumerate() {
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
    Ok(ValidProfile {
        profile: profile.clone(),
        entries,
        index,
    })
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

// ---------------------------------------------------------------------------------
// Reading profiles from JSON
// ---------------------------------------------------------------------------------

fn decode_document<'de, D>(
    deserializer: D,
    errors: &mut Vec<InputError>,
) -> Option<CriteriaProfileDocument>
where
    D: serde::Deserializer<'de, Error = serde_json::Error>,
{
    let decoded =
        crate::decode::decode_reporting_unknown(deserializer, crate::decode::is_json_syntax);
    errors.extend(decoded.errors);
    decoded.assessment
}

fn validate_document(
    document: Option<CriteriaProfileDocument>,
    mut errors: Vec<InputError>,
) -> Result<ValidProfile, InputErrors> {
    let Some(document) = document else {
        return Err(InputErrors(errors));
    };
    match validate_profile_at(&document.criteria_profile, "/criteria_profile") {
        Ok(valid) if errors.is_empty() => Ok(valid),
        Ok(_) => Err(InputErrors(errors)),
        Err(more) => {
            errors.extend(more.0);
            Err(InputErrors(errors))
        }
    }
}

/// Reads and validates a profile document `{"criteria_profile": {…}}` from JSON text,
/// reporting every unknown field together with the validation problems; paths are
/// from the document (`/criteria_profile/items/3/max`).
pub fn decode_profile(json: &str) -> Result<ValidProfile, InputErrors> {
    if json.len() > MAX_PROFILE_BYTES {
        return Err(InputErrors::one(InputError::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "Hồ sơ tiêu chí dài {} byte, vượt giới hạn {MAX_PROFILE_BYTES}",
                json.len()
            ),
            format!(
                "the criteria profile is {} bytes, over the limit of {MAX_PROFILE_BYTES}",
                json.len()
            ),
        )));
    }
    let mut errors = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let document = decode_document(&mut deserializer, &mut errors);
    if document.is_some() {
        if let Err(error) = deserializer.end() {
            errors.push(crate::decode::structural_error(
                &error.to_string(),
                String::new(),
                true,
            ));
            return Err(InputErrors(errors));
        }
    }
    validate_document(document, errors)
}

/// [`decode_profile`] from a parsed JSON value.
pub fn decode_profile_value(value: &serde_json::Value) -> Result<ValidProfile, InputErrors> {
    let mut errors = Vec::new();
    let document = decode_document(value, &mut errors);
    validate_document(document, errors)
}

/// The JSON Schema of a profile document `{"criteria_profile": {…}}`.
pub fn profile_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(CriteriaProfileDocument)).unwrap_or_default()
}

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

const SHIPPED_PROFILE_TEXTS: [&str; 6] = [
    include_str!("../data/criteria/profile-illustrative-pl1-even-state-administration.json"),
    include_str!("../data/criteria/profile-illustrative-pl2-even-post-group-11.json"),
    include_str!("../data/criteria/profile-illustrative-pl3-even.json"),
    include_str!("../data/criteria/profile-illustrative-pl4-even-state-administration.json"),
    include_str!("../data/criteria/profile-illustrative-pl5-even.json"),
    include_str!("../data/criteria/profile-illustrative-pl5-spec-example.json"),
];

static SHIPPED: OnceLock<Vec<ValidProfile>> = OnceLock::new();

/// The shipped sample profiles, validated (see [`SHIPPED_PROFILE_IDS`]).
///
/// The files are compiled in and checked by tests; one that failed to validate would be
/// left out rather than panic.
pub fn shipped_profiles() -> &'static [ValidProfile] {
    SHIPPED.get_or_init(|| {
        SHIPPED_PROFILE_TEXTS
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

    #[test]
    fn item_ids_name_their_appendix() {
        assert_eq!(Appendix::of_item_id("pl4.general.1.a"), Some(Appendix::Pl4));
        assert_eq!(Appendix::of_item_id("pl6.general"), None);
        assert_eq!(Appendix::of_item_id("x-a.b"), None);
    }
}
