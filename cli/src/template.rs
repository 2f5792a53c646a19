//! `cadre-eval template`: a spreadsheet to fill in, empty or filled from records or a
//! tree. The core says what the template holds; `cadre-eval-sheets` writes it.

use crate::args::{Lang, TemplateArgs, TemplateFormat};
use crate::lines::read_all;
use crate::Failure;
use cadre_eval::{
    sheet_template, template_with_records, template_with_tree, ErrorCode, InputError, InputErrors,
    Rating, TemplateRequest, MAX_BATCH_BYTES,
};
use cadre_eval_sheets::{write_template, write_template_csv};
use std::fs::File;
use std::io::{self, BufWriter, Write};

/// Runs `template`.
pub fn run(args: &TemplateArgs) -> Result<bool, Failure> {
    // `--regime` takes the state regimes too (for `compare` and `form-schema`); the
    // spreadsheet of state records (periods and products) is not written yet.
    if let Some(regime) = args
        .regime
        .map(|regime| regime.id())
        .filter(|id| id.info().rating == Rating::State)
    {
        return Err(Failure::Input(InputErrors::one(InputError::new(
            ErrorCode::NotApplicable,
            "/regime",
            format!(
                "Chưa có mẫu bảng tính cho hồ sơ đánh giá của Nhà nước ({})",
                regime.as_str()
            ),
            format!(
                "there is no spreadsheet template for state records ({}) yet",
                regime.as_str()
            ),
        ))));
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
