//! JSON Lines in, JSON Lines out, in bounded memory.
//!
//! One blocking thread per stream reads the request body line by line through the
//! bounded reader (a line over the record limit is skipped, not held), evaluates each
//! record and sends the answer lines through a small channel to the response body. A
//! client that reads slowly fills the channel and so pauses the reading; a client that
//! goes away ends the thread at its next line. Answers are sent in chunks of about
//! `CHUNK_BYTES`, or sooner when no more input is waiting, so that an interactive
//! client gets each answer without waiting for the next line.

use crate::engine;
use crate::extract::{is_timeout, NDJSON};
use crate::lines::BoundedLines;
use crate::reply::ApiError;
use crate::state::AppState;
use crate::telemetry::{SharedTally, Tally};
use crate::wire::{BatchEntry, EntryStatus};
use axum::body::Body;
use axum::http::header::CONTENT_TYPE;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use cadre_eval::{ErrorCode, InputError, Options};
use futures_util::{StreamExt, TryStreamExt};
use std::io::{self, BufReader};
use std::sync::Arc;
use tokio::sync::mpsc;
use tokio_util::io::{StreamReader, SyncIoBridge};

/// Answers are sent in chunks of about this size.
const CHUNK_BYTES: usize = 32 * 1024;
/// Read buffer: a longest record fits several times over.
const READ_BUFFER: usize = 256 * 1024;
/// Chunks waiting for the client, at most.
const CHANNEL_CHUNKS: usize = 8;

/// The last line of a stream that stopped before the end of its input.
fn aborted(index: usize, error: InputError) -> BatchEntry {
    BatchEntry {
        index,
        status: EntryStatus::Aborted,
        id: None,
        decision: None,
        errors: vec![error],
    }
}

/// Streams the evaluation of a JSON Lines body.
///
/// The answer's head is sent once the body's first part has come: a client that asked
/// `Expect: 100-continue` (curl does for large bodies) is told to go on when the body is
/// first read, and would otherwise wait for its own timeout before sending it.
pub async fn evaluate_lines(state: &AppState, body: Body, options: Options) -> Response {
    let Ok(permit) = state.streams().try_acquire_owned() else {
        return ApiError::overloaded().into_response();
    };
    let mut chunks = body.into_data_stream();
    let first = chunks.next().await;
    let chunks = futures_util::stream::iter(first).chain(chunks);
    let (sender, receiver) = mpsc::channel::<Bytes>(CHANNEL_CHUNKS);
    let tally = Arc::new(Tally::default());
    let reader = SyncIoBridge::new(StreamReader::new(chunks.map_err(io::Error::other)));
    let max_records = state.limits().max_records;
    let worker_state = state.clone();
    let worker_tally = tally.clone();
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let reader = BufReader::with_capacity(READ_BUFFER, reader);
        let mut lines = BoundedLines::new(reader, engine::MAX_RECORD_BYTES);
        let mut out: Vec<u8> = Vec::with_capacity(CHUNK_BYTES + engine::MAX_RECORD_BYTES);
        let mut batch = engine::json_lines(options);
        let mut index = 0;
        let mut records = 0;
        loop {
            let stop = match lines.next_line() {
                Ok(None) => true,
                Ok(Some(line)) => match batch.push(line.as_core()) {
                    None => false,
                    Some(_) if records == max_records => {
                        let error = engine::too_many_records(records + 1, max_records);
                        write_entry(&mut out, &aborted(index, error));
                        true
                    }
                    Some(item) => {
                        records += 1;
                        let entry = engine::batch_entry(index, item);
                        count(&worker_state, &worker_tally, &entry);
                        write_entry(&mut out, &entry);
                        false
                    }
                },
                Err(error) => {
                    let entry = if is_timeout(&error) {
                        aborted(index, timed_out())
                    } else {
                        aborted(index, unreadable(&error.to_string()))
                    };
                    write_entry(&mut out, &entry);
                    true
                }
            };
            index += 1;
            let waiting = !lines.get_ref().buffer().is_empty();
            if stop || out.len() >= CHUNK_BYTES || !waiting {
                if !out.is_empty()
                    && sender
                        .blocking_send(Bytes::from(std::mem::take(&mut out)))
                        .is_err()
                {
                    // The client went away.
                    return;
                }
                out.reserve(CHUNK_BYTES);
            }
            if stop {
                return;
            }
        }
    });
    let chunks = futures_util::stream::unfold(receiver, |mut receiver| async move {
        let chunk = receiver.recv().await?;
        Some((Ok::<Bytes, io::Error>(chunk), receiver))
    });
    let body = Body::from_stream(chunks);
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(NDJSON));
    response.extensions_mut().insert(SharedTally(tally));
    response
}

fn write_entry(out: &mut Vec<u8>, entry: &BatchEntry) {
    // Serializing the contract's types into memory cannot fail.
    if serde_json::to_writer(&mut *out, entry).is_ok() {
        out.push(b'\n');
    }
}

fn count(state: &AppState, tally: &Tally, entry: &BatchEntry) {
    match entry.status {
        EntryStatus::Evaluated => tally.evaluated(1),
        EntryStatus::Rejected | EntryStatus::Aborted => {
            tally.rejected(1);
            state
                .metrics()
                .count_codes(entry.errors.iter().map(|error| error.code.as_str()));
        }
    }
}

fn unreadable(detail: &str) -> InputError {
    InputError::new(
        ErrorCode::InvalidJson,
        "",
        format!("Không đọc tiếp được nội dung yêu cầu: {detail}"),
        format!("the request body could not be read further: {detail}"),
    )
}

fn timed_out() -> InputError {
    InputError::new(
        ErrorCode::InvalidJson,
        "",
        "Quá thời gian chờ phần tiếp theo của nội dung yêu cầu",
        "timed out waiting for the next part of the request body",
    )
}
