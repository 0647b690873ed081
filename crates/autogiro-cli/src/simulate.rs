//! `autogiro simulate`: the ledger's MPS simulator on a file, with its state in a JSON file.

use std::path::Path;

use anyhow::Context as _;
use autogiro::ledger::{Ledger, Scenario};
use autogiro::model::ReadOptions;
use time::Date;

use crate::{OutArgs, Status, input, output};

pub(crate) fn run(path: &Path, state: &Path, date: Date, out: &OutArgs) -> anyhow::Result<Status> {
    let name = input::name(path);
    let file = input::bytes(path)?;
    let mut ledger: Ledger = if state.exists() {
        let json = std::fs::read(state)
            .with_context(|| format!("cannot read the state {}", state.display()))?;
        serde_json::from_slice(&json)
            .with_context(|| format!("{} is not a simulator state", state.display()))?
    } else {
        Ledger::new()
    };
    let options = ReadOptions::new().today(date);
    let outcome = ledger.clear_file(&file, &options, date, &Scenario::new());
    for refused in &outcome.refused {
        eprintln!("{name}: {refused}");
    }
    match &outcome.response {
        Some(response) => {
            let mut bytes = Vec::new();
            response.write(&mut bytes)?;
            output::write(out, &bytes)?;
        }
        None => eprintln!("{name}: MPS sends nothing back for this file"),
    }
    let json = serde_json::to_vec_pretty(&ledger)?;
    output::write_file(state, &json, true)?;
    Ok(if outcome.refused.is_empty() {
        Status::Ok
    } else {
        Status::Problems
    })
}
