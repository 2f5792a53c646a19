//! Writes the synthetic national organisation tree (`cadre_eval::synthetic::national`)
//! as JSON Lines, one unit per line, and prints its size.
//!
//! ```sh
//! cargo run --release -p cadre-eval --features synthetic --example national -- /tmp/national.jsonl
//! cargo run --release -p cadre-eval --features synthetic --example national -- /tmp/small.jsonl 0.01
//! cargo run --release -p cadre-eval --features synthetic --example national -- --census 1.0
//! ```
//!
//! The second argument is the scale (1.0 = national, the default). `--census` prints the
//! counts from the structure alone, without generating records. The output is about
//! 1.6 GB at scale 1.0: write it under /tmp or target/, never into the repository.

use cadre_eval::synthetic::national;
use std::time::Instant;

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (Some(target), scale) = (arguments.first(), arguments.get(1)) else {
        eprintln!("usage: national (OUTPUT.jsonl | --census) [SCALE]");
        std::process::exit(2);
    };
    let scale: f64 = scale
        .map_or(Ok(1.0), |s| s.parse())
        .unwrap_or_else(|error| {
            eprintln!("the scale must be a number: {error}");
            std::process::exit(2);
        });
    let started = Instant::now();
    if target == "--census" {
        let census = national::census(scale).unwrap_or_else(|error| fail(&error));
        println!("scale {scale}: {census:#?}");
        return;
    }
    let file = std::fs::File::create(target).unwrap_or_else(|error| fail(&error));
    let size = national::write_json_lines(file, scale).unwrap_or_else(|error| fail(&error));
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{target}: scale {scale}, {} units ({} grassroots), {} records ({} members, {} leaders, {} collectives), {} bytes in {seconds:.1} s ({:.0} records/s, {:.0} MB/s)",
        size.census.units,
        size.census.grassroots,
        size.census.records,
        size.census.members,
        size.census.leaders,
        size.census.collectives,
        size.bytes,
        size.census.records as f64 / seconds,
        size.bytes as f64 / seconds / 1e6,
    );
}

fn fail(error: &std::io::Error) -> ! {
    eprintln!("national: {error}");
    std::process::exit(1);
}
