//! # cadre-eval
//!
//! Exact, explained and citable assessment and quality classification (kiểm điểm,
//! đánh giá, xếp loại chất lượng) of party organisations and members under three
//! regimes of the Communist Party of Vietnam:
//!
//! - **QĐ 366-QĐ/TW (2025)** with its guideline HD 43-HD/BTCTW: points out of 100 and
//!   the conditions of Art. 11;
//! - **QĐ 124-QĐ/TW (2023)** with HD 25-HD/BTCTW, and
//! - **QĐ 132-QĐ/TW (2018)** with HD 16 and HD 21-HD/BTCTW: criteria graded Excellent,
//!   Good, Average or Poor.
//!
//! The regime is chosen by the period's last day (or named in the record), and the
//! regimes can be compared side by side on one record or one organisation tree. The
//! library computes a **proposed** level with every reason that decided or blocked it,
//! each under the rule id and citation of the project's specification; the competent
//! level decides.
//!
//! ```
//! use cadre_eval::{evaluate_json, Level, Options};
//!
//! let json = r#"{
//!   "id": "dv-0042",
//!   "period": { "year": 2025 },
//!   "subject": { "kind": "member", "admitted_on": "2019-05-19" },
//!   "score": { "general": 27.5, "task_results": 63 },
//!   "tasks": { "assigned": 12, "completed": 12, "on_time": 12, "exceeded": 3 }
//! }"#;
//! let decision = evaluate_json(json, &Options::default()).map_err(|e| e.to_string())?;
//! assert_eq!(decision.level, Some(Level::Good));
//! assert_eq!(decision.reasons[1].rule, "qd366.11.1.N"); // 3 of 12 exceeded: 25% < 30%
//! # Ok::<(), String>(())
//! ```
//!
//! ## What is public
//!
//! Every module is private; this list is the public API, in sections:
//!
//! - **Entry points** (the front door, `api`): one assessment, batches (JSON arrays,
//!   JSON Lines line by line, rows of a table with the quota over the batch),
//!   comparisons, organisation trees, partial evaluation, what would change, forms and
//!   catalogues. The command-line tool and the bindings call only these and the
//!   contract's types.
//! - **The contract**: every type that crosses a boundary as data, with its JSON
//!   Schema (`contract`; `spec/contract.md`).
//! - **Building blocks** for Rust callers and tests: the validated model, compact
//!   decisions and reasons, the rule catalogue, the quota's plan, criteria profiles, the
//!   conduct catalogue.
//!
//! Layers, from the outside in: decoding (JSON to [`Assessment`], every unknown field
//! reported), validation (to [`ValidAssessment`]: exact points, dates, every problem at
//! once), evaluation under the record's regime (a [`Decision`] with compact
//! [`Reason`]s), and [`Decision::to_record`] (the contract's [`DecisionRecord`] with
//! messages in Vietnamese and English). See `docs/architecture.md`.

#![cfg_attr(not(test), warn(missing_docs))]

mod analysis;
mod api;
mod conduct;
mod contract;
mod data;
mod dates;
mod exact;
mod group;
mod intake;
mod json;
mod model;
mod points;
mod regimes;
mod rules;
// A feature-gated generator of test data for benchmarks and tests, not library API: the
// one public module.
#[cfg(feature = "synthetic")]
pub mod synthetic;

// ---------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------

