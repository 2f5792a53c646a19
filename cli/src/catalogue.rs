//! `cadre-eval schema` and `cadre-eval rules`: what the library publishes about itself.

use crate::args::{Lang, OutputFormat, RulesArgs, SchemaRecord};
use crate::table::{Align, Table};
use cadre_eval::{rule_entries, schema, Basis};
use std::io::{self, Write};

/// Writes the JSON Schema of `record`, pretty-printed.
pub fn write_schema(record: SchemaRecord, out: &mut impl Write) -> io::Result<()> {
    let name = match record {
        SchemaRecord::Assessment => "assessment",
        SchemaRecord::Decision => "decision",
        SchemaRecord::Error => "error",
        SchemaRecord::Rejected => "rejected",
    };
    serde_json::to_writer_pretty(&mut *out, &schema(name).unwrap_or_default())?;
    out.write_all(b"\n")
}

/// Writes the rule catalogue, in catalogue order.
pub fn write_rules(args: &RulesArgs, out: &mut impl Write) -> io::Result<()> {
    let entries = rule_entries();
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            out.write_all(b"\n")
        }
        OutputFormat::Table => {
            let lang = args.lang;
            let mut table = Table::new(&[
                (lang.pick("Quy tắc", "Rule"), Align::Left),
                (lang.pick("Văn bản", "Document"), Align::Left),
                (lang.pick("Điều", "Article"), Align::Left),
                (lang.pick("Khoản, ghi chú", "Clause, notes"), Align::Left),
                (lang.pick("Căn cứ", "Basis"), Align::Left),
            ]);
            for entry in entries {
                table.push(vec![
                    entry.id.to_owned(),
                    entry.citation.document,
                    entry.citation.article,
                    // An article's notes stand where a clause would (QĐ 366 Art. 11).
                    match (entry.citation.clause, entry.citation.note) {
                        (Some(clause), _) => clause,
                        (None, Some(note)) => format!("{} {note}", lang.pick("ghi chú", "notes")),
                        (None, None) => String::new(),
                    },
                    basis_label(entry.basis, lang).to_owned(),
                ]);
            }
            table.write(out)
        }
    }
}

fn basis_label(basis: Basis, lang: Lang) -> &'static str {
    match basis {
        Basis::Text => lang.pick("văn bản", "text"),
        Basis::Reading => lang.pick("cách hiểu của thư viện", "library's reading"),
        Basis::Inferred => lang.pick(
            "suy luận (văn bản công khai chưa đủ)",
            "inferred (public texts incomplete)",
        ),
    }
}
