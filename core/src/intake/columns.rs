//! The column catalogue: for every flat column (`intake::flat`), its headers in
//! Vietnamese and English, whom it concerns, its range, and the rules that read it; the
//! columns a spreadsheet may hold beside the record (a name, a unit, notes) and the
//! columns of an organisation's units sheet; and the templates made from them.
//!
//! A spreadsheet's header is matched to a column by its Vietnamese header, its English
//! header or its flat name ([`SheetColumn::of_header`]), compared as
//! [`label_key`] compares (case, spacing and Unicode form do not matter). Which columns
//! a template shows for a regime is the regime's to say (`regimes::fields`); whom a
//! column concerns is said here, once.
//!
//! A state regime's template (one row per product of a month or a quarter, and a
//! periods sheet) is added the same way: its columns declared here with their headers,
//! kinds and rules, its sheets in [`template`].

use crate::contract::assessment::Assessment;
use crate::contract::choices::{label_key, ChoiceName};
use crate::contract::errors::{pointer_segment, ErrorCode, InputError};
use crate::contract::fields::RegimeField;
use crate::contract::form::{Choice, FieldCitation};
use crate::contract::limits::MAX_COUNT;
use crate::contract::regime::RegimeId;
use crate::contract::sheet::{
    CellType, SheetRole, Template, TemplateColumn, TemplateRequest, TemplateSheet, TemplateValue,
};
use crate::contract::subject::SubjectKind;
use crate::contract::text::Text;
use crate::intake::flat::{flag_default, Column, ColumnKind, CRITERION_PREFIX, RECORD_ONLY};
use crate::regimes::fields::reads;
use crate::rules::catalogue::Rule;
use Column as C;
use SubjectKind::{Collective, Leader, Member};

/// What the catalogue says of one flat column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnInfo {
    /// The header on a Vietnamese sheet.
    pub vi: &'static str,
    /// The English header.
    pub en: &'static str,
    /// What it asks, in Vietnamese (the English is [`Column::description`]).
    pub help_vi: &'static str,
    /// Whom it concerns.
    pub kinds: &'static [SubjectKind],
    /// The rules that read it (a template cites those of its regime).
    pub rules: &'static [Rule],
    /// Smallest and largest value of a number.
    pub range: Option<(i64, i64)>,
    /// Must be filled in every row.
    pub required: bool,
    /// A template shows it (the others are read when present: `period_from`, the list
    /// column `discipline`, …).
    pub in_template: bool,
}

const ALL: &[SubjectKind] = &[Member, Leader, Collective];
const PEOPLE: &[SubjectKind] = &[Member, Leader];
const LEADER: &[SubjectKind] = &[Leader];
const COLLECTIVE: &[SubjectKind] = &[Collective];
const LEADER_OR_COLLECTIVE: &[SubjectKind] = &[Leader, Collective];
/// The largest count a column takes (`contract::limits`).
const COUNT: Option<(i64, i64)> = Some((0, MAX_COUNT as i64));

/// A column for everyone, in the template, optional.
const fn info(
    vi: &'static str,
    en: &'static str,
    help_vi: &'static str,
    kinds: &'static [SubjectKind],
    rules: &'static [Rule],
) -> ColumnInfo {
    ColumnInfo {
        vi,
        en,
        help_vi,
        kinds,
        rules,
        range: None,
        required: false,
        in_template: true,
    }
}

const fn ranged(mut column: ColumnInfo, range: Option<(i64, i64)>) -> ColumnInfo {
    column.range = range;
    column
}

const fn required(mut column: ColumnInfo) -> ColumnInfo {
    column.required = true;
    column
}

const fn read_only(mut column: ColumnInfo) -> ColumnInfo {
    column.in_template = false;
    column
}

const QD124_LEVELS: &[Rule] = &[
    Rule::Qd124Excellent,
    Rule::Qd124Good,
    Rule::Qd124NotCompleted,
];
const MEMBER_LEVELS_RULES: &[Rule] = &[Rule::Qd132OrgExcellent, Rule::Qd132OrgNotCompleted];
const DISCIPLINE_RULES: &[Rule] = &[
    Rule::MemberConduct,
    Rule::LeaderDiscipline,
    Rule::CollectiveMemberDiscipline,
    Rule::ExcellentCollective,
    Rule::Qd124NotCompleted,
    Rule::Qd132MemberNotCompleted,
];

