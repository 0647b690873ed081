//! Validates a file in streaming mode and prints its diagnostics:
//! `cargo run --release -p autogiro-model --example check FILE`.

use std::io::BufReader;

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_default();
    let file = BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    let mut errors = 0;
    let lines = autogiro_model::validate_each(file, &autogiro_model::ReadOptions::new(), |d| {
        errors += usize::from(d.is_error());
        println!("{d}");
    });
    println!("{lines} lines, {errors} errors");
    Ok(())
}
