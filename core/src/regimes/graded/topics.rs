//! The topic summaries QĐ 124 and QĐ 132 share word for word.

use crate::contract::text::Text;

/// Both regimes' rule on the topic Good.
pub fn good() -> Text {
    Text::new(
        "Hoàn thành tốt: kết quả nhiệm vụ từ Tốt, các tiêu chí khác từ Trung bình",
        "Good: task results Good or better, other criteria Average or better",
    )
}

/// Both regimes' rule on the topic Completed.
pub fn completed() -> Text {
    Text::new(
        "Hoàn thành: các tiêu chí từ Trung bình",
        "Completed: every criterion Average or better",
    )
}

/// Both regimes' rule on the topic Quota.
pub fn quota() -> Text {
    Text::new(
        "Hoàn thành xuất sắc không quá 20% số Hoàn thành tốt trong nhóm",
        "Excellent at most 20% of the Good count per group",
    )
}

/// Both regimes' rule on the topic Context.
pub fn context() -> Text {
    Text::new(
        "Đánh giá từng tiêu chí theo 4 mức: Xuất sắc, Tốt, Trung bình, Kém",
        "Each criterion graded Excellent, Good, Average or Poor",
    )
}
