//! The names a choice of the contract takes, with the labels a table may hold instead.
//!
//! A spreadsheet shows people labels (`Hoàn thành tốt nhiệm vụ`, `Có`), a program writes
//! the contract's names (`good`, `true`); a table read into the contract may hold either
//! ([`ChoiceName::matches`]): the comparison ignores case, the spaces around and between
//! words, and the Unicode form (a Vietnamese keyboard may type a letter with its marks
//! precomposed or as combining marks, which look the same).

use unicode_normalization::UnicodeNormalization;

/// One name a choice takes: the contract's value, and its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChoiceName {
    /// The value written in the assessment (`excellent`).
    pub value: &'static str,
    /// Its Vietnamese label, as a template's drop-down list shows it.
    pub vi: &'static str,
    /// Its English label.
    pub en: &'static str,
}

impl ChoiceName {
    /// Whether `text` names this choice: its value or one of its labels, compared as
    /// [`label_key`] compares.
    pub fn matches(&self, text: &str) -> bool {
        let key = label_key(text);
        [self.value, self.vi, self.en]
            .iter()
            .any(|name| label_key(name) == key)
    }
}

/// The form in which labels and headers are compared: Unicode NFC, lower case, words
/// separated by one space, no space around.
pub fn label_key(text: &str) -> String {
    let composed: String = text.nfc().collect();
    composed
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The choice among `names` that `text` names, if any.
pub fn find_choice(names: &'static [ChoiceName], text: &str) -> Option<&'static ChoiceName> {
    names.iter().find(|name| name.matches(text))
}

const fn name(value: &'static str, vi: &'static str, en: &'static str) -> ChoiceName {
    ChoiceName { value, vi, en }
}

/// `subject.kind`.
pub const SUBJECT_KINDS: &[ChoiceName] = &[
    name("member", "Đảng viên", "Member"),
    name("leader", "Cán bộ lãnh đạo, quản lý", "Leader"),
    name("collective", "Tập thể", "Collective"),
];

/// `subject.collective_kind`.
pub const COLLECTIVE_KINDS: &[ChoiceName] = &[
    name(
        "leadership",
        "Tập thể lãnh đạo, quản lý",
        "Leadership collective",
    ),
    name("party_committee", "Cấp ủy", "Party committee"),
    name("party_organisation", "Tổ chức đảng", "Party organisation"),
    name(
        "agency",
        "Cơ quan, tổ chức, đơn vị",
        "Organisation, agency or unit",
    ),
];

/// `subject.party_status`.
pub const PARTY_STATUSES: &[ChoiceName] = &[
    name("active", "Đang sinh hoạt", "Active"),
    name(
        "exempted",
        "Được miễn công tác và sinh hoạt đảng",
        "Exempted from work and party activities",
    ),
    name(
        "suspended",
        "Đang bị đình chỉ sinh hoạt đảng",
        "Party activities suspended",
    ),
];

/// A criterion grade (QĐ 124, QĐ 132), as `Grade` names it.
pub const GRADES: &[ChoiceName] = &[
    name("excellent", "Xuất sắc", "Excellent"),
    name("good", "Tốt", "Good"),
    name("average", "Trung bình", "Average"),
    name("poor", "Kém", "Poor"),
];

/// A quality level, as `Level` names it.
pub const LEVELS: &[ChoiceName] = &[
    name("excellent", "Hoàn thành xuất sắc nhiệm vụ", "Excellent"),
    name("good", "Hoàn thành tốt nhiệm vụ", "Good"),
    name("completed", "Hoàn thành nhiệm vụ", "Completed"),
    name(
        "not_completed",
        "Không hoàn thành nhiệm vụ",
        "Not completed",
    ),
];

/// A discipline record's form.
pub const DISCIPLINE_FORMS: &[ChoiceName] = &[
    name("reprimand", "Khiển trách", "Reprimand"),
    name("warning", "Cảnh cáo", "Warning"),
    name("removal", "Cách chức", "Removal from post"),
    name("expulsion", "Khai trừ", "Expulsion"),
    name("dissolution", "Giải tán", "Dissolution"),
];

/// `subject.employment` (state records).
pub const EMPLOYMENTS: &[ChoiceName] = &[
    name("cong_chuc", "Công chức", "Civil servant"),
    name("vien_chuc", "Viên chức", "Public employee"),
    name("can_bo", "Cán bộ", "Elected official"),
];

/// `leave.kind` (state records).
pub const LEAVE_KINDS: &[ChoiceName] = &[
    name("unpaid", "Nghỉ không lương", "Unpaid leave"),
    name("sick", "Nghỉ ốm", "Sick leave"),
    name("maternity", "Nghỉ thai sản", "Maternity leave"),
    name("other", "Nghỉ khác", "Other leave"),
];

/// A state record's discipline `kind`.
pub const DISCIPLINE_KINDS: &[ChoiceName] = &[
    name("party", "Kỷ luật đảng", "Party discipline"),
    name(
        "administrative",
        "Kỷ luật hành chính",
        "Administrative discipline",
    ),
];

/// The state regimes a state record may name.
pub const STATE_REGIMES: &[ChoiceName] = &[
    name("nd90", "Nghị định 90/2020/NĐ-CP", "Decree 90/2020/NĐ-CP"),
    name("nd335", "Nghị định 335/2025/NĐ-CP", "Decree 335/2025/NĐ-CP"),
    name("nd233", "Nghị định 233/2026/NĐ-CP", "Decree 233/2026/NĐ-CP"),
];

/// True and false, for the flags (`true`/`false`, `Có`/`Không`, `Yes`/`No`).
pub const FLAGS: &[ChoiceName] = &[name("true", "Có", "Yes"), name("false", "Không", "No")];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::assessment::Grade;
    use crate::contract::level::Level;

    #[test]
    fn labels_match_whatever_the_case_spacing_and_unicode_form() {
        let good = &LEVELS[1];
        assert!(good.matches("good"));
        assert!(good.matches("  hoàn thành   TỐT nhiệm vụ "));
        assert!(good.matches("Good"));
        // "Hoàn thành tốt nhiệm vụ" typed with combining marks (NFD).
        let decomposed: String = "Hoàn thành tốt nhiệm vụ".nfd().collect();
        assert_ne!(decomposed, "Hoàn thành tốt nhiệm vụ");
        assert!(good.matches(&decomposed));
        assert!(!good.matches("goodish"));
        assert_eq!(find_choice(FLAGS, "KHÔNG").map(|n| n.value), Some("false"));
        assert_eq!(find_choice(FLAGS, "x"), None);
    }

    #[test]
    fn level_and_grade_labels_are_the_enums_own() {
        for (name, level) in LEVELS.iter().zip(Level::DESCENDING) {
            assert_eq!(
                (name.value, name.vi, name.en),
                (level.as_str(), level.vi(), level.en())
            );
        }
        for (name, grade) in
            GRADES
                .iter()
                .zip([Grade::Excellent, Grade::Good, Grade::Average, Grade::Poor])
        {
            assert_eq!(
                (name.value, name.vi, name.en),
                (grade.as_str(), grade.vi(), grade.en())
            );
        }
    }

    #[test]
    fn state_choice_names_are_the_enums_own() {
        use crate::contract::state::{Employment, LeaveKind};
        let employments = [
            Employment::CongChuc,
            Employment::VienChuc,
            Employment::CanBo,
        ];
        for (name, value) in EMPLOYMENTS.iter().zip(employments) {
            assert_eq!(name.value, value.as_str());
        }
        let kinds = [
            LeaveKind::Unpaid,
            LeaveKind::Sick,
            LeaveKind::Maternity,
            LeaveKind::Other,
        ];
        for (name, value) in LEAVE_KINDS.iter().zip(kinds) {
            assert_eq!(name.value, value.as_str());
        }
    }

    #[test]
    fn no_two_names_of_a_choice_are_read_alike() {
        for names in [
            SUBJECT_KINDS,
            COLLECTIVE_KINDS,
            PARTY_STATUSES,
            GRADES,
            LEVELS,
            DISCIPLINE_FORMS,
            EMPLOYMENTS,
            LEAVE_KINDS,
            DISCIPLINE_KINDS,
            STATE_REGIMES,
            FLAGS,
        ] {
            for (i, a) in names.iter().enumerate() {
                for b in &names[i + 1..] {
                    for text in [a.value, a.vi, a.en] {
                        assert!(!b.matches(text), "{text} reads as {} too", b.value);
                    }
                }
            }
        }
    }
}
