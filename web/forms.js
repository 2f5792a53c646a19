// The forms a person can fill, the steps that guide them through one, and what the
// official paper form (HD 43-HD/BTCTW) of each looks like. The contract record's fields
// come from the WASM package's form schema; what is here is the page's part: the
// form's header (name, unit: personal data that stays out of the record, spec
// criteria-qd366.md §9), its written sections (Part A) and its printed layout.
//
// Adding a form means one more entry in FORMS: how to ask for its schema (`request`; a
// schema's `request_options`, such as the state sheet's employment and month or quarter,
// are asked on the first step and the schema asked for again), its header fields, its
// written parts and its printed title, and any strings of the page it words its own way
// (`ui`); `stepsOf` builds the steps from the schema's sections.

const v = (vi, en) => ({ vi, en });

/** Header fields of an individual's form (Mẫu 2A, 2B, 2C header: criteria-qd366.md §8.4, §8.5).
 * `printed`: the label on paper, where it differs from the one on screen. */
const PERSON = [
  { key: "full_name", type: "text", label: v("Họ và tên", "Full name"), autocomplete: "name" },
  { key: "birth_date", type: "date", label: v("Ngày sinh", "Date of birth"), autocomplete: "bday" },
  { key: "work_unit", type: "text", label: v("Đơn vị công tác", "Work unit"), autocomplete: "organization" },
  { key: "chi_bo", type: "text", label: v("Chi bộ", "Chi bộ (party cell)") },
  { key: "dang_bo", type: "text", label: v("Đảng bộ", "Đảng bộ (party committee above the cell)") },
];

const LEADER_PERSON = [
  PERSON[0], PERSON[1],
  { key: "position", type: "text", label: v("Chức vụ", "Post held"), autocomplete: "organization-title" },
  ...PERSON.slice(2),
];

/** Header fields of a collective's report (Mẫu 01 header: §8.2). */
const COLLECTIVE = [
  { key: "collective_name", type: "text", label: v("Tên tập thể (chi bộ, đảng bộ, cơ quan, đơn vị)", "Name of the collective (chi bộ, đảng bộ, agency, unit)"), printed: "Tên tập thể" },
  { key: "dang_bo", type: "text", label: v("Đảng bộ cấp trên", "Đảng bộ above it") },
  { key: "signer_title", type: "text", label: v("Chức danh người ký (ví dụ: Bí thư)", "Title of the signatory (e.g. Secretary)") },
  { key: "signer_name", type: "text", label: v("Họ tên người ký", "Name of the signatory"), autocomplete: "name" },
];

/**
 * Part A of an individual's form (Mẫu 2B §8.4; 2C §8.5; 2A takes the 2B layout, §8.3).
 * `write`: a written part (a text box in the "written self-review" step); `auto`: the
 * figures of the record printed at the start of the part.
 */
function individualParts(task) {
  return [
    { heading: v("I. Ưu điểm, kết quả đạt được", "I. Strengths and results") },
    {
      id: "a1_1", write: true, auto: "conduct", sub: true,
      heading: v(
        "1. Về tư tưởng chính trị; phẩm chất đạo đức, lối sống; tinh thần đoàn kết, thống nhất; ý thức tổ chức kỷ luật; trách nhiệm nêu gương, việc thực hiện những điều đảng viên không được làm; tác phong, lề lối làm việc; tự liên hệ các biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hoá”",
        "1. Political thought; ethics and lifestyle; unity; discipline; exemplary conduct and the things members must not do; working style; checking oneself for signs of degradation"),
    },
    { id: "a1_2", write: true, auto: "tasks", sub: true, heading: task },
    {
      id: "a1_3", write: true, sub: true,
      heading: v("3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm", "3. Keeping the yearly commitment to self-cultivation and training"),
    },
    { heading: v("II. Hạn chế, khuyết điểm và nguyên nhân", "II. Shortcomings and their causes") },
    { id: "a2_1", write: true, auto: "faults", sub: true, heading: v("1. Hạn chế, khuyết điểm", "1. Shortcomings") },
    { id: "a2_2", write: true, sub: true, heading: v("2. Nguyên nhân", "2. Causes") },
    {
      id: "a3", write: true, auto: "shortcomings",
      heading: v(
        "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước (đã khắc phục; đang khắc phục, mức độ; chưa khắc phục; khó khăn, vướng mắc; trách nhiệm của cá nhân)",
        "III. Fixing the shortcomings concluded by the competent level or named at earlier reviews (fixed; being fixed, how far; not fixed; difficulties; personal responsibility)"),
    },
    {
      id: "a4", write: true,
      heading: v("IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)", "IV. Explanation of the issues raised for the review (if any)"),
    },
    {
      id: "a5", write: true,
      heading: v("V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)", "V. Personal responsibility for the collective's shortcomings (if any)"),
    },
    { id: "a6", write: true, heading: v("VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", "VI. Directions and measures to fix the shortcomings") },
  ];
}

