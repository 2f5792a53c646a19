// The forms a person can fill, the steps that guide them through one, and what the
// official paper form (HD 43-HD/BTCTW) of each looks like. The contract record's fields
// come from the WASM package's form schema; what is here is the page's part: the
// form's header (name, unit: personal data that stays out of the record, spec
// criteria-qd366.md §9), its written sections (Part A) and its printed layout.
//
// Adding a form means one more entry in FORMS: how to ask for its schema (or, as the
// state-side sheet does, the schema laid out here: `schema`; the core's state form schema,
// `formSchema({rating: "state", …})`, fixes the employment and the period kind per request,
// while this sheet asks for both in its first step), its header fields, its written parts
// and its printed title,
// and any strings of the page it words its own way (`ui`); `stepsOf` builds the
// steps from the schema's sections, and an entry may add steps of its own (`extraSteps`:
// a function of the schema giving steps `{ id, kind: "section", title, section }` whose
// `section.fields` are in the form schema's shape, e.g. a product list as a `list` field)
// before the written part.

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

/** A field of the state-side period form, in the form schema's shape (state-design §13). */
const stateField = (path, type, label, extra = {}) => ({ path, type, label, ...extra });

const cite = (rule, text) => ({ rule, text });

/** The record's fields on the state-side period form, laid out as the party forms' schema
 * lays out its sections. The core's state form schema (docs/state-regimes.md §10.1) holds
 * the same fields for one employment and one period kind per request; this page asks for
 * both in its first step, so it lays the contract's fields out itself (state-design §2.1),
 * period 0 being the one period the sheet is for; the core validates and evaluates every
 * one of them. */
function stateSteps(kind) {
  const period = "/periods/0";
  const steps = [
    {
      id: "state-period",
      title: v("Kỳ đánh giá", "Period"),
      help: v("Phiếu tự đánh giá hằng tháng (hoặc hằng quý): ghi tháng hoặc quý, không ghi cả hai.",
        "The monthly (or quarterly) self-assessment: give the month or the quarter, not both."),
      fields: [
        stateField("/subject/employment", "choice", v("Là", "You are"), {
          required: true,
          options: [
            { value: "cong_chuc", label: v("Công chức", "Civil servant (công chức)") },
            { value: "vien_chuc", label: v("Viên chức", "Public employee (viên chức)") },
          ],
          help: v("Công chức theo Nghị định 335/2025/NĐ-CP; viên chức theo Nghị định 233/2026/NĐ-CP.",
            "Civil servants: ND 335/2025; public employees: ND 233/2026."),
        }),
        stateField(`${period}/month`, "integer", v("Tháng", "Month"), { min: 1, max: 12 }),
        stateField(`${period}/quarter`, "integer", v("Quý (nếu đánh giá theo quý)", "Quarter (if assessed by quarter)"), { min: 1, max: 4 }),
      ],
    },
    {
      id: "state-general",
      title: v("Tiêu chí chung (tối đa 30 điểm)", "General criteria (up to 30 points)"),
      help: v("Ba nhóm tiêu chí chung, mỗi nhóm tối đa 10 điểm; tổng là điểm tiêu chí chung của kỳ.",
        "Three groups of general criteria, up to 10 points each; their total is the period's general points."),
      fields: [
        stateField(`${period}/general_items/politics_ethics`, "decimal", v("Chính trị, tư tưởng, đạo đức, lối sống, ý thức kỷ luật", "Politics, ethics, lifestyle and discipline"),
          { min: 0, max: 10, citations: [cite("nd335.16", "Luật 80/2025/QH15, Điều 25, khoản 4, điểm a")] }),
        stateField(`${period}/general_items/capacity`, "decimal", v("Năng lực, kỹ năng, tinh thần trách nhiệm, thái độ phục vụ", "Capacity, skills, responsibility and service"),
          { min: 0, max: 10, citations: [cite("nd335.16", "Luật 80/2025/QH15, Điều 25, khoản 4, điểm b")] }),
        stateField(`${period}/general_items/innovation`, "decimal", v("Đổi mới, sáng tạo, dám nghĩ, dám làm", "Innovation, initiative"),
          { min: 0, max: 10, citations: [cite("nd335.16", "Luật 80/2025/QH15, Điều 25, khoản 4, điểm c")] }),
        stateField(`${period}/general`, "decimal", v("Hoặc: tổng điểm tiêu chí chung (khi không chấm theo từng nhóm)", "Or: the general points in total (when not scored by group)"),
          { min: 0, max: 30, help: v("Ghi cả ba nhóm thì không cần ghi tổng; nếu ghi cả hai, tổng phải bằng tổng ba nhóm.",
            "With the three groups the total is not needed; given both, they must agree.") }),
      ],
    },
    {
      id: "state-products",
      title: v("Sản phẩm, công việc trong kỳ (tối đa 70 điểm)", "Products and tasks of the period (up to 70 points)"),
      help: v("Mỗi sản phẩm một dòng, với trọng số đã quy đổi. Không ghi lần chậm hoặc không đạt chất lượng có lý do khách quan.",
        "One row per product, with its converted weight. Excused delays and quality failures are not entered."),
      fields: [
        stateField(`${period}/products`, "list", v("Sản phẩm", "Product"), {
          citations: [
            cite("nd335.14.2.a", "Nghị định 335/2025/NĐ-CP, Điều 14, khoản 2, điểm a"),
            cite("nd335.14.2.b", "Nghị định 335/2025/NĐ-CP, Điều 14, khoản 2, điểm b"),
            cite("nd335.14.2.c", "Nghị định 335/2025/NĐ-CP, Điều 14, khoản 2, điểm c"),
          ],
          item_fields: [
            stateField("/label", "text", v("Tên sản phẩm, công việc", "Product or task")),
            stateField("/weight", "decimal", v("Trọng số (đã quy đổi)", "Weight (converted)"), { required: true, min: 0 }),
            stateField("/done", "boolean", v("Đã hoàn thành trong kỳ", "Completed in the period"), { required: true }),
            stateField("/quality_failures", "integer", v("Số lần không đạt chất lượng", "Failed quality reviews"), { min: 0 }),
            stateField("/delays", "integer", v("Số lần chậm tiến độ", "Delays"), { min: 0 }),
            stateField("/extra", "boolean", v("Ngoài nhiệm vụ được giao (vượt)", "Beyond the assignment (extra)")),
          ],
        }),
      ],
    },
  ];
  if (kind === "leader") {
    steps.push({
      id: "state-unit",
      title: v("Kết quả của đơn vị được giao quản lý", "The unit you lead"),
      help: v("Người đứng đầu, cấp phó: ba thành phần d, đ, e của điểm kết quả thực hiện nhiệm vụ.",
        "Heads and deputies: the three components d, đ, e of the task results."),
      fields: [
        stateField(`${period}/unit/staff_not_completed`, "integer", v("Số công chức thuộc quyền quản lý dưới 50 điểm trong kỳ", "Staff under your management scoring under 50 this period"),
          { required: true, min: 0, citations: [cite("nd335.15.3.a", "Nghị định 335/2025/NĐ-CP, Điều 15, khoản 3, điểm a")] }),
        stateField(`${period}/unit/prolonged_delays`, "boolean", v("Đơn vị có nhiệm vụ chậm tiến độ kéo dài", "The unit had prolonged delays"),
          { citations: [cite("nd335.15.3.b", "Nghị định 335/2025/NĐ-CP, Điều 15, khoản 3, điểm b")] }),
        stateField(`${period}/unit/disunity_complaints`, "boolean", v("Đơn vị có đơn thư về mất đoàn kết", "Complaints of disunity in the unit"),
          { citations: [cite("nd335.15.3.c", "Nghị định 335/2025/NĐ-CP, Điều 15, khoản 3, điểm c")] }),
      ],
    });
  }
  return steps.map(({ id, title, help, fields }) => ({ id, kind: "section", title, help, section: { id, title, help, fields } }));
}