/// What the catalogue says of `column`.
pub fn column_info(column: Column) -> ColumnInfo {
    match column {
        C::Id => required(info("Mã hồ sơ", "Record id", "Mã riêng của mỗi hồ sơ, không trùng (ví dụ họ tên viết không dấu)", ALL, &[])),
        C::PeriodYear => info("Năm đánh giá", "Year", "Năm của kỳ đánh giá (kỳ là cả năm)", ALL, &[Rule::Score, Rule::Qd124Excellent, Rule::Qd132MemberExcellent]),
        C::PeriodQuarter => read_only(ranged(info("Quý", "Quarter", "Quý 1–4 của năm đánh giá", ALL, &[]), Some((1, 4)))),
        C::PeriodFrom => read_only(info("Từ ngày", "Period from", "Ngày đầu kỳ đánh giá (cùng cột Đến ngày)", ALL, &[])),
        C::PeriodTo => read_only(info("Đến ngày", "Period to", "Ngày cuối kỳ đánh giá (cùng cột Từ ngày)", ALL, &[])),
        C::AsOf => info("Ngày đánh giá", "Evaluation day", "Ngày họp kiểm điểm, đánh giá; để trống là ngày cuối kỳ", ALL, &[Rule::NewMember, Rule::Qd124NewMember, Rule::Qd132NewMember]),
        C::Regime => read_only(info("Quy định áp dụng", "Regime", "qd366, qd124 hoặc qd132; để trống là quy định có hiệu lực ngày cuối kỳ", ALL, &[])),
        C::SubjectKind => required(info("Đối tượng", "Subject kind", "Đảng viên, cán bộ lãnh đạo, quản lý, hay tập thể", ALL, &[])),
        C::SubjectInPoliticalSystem => info("Công tác trong hệ thống chính trị", "In the political system", "Không: đảng viên không công tác trong hệ thống chính trị (Phụ lục 5, Mẫu 2C); để trống là Có", &[Member], &[]),
        C::SubjectCentrallyManaged => info("Thuộc diện Trung ương quản lý", "Centrally managed", "Cán bộ thuộc diện Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư quản lý (Phụ lục 2)", LEADER, &[]),
        C::SubjectCollectiveKind => info("Loại tập thể", "Collective kind", "Tập thể lãnh đạo, quản lý; cấp ủy; tổ chức đảng; cơ quan, tổ chức, đơn vị", COLLECTIVE, &[]),
        C::SubjectPartyStatus => info("Tình trạng sinh hoạt đảng", "Party status", "Được miễn hoặc đang bị đình chỉ sinh hoạt đảng thì không xếp loại; để trống là đang sinh hoạt", PEOPLE, &[Rule::Exempt, Rule::Suspended, Rule::Qd124Exempt, Rule::Qd124Suspended, Rule::Qd132Exempt, Rule::Qd132Suspended]),
        C::SubjectAdmittedOn => info("Ngày vào Đảng", "Admitted on", "Vào Đảng chưa đủ 6 tháng tính đến ngày đánh giá thì không xếp loại", PEOPLE, &[Rule::NewMember, Rule::Qd124NewMember, Rule::Qd132NewMember]),
        C::SubjectEstablishedOn => info("Ngày thành lập", "Established on", "Ngày thành lập tổ chức, tập thể", COLLECTIVE, &[Rule::Qd132NewCollective]),
        C::SubjectTemporaryActivityUnit => info("Chi bộ sinh hoạt tạm thời", "Temporary activity: chi bộ", "Chi bộ nơi đảng viên sinh hoạt tạm thời, nếu có", PEOPLE, &[Rule::TemporaryActivity]),
        C::SubjectTemporaryActivityCommentReceived => info("Đã có nhận xét của chi bộ sinh hoạt tạm thời", "Temporary chi bộ's comment received", "Đã nhận được nhận xét bằng văn bản của chi bộ nơi sinh hoạt tạm thời", PEOPLE, &[Rule::TemporaryActivity]),
        C::ScoreGeneral => ranged(info("Điểm tiêu chí chung (tối đa 30)", "General criteria points (max 30)", "Điểm nhóm tiêu chí chung, 0–30, tối đa hai chữ số thập phân", ALL, &[Rule::Score]), Some((0, 30))),
        C::ScoreTaskResults => ranged(info("Điểm kết quả thực hiện nhiệm vụ (tối đa 70)", "Task results points (max 70)", "Điểm kết quả thực hiện nhiệm vụ, 0–70, tối đa hai chữ số thập phân", ALL, &[Rule::Score]), Some((0, 70))),
        C::GradesCriteria => info("Tiêu chí", "Criterion", "Xếp loại một tiêu chí (Xuất sắc, Tốt, Trung bình, Kém); mỗi tiêu chí một cột", ALL, &[Rule::Qd124Excellent, Rule::Qd124Good, Rule::Qd124NotCompleted, Rule::Qd132MemberExcellent, Rule::Qd132OrgExcellent]),
        C::GradesTaskResults => info("Xếp loại kết quả thực hiện nhiệm vụ", "Task results grade", "Xếp loại tiêu chí kết quả thực hiện nhiệm vụ (Xuất sắc, Tốt, Trung bình, Kém)", ALL, &[Rule::Qd124Excellent, Rule::Qd124Good, Rule::Qd124NotCompleted, Rule::Qd132MemberExcellent, Rule::Qd132OrgExcellent]),
        C::CivilServiceLevel => info("Xếp loại công chức, viên chức", "Level as civil servant or employee", "Mức xếp loại là cán bộ, công chức, viên chức, nếu được xếp loại", PEOPLE, &[Rule::Qd132MemberExcellent, Rule::Qd132MemberNotCompleted]),
        C::TasksAssigned => ranged(info("Số nhiệm vụ được giao", "Tasks assigned", "Tổng số nhiệm vụ được giao trong kỳ", ALL, &[Rule::MemberTasks, Rule::ExcellentMember, Rule::Qd124NotCompleted, Rule::Qd132MemberNotCompleted]), COUNT),
        C::TasksCompleted => ranged(info("Số nhiệm vụ hoàn thành", "Tasks completed", "Số nhiệm vụ đã hoàn thành", ALL, &[Rule::MemberTasks, Rule::Qd124NotCompleted, Rule::Qd132MemberNotCompleted]), COUNT),
        C::TasksOnTime => ranged(info("Số nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng", "Tasks on time with quality", "Số nhiệm vụ hoàn thành đúng tiến độ, bảo đảm chất lượng", ALL, &[Rule::GoodMember, Rule::CompletedMember, Rule::Qd124Excellent]), COUNT),
        C::TasksExceeded => ranged(info("Số nhiệm vụ vượt mức", "Tasks exceeded", "Số nhiệm vụ hoàn thành vượt yêu cầu", ALL, &[Rule::ExcellentMember, Rule::ExcellentLeader, Rule::ExcellentCollective, Rule::Qd124Excellent]), COUNT),
        C::TasksNotCompleted => read_only(ranged(info("Số nhiệm vụ không hoàn thành", "Tasks not completed", "Để trống là số được giao trừ số hoàn thành", ALL, &[Rule::MemberTasks]), COUNT)),
        C::ShortcomingsIdentified => ranged(info("Số hạn chế đã chỉ ra ở kỳ trước", "Shortcomings identified", "Số hạn chế, khuyết điểm đã được chỉ ra ở kỳ kiểm điểm trước", ALL, &[Rule::ExcellentShortcomingsFixed]), COUNT),
        C::ShortcomingsFixed => ranged(info("Số hạn chế đã khắc phục", "Shortcomings fixed", "Trong số đó, số đã khắc phục", ALL, &[Rule::ExcellentShortcomingsFixed]), COUNT),
        C::LeaveSickMonths => ranged(info("Số tháng nghỉ ốm", "Months of sick leave", "Số tháng nghỉ ốm trong kỳ, tối đa hai chữ số thập phân", PEOPLE, &[Rule::SickLeave, Rule::Qd132Sick]), Some((0, 12))),
        C::LeaveMaternity => info("Nghỉ thai sản", "Maternity leave", "Có nghỉ chế độ thai sản trong kỳ", PEOPLE, &[Rule::SickLeave, Rule::Qd132Sick]),
        C::Discipline => read_only(info("Danh sách kỷ luật", "Discipline records", "Nhiều quyết định kỷ luật: dùng bản ghi JSON; trang tính ghi một quyết định ở các cột kỷ luật", ALL, DISCIPLINE_RULES)),
        C::DisciplineForm => info("Hình thức kỷ luật", "Discipline: form", "Hình thức kỷ luật trong kỳ, nếu có (khiển trách, cảnh cáo, cách chức, khai trừ, giải tán)", ALL, DISCIPLINE_RULES),
        C::DisciplineDecidedOn => info("Ngày quyết định kỷ luật", "Discipline: decided on", "Ngày ký quyết định kỷ luật", ALL, &[Rule::DisciplineNotCounted, Rule::Qd124DisciplineNotCounted, Rule::Qd132DisciplineNotCounted]),
        C::DisciplineDutyRelated => info("Kỷ luật liên quan đến nhiệm vụ được giao", "Discipline: duty related", "Vi phạm liên quan đến thực hiện chức trách, nhiệm vụ được giao; để trống là Có", ALL, &[Rule::MemberConduct, Rule::DisciplineNotCounted]),
        C::DisciplineAtPreviousUnit => info("Vi phạm xảy ra ở đơn vị cũ", "Discipline: at the previous unit", "Tập thể: vi phạm xảy ra ở đơn vị cũ", COLLECTIVE, &[Rule::DisciplineNotCounted]),
        C::DisciplineCountedBefore => info("Kỷ luật đã tính ở kỳ trước", "Discipline: counted before", "Quyết định kỷ luật đã được tính khi xếp loại kỳ trước", ALL, &[Rule::DisciplineNotCounted, Rule::Qd132DisciplineNotCounted]),
        C::DisciplineMemberId => info("Mã hồ sơ người bị kỷ luật", "Discipline: member disciplined", "Tập thể: mã hồ sơ của thành viên bị kỷ luật", COLLECTIVE, &[Rule::CollectiveMemberDiscipline]),
        C::ConclusionsDegradation => info("Kết luận suy thoái", "Concluded degradation", "Được cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, tự diễn biến, tự chuyển hóa", PEOPLE, &[Rule::MemberConduct, Rule::LeaderDegradation, Rule::Qd124NotCompleted, Rule::Qd132MemberNotCompleted]),
        C::ConclusionsProhibitionBreach => info("Vi phạm những điều đảng viên không được làm", "Prohibition breach", "Được kết luận vi phạm những điều đảng viên không được làm", PEOPLE, &[Rule::MemberConduct, Rule::Qd124NotCompleted]),
        C::ConclusionsExemplaryBreach => info("Vi phạm quy định nêu gương", "Exemplary-conduct breach", "Được kết luận vi phạm trách nhiệm nêu gương", PEOPLE, &[Rule::MemberConduct, Rule::Qd124NotCompleted]),
        C::ConclusionsCadreWorkViolation => info("Vi phạm trong công tác cán bộ, mất đoàn kết", "Cadre-work violation, disunity", "Tập thể lãnh đạo, quản lý: vi phạm trong công tác cán bộ, mất đoàn kết, cục bộ, bè phái", COLLECTIVE, &[Rule::CollectiveCadreWork]),
        C::ConclusionsDisunity => info("Mất đoàn kết (đã có kết luận)", "Disunity concluded", "Tập thể lãnh đạo, quản lý: cấp có thẩm quyền kết luận mất đoàn kết", COLLECTIVE, &[Rule::Qd124NotCompleted, Rule::Qd132LcNotCompleted]),
        C::ConclusionsMemberDegradation => info("Có thành viên bị kết luận suy thoái", "A member concluded degraded", "Tập thể lãnh đạo, quản lý: có thành viên bị kết luận suy thoái (Không là đã xem xét, không có)", COLLECTIVE, &[Rule::CollectiveMemberDegradation]),
        C::LeaderConfidenceVoteLow => ranged(info("Số phiếu tín nhiệm thấp", "Low-confidence votes", "Kết quả lấy phiếu tín nhiệm: số phiếu tín nhiệm thấp", LEADER, &[Rule::LeaderConfidence]), COUNT),
        C::LeaderConfidenceVoteTotal => ranged(info("Tổng số phiếu tín nhiệm", "Votes cast", "Tổng số phiếu của lần lấy phiếu tín nhiệm", LEADER, &[Rule::LeaderConfidence]), COUNT),
        C::LeaderUnitsInChargeTotal => ranged(info("Số đơn vị phụ trách", "Units in charge", "Số cơ quan, đơn vị được giao phụ trách trực tiếp", LEADER, &[Rule::LeaderPlan]), COUNT),
        C::LeaderUnitsInChargeNotCompleted => ranged(info("Số đơn vị phụ trách không hoàn thành nhiệm vụ", "Units in charge not completed", "Trong số đó, số được xếp loại Không hoàn thành nhiệm vụ", LEADER, &[Rule::LeaderPlan]), COUNT),
        C::LeaderBasicTargetsApplicable => info("Áp dụng các chỉ tiêu cơ bản", "Basic targets apply", "Vị trí có các chỉ tiêu cơ bản được giao", LEADER, &[Rule::LeaderPlan]),
        C::LeaderBasicTargetsMissed => ranged(info("Số chỉ tiêu cơ bản không đạt", "Basic targets missed", "Số chỉ tiêu cơ bản không đạt", LEADER, &[Rule::LeaderPlan]), Some((0, 5))),
        C::LeaderScopeCorruptionDisciplined => info("Để xảy ra tham nhũng, lãng phí, tiêu cực và bị xử lý", "Corruption in scope, disciplined", "Để xảy ra tham nhũng, lãng phí, tiêu cực trong cơ quan, đơn vị do mình trực tiếp quản lý và bị xử lý kỷ luật", LEADER, &[Rule::LeaderScopeCorruption]),
        C::LeaderMainTargetsMissed => info("Không đạt chỉ tiêu chủ yếu của đơn vị phụ trách", "Main targets of the unit led missed", "Đơn vị được giao phụ trách không đạt chỉ tiêu chủ yếu (Không là đã đạt)", LEADER, QD124_LEVELS),
        C::LeaderHeadedLevel => info("Xếp loại của tập thể do mình đứng đầu", "Level of the collective headed", "Người đứng đầu: mức xếp loại của tổ chức, tập thể do mình đứng đầu", LEADER, &[Rule::Qd132HeadCap]),
        C::CollectiveSubordinateUnitsDisciplined => ranged(info("Số đơn vị trực thuộc bị kỷ luật", "Subordinate units disciplined", "Số tổ chức trực thuộc bị thi hành kỷ luật trong kỳ", COLLECTIVE, &[Rule::ExcellentCollective, Rule::Qd124NotCompleted]), COUNT),
        C::CollectiveBasicTargetsApplicable => info("Tập thể: áp dụng các chỉ tiêu cơ bản", "Collective: basic targets apply", "Tập thể lãnh đạo, quản lý có các chỉ tiêu cơ bản được giao", COLLECTIVE, &[Rule::CollectivePlan]),
        C::CollectiveBasicTargetsMissed => ranged(info("Tập thể: số chỉ tiêu cơ bản không đạt", "Collective: basic targets missed", "Số chỉ tiêu cơ bản không đạt", COLLECTIVE, &[Rule::CollectivePlan]), Some((0, 5))),
        C::CollectiveSubordinateUnits => ranged(info("Số đơn vị trực thuộc", "Subordinate units", "Tổng số tổ chức trực thuộc", COLLECTIVE, &[Rule::Qd124NotCompleted]), COUNT),
        C::CollectiveMainTargetsMissed => info("Không đạt chỉ tiêu chủ yếu trong năm", "Main targets missed", "Không đạt các chỉ tiêu chủ yếu của năm (Không là đã đạt)", COLLECTIVE, &[Rule::Qd124NotCompleted, Rule::Qd132OrgNotCompleted]),
        C::CollectiveMemberLevelsExcellent => ranged(info("Số đảng viên Hoàn thành xuất sắc nhiệm vụ", "Members rated Excellent", "Chi bộ: số đảng viên được xếp loại Hoàn thành xuất sắc nhiệm vụ", COLLECTIVE, MEMBER_LEVELS_RULES), COUNT),
        C::CollectiveMemberLevelsGood => ranged(info("Số đảng viên Hoàn thành tốt nhiệm vụ", "Members rated Good", "Chi bộ: số đảng viên được xếp loại Hoàn thành tốt nhiệm vụ", COLLECTIVE, MEMBER_LEVELS_RULES), COUNT),
        C::CollectiveMemberLevelsCompleted => ranged(info("Số đảng viên Hoàn thành nhiệm vụ", "Members rated Completed", "Chi bộ: số đảng viên được xếp loại Hoàn thành nhiệm vụ", COLLECTIVE, MEMBER_LEVELS_RULES), COUNT),
        C::CollectiveMemberLevelsNotCompleted => ranged(info("Số đảng viên Không hoàn thành nhiệm vụ", "Members rated Not completed", "Chi bộ: số đảng viên được xếp loại Không hoàn thành nhiệm vụ", COLLECTIVE, MEMBER_LEVELS_RULES), COUNT),
        C::CollectiveSubordinateLevelsExcellent => ranged(info("Số tổ chức đảng trực thuộc Hoàn thành xuất sắc nhiệm vụ", "Subordinate organisations Excellent", "Đảng bộ: số tổ chức đảng trực thuộc xếp loại Hoàn thành xuất sắc nhiệm vụ", COLLECTIVE, MEMBER_LEVELS_RULES), COUNT),
        C::CollectiveSubordinateLevelsGood => ranged(info("Số tổ chức đảng trực thuộc Hoàn thành tốt nhiệm vụ", "Subordinate organisations Good", "Đảng bộ: số tổ chức đảng trực thuộc xếp loại Hoàn thành tốt nhiệm vụ", COLLECTIVE, MEMBER_LEVELS_RULES), COUNT),
        C::CollectiveSubordinateLevelsCompleted => ranged(info("Số tổ chức đảng trực thuộc Hoàn thành nhiệm vụ", "Subordinate organisations Completed", "Đảng bộ: số tổ chức đảng trực thuộc xếp loại Hoàn thành nhiệm vụ", COLLECTIVE, MEMBER_LEVELS_RULES), COUNT),
        C::CollectiveSubordinateLevelsNotCompleted => ranged(info("Số tổ chức đảng trực thuộc Không hoàn thành nhiệm vụ", "Subordinate organisations Not completed", "Đảng bộ: số tổ chức đảng trực thuộc xếp loại Không hoàn thành nhiệm vụ", COLLECTIVE, MEMBER_LEVELS_RULES), COUNT),
        C::CollectiveSameLevelBodiesGood => info("Chính quyền, Mặt trận, đoàn thể cùng cấp từ Hoàn thành tốt trở lên", "Same-level bodies Good or better", "Tổ chức đảng: chính quyền, Mặt trận Tổ quốc và các đoàn thể cùng cấp đều xếp loại từ Hoàn thành tốt nhiệm vụ trở lên (Không là chưa)", COLLECTIVE, &[Rule::Qd132OrgExcellent]),
        C::CollectiveOrganisationLevel => info("Xếp loại của tổ chức do tập thể lãnh đạo", "Level of the organisation led", "Tập thể lãnh đạo: mức xếp loại của tổ chức, cơ quan mình lãnh đạo", COLLECTIVE, &[Rule::Qd132LcCap]),
        C::MitigationSelfDetectedAndRemedied => info("Tự phát hiện, khắc phục kịp thời", "Self-detected and remedied", "Đề nghị xem xét: vi phạm do tự phát hiện và khắc phục kịp thời", ALL, &[Rule::MemberMitigation, Rule::LeaderMitigation, Rule::CollectiveMitigation, Rule::Qd124NotCompleted]),
        C::MitigationForceMajeure => info("Nguyên nhân bất khả kháng", "Force majeure", "Đề nghị xem xét: không đạt chỉ tiêu do nguyên nhân bất khả kháng", LEADER_OR_COLLECTIVE, &[Rule::CollectiveMitigation, Rule::Qd124NotCompleted]),
        C::ProcedureOpenComplaints => info("Có đơn thư, dấu hiệu vi phạm chưa được xem xét", "Open complaints", "Có đơn thư khiếu nại, tố cáo hoặc dấu hiệu vi phạm đang được xem xét", ALL, &[Rule::OpenComplaints]),
        C::QuotaGroup => info("Nhóm tỷ lệ xuất sắc", "Quota group", "Nhóm tính tỷ lệ Hoàn thành xuất sắc nhiệm vụ; để trống là nhóm theo loại đối tượng", ALL, &[Rule::ExcellentQuota, Rule::Qd124Quota, Rule::Qd132Quota]),
    }
}

