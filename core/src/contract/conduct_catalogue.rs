//! The conduct catalogue's records (`docs/conduct-catalogue.md`): its documents, their
//! versions and its items, as shipped in `core/data/conduct-catalogue.json` and
//! published as the `conduct-catalogue` and `applicable-item` schemas. Reading and
//! querying it is `conduct`'s.

use crate::contract::conduct::Applicability;
use crate::contract::date::IsoDate;
use crate::contract::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the catalogue's data format this library reads.
pub const FORMAT: u32 = 1;

/// The catalogue: the documents it draws on and its items, in a stable order
/// (document by document, in the order of each document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Data format; this library reads [`FORMAT`].
    pub format: u32,
    /// Version of the catalogue's content (semantic versioning; 0.x while items flagged
    /// `secondary` or `reconstructed` remain, since their ids may still change).
    pub version: String,
    /// What the content was compiled from.
    pub source: Text,
    /// The documents, each with its versions and their dates.
    pub documents: Vec<Document>,
    /// The items.
    pub items: Vec<ConductItem>,
}

/// How a document numbers its parts, for citations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Divisions {
    /// Articles and clauses (Điều, khoản).
    Articles,
    /// Numbered sections and points (Mục, điểm), as in QĐ 101.
    Sections,
    /// Numbered points only (điểm), as in QĐ 55.
    Points,
}

/// A regulation the catalogue draws on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Its number as cited (`37-QĐ/TW`); items refer to it by this.
    pub document: String,
    /// The prefix of its items' ids (`q37`).
    pub id_prefix: String,
    /// Its title.
    pub title: Text,
    /// The body that issued it.
    pub issuer: Text,
    /// The day it was signed.
    pub signed_on: IsoDate,
    /// How it numbers its parts.
    pub divisions: Divisions,
    /// The document(s) it replaced, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// Its versions, oldest first, with the days they were in force.
    pub versions: Vec<DocumentVersion>,
    /// Remarks on its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// One version of a document, in force over a span of days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentVersion {
    /// Stable id (`qd37`, `qd69_264`); items list the versions they belong to.
    pub id: String,
    /// Name of the version.
    pub label: Text,
    /// First day in force (Party regulations take effect on signature).
    pub from: IsoDate,
    /// How the version ended, if it has; absent while in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<VersionEnd>,
}

/// The end of a document version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VersionEnd {
    /// Last day in force.
    pub last_day: IsoDate,
    /// Whether the end is confirmed or only reported.
    pub status: EndStatus,
    /// The document that replaced or amended it from the next day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followed_by: Option<String>,
    /// What is known of the end.
    pub note: Text,
}

/// Whether a version's end is confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EndStatus {
    /// Confirmed: after the last day the version no longer applies.
    Confirmed,
    /// Reported but unconfirmed: after the last day its items are still listed,
    /// marked [`ItemStatus::PossiblySuperseded`].
    Reported,
}

/// How far an item's wording was confirmed (the digest's flags).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Confirmation {
    /// [V]: read in a source that restates the text (not the official text).
    Verified,
    /// [S]: read only in a secondary summary; the gist is confirmed, the wording or
    /// number is not.
    Secondary,
    /// [R]: reconstructed, unconfirmed; check against the official text.
    Reconstructed,
}

impl Confirmation {
    /// Every flag, strongest first.
    pub const ALL: [Confirmation; 3] = [
        Confirmation::Verified,
        Confirmation::Secondary,
        Confirmation::Reconstructed,
    ];

    /// The flag as written in JSON (`verified`).
    pub fn as_str(self) -> &'static str {
        match self {
            Confirmation::Verified => "verified",
            Confirmation::Secondary => "secondary",
            Confirmation::Reconstructed => "reconstructed",
        }
    }
}

/// What an item asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A thing to show or do.
    Duty,
    /// A thing to avoid.
    Prohibition,
    /// A form of discipline (informational).
    DisciplineForm,
}

/// What a breach of an item means for evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemEffect {
    /// A must-not-do rule (QĐ 37): a breach is a hard trigger
    /// (`qd366.11.4.N.conduct`, "breached the things party members must not do").
    MustNotDo,
    /// An exemplary-conduct rule (QĐ 101, 55, 08-QĐi): a breach harming the prestige
    /// of self or unit is a hard trigger (same rule).
    Exemplary,
    /// A conduct standard (QĐ 144, 213): soft evidence for the general criteria only.
    Standard,
    /// A form of discipline (QĐ 69): informational.
    DisciplineForm,
}

/// One item of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConductItem {
    /// Stable id keyed on the topic, not on a clause number (`q37.gifts`).
    pub id: String,
    /// The document cited (`37-QĐ/TW`).
    pub document: String,
    /// The article (for QĐ 101 the section, for QĐ 55 the point); a range such as
    /// `4–6` when only that much is known.
    pub article: String,
    /// The clause or point within the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// Whether the article and clause numbers were confirmed in a source; when false
    /// they are the catalogue's best placement.
    pub numbering_confirmed: bool,
    /// A short heading.
    pub title: Text,
    /// A short paraphrase (not a quotation).
    pub text: Text,
    /// Whom it applies to.
    pub applies_to: Vec<Applicability>,
    /// Duty, prohibition or discipline form.
    pub kind: ItemKind,
    /// What a breach means for evaluation.
    pub effect: ItemEffect,
    /// Ids of the document versions it belongs to.
    pub versions: Vec<String>,
    /// How far its wording was confirmed.
    pub confirmation: Confirmation,
    /// Caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Whether an item listed for a day is in force or possibly superseded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Its document version is in force on the day.
    InForce,
    /// The day falls after the reported but unconfirmed end of its document version:
    /// the item is still listed; check the successor named in the version's end.
    PossiblySuperseded,
}

/// An item that applies to a subject on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ApplicableItem<'a> {
    /// The item.
    pub item: &'a ConductItem,
    /// The document version it is read under.
    pub version: &'a DocumentVersion,
    /// In force or possibly superseded.
    pub status: ItemStatus,
}

/// How many items a document has, by confirmation flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DocumentCount {
    /// The document (`37-QĐ/TW`).
    pub document: String,
    /// All its items.
    pub items: usize,
    /// Items flagged `verified`.
    pub verified: usize,
    /// Items flagged `secondary`.
    pub secondary: usize,
    /// Items flagged `reconstructed`.
    pub reconstructed: usize,
}

/// The catalogue data is unreadable or breaks the catalogue's own rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, thiserror::Error)]
pub struct CatalogueError {
    /// Every problem found.
    pub problems: Vec<Text>,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid conduct catalogue: ")?;
        let mut first = true;
        for problem in &self.problems {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            f.write_str(&problem.en)?;
        }
        Ok(())
    }
}