/** Part A of the collective's report (Mẫu 01 §8.2). */
const COLLECTIVE_PARTS = [
  { heading: v("I. Ưu điểm, kết quả đạt được", "I. Strengths and results") },
  {
    id: "a1_1", write: true, sub: true,
    heading: v("1. Việc thực hiện nguyên tắc tổ chức và hoạt động của Đảng, nhất là nguyên tắc tập trung dân chủ; quy chế làm việc",
      "1. Observing the party's principles of organisation and activity, above all democratic centralism; the working rules"),
  },
  {
    id: "a1_2", write: true, auto: "tasks", sub: true,
    heading: v("2. Kết quả thực hiện mục tiêu, chỉ tiêu, nhiệm vụ theo nghị quyết đại hội nhiệm kỳ và kế hoạch, chương trình công tác năm",
      "2. Results against the goals, targets and tasks of the congress resolution and the year's plans"),
  },
  {
    id: "a1_3", write: true, sub: true,
    heading: v("3. Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị; xây dựng tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả",
      "3. Building and rectifying the party and the political system; a lean, effective apparatus"),
  },
  {
    id: "a1_4", write: true, sub: true,
    heading: v("4. Trách nhiệm của tập thể lãnh đạo, quản lý trong việc thực hiện chủ trương, đường lối của Đảng, chỉ thị, nghị quyết của cấp trên",
      "4. The leadership collective's responsibility for carrying out party policy and higher-level directives"),
  },
  { heading: v("II. Hạn chế, khuyết điểm và nguyên nhân", "II. Shortcomings and their causes") },
  { id: "a2_1", write: true, auto: "faults", sub: true, heading: v("1. Hạn chế, khuyết điểm", "1. Shortcomings") },
  { id: "a2_2", write: true, sub: true, heading: v("2. Nguyên nhân", "2. Causes") },
  {
    id: "a3", write: true, auto: "shortcomings",
    heading: v("III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước",
      "III. Fixing the shortcomings concluded by the competent level or named at earlier reviews"),
  },
  { id: "a4", write: true, heading: v("IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)", "IV. Explanation of the issues raised for the review (if any)") },
  {
    id: "a5", write: true, auto: "collective",
    heading: v("V. Làm rõ trách nhiệm của tập thể và cá nhân đối với những hạn chế, khuyết điểm, dấu hiệu vi phạm (nếu có)",
      "V. Responsibility of the collective and of individuals for shortcomings and signs of violation (if any)"),
  },
  { id: "a6", write: true, heading: v("VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", "VI. Directions and measures to fix the shortcomings") },
];

/** Header fields of the state-side self-assessment (a civil servant's or public employee's
 * monthly or quarterly sheet): personal data, kept out of the record. */
const STATE_PERSON = [
  PERSON[0],
  { key: "position", type: "text", label: v("Chức vụ, chức danh", "Post or title"), autocomplete: "organization-title" },
  PERSON[2],
  { key: "agency", type: "text", label: v("Cơ quan, đơn vị", "Agency or unit"), printed: "Cơ quan, đơn vị" },
];

/** The written part of the state-side sheet: the person's own remarks on the period. */
const STATE_PARTS = [
  { id: "s1", write: true, heading: v("Tự nhận xét kết quả thực hiện nhiệm vụ trong kỳ", "Your own remarks on the period's results") },
  { id: "s2", write: true, heading: v("Hạn chế và hướng khắc phục", "Shortcomings and how they will be fixed") },
];

/** The page's strings the state-side sheet words its own way. */
const STATE_UI = {
  identityStep: v("Thông tin người tự đánh giá", "About you"),
  identityHelp: v("Họ tên, chức vụ và đơn vị chỉ dùng để in phiếu; không có trong tệp JSON xuất ra.",
    "Name, post and unit are only used to print the sheet; they are not in the exported JSON."),
  narrativeStep: v("Tự nhận xét", "Your remarks"),
  printHeading: v("In phiếu tự đánh giá", "Print the self-assessment sheet"),
  print: v("In phiếu tự đánh giá", "Print the self-assessment sheet"),
  selfLevel: v("Mức tự đề xuất (in vào mục II)", "The level you propose (printed in part II)"),
  selfLevelHelp: v("Mức tính theo điểm của kỳ cũng chỉ là đề xuất; người có thẩm quyền đánh giá quyết định.",
    "The level worked out from the period's points is a proposal; the competent person decides."),
};

/** The state-side sheet of a staff member or a leader (ND 335/2025, ND 233/2026): the
 * core's state form schema (forms 01A/01B/02A/02B; the employment and the month or
 * quarter are the schema's `request_options`, asked on the first step), the year from
 * 2026, its printed title. */
