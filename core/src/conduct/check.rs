//! The catalogue's own rules, checked when it is read, so that bad data is an error
//! at load time rather than a wrong checklist later.

use crate::contract::conduct_catalogue::{
    Catalogue, CatalogueError, ConductItem, ItemEffect, ItemKind, FORMAT,
};
use crate::contract::text::Text;
use std::collections::HashSet;

/// Every rule the catalogue breaks; empty when it is sound.
pub(super) fn problems(catalogue: &Catalogue) -> Vec<Text> {
    let mut problems = Vec::new();
    if catalogue.format != FORMAT {
        problems.push(Text::new(
            format!(
                "Định dạng {} không được hỗ trợ (hỗ trợ {FORMAT})",
                catalogue.format
            ),
            format!(
                "format {} is not supported (this library reads {FORMAT})",
                catalogue.format
            ),
        ));
    }
    if catalogue.version.trim().is_empty() {
        problems.push(Text::new(
            "Danh mục thiếu số phiên bản",
            "the catalogue has no version",
        ));
    }
    documents(catalogue, &mut problems);
    let mut ids = HashSet::new();
    for item in &catalogue.items {
        if !ids.insert(item.id.as_str()) {
            problems.push(Text::new(
                format!("Mã `{}` bị trùng", item.id),
                format!("id `{}` is used twice", item.id),
            ));
        }
        self::item(catalogue, item, &mut problems);
    }
    problems
}

fn documents(catalogue: &Catalogue, problems: &mut Vec<Text>) {
    let mut names = HashSet::new();
    let mut prefixes = HashSet::new();
    let mut version_ids = HashSet::new();
    for document in &catalogue.documents {
        let name = &document.document;
        if !names.insert(name.as_str()) || !prefixes.insert(document.id_prefix.as_str()) {
            problems.push(Text::new(
                format!(
                    "Văn bản `{name}` hoặc tiền tố `{}` bị trùng",
                    document.id_prefix
                ),
                format!(
                    "document `{name}` or prefix `{}` is listed twice",
                    document.id_prefix
                ),
            ));
        }
        if document.versions.is_empty() {
            problems.push(Text::new(
                format!("Văn bản `{name}` không có phiên bản nào"),
                format!("document `{name}` has no version"),
            ));
        }
        let mut previous_last_day = None;
        for (index, version) in document.versions.iter().enumerate() {
            if !version_ids.insert(version.id.as_str()) {
                problems.push(Text::new(
                    format!("Mã phiên bản `{}` bị trùng", version.id),
                    format!("version id `{}` is used twice", version.id),
                ));
            }
            let starts_after_previous = match previous_last_day {
                Some(last_day) => version.from > last_day,
                None => index == 0,
            };
            let ends_after_start = version
                .until
                .as_ref()
                .is_none_or(|end| end.last_day >= version.from);
            if !starts_after_previous || !ends_after_start {
                problems.push(Text::new(
                    format!("Phiên bản `{}`: ngày hiệu lực chồng chéo hoặc sai thứ tự (phiên bản trước phải có ngày kết thúc)", version.id),
                    format!("version `{}`: its days overlap or are out of order (an earlier version must have ended)", version.id),
                ));
            }
            previous_last_day = version.until.as_ref().map(|end| end.last_day);
        }
    }
}