/** The form schema of a state-side sheet, in the shape of the core's party form schemas:
 * its fixed part and its sections (all of them the form's own steps, `extraSteps`). */
function stateSchema(kind) {
  return {
    title: v("Phiếu tự đánh giá, xếp loại chất lượng theo tháng, quý", "Monthly or quarterly self-assessment"),
    appendix: kind === "leader" ? "nd335 · lãnh đạo" : "nd335",
    fixed: { rating: "state", subject: { kind } },
    sections: [],
    form_sections: stateSteps(kind).map((step) => step.section),
  };
}

/** The state-side sheet of a staff member or a leader (ND 335/2025, ND 233/2026): the
 * year from 2026, its schema and steps laid out here, its printed title and form codes. */
function stateForm(kind, label, subtitle) {
  return {
    id: `state_${kind}`,
    label,
    rating: "state",
    kind,
    defaultYear: "2026",
    schema: () => stateSchema(kind),
    extraSteps: () => stateSteps(kind),
    individual: true,
    ui: STATE_UI,
    header: STATE_PERSON,
    // The codes seen in implementations (state-design §13: unconfirmed), by the period's kind.
    code: kind === "leader" ? { month: "Mẫu 01B", quarter: "Mẫu 02B" } : { month: "Mẫu 01A", quarter: "Mẫu 02A" },
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
 * order), any steps of the form's own, the written parts, then the result with saving and
 * printing. Each step is `{ id, kind, title, help, section? }`.
 */
export function stepsOf(form, schema, shared) {
  const ui = { ...shared, ...form.ui };
  return [
    { id: "identity", kind: "identity", title: form.individual ? ui.identityStep : ui.identityStepCollective, help: ui.identityHelp },
    ...schema.sections.map((section) => ({ id: section.id, kind: "section", title: section.title, help: section.help, section })),
    ...(form.extraSteps?.(schema) ?? []),
    { id: "written", kind: "written", title: ui.narrativeStep, help: ui.narrativeHelp },
    { id: "review", kind: "review", title: ui.reviewStep },
  ];
}
