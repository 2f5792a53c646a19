//! `form-schema`, `conduct`, `partial`, `what-would-change`: the self-assessment side.

use crate::args::{
    CollectiveKindArg, ConductArgs, FormSchemaArgs, KindArg, PeriodKindArg, RatingArg, SingleArgs,
};
use crate::lines::read_all;
use crate::table::{Align, Table};
use crate::Failure;
use cadre_eval::{
    conduct_catalogue, conduct_catalogue_json, evaluate_partial_json, form_schema_for, parse_day,
    what_would_change_json, CollectiveKind, ConductScope, FormRequest, IsoDate, PeriodKind, Rating,
    RegimeId, MAX_RECORD_BYTES,
};
use chrono::{Datelike, NaiveDate};
use std::io::{self, BufWriter, Write};

/// The day given, or the last day of this year.
fn day(on: Option<&str>) -> Result<NaiveDate, Failure> {
    match on {
        Some(text) => parse_day("--on", text).map_err(Failure::Input),
        None => {
            let year = chrono::Utc::now().year();
            Ok(NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default())
        }
    }
}

fn write_json(value: &impl serde::Serialize) -> Result<bool, Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(io::Error::other)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(Failure::Output)?;
    Ok(true)
}

/// `cadre-eval form-schema`.
pub fn form_schema(args: &FormSchemaArgs) -> Result<bool, Failure> {
    let request = FormRequest {
        rating: match args.rating {
            RatingArg::Party => Rating::Party,
            RatingArg::State => Rating::State,
        },
        employment: None,
        period_kind: args.period_kind.map(|kind| match kind {
            PeriodKindArg::Month => PeriodKind::Month,
            PeriodKindArg::Quarter => PeriodKind::Quarter,
        }),
        regime: match (args.regime, args.rating) {
            (Some(regime), _) => regime.id(),
            (None, RatingArg::State) => RegimeId::Nd335,
            (None, RatingArg::Party) => RegimeId::Qd366,
        },
        kind: KindArg::kind(args.kind),
        outside_political_system: args.outside_political_system,
        centrally_managed: args.centrally_managed,
        collective_kind: args.collective_kind.map(|k| match k {
            CollectiveKindArg::Leadership => CollectiveKind::Leadership,
            CollectiveKindArg::PartyCommittee => CollectiveKind::PartyCommittee,
            CollectiveKindArg::PartyOrganisation => CollectiveKind::PartyOrganisation,
            CollectiveKindArg::Agency => CollectiveKind::Agency,
        }),
        on: IsoDate(day(args.on.as_deref())?),
        scope: None,
    };
    let form = form_schema_for(&request, args.profile.as_deref()).map_err(Failure::Input)?;
    write_json(&form)
}

/// `cadre-eval conduct`.
pub fn conduct(args: &ConductArgs) -> Result<bool, Failure> {
    let Some(subject) = args.kind else {
        let mut out = BufWriter::new(io::stdout().lock());
        out.write_all(conduct_catalogue_json().as_bytes())
            .and_then(|()| out.flush())
            .map_err(Failure::Output)?;
        return Ok(true);
    };
    let catalogue =
        conduct_catalogue().map_err(|e| Failure::Output(io::Error::other(e.to_string())))?;
    let mut scope = ConductScope::new(KindArg::kind(subject));
    scope.leader = subject == KindArg::Leader;
    let lang = args.lang;
    let mut table = Table::new(&[
        ("ID", Align::Left),
        (lang.pick("Nội dung", "Item"), Align::Left),
        (lang.pick("Trích dẫn", "Citation"), Align::Left),
        (lang.pick("Hiệu lực", "Effect"), Align::Left),
        (lang.pick("Xác minh", "Flag"), Align::Left),
    ]);
    for applicable in catalogue.items_for(&scope, day(args.on.as_deref())?) {
        let item = applicable.item;
        let citation = catalogue.citation(item);
        table.push(vec![
            item.id.clone(),
            lang.pick(&item.title.vi, &item.title.en).to_owned(),
            lang.pick(&citation.vi, &citation.en).to_owned(),
            serde_json::to_value(item.effect)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            item.confirmation.as_str().to_owned(),
        ]);
    }
    let mut out = BufWriter::new(io::stdout().lock());
    table
        .write(&mut out)
        .and_then(|()| out.flush())
        .map_err(Failure::Output)?;
    Ok(true)
}

/// `cadre-eval partial`.
pub fn partial(args: &SingleArgs) -> Result<bool, Failure> {
    let text = read_all(&args.input, MAX_RECORD_BYTES)?;
    let result = evaluate_partial_json(&text, &args.options()).map_err(Failure::Input)?;
    write_json(&result)
}

/// `cadre-eval what-would-change`.
pub fn what_would_change(args: &SingleArgs) -> Result<bool, Failure> {
    let text = read_all(&args.input, MAX_RECORD_BYTES)?;
    let result = what_would_change_json(&text, &args.options()).map_err(Failure::Input)?;
    // As a JSON value writes it: keys sorted.
    let value =
        serde_json::to_value(&result).map_err(|error| Failure::Output(io::Error::other(error)))?;
    write_json(&value)
}