/// Whether a header, as [`label_key`] gives it (`key`), names the column whose program
/// name, Vietnamese and English headers are `names`: the one header→column step of every
/// sheet (records, units, and a state workbook's periods and products).
pub fn header_names(key: &str, names: [&str; 3]) -> bool {
    names.iter().any(|name| label_key(name) == key)
}

/// The column of `prefix`ed headers a header names, if it is one: the header after a
/// program prefix (`grades_criteria_`, kept as written), or after one of the Vietnamese
/// and English prefixes (`Tiêu chí:`, compared as [`label_key`] compares, the id
/// trimmed); `None` when the header is no such column or names no id.
pub fn prefixed_header<'h>(
    header: &'h str,
    program: &str,
    labels: [&str; 2],
) -> Option<Option<&'h str>> {
    if let Some(id) = header.strip_prefix(program) {
        return Some((!id.is_empty()).then_some(id));
    }
    for prefix in labels {
        let head = header.get(..prefix.len());
        if head.is_some_and(|head| label_key(head) == label_key(prefix)) {
            let id = header.get(prefix.len()..).unwrap_or("").trim();
            return Some((!id.is_empty()).then_some(id));
        }
    }
    None
}

/// The regime-specific field a column belongs to, if any.
fn regime_field(column: Column) -> Option<RegimeField> {
    const FIELDS: [RegimeField; 24] = [
        RegimeField::Score,
        RegimeField::Grades,
        RegimeField::CivilServiceLevel,
        RegimeField::Shortcomings,
        RegimeField::Conduct,
        RegimeField::Procedure,
        RegimeField::TemporaryActivity,
        RegimeField::CadreWorkViolation,
        RegimeField::ProhibitionBreach,
        RegimeField::ExemplaryBreach,
        RegimeField::Disunity,
        RegimeField::ConfidenceVote,
        RegimeField::UnitsInCharge,
        RegimeField::LeaderBasicTargets,
        RegimeField::ScopeCorruption,
        RegimeField::LeaderMainTargetsMissed,
        RegimeField::HeadedLevel,
        RegimeField::CollectiveBasicTargets,
        RegimeField::SubordinateUnits,
        RegimeField::CollectiveMainTargetsMissed,
        RegimeField::MemberLevels,
        RegimeField::SubordinateLevels,
        RegimeField::SameLevelBodiesGood,
        RegimeField::OrganisationLevel,
    ];
    let path = column.path();
    FIELDS.into_iter().find(|field| {
        path.strip_prefix(field.path())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// Whether `regime` reads `column` (a column outside the regime-specific fields is read
/// by every regime).
pub fn regime_reads(regime: RegimeId, column: Column) -> bool {
    regime_field(column).is_none_or(|field| reads(regime, field))
}

/// A column of a spreadsheet: a flat column, one criterion's grade, or a column beside
/// the record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SheetColumn {
    /// A flat column of the record.
    Field(Column),
    /// The grade of one criterion (`grades_criteria_<id>`): the id.
    Criterion(String),
    /// The name of the person or collective (shown with the results; not in the record).
    Name,
    /// The unit of an organisation tree the record belongs to.
    Unit,
    /// Notes (kept on the sheet, not read).
    Notes,
}

/// The columns beside the record.
const BESIDE: [SheetColumn; 3] = [SheetColumn::Name, SheetColumn::Unit, SheetColumn::Notes];

/// A column beside the record: its key, Vietnamese and English headers, Vietnamese and
/// English help; `None` for a column of the record.
fn beside(column: &SheetColumn) -> Option<[&'static str; 5]> {
    Some(match column {
        SheetColumn::Name => [
            "name",
            "Họ và tên (tên tập thể)",
            "Name",
            "Họ tên người hoặc tên tập thể: hiện trong kết quả, không dùng khi xếp loại",
            "The person's or collective's name: shown with the results, not used to classify",
        ],
        SheetColumn::Unit => [
            "unit",
            "Đơn vị",
            "Unit",
            "Mã đơn vị (trang Đơn vị) nơi hồ sơ thuộc về",
            "The id of the unit (the units sheet) the record belongs to",
        ],
        SheetColumn::Notes => [
            "notes",
            "Ghi chú",
            "Notes",
            "Ghi chú tự do: không được đọc",
            "Free notes: not read",
        ],
        SheetColumn::Field(_) | SheetColumn::Criterion(_) => return None,
    })
}

/// The header prefixes of a criterion column, Vietnamese and English (`Tiêu chí: chinh_tri`).
const CRITERION_HEADERS: [&str; 2] = ["Tiêu chí:", "Criterion:"];

impl SheetColumn {
    /// The column a spreadsheet's header names: a flat name (`tasks_on_time`,
    /// `grades_criteria_<id>`), a Vietnamese or English header, or `Tiêu chí: <id>` /
    /// `Criterion: <id>` for a criterion (the id is kept as written).
    pub fn of_header(header: &str) -> Option<SheetColumn> {
        let header = header.trim();
        if let Some(id) = prefixed_header(header, CRITERION_PREFIX, CRITERION_HEADERS) {
            return id.map(|id| SheetColumn::Criterion(id.to_owned()));
        }
        let key = label_key(header);
        if let Some(column) = Column::ALL.iter().copied().find(|&column| {
            let info = column_info(column);
            column.prefix().is_none() && header_names(&key, [column.name(), info.vi, info.en])
        }) {
            return Some(SheetColumn::Field(column));
        }
        BESIDE.into_iter().find(|column| {
            beside(column).is_some_and(|[name, vi, en, _, _]| header_names(&key, [name, vi, en]))
        })
    }

    /// The column's name in a program's table (`tasks_on_time`,
    /// `grades_criteria_<id>`, `name`).
    pub fn key(&self) -> String {
        match self {
            SheetColumn::Field(column) => column.name().to_owned(),
            SheetColumn::Criterion(id) => format!("{CRITERION_PREFIX}{id}"),
            other => beside(other).map_or(String::new(), |[name, ..]| name.to_owned()),
        }
    }

    /// The JSON Pointer it fills in the record, the single discipline record's as the
    /// first (`/discipline/0/form`); none beside the record.
    pub fn path(&self) -> Option<String> {
        match self {
            SheetColumn::Field(column) => Some(column.path().replace('*', "0")),
            SheetColumn::Criterion(id) => Some(format!(
                "{}/{}",
                Column::GradesCriteria.path(),
                pointer_segment(id)
            )),
            _ => None,
        }
    }

    /// What its cells hold.
    pub fn cell_type(&self) -> CellType {
        match self {
            SheetColumn::Field(column) => cell_type(column.kind()),
            SheetColumn::Criterion(_) => CellType::Choice,
            _ => CellType::Text,
        }
    }

    /// The template's description of this column under `regime`.
    pub fn template_column(&self, regime: RegimeId) -> TemplateColumn {
        let (header, help, info) = match self {
            SheetColumn::Field(column) => {
                let info = column_info(*column);
                (
                    Text::new(info.vi, info.en),
                    Text::new(info.help_vi, column.description()),
                    info,
                )
            }
            SheetColumn::Criterion(id) => {
                let info = column_info(Column::GradesCriteria);
                (
                    Text::new(
                        format!("{} {id}", CRITERION_HEADERS[0]),
                        format!("{} {id}", CRITERION_HEADERS[1]),
                    ),
                    Text::new(info.help_vi, Column::GradesCriteria.description()),
                    info,
                )
            }
            other => {
                let [_, vi, en, help_vi, help_en] = beside(other).unwrap_or_default();
                let info = ColumnInfo {
                    required: *other == SheetColumn::Unit,
                    ..info(vi, en, help_vi, ALL, &[])
                };
                (Text::new(vi, en), Text::new(help_vi, help_en), info)
            }
        };
        let choices: &[ChoiceName] = match self {
            SheetColumn::Field(column) => column.kind().choices(),
            SheetColumn::Criterion(_) => Column::GradesCriteria.kind().choices(),
            _ => &[],
        };
        TemplateColumn {
            key: self.key(),
            path: self.path(),
            header,
            cell: self.cell_type(),
            choices: choices
                .iter()
                .map(|name| Choice {
                    value: name.value.to_owned(),
                    label: Text::new(name.vi, name.en),
                })
                .collect(),
            min: info.range.map(|(min, _)| min),
            max: info.range.map(|(_, max)| max),
            // A criterion is graded where the record's regime asks for grades.
            required: info.required && !matches!(self, SheetColumn::Criterion(_)),
            kinds: if info.kinds.len() == ALL.len() {
                Vec::new()
            } else {
                info.kinds.to_vec()
            },
            help,
            citations: citations(info.rules, regime),
        }
    }
}

/// The type of a template's cells for a column of this kind.
fn cell_type(kind: ColumnKind) -> CellType {
    match kind {
        ColumnKind::Text | ColumnKind::Records => CellType::Text,
        ColumnKind::Date => CellType::Date,
        ColumnKind::Choice(_) => CellType::Choice,
        ColumnKind::Count | ColumnKind::Year => CellType::Whole,
        ColumnKind::Decimal => CellType::Decimal,
        ColumnKind::Flag => CellType::Flag,
    }
}

/// The citations of the rules of `regime` among `rules`, each once.
fn citations(rules: &[Rule], regime: RegimeId) -> Vec<FieldCitation> {
    let mut cited: Vec<FieldCitation> = Vec::new();
    for rule in rules.iter().filter(|rule| rule.regime() == regime) {
        let text = rule.citation().in_words();
        if !cited.iter().any(|c| c.text == text) {
            cited.push(FieldCitation {
                rule: rule.id().to_owned(),
                text,
            });
        }
    }
    cited
}

/// The criterion ids a graded template asks for when none are named: those of the
/// project's examples (`examples/earlier-regimes.md`): political ideology, ethics and
/// lifestyle, discipline, solidarity.
pub const DEFAULT_CRITERIA: [&str; 4] = ["chinh_tri", "dao_duc", "ky_luat", "doan_ket"];

/// The columns of a records sheet for these kinds under `regime`, and the columns in
/// `also` (those records to be written in it use), in order: the unit (for a tree), the
/// id, the name, then the record's columns in the contract's order (a criterion column
/// per criterion), then notes.
pub fn record_columns(
    kinds: &[SubjectKind],
    regime: RegimeId,
    org: bool,
    criteria: &[String],
    also: &[Column],
) -> Vec<SheetColumn> {
    let kinds: &[SubjectKind] = if kinds.is_empty() { ALL } else { kinds };
    let mut columns = Vec::new();
    if org {
        columns.push(SheetColumn::Unit);
    }
    columns.push(SheetColumn::Field(C::Id));
    columns.push(SheetColumn::Name);
    for &column in Column::ALL {
        let info = column_info(column);
        let wanted = (info.in_template
            && info.kinds.iter().any(|kind| kinds.contains(kind))
            && regime_reads(regime, column))
            || also.contains(&column);
        if !wanted || column == C::Id {
            continue;
        }
        if column == C::GradesCriteria {
            let ids: Vec<String> = if criteria.is_empty() {
                DEFAULT_CRITERIA.iter().map(|id| (*id).to_owned()).collect()
            } else {
                criteria.to_vec()
            };
            columns.extend(ids.into_iter().map(SheetColumn::Criterion));
        } else {
            columns.push(SheetColumn::Field(column));
        }
    }
    columns.push(SheetColumn::Notes);
    columns
}

/// A column of an organisation's units sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitColumn {
    /// The unit's id.
    Id,
    /// Its name.
    Name,
    /// The parent unit's id (empty for the root).
    Parent,
    /// A grassroots party organisation (QĐ 132's member quota).
    Grassroots,
    /// Ids of the leader records responsible for it.
    LedBy,
    /// Ids of its member and leader records in its leadership collective.
    LeadershipMembers,
    /// The id of the leader record of its head (QĐ 132).
    Head,
    /// Notes (not read).
    Notes,
}

impl UnitColumn {
    /// Every column, in the sheet's order.
    pub const ALL: [UnitColumn; 8] = [
        UnitColumn::Id,
        UnitColumn::Name,
        UnitColumn::Parent,
        UnitColumn::Grassroots,
        UnitColumn::LedBy,
        UnitColumn::LeadershipMembers,
        UnitColumn::Head,
        UnitColumn::Notes,
    ];

    /// Its key (the unit's JSON key: `led_by`).
    pub fn key(self) -> &'static str {
        self.describe().0
    }

    /// Key, Vietnamese header, English header, Vietnamese help, English help.
    fn describe(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ) {
        match self {
            UnitColumn::Id => ("id", "Mã đơn vị", "Unit id", "Mã riêng của đơn vị, không trùng", "The unit's id, unique"),
            UnitColumn::Name => ("name", "Tên đơn vị", "Unit name", "Tên đơn vị, cho báo cáo", "The unit's name, for reports"),
            UnitColumn::Parent => ("parent", "Đơn vị cấp trên", "Parent unit", "Mã đơn vị cấp trên trực tiếp; để trống ở đơn vị cao nhất", "The parent unit's id; empty for the root"),
            UnitColumn::Grassroots => ("grassroots", "Tổ chức cơ sở đảng", "Grassroots organisation", "Đảng bộ cơ sở hoặc chi bộ cơ sở (QĐ 132: tỷ lệ xuất sắc của đảng viên tính trong đó)", "A grassroots party organisation (QĐ 132: members' quota counted within it)"),
            UnitColumn::LedBy => ("led_by", "Cán bộ phụ trách", "Led by", "Mã hồ sơ các cán bộ lãnh đạo phụ trách đơn vị, cách nhau bằng dấu phẩy", "Ids of the leader records responsible for the unit, comma-separated"),
            UnitColumn::LeadershipMembers => ("leadership_members", "Thành viên tập thể lãnh đạo", "Leadership members", "Mã hồ sơ các thành viên tập thể lãnh đạo của đơn vị, cách nhau bằng dấu phẩy", "Ids of the unit's records in its leadership collective, comma-separated"),
            UnitColumn::Head => ("head", "Người đứng đầu", "Head", "QĐ 132: mã hồ sơ của người đứng đầu đơn vị", "QĐ 132: the id of the leader record of the unit's head"),
            UnitColumn::Notes => ("notes", "Ghi chú", "Notes", "Ghi chú tự do: không được đọc", "Free notes: not read"),
        }
    }

    /// The column a header names (its key, Vietnamese or English header).
    pub fn of_header(header: &str) -> Option<UnitColumn> {
        let key = label_key(header);
        UnitColumn::ALL.into_iter().find(|column| {
            let (name, vi, en, _, _) = column.describe();
            header_names(&key, [name, vi, en])
        })
    }

    /// The template's description of this column.
    pub fn template_column(self) -> TemplateColumn {
        let (key, vi, en, help_vi, help_en) = self.describe();
        TemplateColumn {
            key: key.to_owned(),
            path: (self != UnitColumn::Notes).then(|| format!("/{key}")),
            header: Text::new(vi, en),
            cell: match self {
                UnitColumn::Grassroots => CellType::Flag,
                UnitColumn::LedBy | UnitColumn::LeadershipMembers => CellType::List,
                _ => CellType::Text,
            },
            choices: Vec::new(),
            min: None,
            max: None,
            required: self == UnitColumn::Id,
            kinds: Vec::new(),
            help: Text::new(help_vi, help_en),
            citations: Vec::new(),
        }
    }
}

