//! The catalogue of criteria items of each appendix (`criteria-qd366.md` §2–§6),
//! shipped with the library (`data/criteria/catalogue-pl<N>.json`, compiled in or given
//! at run time: `crate::data`), and how an item fits a profile's choice of sector block
//! and post group.

use crate::contract::criteria::{Appendix, AppendixCatalogue, CatalogueItem, ItemKind, Sector};
use crate::data::shipped_file;
use std::sync::OnceLock;

fn load_catalogue(appendix: Appendix, text: &str) -> AppendixCatalogue {
    // The data is checked by tests (`criteria_profiles.rs`); a broken file yields an
    // empty catalogue, which rejects every profile, rather than a panic.
    serde_json::from_str::<AppendixCatalogue>(text)
        .ok()
        .filter(|catalogue| catalogue.appendix == appendix)
        .unwrap_or_else(|| AppendixCatalogue::empty(appendix))
}

/// The criteria items of an appendix (`criteria-qd366.md` §2–§6). Empty while the data
/// files have not been given (a build without `embedded-data`), and read once they are.
pub fn catalogue(appendix: Appendix) -> &'static AppendixCatalogue {
    static READ: [OnceLock<AppendixCatalogue>; 5] = [const { OnceLock::new() }; 5];
    static MISSING: [OnceLock<AppendixCatalogue>; 5] = [const { OnceLock::new() }; 5];
    let index = usize::from(appendix.number() - 1);
    if let Some(read) = READ[index].get() {
        return read;
    }
    match shipped_file(&format!("criteria/catalogue-{}.json", appendix.as_str())) {
        Some(text) => READ[index].get_or_init(|| load_catalogue(appendix, text)),
        None => MISSING[index].get_or_init(|| AppendixCatalogue::empty(appendix)),
    }
}

/// The catalogue item with this id, in whichever appendix its prefix names.
pub fn catalogue_item(id: &str) -> Option<&'static CatalogueItem> {
    catalogue(Appendix::of_item_id(id)?).item(id)
}

/// How a catalogue item fits a profile's selection of sector block and post group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The item applies.
    Applies,
    /// The item belongs to a sector block or post group the profile does not name.
    Excluded,
    /// The item belongs to a sector block or post group, and the profile names none.
    Unselected,
}

pub fn post_group_id(post_group: u32) -> String {
    format!("pl2.task_results.{post_group}")
}

/// Walks the item and its ancestors: any sector block or post group on the way must be
/// the one the profile names.
pub fn fit(
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