fn item(catalogue: &Catalogue, item: &ConductItem, problems: &mut Vec<Text>) {
    let id = &item.id;
    let mut problem = |vi: String, en: String| problems.push(Text::new(vi, en));
    let document = catalogue.document(&item.document);
    match document {
        None => problem(
            format!("`{id}`: không có văn bản `{}`", item.document),
            format!("`{id}`: unknown document `{}`", item.document),
        ),
        Some(document) => {
            if !id_is_topic_keyed(id, &document.id_prefix) {
                problem(
                    format!("`{id}`: mã phải là `{}.` và các chủ đề chữ thường, không dùng số điều, khoản", document.id_prefix),
                    format!("`{id}`: an id is `{}.` and lowercase topic words, not clause numbers", document.id_prefix),
                );
            }
            for version in &item.versions {
                if !document.versions.iter().any(|v| &v.id == version) {
                    problem(
                        format!(
                            "`{id}`: phiên bản `{version}` không thuộc {}",
                            item.document
                        ),
                        format!(
                            "`{id}`: version `{version}` is not one of {}",
                            item.document
                        ),
                    );
                }
            }
        }
    }
    let texts = [&item.title.vi, &item.title.en, &item.text.vi, &item.text.en];
    if item.article.trim().is_empty()
        || item.clause.as_ref().is_some_and(|c| c.trim().is_empty())
        || texts.iter().any(|t| t.trim().is_empty())
    {
        problem(
            format!("`{id}`: thiếu điều, tiêu đề hoặc nội dung (tiếng Việt và tiếng Anh)"),
            format!("`{id}`: the article, title or paraphrase (Vietnamese and English) is empty"),
        );
    }
    let distinct: HashSet<_> = item.applies_to.iter().collect();
    if item.applies_to.is_empty() || distinct.len() != item.applies_to.len() {
        problem(
            format!("`{id}`: danh sách đối tượng áp dụng rỗng hoặc bị lặp"),
            format!("`{id}`: `applies_to` is empty or repeats a value"),
        );
    }
    if item.versions.is_empty() {
        problem(
            format!("`{id}`: không thuộc phiên bản văn bản nào"),
            format!("`{id}`: it belongs to no document version"),
        );
    }
    let discipline_kind = item.kind == ItemKind::DisciplineForm;
    let discipline_effect = item.effect == ItemEffect::DisciplineForm;
    if discipline_kind != discipline_effect {
        problem(
            format!("`{id}`: hình thức kỷ luật phải có cả loại và tác động `discipline_form`"),
            format!("`{id}`: a discipline form has both kind and effect `discipline_form`"),
        );
    }
}

/// Whether an id is `prefix.` followed by lowercase topic segments: each starts with a
/// letter and holds only `a-z`, `0-9`, `_`; the last holds no digit; a segment with a
/// digit is a single letter and digit naming a group the document itself numbers (the
/// five standards of QĐ 144: `s3`). So `q37.gifts` and `q144.s3.integrity` pass,
/// `q37.art14`, `q37.14` and `q37.n14` do not.
pub(super) fn id_is_topic_keyed(id: &str, prefix: &str) -> bool {
    let Some(rest) = id
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('.'))
    else {
        return false;
    };
    let segments: Vec<&str> = rest.split('.').collect();
    let segment_ok = |segment: &str| {
        let bytes = segment.as_bytes();
        let well_formed = bytes.first().is_some_and(u8::is_ascii_lowercase)
            && bytes
                .iter()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_');
        let has_digit = bytes.iter().any(u8::is_ascii_digit);
        let numbered_group =
            bytes.len() == 2 && bytes.get(1).is_some_and(|b| (b'1'..=b'9').contains(b));
        well_formed && (!has_digit || numbered_group)
    };
    let last_has_no_digit = segments
        .last()
        .is_some_and(|last| !last.bytes().any(|b| b.is_ascii_digit()));
    segments.iter().all(|s| segment_ok(s)) && last_has_no_digit
}

impl Catalogue {
    /// Reads a catalogue from JSON and checks it (unique topic-keyed ids, known
    /// documents and versions, non-empty texts and applicability, ordered versions).
    pub fn from_json(text: &str) -> Result<Catalogue, CatalogueError> {
        let catalogue: Catalogue = serde_json::from_str(text).map_err(|error| CatalogueError {
            problems: vec![Text::new(
                format!("Dữ liệu danh mục không đọc được: {error}"),
                format!("the catalogue data cannot be read: {error}"),
            )],
        })?;
        let problems = problems(&catalogue);
        if problems.is_empty() {
            Ok(catalogue)
        } else {
            Err(CatalogueError { problems })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_topic_keyed() {
        for good in [
            "q37.gifts",
            "q55.weddings",
            "q144.s3.integrity",
            "q101.key.thrift",
        ] {
            let prefix = good.split('.').next().unwrap_or_default();
            assert!(id_is_topic_keyed(good, prefix), "{good}");
        }
        for bad in [
            "q37.art14",
            "q37.14",
            "q37.n14",
            "q37.Gifts",
            "q37.",
            "q37..gifts",
            "q37.gifts.s3",
            "q37.art_14",
            "q370.gifts",
            "q37gifts",
        ] {
            assert!(!id_is_topic_keyed(bad, "q37"), "{bad}");
        }
    }
}