/// The names of the sheets of a workbook (Vietnamese, English).
pub const RECORDS_SHEET: (&str, &str) = ("Hồ sơ", "Records");
/// The units sheet of an organisation's workbook.
pub const UNITS_SHEET: (&str, &str) = ("Đơn vị", "Units");

/// The template a request asks for, with no rows filled in (the regime not named:
/// QĐ 366).
pub fn template(request: &TemplateRequest) -> Template {
    let regime = request.regime.unwrap_or(RegimeId::Qd366);
    let kinds: Vec<SubjectKind> = if request.kinds.is_empty() {
        ALL.to_vec()
    } else {
        ALL.iter()
            .copied()
            .filter(|kind| request.kinds.contains(kind))
            .collect()
    };
    let records = TemplateSheet {
        name: Text::new(RECORDS_SHEET.0, RECORDS_SHEET.1),
        role: SheetRole::Records,
        columns: record_columns(&kinds, regime, request.org, &request.criteria, &[])
            .iter()
            .map(|column| column.template_column(regime))
            .collect(),
        rows: Vec::new(),
    };
    let mut sheets = Vec::new();
    if request.org {
        sheets.push(TemplateSheet {
            name: Text::new(UNITS_SHEET.0, UNITS_SHEET.1),
            role: SheetRole::Units,
            columns: UnitColumn::ALL
                .iter()
                .map(|c| c.template_column())
                .collect(),
            rows: Vec::new(),
        });
    }
    sheets.push(records);
    let info = regime.info();
    Template {
        regime,
        documents: format!("{}; {}", info.document, info.guideline),
        kinds,
        sheets,
    }
}

