//! Topic summaries two families of regimes share word for word.

use crate::contract::text::Text;

/// Who is not classified, under QĐ 366 and QĐ 124.
pub fn not_classified_summary() -> Text {
    Text::new(
        "Không xếp loại: miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt đảng, vào Đảng chưa đủ 6 tháng",
        "Not classified: exempted, suspended, or admitted under 6 months",
    )
}

/// No cap by another level: QĐ 366 and QĐ 124.
pub fn no_cap_summary() -> Text {
    Text::new(
        "Không có quy định giới hạn mức theo tập thể",
        "No cap by another level",
    )
}