pub use api::batch::{
    apply_quota, batch_with_quota, evaluate_batch_json, evaluate_batch_json_within,
    evaluate_batch_lines, evaluate_json_array, evaluate_json_array_within, evaluate_json_line,
    evaluate_json_lines, evaluate_line, evaluate_paired_lines, evaluate_record_text, line_not_utf8,
    line_too_large, Batch, BatchItem, JsonLinesBatch, OutcomeTally, QuotaStream, QuotaStreamPlan,
};
pub use api::catalogues::{
    catalogue_document, catalogue_document_json, catalogue_sha256, conduct_catalogue,
    conduct_catalogue_json, conduct_catalogue_version, criteria_catalogue, level_entries,
    regime_entries, rule_entries, RegimeInfo, Rule, ENGINE_VERSION, REGIMES,
};
pub use api::compare::{
    compare, compare_json, compare_json_records, compare_levels, compare_org, compare_state_party,
    pair_tallies, LevelComparison, LevelResult, PairTally,
};
pub use api::data::provide_shipped_data;
#[cfg(feature = "embedded-data")]
pub use api::data::shipped_data_bundle;
pub use api::evaluate::{
    evaluate, evaluate_json, evaluate_text, evaluate_valid, reason_message, Decision, DecisionJson,
};
pub use api::forms::{
    conduct_items, evaluate_partial_json, form_schema, form_schema_for, parse_day,
    state_form_schema, what_would_change, what_would_change_json, SHIPPED_PROFILE_IDS,
};
pub use api::long::{
    evaluate_long_sheets, evaluate_long_tables, long_column_of_header, read_long_tables,
    EvaluatedLongSheets, LongColumn, LongEvaluated, LongHeader, LongKind, LongLevel, LongPerson,
    LongRead, LongResult, LongTable, LongTableName, PlacedError, TablePlace, GENERAL_ITEMS_PREFIX,
    GENERAL_ITEM_HEADERS, PERIODS_SHEET, PERIOD_COLUMNS, PRODUCTS_SHEET, PRODUCT_COLUMNS,
};
pub use api::org::{evaluate_tree_json, evaluate_unit_lines, OrgEvaluator, OrgRecord, OrgResult};
pub use api::rows::{
    columns_of, compare_records, evaluate_records, unknown_column, Cell, Column, ColumnKind,
    ColumnOf, ComparisonSink, DisciplineCells, Evaluated, EvaluationSink, FlatRow, Records,
    RowSource, TableColumn, WorkerStopped, COLUMN_COUNT, CRITERION_PREFIX, DISCIPLINE_COLUMNS,
    RECORD_ONLY,
};
pub use api::sheets::{
    batch_result_tables, column_info, column_letter, default_records_sheet, evaluate_org_sheets,
    evaluate_sheets, is_units_sheet, org_result_tables, record_columns, record_result_tables,
    records_sheets, regime_reads, row_values, sheet_assessments, sheet_template,
    template_with_records, template_with_tree, used_columns, ColumnInfo, EvaluatedOrg,
    EvaluatedSheets, MergedRange, SheetColumn, SheetTable, SheetValue, UnitColumn,
    DEFAULT_CRITERIA, ENGINE, RECORDS_SHEET, UNITS_SHEET,
};
pub use data::SHIPPED_DATA_FILES;

// ---------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------

pub use contract::assessment::{
    Assessment, BasicTargets, CollectiveInput, Conclusions, ConductAnswer, ConductAnswerKind,
    ConductInput, ConfidenceVote, DisciplineForm, DisciplineInput, Grade, GradesInput, LeaderInput,
    LeaveInput, LevelCounts, Mitigation, PeriodInput, Procedure, ProfileChoice, ScoreInput,
    ShortcomingsInput, SubjectInput, TasksInput, TemporaryActivity, UnitsInCharge,
    CONTRACT_VERSION,
};
pub use contract::batch::{BatchOptions, Line, RejectedRecord};
pub use contract::catalogues::{CatalogueDocument, LevelEntry, RegimeEntry, RuleEntry};
pub use contract::change::{Blocker, Change, ChangeResult, LevelPath};
pub use contract::choices::{
    find_choice, label_key, ChoiceName, COLLECTIVE_KINDS, DISCIPLINE_FORMS, DISCIPLINE_KINDS,
    EMPLOYMENTS, FLAGS, GRADES, LEAVE_KINDS, LEVELS, PARTY_STATUSES, STATE_REGIMES, SUBJECT_KINDS,
};
pub use contract::compare::{
    CompareOptions, CompareRequest, Comparison, GradeMapping, PartySide, PersonLevels,
    RegimeResult, RegimeRuleSummary, StatePartyComparison, StatePartyTotals, StateSide,
    TopicComparison, TopicFinding, Verdict,
};
pub use contract::compare_org::{
    LevelChanges, OrgComparison, OrgRecordComparison, OrgRegimeResult,
};
pub use contract::conduct::{Applicability, CommitteeLevel, ConductScope, Residence};
pub use contract::criteria::{
    appendix_for, Appendix, AppendixCatalogue, CatalogueGroup, CatalogueItem, CriteriaProfile,
    CriteriaProfileDocument, Group as CriteriaGroup, GroupBasis, ItemCitation,
    ItemKind as CriteriaItemKind, ItemStatus as CriteriaItemStatus, ProfileItem, ProfileReference,
    ScoringMode, Sector, PL2_POST_GROUPS,
};
pub use contract::date::IsoDate;
pub use contract::decision::{
    AlternativeRecord, Basis, CitationRecord, DecisionRecord, Effect, MitigationKind, PeriodRecord,
    QuotaOutcome, ReasonRecord,
};
pub use contract::errors::{pointer_segment, ErrorCode, InputError, InputErrors};
pub use contract::form::{
    Choice, ConductItemInfo, Field, FieldCitation, FieldType, FormRequest, FormSchema,
    RequestOption, Section,
};
pub use contract::level::{Level, Options, Outcome, Reading, TargetsReading};
pub use contract::limits::{
    MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_COUNT, MAX_CRITERION_ID_CHARS, MAX_DEPTH,
    MAX_DISCIPLINE_RECORDS, MAX_GRADED_CRITERIA, MAX_PARTY_AWAITING_STATE, MAX_PRODUCTS,
    MAX_PRODUCT_WEIGHT, MAX_PROFILE_BYTES, MAX_PROFILE_ITEMS, MAX_RECORD_BYTES,
    MAX_STATE_RECORD_BYTES, MAX_STREAM_QUOTA_CANDIDATES, MAX_STRING_CHARS, MAX_TEXT_CHARS,
    MAX_TREE_BYTES, MAX_UNIT_LINE_BYTES,
};
pub use contract::org::{
    Demotion, GroupReport, OrgDecisionRecord, OrgOptions, OrgOutput, OrgReport, RejectedEntry,
    Role, ScoreMean, Share, Shares, StateGroupReport, StateUnitReport, Stats, UnitInput,
    UnitReport,
};
pub use contract::partial::{FieldInfluence, PartialResult, Reachable};
pub use contract::quota::{GroupQuotaReport, QuotaOptions, QuotaReading};
pub use contract::regime::{RegimeId, RegimeRecord, RegimeSelection};
pub use contract::results::{
    CategoryStats, CommitteeSummary, NotClassifiedCount, Provenance, QuotaDemotion,
    RegimeDocuments, ResultRow, ResultTables, UnitSummary,
};
pub use contract::schema::{
    assessment_schema, conduct_catalogue_schema, conduct_scope_schema, decision_schema,
    error_schema, form_schema_schema, profile_schema, rejected_schema, schema, SCHEMA_NAMES,
};
pub use contract::sheet::{
    CellType, LocatedError, RejectedRow, SheetRole, Template, TemplateColumn, TemplateRequest,
    TemplateSheet, TemplateValue,
};
pub use contract::state::{
    CriterionGrade, DisciplineKind, Employment, LeaveKind, ManagedUnits, Nd90Criteria, PartyRate,
    PeriodKind, PeriodUnitInput, ProductInput, QuotaScope, Rating, RatioSource, StateLevel,
    StatePartRecord, StatePeriodInput, StatePeriodRecord, StateQuotaReport, StateRatingInput,
    StateRatingRecord, StateRatingSource, UnitTargetsInput,
};
pub use contract::state_options::{LeaderComponents, Rounding, StateCap};
pub use contract::subject::{CollectiveKind, PartyStatus, SubjectKind};
pub use contract::text::Text;
pub use contract::topic::Topic;