/// The columns of a records sheet that `assessment` has a value in (a flag only when it
/// states more than its default), in the contract's order.
pub fn used_columns(assessment: &Assessment) -> Vec<Column> {
    let Ok(json) = serde_json::to_value(assessment) else {
        return Vec::new();
    };
    Column::ALL
        .iter()
        .copied()
        .filter(|&column| {
            let path = column.path().replace('*', "0");
            column != C::Discipline
                && json
                    .pointer(&path)
                    .and_then(|value| template_value(column, column.kind(), value))
                    .is_some()
        })
        .collect()
}

/// The values of `assessment` in `columns`, for a template's row: each as its column
/// shows it (a choice by its Vietnamese label; a flag that states only its default is
/// left empty). Fails when the record has what a row cannot hold: more than one
/// discipline record, a criterion without its column, per-item points or a conduct
/// checklist.
pub fn row_values(
    assessment: &Assessment,
    columns: &[SheetColumn],
    name: Option<&str>,
    unit: Option<&str>,
) -> Result<Vec<Option<TemplateValue>>, InputError> {
    let json = serde_json::to_value(assessment)
        .map_err(|e| InputError::invalid_argument("", "Hồ sơ", "the record", &e))?;
    if assessment.discipline.len() > 1 {
        return Err(not_in_a_row(
            "/discipline/1",
            "nhiều hơn một quyết định kỷ luật",
            "more than one discipline record",
        ));
    }
    for path in RECORD_ONLY {
        if json.pointer(path).is_some() {
            return Err(not_in_a_row(
                path,
                "điểm từng tiêu chí hoặc bảng chuẩn mực",
                "per-item points or a conduct checklist",
            ));
        }
    }
    if let Some(grades) = &assessment.grades {
        for id in grades.criteria.keys() {
            if !columns.contains(&SheetColumn::Criterion(id.clone())) {
                return Err(not_in_a_row(
                    &format!("/grades/criteria/{}", pointer_segment(id)),
                    "tiêu chí không có cột",
                    "a criterion with no column",
                ));
            }
        }
    }
    Ok(columns
        .iter()
        .map(|column| match column {
            SheetColumn::Name => name.map(|n| TemplateValue::Text(n.to_owned())),
            SheetColumn::Unit => unit.map(|u| TemplateValue::Text(u.to_owned())),
            SheetColumn::Notes => None,
            SheetColumn::Field(field) => column
                .path()
                .and_then(|path| json.pointer(&path))
                .and_then(|value| template_value(*field, field.kind(), value)),
            SheetColumn::Criterion(_) => column
                .path()
                .and_then(|path| json.pointer(&path))
                .and_then(|value| {
                    template_value(C::GradesCriteria, C::GradesCriteria.kind(), value)
                }),
        })
        .collect())
}

