//! The regime a record is evaluated under: named, or in force on the period's last day,
//! and implemented; and the fields of the assessment that only some regimes read.

use crate::contract::assessment::Assessment;
use crate::contract::errors::ErrorCode;
use crate::contract::fields::RegimeField;
use crate::contract::regime::{RegimeId, RegimeSelection};
use crate::dates::{vi_date, Span};
use crate::intake::validate::options::ValidateOptions;
use crate::intake::validate::problems::Problems;
use crate::regimes::fields::{readers, reads};
use crate::regimes::registry::{regime_in_force_on, REGIMES};

/// The regime of the record, and how it was chosen.
pub fn regime(
    problems: &mut Problems,
    input: &Assessment,
    span: Option<Span>,
    options: ValidateOptions,
) -> Option<(RegimeId, RegimeSelection)> {
    let last_day = span.map(|s| s.to);
    let mut selection = RegimeSelection::Period;
    let named = match options.regime_override {
        Some(regime) => Some(regime.as_str()),
        None => input.regime.as_deref(),
    };
    let regime = match named {
        Some(name) => {
            let Some(regime) = RegimeId::parse(name) else {
                let known = known_regimes();
                problems.push(
                    ErrorCode::UnknownRegime,
                    "/regime",
                    format!("Không có chế độ `{name}`; các chế độ: {known}"),
                    format!("no regime `{name}`; the regimes are {known}"),
                );
                return None;
            };
            selection = RegimeSelection::Named;
            if let Some(last_day) = last_day {
                let info = regime.info();
                if !info.in_force_on(last_day) && options.allow_regime_outside_span {
                    selection = RegimeSelection::Comparison;
                } else if !info.in_force_on(last_day) {
                    problems.push(
                        ErrorCode::RegimePeriodMismatch,
                        "/regime",
                        format!(
                            "Quy định {} có hiệu lực {}, không áp dụng cho kỳ kết thúc ngày {}",
                            info.document,
                            info.span_text(),
                            vi_date(last_day)
                        ),
                        format!(
                            "{} was in force {}, not on the period's last day {}",
                            info.document,
                            info.span_text(),
                            last_day
                        ),
                    );
                }
            }
            regime
        }
        None => {
            let last_day = last_day?;
            let Some(regime) = regime_in_force_on(last_day) else {
                problems.push(
                    ErrorCode::RegimePeriodMismatch,
                    "/period",
                    format!(
                        "Không có chế độ nào có hiệu lực vào ngày {}",
                        vi_date(last_day)
                    ),
                    format!("no regime was in force on the period's last day {last_day}"),
                );
                return None;
            };
            regime
        }
    };
    let info = regime.info();
    if !info.implemented {
        let path = if input.regime.is_some() {
            "/regime"
        } else {
            "/period"
        };
        problems.push(
            ErrorCode::RegimeNotImplemented,
            path,
            format!(
                "Phiên bản này chưa đánh giá theo Quy định {} ({})",
                info.document,
                regime.as_str()
            ),
            format!(
                "this version does not yet evaluate regime {} ({})",
                regime.as_str(),
                info.document
            ),
        );
    }
    Some((regime, selection))
}

/// The regimes' ids, newest first, as an unknown regime's error lists them.
fn known_regimes() -> String {
    let ids: Vec<&str> = REGIMES.iter().rev().map(|info| info.id.as_str()).collect();
    ids.join(", ")
}

/// The fields that only some regimes read, under the record's regime.
#[derive(Clone, Copy)]
pub struct RegimeFields {
    /// The record's regime, if one was found.
    pub regime: Option<RegimeId>,
    /// Skip, without error, a field the regime does not read (a comparison).
    pub ignore: bool,
}

impl RegimeFields {
    /// Whether `field`, when `present`, may be read. A field present under a regime that
    /// does not read it is an error, or skipped in a comparison.
    pub fn allows(self, p: &mut Problems, field: RegimeField, present: bool) -> bool {
        let Some(regime) = self.regime else {
            return present;
        };
        if !present {
            return false;
        }
        if reads(regime, field) {
            return true;
        }
        if !self.ignore {
            let path = field.path();
            let names = readers(field)
                .iter()
                .map(|r| r.info().document)
                .collect::<Vec<_>>()
                .join(", ");
            let info = regime.info();
            p.push(
                ErrorCode::RegimeFieldMismatch,
                path,
                format!(
                    "Trường `{path}` chỉ dùng theo {names}, không dùng theo Quy định {} ({})",
                    info.document,
                    regime.as_str()
                ),
                format!(
                    "`{path}` is used only under {names}, not under {} ({})",
                    info.document,
                    regime.as_str()
                ),
            );
        }
        false
    }
}
