//! Which regime reads which of the regime-specific fields of the assessment: each
//! regime says it (`qd366::fields`, `graded::qd124`, `graded::qd132`).

use crate::contract::fields::RegimeField;
use crate::contract::regime::RegimeId;
use crate::regimes::graded::{qd124, qd132};
use crate::regimes::qd366::fields as qd366;
use crate::regimes::registry::REGIMES;

/// Whether `regime` reads `field`.
pub fn reads(regime: RegimeId, field: RegimeField) -> bool {
    match regime {
        RegimeId::Qd366 => qd366::reads(field),
        RegimeId::Qd124 => qd124::reads(field),
        RegimeId::Qd132 => qd132::reads(field),
        // The state regimes read none of the party's regime-specific fields; their own
        // families are checked by `intake::validate::state::foreign`.
        RegimeId::Nd90 | RegimeId::Nd335 | RegimeId::Nd233 => false,
    }
}

/// The regimes that read `field`, newest first.
pub fn readers(field: RegimeField) -> Vec<RegimeId> {
    REGIMES
        .iter()
        .rev()
        .map(|info| info.id)
        .filter(|&regime| reads(regime, field))
        .collect()
}
