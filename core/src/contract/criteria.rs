//! The criteria framework of QĐ 366 as data: appendices, groups, sectors, the
//! catalogue's rows and the criteria profiles a superior committee sets
//! (`criteria-qd366.md`). What is done with them is in `regimes::qd366::criteria`.

use crate::contract::subject::SubjectKind;
use crate::contract::text::Text;
use crate::points::Points;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::ops::Not;

/// Number of post groups in the task-results group of Phụ lục 2.
pub const PL2_POST_GROUPS: u32 = 11;

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
    /// A catalogue with no items: what a broken data file reads as.
    pub fn empty(appendix: Appendix) -> AppendixCatalogue {
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
    #[serde(default, skip_serializing_if = "Not::not")]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_ids_name_their_appendix() {
        assert_eq!(Appendix::of_item_id("pl4.general.1.a"), Some(Appendix::Pl4));
        assert_eq!(Appendix::of_item_id("pl6.general"), None);
        assert_eq!(Appendix::of_item_id("x-a.b"), None);
    }
}
