//! Typed decisions for Python: `Decision` and `Reason`, each with the contract's fields
//! as attributes and `to_dict()` giving the contract's JSON shape.

use crate::convert::to_py;
use crate::names::{basis_name, effect_name, outcome_name, reading_name};
use cadre_eval::{Decision, DecisionRecord, Level, ReasonRecord};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use std::sync::OnceLock;

/// `decimal.Decimal`, for exact points.
static DECIMAL: PyOnceLock<Py<pyo3::types::PyType>> = PyOnceLock::new();

fn decimal<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    DECIMAL.import(py, "decimal", "Decimal")?.call1((text,))
}

fn text_dict<'py>(py: Python<'py>, vi: &str, en: &str) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("vi", vi)?;
    dict.set_item("en", en)?;
    Ok(dict)
}

/// The result of evaluating one assessment: a proposed level with every reason.
///
/// Attributes follow the contract's decision record; `to_dict()` gives it as JSON
/// would (`json.loads` of the CLI's output).
#[pyclass(frozen, module = "cadre_eval", name = "Decision")]
pub struct PyDecision {
    /// The compact decision (the quota works on these).
    pub decision: Decision,
    /// The rendered contract record, built on first use.
    record: OnceLock<DecisionRecord>,
}

impl PyDecision {
    /// Wraps a decision.
    pub fn new(decision: Decision) -> PyDecision {
        PyDecision {
            decision,
            record: OnceLock::new(),
        }
    }

    fn record(&self) -> &DecisionRecord {
        self.record.get_or_init(|| self.decision.to_record())
    }
}

#[pymethods]
impl PyDecision {
    /// The caller's id.
    #[getter]
    fn id(&self) -> &str {
        &self.decision.id
    }

    /// The regime applied (`qd366`, a state record's `nd335`), or None for a cán bộ
    /// from 2026, whom no state regime rates (`state.none`).
    #[getter]
    fn regime(&self) -> Option<&'static str> {
        self.decision.regime_shown().map(|r| r.as_str())
    }

    /// The regulation of that regime (`366-QĐ/TW`), or None.
    #[getter]
    fn regime_document(&self) -> Option<&'static str> {
        self.decision.regime_shown().map(|r| r.info().document)
    }

    /// `state` for a state decision, else None.
    #[getter]
    fn rating(&self) -> Option<&'static str> {
        self.record().rating.map(|r| r.as_str())
    }

    /// A state decision's own part (`employment`, `periods` with their exact numbers,
    /// `periods_counted`, `mean`, `rounding`, `agency`), or None.
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.record().state)
    }

    /// A party decision: the state rating it read (`regime`, `year`, `level`, `source`),
    /// or None.
    #[getter]
    fn state_rating<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.record().state_rating)
    }

    /// The regime's `id`, `name` (`{"vi", "en"}`), `document`, `guideline`,
    /// `in_force_from`, `in_force_until` (None while in force) and how it was
    /// `selected` (`period`, `named` or `comparison`).
    #[getter]
    fn regime_info<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.record().regime_info)
    }

    /// The period evaluated, `{"from": "2025-01-01", "to": "2025-12-31"}`.
    #[getter]
    fn period<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("from", self.decision.period.from.to_string())?;
        dict.set_item("to", self.decision.period.to.to_string())?;
        Ok(dict)
    }

    /// The evaluation day (`YYYY-MM-DD`).
    #[getter]
    fn as_of(&self) -> String {
        self.decision.as_of.to_string()
    }

    /// `classified`, `not_classified` or `undetermined`.
    #[getter]
    fn outcome(&self) -> &'static str {
        outcome_name(self.decision.outcome)
    }

    /// The proposed level (`excellent`, `good`, `completed`, `not_completed`), or None.
    #[getter]
    fn level(&self) -> Option<&'static str> {
        self.decision.level.map(Level::as_str)
    }

    /// The level's name, `{"vi": …, "en": …}`, or None.
    #[getter]
    fn label<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.decision
            .level
            .map(|level| text_dict(py, level.vi(), level.en()))
            .transpose()
    }

    /// The total score, exact (`Decimal('90.5')`), or None.
    #[getter]
    fn score<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.decision
            .score
            .map(|score| decimal(py, &score.to_json_number().to_string()))
            .transpose()
    }

    /// The level of the score band alone, or None.
    #[getter]
    fn band(&self) -> Option<&'static str> {
        self.decision.band.map(Level::as_str)
    }

    /// The competent level must decide (a reading, a mitigation, a tie, complaints).
    #[getter]
    fn needs_decision(&self) -> bool {
        self.decision.needs_decision
    }

    /// The reading applied (`cascade` or `strict`).
    #[getter]
    fn reading(&self) -> &'static str {
        reading_name(self.decision.reading)
    }

    /// Every rule that decided, blocked or informs the level, in evaluation order.
    #[getter]
    fn reasons(&self) -> Vec<PyReason> {
        self.record()
            .reasons
            .iter()
            .cloned()
            .map(|record| PyReason { record })
            .collect()
    }

    /// What the level would be if a mitigation were accepted: dicts with `level`, `if`,
    /// `rule`, `message`.
    #[getter]
    fn alternatives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.record().alternatives)
    }

    /// What the Excellent quota did (`group`, `e_max`, `rank`, `demoted`, `tied_at_cut`),
    /// or None before a group evaluation.
    #[getter]
    fn quota<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.decision.quota)
    }

    /// The quota group named in the input, or None.
    #[getter]
    fn quota_group(&self) -> Option<&str> {
        self.decision.quota_group.as_deref()
    }

    /// The reason that settles the decision, for a one-line summary, or None.
    fn deciding_reason(&self) -> Option<PyReason> {
        let index = self
            .decision
            .deciding_reason()
            .and_then(|wanted| self.decision.reasons.iter().position(|r| r == wanted))?;
        self.record()
            .reasons
            .get(index)
            .cloned()
            .map(|record| PyReason { record })
    }

    /// The decision as the contract's JSON object (a dict of plain Python values).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.record())
    }

    /// The decision as the contract's JSON text.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(self.record())
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    fn __repr__(&self) -> String {
        let level = self.decision.level.map_or("None", Level::as_str);
        let score = self
            .decision
            .score
            .map_or_else(|| "None".to_owned(), |s| s.to_json_number().to_string());
        format!(
            "Decision(id={:?}, outcome={:?}, level={:?}, score={score}, needs_decision={})",
            self.decision.id,
            outcome_name(self.decision.outcome),
            level,
            if self.decision.needs_decision {
                "True"
            } else {
                "False"
            }
        )
    }
}

