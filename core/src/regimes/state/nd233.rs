//! What ND 233/2026 (public employees) reads differently from ND 335 under the shared
//! rule ids (`spec/state-regimes.md` §2): its bases and citations are `citations.rs`'s;
//! here, the force of the head cap and the basis of a leader's mitigation.

use crate::contract::decision::Basis;
use crate::contract::regime::RegimeId;

/// ND 233 Art. 12.7 caps a head at the unit's level; the clause was not seen in ND 335,
/// where it is a warning only.
pub fn head_cap_is_hard(regime: RegimeId) -> bool {
    regime == RegimeId::Nd233
}

/// A leader's self-detected and remedied corruption in the unit: ND 233 Art. 12.4.d
/// leaves it to the competent level (`text`); under ND 335 the same claim is read by
/// analogy (`inferred`).
pub fn mitigation_basis(regime: RegimeId) -> Basis {
    if regime == RegimeId::Nd233 {
        Basis::Text
    } else {
        Basis::Inferred
    }
}
