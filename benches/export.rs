//! Export speed: a session of 2,000 interventions (about 180,000 words) to DOCX, against
//! pandoc converting the same report's Markdown to DOCX in the same run.
//! Run: `cargo bench --bench export` (pandoc from Debian: `apt-get install pandoc`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed expectation is the test failing

mod common;

use std::process::Command;
use std::time::Duration;

use rapporteur::report::docx::to_docx;
use rapporteur::report::markdown::to_markdown;
use rapporteur::report::{Options, assemble};

fn median(f: impl FnMut(), runs: usize) -> Duration {
    common::timings(f, runs)[runs / 2]
}

fn main() {
    let s = common::demo_with(2_000);
    let options = Options::default();
    let report = assemble(&s, &options);
    let words: usize = report
        .numbered()
        .iter()
        .map(|(_, t)| t.split_whitespace().count())
        .sum();
    println!(
        "report: {} numbered paragraphs, {} words",
        report.numbered().len(),
        words
    );

    let assemble_time = median(|| drop(assemble(&s, &options)), 20);
    let docx_time = median(|| drop(to_docx(&assemble(&s, &options)).unwrap()), 20);
    let bytes = to_docx(&report).unwrap();
    println!(
        "assemble the report                      median {:>8.1} ms",
        assemble_time.as_secs_f64() * 1e3
    );
    println!(
        "assemble + DOCX ({:.1} MB)                 median {:>8.1} ms   target < 150 ms",
        bytes.len() as f64 / 1e6,
        docx_time.as_secs_f64() * 1e3
    );

    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("report.md");
    std::fs::write(&md, to_markdown(&report)).unwrap();
    let out = dir.path().join("pandoc.docx");
    let pandoc = || {
        Command::new("pandoc")
            .arg("-f")
            .arg("markdown")
            .arg("-t")
            .arg("docx")
            .arg("-o")
            .arg(&out)
            .arg(&md)
            .status()
    };
    match pandoc() {
        Ok(status) if status.success() => {
            let pandoc_time = median(|| assert!(pandoc().unwrap().success()), 3);
            println!(
                "pandoc, same report's Markdown to DOCX     median {:>8.1} ms",
                pandoc_time.as_secs_f64() * 1e3
            );
            println!(
                "ratio: Rapporteur is {:.0} times faster (target: at least 20)",
                pandoc_time.as_secs_f64() / docx_time.as_secs_f64()
            );
        }
        _ => println!("pandoc is not installed (apt-get install pandoc): no comparison this run"),
    }
}