function stateForm(kind, label, subtitle) {
  return {
    id: `state_${kind}`,
    label,
    rating: "state",
    kind,
    request: { rating: "state", kind },
    defaultYear: "2026",
    individual: true,
    ui: STATE_UI,
    header: STATE_PERSON,
    title: "PHIẾU TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
    subtitle,
    parts: STATE_PARTS,
  };
}

/**
 * The forms, in the order the form picker shows them. `request` is the form schema
 * request (the page adds the day `on`); `code` is the form's code as HD 43 prints it
 * (criteria-qd366.md §8.1: codes follow "Mẫu <n>-HD KĐ.ĐG 2025"; 02A and 01 by that
 * pattern, the others as seen).
 */
export const FORMS = [
  {
    id: "member",
    label: v("Đảng viên không giữ chức vụ lãnh đạo, quản lý (Mẫu 02B)", "Party member without a leadership post (Form 02B)"),
    request: { kind: "member" },
    individual: true,
    header: PERSON,
    code: "Mẫu 02B-HD KĐ.ĐG 2025",
    title: "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
    subtitle: "(Dùng cho cá nhân không giữ chức vụ lãnh đạo, quản lý)",
    appendix: "Phụ lục 4",
    parts: individualParts(v("2. Việc thực hiện chức trách, nhiệm vụ được giao; kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ trong năm (hiệu quả, tiến độ, chất lượng)",
      "2. Performing the duties assigned; results against the year's targets and tasks (effectiveness, progress, quality)")),
  },
  {
    id: "member_outside",
    label: v("Đảng viên không làm việc trong hệ thống chính trị (Mẫu 02C)", "Party member outside the political system (Form 02C)"),
    request: { kind: "member", outside_political_system: true },
    individual: true,
    header: PERSON,
    code: "Mẫu 02C-HD KĐ.ĐG 2025",
    title: "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
    subtitle: "(Dùng cho đảng viên không làm việc trong hệ thống chính trị)",
    appendix: "Phụ lục 5",
    parts: individualParts(v("2. Việc thực hiện quyền, nhiệm vụ của đảng viên thông qua thực hiện các nhiệm vụ chính trị được cấp uỷ, chi bộ phân công",
      "2. Exercising a member's rights and duties through the political tasks the committee or chi bộ assigned")),
  },
  {
    id: "leader",
    label: v("Cán bộ giữ chức vụ lãnh đạo, quản lý (Mẫu 02A)", "Leader or manager (Form 02A)"),
    request: { kind: "leader" },
    individual: true,
    header: LEADER_PERSON,
    code: "Mẫu 02A-HD KĐ.ĐG 2025",
    title: "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN",
    subtitle: "(Dùng cho cá nhân giữ chức vụ lãnh đạo, quản lý)",
    appendix: "Phụ lục 3",
    parts: individualParts(v("2. Việc thực hiện chức trách, nhiệm vụ được giao; kết quả lãnh đạo, quản lý, thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ của cơ quan, đơn vị được giao phụ trách",
      "2. Performing the duties assigned; results of leading and managing, and of the units in one's charge against their targets and tasks")),
  },
  {
    id: "collective",
    label: v("Tập thể (Mẫu 01)", "Collective (Form 01)"),
    request: { kind: "collective" },
    individual: false,
    header: COLLECTIVE,
    code: "Mẫu 01-HD KĐ.ĐG 2025",
    title: "BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ",
    subtitle: "",
    appendix: "Phụ lục 1",
    parts: COLLECTIVE_PARTS,
  },
  stateForm("member", v("Công chức, viên chức: tự đánh giá tháng, quý", "Civil servant or public employee: monthly or quarterly self-assessment"),
    "(Dùng cho công chức, viên chức không giữ chức vụ lãnh đạo, quản lý)"),
  stateForm("leader", v("Công chức, viên chức lãnh đạo, quản lý: tự đánh giá tháng, quý", "Civil servant or public employee who leads: monthly or quarterly self-assessment"),
    "(Dùng cho công chức, viên chức giữ chức vụ lãnh đạo, quản lý)"),
];

/** The form with this id, or the first (a member's). */
export const formById = (id) => FORMS.find((form) => form.id === id) ?? FORMS[0];

/**
 * The steps of a form: who is reviewed, one step per section of the form schema (in its
 * order), the written parts, then the result with saving and printing. Each step is
 * `{ id, kind, title, help, section? }`.
 */
export function stepsOf(form, schema, shared) {
  const ui = { ...shared, ...form.ui };
  return [
    { id: "identity", kind: "identity", title: form.individual ? ui.identityStep : ui.identityStepCollective, help: ui.identityHelp },
    ...schema.sections.map((section) => ({ id: section.id, kind: "section", title: section.title, help: section.help, section })),
    { id: "written", kind: "written", title: ui.narrativeStep, help: ui.narrativeHelp },
    { id: "review", kind: "review", title: ui.reviewStep },
  ];
}
