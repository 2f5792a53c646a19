//! Querying the conduct catalogue: which items apply to a subject on a day, under which
//! version, and how each is cited.

use crate::contract::assessment::DisciplineForm;
use crate::contract::conduct::ConductScope;
use crate::contract::conduct_catalogue::{
    ApplicableItem, Catalogue, ConductItem, Confirmation, Divisions, Document, DocumentCount,
    DocumentVersion, EndStatus, ItemEffect, ItemStatus,
};
use crate::contract::text::Text;
use crate::rules::catalogue::Rule;
use chrono::NaiveDate;

impl ItemEffect {
    /// The rule a breach can trigger, if any: a hard trigger for `must_not_do`, and for
    /// `exemplary` when the breach harmed prestige.
    pub fn trigger_rule(self) -> Option<Rule> {
        match self {
            ItemEffect::MustNotDo | ItemEffect::Exemplary => Some(Rule::MemberConduct),
            ItemEffect::Standard | ItemEffect::DisciplineForm => None,
        }
    }
}

impl Catalogue {
    /// The version of the catalogue's content.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Every item, in catalogue order.
    pub fn items(&self) -> &[ConductItem] {
        &self.items
    }

    /// Every document.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The item with this id.
    pub fn get(&self, id: &str) -> Option<&ConductItem> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The document cited as `document` (`37-QĐ/TW`).
    pub fn document(&self, document: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.document == document)
    }

    /// The document version with this id (`qd37`).
    pub fn document_version(&self, id: &str) -> Option<&DocumentVersion> {
        self.documents
            .iter()
            .flat_map(|d| d.versions.iter())
            .find(|v| v.id == id)
    }

    /// The version an item is read under on `on`, and whether it is in force or
    /// possibly superseded; `None` when the item does not apply on that day (before
    /// its first version, after a confirmed end, or between versions it is not in).
    pub fn status_on(
        &self,
        item: &ConductItem,
        on: NaiveDate,
    ) -> Option<(&DocumentVersion, ItemStatus)> {
        let versions: Vec<&DocumentVersion> = item
            .versions
            .iter()
            .filter_map(|id| self.document_version(id))
            .collect();
        let current = versions.iter().find(|v| {
            v.from.day() <= on && v.until.as_ref().is_none_or(|end| on <= end.last_day.day())
        });
        if let Some(version) = current {
            return Some((version, ItemStatus::InForce));
        }
        // A reported end does not drop the item: only the latest version can have one
        // that matters, since an item in a later version is read under that version.
        let latest = versions.iter().max_by_key(|v| v.from)?;
        match &latest.until {
            Some(end) if end.status == EndStatus::Reported && on > end.last_day.day() => {
                Some((latest, ItemStatus::PossiblySuperseded))
            }
            _ => None,
        }
    }

    /// The items that apply to a subject on a day, in catalogue order: those whose
    /// applicability the scope covers (the higher the position, the more items) and
    /// whose document version is in force that day or only reportedly superseded.
    pub fn items_for(&self, scope: &ConductScope, on: NaiveDate) -> Vec<ApplicableItem<'_>> {
        self.items
            .iter()
            .filter(|item| item.applies_to.iter().any(|a| scope.covers(*a)))
            .filter_map(|item| {
                self.status_on(item, on)
                    .map(|(version, status)| ApplicableItem {
                        item,
                        version,
                        status,
                    })
            })
            .collect()
    }

    /// The citation of an item (`Điều 14, Quy định 37-QĐ/TW` / `37-QĐ/TW, Art. 14`).
    pub fn citation(&self, item: &ConductItem) -> Text {
        let divisions = self
            .document(&item.document)
            .map_or(Divisions::Articles, |d| d.divisions);
        let (vi_article, en_article, vi_clause, en_clause) = match divisions {
            Divisions::Articles => ("Điều", "Art.", "khoản", "cl."),
            Divisions::Sections => ("Mục", "section", "điểm", "point"),
            Divisions::Points => ("Điểm", "point", "ý", "item"),
        };
        let mut vi = format!("{vi_article} {}", item.article);
        let mut en = format!("{}, {en_article} {}", item.document, item.article);
        if let Some(clause) = &item.clause {
            vi.push_str(&format!(", {vi_clause} {clause}"));
            en.push_str(&format!(", {en_clause} {clause}"));
        }
        vi.push_str(&format!(", Quy định {}", item.document));
        Text::new(vi, en)
    }

    /// Item counts per document and confirmation flag, in document order.
    pub fn counts(&self) -> Vec<DocumentCount> {
        self.documents
            .iter()
            .map(|document| {
                let items: Vec<&ConductItem> = self
                    .items
                    .iter()
                    .filter(|item| item.document == document.document)
                    .collect();
                let flagged = |flag: Confirmation| {
                    items
                        .iter()
                        .filter(|item| item.confirmation == flag)
                        .count()
                };
                DocumentCount {
                    document: document.document.clone(),
                    items: items.len(),
                    verified: flagged(Confirmation::Verified),
                    secondary: flagged(Confirmation::Secondary),
                    reconstructed: flagged(Confirmation::Reconstructed),
                }
            })
            .collect()
    }
}

/// The id of the catalogue item describing a form of party discipline
/// (`q69.reprimand`); none for the administrative forms, which QĐ 69 does not know.
pub fn discipline_form_item_id(form: DisciplineForm) -> Option<&'static str> {
    match form {
        DisciplineForm::Reprimand => Some("q69.reprimand"),
        DisciplineForm::Warning => Some("q69.warning"),
        DisciplineForm::Removal => Some("q69.removal"),
        DisciplineForm::Expulsion => Some("q69.expulsion"),
        DisciplineForm::Dissolution => Some("q69.dissolution"),
        DisciplineForm::SalaryDowngrade | DisciplineForm::Demotion | DisciplineForm::Dismissal => {
            None
        }
    }
}
