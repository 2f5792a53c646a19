// The page's own words, in Vietnamese (first) and English. The form's labels, the reasons
// and the errors come from the WASM package in both languages; these are the rest.

/** Interface strings. `{name}` marks a value filled in by `fill`. */
export const UI = {
  title: { vi: "Tự kiểm điểm, đánh giá, xếp loại chất lượng", en: "Self-review and quality classification" },
  formKind: { vi: "Mẫu kiểm điểm", en: "Form" },
  language: { vi: "Ngôn ngữ / Language", en: "Language / Ngôn ngữ" },
  skip: { vi: "Bỏ qua, đến nội dung", en: "Skip to the form" },
  settings: { vi: "Chọn mẫu và ngôn ngữ", en: "Form and language" },
  draftSaved: { vi: "Đã lưu bản nháp trên máy này lúc {time}", en: "Draft saved on this device at {time}" },
  draftRestored: { vi: "Đã mở lại bản nháp lưu lúc {time}", en: "Reopened the draft saved at {time}" },
  draftNotSaved: { vi: "Không lưu được bản nháp trên trình duyệt này", en: "This browser could not keep the draft" },
  offlineReady: { vi: "Dùng được cả khi không có mạng", en: "Works without a network" },
  steps: { vi: "Các bước", en: "Steps" },
  stepOf: { vi: "Bước {n}/{total}", en: "Step {n} of {total}" },
  progress: { vi: "Tiến độ", en: "Progress" },
  bottomBar: { vi: "Mức đề xuất và chuyển bước", en: "Proposed level and step buttons" },
  regulation: { vi: "Quy định", en: "Regulation" },
  back: { vi: "Quay lại", en: "Back" },
  next: { vi: "Tiếp tục", en: "Next" },
  stepError: { vi: "cần sửa", en: "to fix" },
  stepTodo: { vi: "còn thiếu", en: "missing answers" },
  identityStep: { vi: "Thông tin người kiểm điểm", en: "About you" },
  identityStepCollective: { vi: "Thông tin tập thể", en: "About the collective" },
  identityHelp: {
    vi: "Họ tên và đơn vị chỉ dùng để in bản kiểm điểm; không có trong tệp JSON xuất ra.",
    en: "Name and unit are only used to print the self-review; they are not in the exported JSON.",
  },
  narrativeStep: { vi: "Nội dung bản kiểm điểm", en: "The written self-review" },
  narrativeHelp: {
    vi: "Các phần viết của mẫu. Có thể để trống và viết tay sau khi in; số liệu đã khai ở các bước trước được in sẵn.",
    en: "The written parts of the form. They may stay empty and be handwritten after printing; the figures given in the earlier steps are printed in.",
  },
  reviewStep: { vi: "Kết quả, lưu và in", en: "Result, save and print" },
  id: { vi: "Mã hồ sơ", en: "Record id" },
  idHelp: { vi: "Dùng khi nộp tệp JSON; để nguyên nếu không được yêu cầu.", en: "Used when a JSON file is handed in; keep it unless told otherwise." },
  year: { vi: "Năm đánh giá", en: "Year assessed" },
  result: { vi: "Kết quả đề xuất", en: "Proposed result" },
  running: { vi: "Mức đề xuất", en: "Proposed level" },
  runningPartial: { vi: "Chưa đủ thông tin — có thể từ {lowest} đến {highest}", en: "Not complete yet — from {lowest} to {highest}" },
  runningErrors: { vi: "Cần sửa {n} chỗ trước khi tính", en: "{n} answers to fix before it can be worked out" },
  points: { vi: "{score} điểm", en: "{score} points" },
  band: { vi: "Tổng {score} điểm, thuộc khung «{band}» ({range})", en: "Total {score} points, in the band of {band} ({range})" },
  goResult: { vi: "Xem kết quả", en: "See the result" },
  goFix: { vi: "Chỗ cần sửa", en: "What to fix" },
  goMissing: { vi: "Câu còn thiếu", en: "What is missing" },
  why: { vi: "Vì sao", en: "Why" },
  ruleDetails: { vi: "Chi tiết: mã quy tắc", en: "Details: rule ids" },
  change: { vi: "Để đạt mức cao hơn", en: "To reach a higher level" },
  toReach: { vi: "Để đạt «{level}»", en: "For {level}" },
  unreachable: { vi: "Không đạt được mức cao hơn trong kỳ này", en: "No higher level can be reached this period" },
  edit: { vi: "Sửa", en: "Edit" },
  unanswered: { vi: "Còn cần trả lời", en: "Still to answer" },
  missingHere: { vi: "Cần trả lời câu này", en: "This needs an answer" },
  missingAnswer: { vi: "«{label}» chưa được trả lời", en: "«{label}» is not answered" },
  toFix: { vi: "Cần sửa", en: "To fix" },
  needsDecision: { vi: "Cấp có thẩm quyền xem xét, quyết định", en: "The competent level decides" },
  yes: { vi: "Có", en: "Yes" },
  no: { vi: "Không", en: "No" },
  blank: { vi: "— chưa chọn —", en: "— not answered —" },
  add: { vi: "Thêm", en: "Add" },
  remove: { vi: "Xoá", en: "Remove" },
  required: { vi: "bắt buộc", en: "required" },
  complyAll: { vi: "Tôi đã thực hiện đúng tất cả các nội dung dưới đây", en: "I complied with all of these" },
  complyAllHelp: {
    vi: "Nội dung nào chưa thực hiện tốt thì mở nội dung đó và đánh dấu riêng.",
    en: "Open any item you did not fully comply with and mark it on its own.",
  },
  groupCount: { vi: "{answered}/{total} nội dung đã trả lời", en: "{answered} of {total} items answered" },
  groupExceptions: { vi: "{n} ngoại lệ", en: "{n} exceptions" },
  notAnswered: { vi: "Chưa trả lời", en: "Not answered" },
  itemMore: { vi: "Nội dung và ghi chú", en: "What it says, and a note" },
  noChecklist: { vi: "Không có nội dung tự kiểm tra cho tập thể.", en: "No conduct checklist for a collective." },
  save: { vi: "Lưu và mở tệp", en: "Save and open files" },
  exportButton: { vi: "Xuất tệp JSON", en: "Export JSON file" },
  exportLabel: { vi: "JSON theo hợp đồng dữ liệu", en: "Contract JSON" },
  showJson: { vi: "Xem JSON", en: "Show the JSON" },
  importLabel: { vi: "Mở tệp JSON đã xuất", en: "Open an exported JSON file" },
  imported: { vi: "Đã mở tệp {name}.", en: "Opened {name}." },
  importSkipped: { vi: "Các trường sau không có trong mẫu này nên không được giữ: {paths}", en: "These fields are not in this form and were not kept: {paths}" },
  importFailed: { vi: "Không đọc được tệp {name}: {reason}", en: "Could not read {name}: {reason}" },
  importNotObject: { vi: "tệp không phải một bản đánh giá (đối tượng JSON)", en: "the file is not one assessment (a JSON object)" },
  clearDraft: { vi: "Xoá bản nháp, làm lại từ đầu", en: "Delete the draft and start again" },
  clearConfirm: { vi: "Xoá mọi câu trả lời của mẫu này?", en: "Delete every answer of this form?" },
  printHeading: { vi: "In bản kiểm điểm", en: "Print the self-review" },
  print: { vi: "In bản kiểm điểm", en: "Print the self-review" },
  printHelp: {
    vi: "In theo mẫu chính thức (tiếng Việt), có chỗ ký. Có thể chọn «Lưu dưới dạng PDF» trong hộp thoại in.",
    en: "Prints the official form (in Vietnamese) with signature lines. The print dialog can also save a PDF.",
  },
  preview: { vi: "Xem trước bản in", en: "Preview the printout" },
  hidePreview: { vi: "Đóng bản xem trước", en: "Close the preview" },
  selfLevel: { vi: "Mức tự đề xuất (in vào mục B.II)", en: "The level you propose (printed in part B.II)" },
  selfLevelHelp: {
    vi: "Mức tính theo Quy định 366-QĐ/TW cũng chỉ là đề xuất; đồng chí có thể tự đề xuất mức khác, cấp có thẩm quyền quyết định.",
    en: "The level worked out under 366-QĐ/TW is a proposal too; you may propose another one, and the competent level decides.",
  },
  selfLevelComputed: { vi: "Theo kết quả tính: {level}", en: "As worked out: {level}" },
  selfLevelDiffers: { vi: "Mức tự đề xuất khác mức tính theo quy định ({level}).", en: "The level you propose differs from the one worked out ({level})." },
  place: { vi: "Địa danh (nơi ký)", en: "Place of signing" },
  signedOn: { vi: "Ngày ký", en: "Date of signing" },
  noscript: { vi: "Trang này cần JavaScript và WebAssembly.", en: "This form needs JavaScript and WebAssembly." },
};

