//! `autogiro inspect`: a summary a person reads.

use std::fmt::Write as _;
use std::io::BufRead as _;
use std::path::Path;

use crate::told::Tell as _;
use autogiro::model::{Diagnostic, Inspection, Lang, ReadOptions, Said};
use autogiro_i18n::render as words;

use crate::{Status, input};

/// `autogiro inspect`: the file read in parts into an [`Inspection`], which counts each claim
/// and mandate into the summary and drops it: memory stays that of a few records whatever the
/// file's size (the whole model of a million claims took 146 MiB).
pub(crate) fn run(path: &Path, options: &ReadOptions, lang: Lang) -> anyhow::Result<Status> {
    let name = input::name(path);
    let mut reader = input::reader(path)?;
    let mut inspection = Inspection::new(options);
    let (mut errors, mut warnings) = (0u64, 0u64);
    let mut count = |d: Diagnostic| {
        if d.is_error() {
            errors += 1;
        } else {
            warnings += 1;
        }
    };
    loop {
        let part = reader
            .fill_buf()
            .tell(|| Said::new("cli.cannot-read").with("path", &name))?;
        if part.is_empty() {
            break;
        }
        let n = part.len();
        inspection.feed(part, &mut count);
        reader.consume(n);
    }
    let (summary_of_file, _) = inspection.finish(&mut count);
    let mut out = format!("{name}: {}", summary_of_file.describe(lang));
    let key = match (errors, warnings) {
        (0, 0) => "inspect.valid",
        (0, _) => "inspect.valid-warnings",
        _ => "inspect.errors",
    };
    writeln!(
        out,
        "{}",
        words(lang, key, &[("errors", &errors), ("warnings", &warnings)])
    )?;
    say_raw!("{out}");
    Ok(if errors > 0 {
        Status::Problems
    } else {
        Status::Ok
    })
}
