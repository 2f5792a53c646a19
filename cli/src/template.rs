//! `cadre-eval template`: a spreadsheet to fill in, empty or filled from records or a
//! tree. The core says what the template holds; `cadre-eval-sheets` writes it.

use crate::args::{Lang, TemplateArgs, TemplateFormat};
use crate::lines::read_all;
use crate::Failure;
use cadre_eval::{
    sheet_template, template_with_records, template_with_tree, Rating, RegimeId, TemplateRequest,
    MAX_BATCH_BYTES,
};
use cadre_eval_sheets::{
    write_state_records, write_state_template, write_template, write_template_csv,
};
use std::fs::File;
use std::io::{self, BufWriter, Write};

/// Runs `template`.
pub fn run(args: &TemplateArgs) -> Result<bool, Failure> {
    // A state record (ND 335, ND 233) is months or quarters with their products: two
    // sheets whose headers are the core's two-table reader's columns (design §16).
    if let Some(regime) = args
        .regime
        .map(|regime| regime.id())
        .filter(|regime| regime.info().rating == Rating::State)
    {
        return state_template(args, regime);
    }
    let request = TemplateRequest {
        kinds: args.kind.iter().map(|kind| kind.kind()).collect(),
        regime: args.regime.map(|regime| regime.id()),
        org: args.org,
        criteria: args.criteria.clone(),
    };
    let template = match &args.from {
        None => sheet_template(&request),
        Some(path) => {
            let text = read_all(path, MAX_BATCH_BYTES)?;
            if args.org {
                template_with_tree(&request, &text)
            } else {
                template_with_records(&request, &text)
            }
            .map_err(Failure::Input)?
        }
    };
    let english = args.lang == Lang::En;
    let csv = match args.format {
        Some(format) => format == TemplateFormat::Csv,
        None => args
            .output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv")),
    };
    if !csv {
        if args.output.as_os_str() == "-" {
            return Err(Failure::Usage(
                "a workbook is written to a file: give --output FILE.xlsx".to_owned(),
            ));
        }
        write_template(&template, &args.output, english).map_err(Failure::Sheets)?;
        return Ok(true);
    }
    if args.org {
        return Err(Failure::Usage(
            "a tree's template has a units sheet and a records sheet: write it as a workbook (.xlsx)"
                .to_owned(),
        ));
    }
    if args.output.as_os_str() == "-" {
        let mut out = BufWriter::new(io::stdout().lock());
        write_template_csv(&template, &mut out, english).map_err(Failure::Output)?;
        out.flush().map_err(Failure::Output)?;
    } else {
        let file = File::create(&args.output).map_err(Failure::Output)?;
        let mut out = BufWriter::new(file);
        write_template_csv(&template, &mut out, english).map_err(Failure::Output)?;
        out.flush().map_err(Failure::Output)?;
    }
    Ok(true)
}

/// Writes the state workbook (a periods sheet and a products sheet): one for staff and
/// leaders alike, the leader's columns left empty for staff; with `--from`, filled with
/// the state records of a JSON array (the others skipped).
fn state_template(args: &TemplateArgs, regime: RegimeId) -> Result<bool, Failure> {
    if args.org {
        return Err(Failure::Usage(
            "a state template has no units sheet: --org is for party records".to_owned(),
        ));
    }
    let csv = args.format == Some(TemplateFormat::Csv)
        || args
            .output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv || args.output.as_os_str() == "-" {
        return Err(Failure::Usage(
            "a state template has a periods sheet and a products sheet: write it as a workbook (--output FILE.xlsx)"
                .to_owned(),
        ));
    }
    let Some(from) = &args.from else {
        write_state_template(&args.output, regime).map_err(Failure::Sheets)?;
        return Ok(true);
    };
    let text = read_all(from, MAX_BATCH_BYTES)?;
    let records: Vec<serde_json::Value> = serde_json::from_str(&text).map_err(|error| {
        Failure::Usage(format!(
            "{}: not a JSON array of records ({error})",
            from.display()
        ))
    })?;
    if !records.iter().any(|record| record["rating"] == "state") {
        return Err(Failure::Usage(format!(
            "{}: no state record (\"rating\": \"state\") to write",
            from.display()
        )));
    }
    write_state_records(&args.output, regime, &records).map_err(Failure::Sheets)?;
    Ok(true)
}