/// A record's value as its column shows it.
fn template_value(
    column: Column,
    kind: ColumnKind,
    value: &serde_json::Value,
) -> Option<TemplateValue> {
    match (kind, value) {
        (_, serde_json::Value::Null) => None,
        (ColumnKind::Flag, serde_json::Value::Bool(flag)) => {
            (flag_default(column) != Some(*flag)).then_some(TemplateValue::Flag(*flag))
        }
        (ColumnKind::Choice(names), serde_json::Value::String(text)) => names
            .iter()
            .find(|name| name.value == text)
            .map(|name| TemplateValue::Choice(name.vi.to_owned())),
        (ColumnKind::Date, serde_json::Value::String(text)) => {
            Some(TemplateValue::Date(text.clone()))
        }
        (ColumnKind::Count | ColumnKind::Year, serde_json::Value::Number(n)) => {
            n.as_i64().map(TemplateValue::Whole)
        }
        (ColumnKind::Decimal, serde_json::Value::Number(n)) => {
            Some(TemplateValue::Decimal(n.to_string()))
        }
        (_, serde_json::Value::String(text)) => Some(TemplateValue::Text(text.clone())),
        (_, other) => Some(TemplateValue::Text(other.to_string())),
    }
}

/// A record that a sheet's row cannot hold.
fn not_in_a_row(path: &str, what_vi: &str, what_en: &str) -> InputError {
    InputError::new(
        ErrorCode::NotApplicable,
        path,
        format!(
            "Hồ sơ có {what_vi}: một dòng của trang tính không ghi được; hãy dùng bản ghi JSON"
        ),
        format!("the record has {what_en}, which a sheet's row cannot hold: use the JSON record"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn headers_are_read_in_either_language_or_by_name() {
        let on_time = Some(SheetColumn::Field(C::TasksOnTime));
        for header in [
            "Số nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng",
            "  số nhiệm vụ hoàn thành   đúng hạn, bảo đảm chất lượng ",
            "Tasks on time with quality",
            "tasks_on_time",
        ] {
            assert_eq!(SheetColumn::of_header(header), on_time, "{header}");
        }
        let decomposed: String = "Số nhiệm vụ hoàn thành đúng hạn, bảo đảm chất lượng"
            .nfd()
            .collect();
        assert_eq!(SheetColumn::of_header(&decomposed), on_time);
        assert_eq!(
            SheetColumn::of_header("Tiêu chí: Chinh_Tri"),
            Some(SheetColumn::Criterion("Chinh_Tri".to_owned()))
        );
        assert_eq!(
            SheetColumn::of_header("grades_criteria_dao_duc"),
            Some(SheetColumn::Criterion("dao_duc".to_owned()))
        );
        assert_eq!(
            SheetColumn::of_header("Họ và tên (tên tập thể)"),
            Some(SheetColumn::Name)
        );
        assert_eq!(SheetColumn::of_header("Tiêu chí:"), None);
        assert_eq!(SheetColumn::of_header("grades_criteria"), None);
        assert_eq!(SheetColumn::of_header("Số con"), None);
        assert_eq!(
            UnitColumn::of_header("Đơn vị cấp trên"),
            Some(UnitColumn::Parent)
        );
        assert_eq!(UnitColumn::of_header("led_by"), Some(UnitColumn::LedBy));
    }

    #[test]
    fn no_two_columns_share_a_header() {
        let mut seen: Vec<String> = Vec::new();
        for &column in Column::ALL {
            let info = column_info(column);
            for header in [info.vi, info.en, column.name()] {
                let key = label_key(header);
                assert!(
                    !seen.contains(&key) || header == column.name() && column.name() == key,
                    "{header}"
                );
                assert_eq!(
                    SheetColumn::of_header(header),
                    (column.prefix().is_none()).then_some(SheetColumn::Field(column)),
                    "{header}"
                );
                seen.push(key);
            }
        }
    }

    #[test]
    fn a_template_asks_what_its_regime_reads_of_its_kinds() {
        let keys = |kinds: &[SubjectKind], regime| -> Vec<String> {
            record_columns(kinds, regime, false, &[], &[])
                .iter()
                .map(SheetColumn::key)
                .collect()
        };
        let member = keys(&[Member], RegimeId::Qd366);
        assert!(member.contains(&"score_general".to_owned()));
        assert!(member.contains(&"shortcomings_fixed".to_owned()));
        assert!(!member.iter().any(|k| k.starts_with("grades_")
            || k.starts_with("leader_")
            || k.starts_with("collective_")));
        assert_eq!(&member[..3], ["id", "name", "period_year"]);
        let graded = keys(&[Member], RegimeId::Qd124);
        assert!(graded.contains(&"grades_criteria_chinh_tri".to_owned()));
        assert!(graded.contains(&"grades_task_results".to_owned()));
        assert!(!graded.contains(&"score_general".to_owned()));
        assert!(!graded.contains(&"shortcomings_identified".to_owned()));
        let leader = keys(&[Leader], RegimeId::Qd132);
        assert!(leader.contains(&"leader_headed_level".to_owned()));
        assert!(!leader.contains(&"leader_confidence_vote_low".to_owned()));
        assert!(keys(&[Collective], RegimeId::Qd132)
            .contains(&"collective_member_levels_good".to_owned()));
        let made = template(&TemplateRequest {
            kinds: vec![Leader],
            regime: None,
            org: true,
            criteria: Vec::new(),
        });
        assert_eq!(made.regime, RegimeId::Qd366);
        assert_eq!(made.sheets[0].role, SheetRole::Units);
        assert_eq!(made.sheets[1].columns[0].key, "unit");
        let vote = made.sheets[1]
            .columns
            .iter()
            .find(|c| c.key == "leader_confidence_vote_low")
            .map(|c| c.citations.clone());
        assert_eq!(
            vote.unwrap_or_default()[0].text,
            "366-QĐ/TW, Điều 11, khoản 4"
        );
    }
}