/** The four levels (QĐ 366 Art. 11), as the result and the forms name them. */
export const LEVELS = {
  excellent: { vi: "Hoàn thành xuất sắc nhiệm vụ", en: "Excellent" },
  good: { vi: "Hoàn thành tốt nhiệm vụ", en: "Good" },
  completed: { vi: "Hoàn thành nhiệm vụ", en: "Completed" },
  not_completed: { vi: "Không hoàn thành nhiệm vụ", en: "Not completed" },
};

/** The levels without "nhiệm vụ", where a range of two must fit a phone's bar. */
export const LEVELS_SHORT = {
  excellent: { vi: "Hoàn thành xuất sắc", en: "Excellent" },
  good: { vi: "Hoàn thành tốt", en: "Good" },
  completed: { vi: "Hoàn thành", en: "Completed" },
  not_completed: { vi: "Không hoàn thành", en: "Not completed" },
};

/** The score bands of QĐ 366 Art. 10, for showing a band the WASM package named. */
export const BANDS = {
  excellent: { vi: "từ 90 điểm", en: "90 or more" },
  good: { vi: "từ 70 đến dưới 90 điểm", en: "70 to under 90" },
  completed: { vi: "từ 50 đến dưới 70 điểm", en: "50 to under 70" },
  not_completed: { vi: "dưới 50 điểm", en: "under 50" },
};

/** `text` with each `{name}` replaced by `values[name]`. */
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
