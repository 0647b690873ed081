//! `cargo xtask decisions`: every citation of a decision points at `docs/spec-decisions.md`, at
//! a decision that exists, and the repository refers to nothing outside itself.
//!
//! A citation is written `[decision N](docs/spec-decisions.md#decision-N)`: in Markdown the
//! path is relative to the file (`../../docs/...` from a crate's README), elsewhere relative to
//! the repository root. Inside `docs/` the file itself is `spec-decisions.md`, and
//! `spec-decisions.md` cites its own decisions as `[decision N](#decision-N)`.

use std::collections::BTreeSet;
use std::path::Path;

use regex_lite::Regex;

/// The decisions document, relative to the repository root.
const DOCUMENT: &str = "docs/spec-decisions.md";

/// The repository's files on the web, for links that must work outside it.
const REPOSITORY: &str = "https://github.com/autogiro-rs/autogiro-rs/blob/main/";

/// What is wrong, one line each: `path:line: message`.
pub(crate) fn problems(root: &Path) -> Result<Vec<String>, String> {
    let document =
        std::fs::read_to_string(root.join(DOCUMENT)).map_err(|e| format!("{DOCUMENT}: {e}"))?;
    let anchor = Regex::new(r#"<a id="decision-(\d+)"></a>"#).map_err(|e| e.to_string())?;
    let decisions: BTreeSet<u32> = anchor
        .captures_iter(&document)
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect();
    if decisions.is_empty() {
        return Err(format!("{DOCUMENT} defines no decision"));
    }
    let cited = Regex::new(r"(?i)\bdecision (\d+)").map_err(|e| e.to_string())?;
    let link = Regex::new(r"\[[Dd]ecision (\d+)\]\(([^)\s]*)\)").map_err(|e| e.to_string())?;
    // Built from two halves so that this file does not name the folder it looks for.
    let outside = [".."; 1].concat() + "/shared";

    let mut problems = Vec::new();
    for path in tracked_text_files(root)? {
        let Ok(text) = std::fs::read_to_string(root.join(&path)) else {
            continue;
        };
        for (i, line) in text.lines().enumerate() {
            let at = format!("{path}:{}", i + 1);
            if line.contains(&outside) {
                problems.push(format!(
                    "{at}: refers to {outside}, which a clone of the repository does not have"
                ));
            }
            // The document's own headings name the decisions they define.
            if path == DOCUMENT && line.starts_with("## Decision ") {
                continue;
            }
            // Every citation must be a link; the links' own spans are checked below.
            let links: Vec<(usize, usize)> =
                link.find_iter(line).map(|m| (m.start(), m.end())).collect();
            for m in cited.find_iter(line) {
                if !links.iter().any(|&(a, b)| a <= m.start() && m.end() <= b) {
                    problems.push(format!(
                        "{at}: `{}` is not a link: write [decision N]({DOCUMENT}#decision-N)",
                        m.as_str()
                    ));
                }
            }
            for c in link.captures_iter(line) {
                let (Some(number), Some(target)) = (c.get(1), c.get(2)) else {
                    continue;
                };
                let number: u32 = number.as_str().parse().unwrap_or(0);
                if let Some(problem) = check_target(&path, number, target.as_str(), &decisions) {
                    problems.push(format!("{at}: {problem}"));
                }
            }
        }
    }
    Ok(problems)
}

/// Why a citation's target is wrong, if it is.
fn check_target(
    path: &str,
    number: u32,
    target: &str,
    decisions: &BTreeSet<u32>,
) -> Option<String> {
    let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
    let expected = format!("decision-{number}");
    if fragment != expected {
        return Some(format!(
            "[decision {number}] links to `#{fragment}`, expected `#{expected}`"
        ));
    }
    if !decisions.contains(&number) {
        return Some(format!("decision {number} does not exist in {DOCUMENT}"));
    }
    // Where the link leads: an absolute link into the repository (a crate's README, read on
    // the registry's page), Markdown from the file's folder, code from the root.
    let resolved = if let Some(path) = file.strip_prefix(REPOSITORY) {
        path.to_owned()
    } else if file.is_empty() {
        path.to_owned()
    } else if Path::new(path).extension().is_some_and(|e| e == "md") {
        let folder = Path::new(path).parent().unwrap_or_else(|| Path::new(""));
        normalise(&folder.join(file))
    } else {
        normalise(Path::new(file))
    };
    (resolved != DOCUMENT).then(|| format!("`{target}` does not lead to {DOCUMENT}"))
}

/// `a/b/../c` as `a/c`, with `/` separators.
fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// The files git tracks (and the untracked ones it does not ignore), but for fixtures and
/// lock files, which are data.
fn tracked_text_files(root: &Path) -> Result<Vec<String>, String> {
    let out = std::process::Command::new("git")
        .args(["ls-files", "--cached", "--others", "--exclude-standard"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("git ls-files: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git ls-files: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|p| {
            !Path::new(p)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("lock"))
        })
        .filter(|p| !p.starts_with("testdata/ok/"))
        .filter(|p| !p.starts_with("testdata/err/") && !p.starts_with("fuzz/regressions/"))
        .map(str::to_owned)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_from_the_citing_file() {
        let d: BTreeSet<u32> = [1, 2].into();
        let ok = "docs/spec-decisions.md#decision-2";
        assert_eq!(check_target("crates/a/src/x.rs", 2, ok, &d), None);
        let from_readme = "../../docs/spec-decisions.md#decision-2";
        assert_eq!(check_target("crates/a/README.md", 2, from_readme, &d), None);
        assert_eq!(
            check_target("docs/records.md", 1, "spec-decisions.md#decision-1", &d),
            None
        );
        assert_eq!(check_target(DOCUMENT, 1, "#decision-1", &d), None);
        let absolute = format!("{REPOSITORY}docs/spec-decisions.md#decision-1");
        assert_eq!(check_target("crates/a/README.md", 1, &absolute, &d), None);
        // Wrong: a root path from a nested Markdown file, a number that does not exist, a
        // fragment of another decision.
        assert!(check_target("crates/a/README.md", 2, ok, &d).is_some());
        assert!(check_target("x.rs", 3, "docs/spec-decisions.md#decision-3", &d).is_some());
        assert!(check_target("x.rs", 1, ok, &d).is_some());
    }

    /// The same check as `cargo xtask decisions`, so that `cargo test` catches it too.
    #[test]
    fn every_citation_is_a_link_to_a_decision() {
        let problems = problems(&crate::root()).unwrap();
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
