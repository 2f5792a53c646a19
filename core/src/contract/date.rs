//! A calendar day as the contract writes it.

use crate::dates::parse_iso_date;
use chrono::NaiveDate;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// A calendar day, written `YYYY-MM-DD` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(pub NaiveDate);

impl IsoDate {
    /// The day.
    pub fn day(self) -> NaiveDate {
        self.0
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // `NaiveDate`'s `Display` writes the same `YYYY-MM-DD` as `format("%Y-%m-%d")`
        // (a sign before years outside 0–9999 in both) without chrono's strftime
        // machinery, which the WASM build would otherwise carry.
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IsoDate, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        parse_iso_date(&text)
            .map(IsoDate)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date `YYYY-MM-DD`")))
    }
}

impl JsonSchema for IsoDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "IsoDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date" })
    }
}