// ---------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------

pub use api::pairs::{decision_name, evaluate_with_pairs, PairedBatch};
pub use conduct::catalogue::discipline_form_item_id;
pub use conduct::shipped::{get as conduct_item, items_for as conduct_items_for};
pub use contract::conduct_catalogue::{
    ApplicableItem, Catalogue, CatalogueError, ConductItem, Confirmation, Divisions, Document,
    DocumentCount, DocumentVersion, EndStatus, ItemEffect, ItemKind as ConductItemKind,
    ItemStatus as ConductItemStatus, VersionEnd, FORMAT as CONDUCT_CATALOGUE_FORMAT,
};
pub use dates::parse_iso_date;
pub use group::quota::apply::{apply_verdict, default_group, group_of};
pub use group::quota::gather::{BatchQuota, BatchQuotaPlan};
pub use group::quota::plan::{e_max, plan_quota, QuotaEntry, QuotaPlan, QuotaVerdict};
pub use group::quota::state::apply_state_quota;
pub use intake::decode::{
    assessment_from_deserializer, assessment_from_value, decode_and_validate, decode_assessment,
};
pub use intake::validate::assessment::{validate, validate_with};
pub use intake::validate::options::ValidateOptions;
pub use model::ValidAssessment;
pub use points::{Points, PointsProblem};
pub use regimes::decision::Alternative;
pub use regimes::qd366::criteria::catalogue::catalogue_item;
pub use regimes::qd366::criteria::document::{decode_profile, decode_profile_value};
pub use regimes::qd366::criteria::profile::{ItemScores, ProfileEntry, ValidProfile};
pub use regimes::qd366::criteria::shipped::{
    even_split_profile, shipped_profile, shipped_profiles, ILLUSTRATIVE_ISSUER,
};
pub use regimes::qd366::criteria::validate::{validate_profile, validate_profile_at};
pub use regimes::registry::regime_in_force_on;
pub use regimes::topics::rule_summary;
pub use rules::catalogue::Citation;
pub use rules::reason::{
    Fact, NotCountedWhy, Part, Reason, RuleSet, Trigger, Value, Values, Whose,
};
