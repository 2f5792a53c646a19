//! The catalogue of criteria items of each appendix (`criteria-qd366.md` §2–§6),
//! shipped with the library (`data/criteria/catalogue-pl<N>.json`), and how an item fits
//! a profile's choice of sector block and post group.

use crate::contract::criteria::{Appendix, AppendixCatalogue, CatalogueItem, ItemKind, Sector};
use std::sync::OnceLock;

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
            include_str!("../../../../data/criteria/catalogue-pl1.json"),
        ),
        pl2: load_catalogue(
            Appendix::Pl2,
            include_str!("../../../../data/criteria/catalogue-pl2.json"),
        ),
        pl3: load_catalogue(
            Appendix::Pl3,
            include_str!("../../../../data/criteria/catalogue-pl3.json"),
        ),
        pl4: load_catalogue(
            Appendix::Pl4,
            include_str!("../../../../data/criteria/catalogue-pl4.json"),
        ),
        pl5: load_catalogue(
            Appendix::Pl5,
            include_str!("../../../../data/criteria/catalogue-pl5.json"),
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