/// One rule's finding: rule id, whether it held, its effect, the level it concerns, the
/// citation, and a message in Vietnamese and English built from the values it read.
#[pyclass(frozen, module = "cadre_eval", name = "Reason")]
pub struct PyReason {
    record: ReasonRecord,
}

#[pymethods]
impl PyReason {
    /// The spec's rule id (`qd366.11.1.N`).
    #[getter]
    fn rule(&self) -> &str {
        &self.record.rule
    }

    /// Whether the rule's condition held.
    #[getter]
    fn holds(&self) -> bool {
        self.record.holds
    }

    /// `decides`, `blocks`, `excludes`, `needs_decision`, `demotes` or `info`.
    #[getter]
    fn effect(&self) -> &'static str {
        effect_name(self.record.effect)
    }

    /// The level it concerns, or None.
    #[getter]
    fn level(&self) -> Option<&'static str> {
        self.record.level.map(Level::as_str)
    }

    /// Where the rule is written: `{"document", "article", "clause"}`, and `"note"` when
    /// an article's notes are cited instead of a clause.
    #[getter]
    fn citation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.record.citation)
    }

    /// `text` (stated in the text cited), `reading` (the library's reading where the
    /// text leaves a choice) or `inferred` (the public texts do not give the rule in
    /// full; the library takes the spec's reading).
    #[getter]
    fn basis(&self) -> &'static str {
        basis_name(self.record.basis)
    }

    /// What it found, `{"vi": …, "en": …}`.
    #[getter]
    fn message<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        text_dict(py, &self.record.message.vi, &self.record.message.en)
    }

    /// The values it read, by name.
    #[getter]
    fn values<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.record.values)
    }

    /// The reason as the contract's JSON object.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.record)
    }

    fn __repr__(&self) -> String {
        format!(
            "Reason(rule={:?}, holds={}, effect={:?}, level={:?})",
            self.record.rule,
            if self.record.holds { "True" } else { "False" },
            effect_name(self.record.effect),
            self.record.level.map_or("None", Level::as_str)
        )
    }
}

/// A list of decisions, as Python objects.
pub fn decision_list<'py>(
    py: Python<'py>,
    decisions: Vec<Decision>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for decision in decisions {
        list.append(Bound::new(py, PyDecision::new(decision))?)?;
    }
    Ok(list)
}
