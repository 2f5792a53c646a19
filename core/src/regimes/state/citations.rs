//! Where each state rule is written, and on what basis, under the regime that applied
//! it (`docs/state-regimes.md`, the rule catalogue): `nd233` shares the spec's `nd335.*`
//! ids but cites ND 233's articles, with the basis of what was seen of each text;
//! `nd90`'s level rules cite the article of the subject's employment and pattern; the
//! link rules cite the party regime that reads the state rating.

use crate::contract::decision::Basis;
use crate::contract::regime::RegimeId;
use crate::contract::state::Employment;
use crate::rules::catalogue::{Citation, Rule};

const fn cite(
    document: &'static str,
    article: &'static str,
    clause: Option<&'static str>,
) -> Citation {
    Citation {
        document,
        article,
        clause,
        note: None,
    }
}

const ND233: &str = "233/2026/NĐ-CP";
const ND90: &str = "90/2020/NĐ-CP";

/// The basis of a state rule under `regime` (`nd335` or `nd233`): what the spec marks
/// `text` where that decree's wording was seen, `inferred` where it was read from a
/// parallel text.
pub fn points_basis(rule: Rule, regime: RegimeId) -> Basis {
    let nd233 = regime == RegimeId::Nd233;
    match rule {
        Rule::StateQuantity | Rule::StateQuality | Rule::StateProgress if nd233 => Basis::Inferred,
        Rule::StateTimeWorked
        | Rule::StateShort
        | Rule::StateLeave
        | Rule::StateOldUnit
        | Rule::StateRecognised
        | Rule::StateHeadCap
            if !nd233 =>
        {
            Basis::Inferred
        }
        other => other.basis(),
    }
}

/// The basis of an ND 90 level rule: `text` for Arts. 4, 7, 8, 9, 12–15, `inferred` for
/// Arts. 5, 6, 10, 11 (their wording was seen only in the viên chức twin).
pub fn nd90_basis(rule: Rule, employment: Option<Employment>) -> Basis {
    match nd90_article(rule, employment) {
        Some("5" | "6" | "10" | "11") => Basis::Inferred,
        _ => rule.basis(),
    }
}

/// The ND 90 article of a level rule for an employment and pattern (§6.1 of the
/// design: cán bộ Arts. 4–7, công chức 8–11, viên chức 12–15).
fn nd90_article(rule: Rule, employment: Option<Employment>) -> Option<&'static str> {
    let offset = match employment {
        Some(Employment::CanBo) => 0,
        Some(Employment::CongChuc) | None => 1,
        Some(Employment::VienChuc) => 2,
    };
    const ARTICLES: [[&str; 3]; 4] = [
        ["4", "8", "12"],
        ["5", "9", "13"],
        ["6", "10", "14"],
        ["7", "11", "15"],
    ];
    let row = match rule {
        Rule::Nd90Excellent => 0,
        Rule::Nd90Good => 1,
        Rule::Nd90Completed | Rule::Nd90Gap => 2,
        Rule::Nd90NotCompleted => 3,
        _ => return None,
    };
    ARTICLES.get(row).and_then(|r| r.get(offset)).copied()
}

/// A state rule's citation under the regime that applied it.
pub fn state_citation(
    rule: Rule,
    regime: RegimeId,
    employment: Option<Employment>,
    leader: bool,
) -> Citation {
    if regime == RegimeId::Nd90 {
        if let Some(article) = nd90_article(rule, employment) {
            let clause = match (employment, leader, rule) {
                (_, _, Rule::Nd90Gap) => None,
                (Some(Employment::CanBo), _, _) => None,
                (_, true, _) => Some("2"),
                (_, false, _) => Some("1"),
            };
            return cite(ND90, article, clause);
        }
        return rule.citation();
    }
    if regime != RegimeId::Nd233 {
        return rule.citation();
    }
    match rule {
        Rule::StateQuantity
        | Rule::StateQuality
        | Rule::StateProgress
        | Rule::StateUnitResults
        | Rule::StateOrganising
        | Rule::StateRallying => cite(ND233, "11", None),
        Rule::StatePeriodScore | Rule::StateYear | Rule::StateNoWork => {
            cite(ND233, "12", Some("5"))
        }
        Rule::StateTimeWorked => cite(ND233, "15", Some("1")),
        Rule::StateDisciplineNotCounted => cite(ND233, "14", Some("3")),
        Rule::StateUnder50 => cite(ND233, "12", Some("4.a")),
        Rule::StateConduct => cite(ND233, "12", Some("4.b")),
        Rule::StateDisciplined => cite(ND233, "12", Some("4.c")),
        Rule::StateScopeCorruption => cite(ND233, "12", Some("4.d")),
        Rule::StateExcellent => cite(ND233, "12", Some("1")),
        Rule::StateGood => cite(ND233, "12", Some("2")),
        Rule::StateCompleted => cite(ND233, "12", Some("3")),
        Rule::StateQuota => cite(ND233, "12", Some("6.a")),
        Rule::StateRecognised => cite(ND233, "12", Some("6.b")),
        Rule::StateUnitLevel => cite(ND233, "7", None),
        other => other.citation(),
    }
}

/// The citation of a link rule under the party regime that reads the state rating;
/// `capped` when HD 21's caps were applied by option (`state_cap: hd21`).
pub fn link_citation(rule: Rule, party_regime: RegimeId, capped: bool) -> Citation {
    match (rule, party_regime) {
        (Rule::LinkStateRating, RegimeId::Qd132) => rule.citation(),
        (Rule::LinkStateRating, _) if capped => cite("21-HD/BTCTW", "II.B.2", None),
        (_, RegimeId::Qd124) => cite(ND90, "2", Some("4")),
        _ => cite("366-QĐ/TW", "3", Some("4")),
    }
}
