//! `autogiro simulate`: the ledger's MPS simulator (`autogiro::ledger::Simulator`) on a file,
//! with its state in a JSON file.
//!
//! The state is transactional: every run holds an exclusive lock on `STATE.lock` while it reads
//! the state, works, and writes the new state (a temporary file, synced, renamed into place),
//! so two runs on one state take turns and neither loses the other's update. The state is
//! committed before the answer file is written, and it remembers each input it answered (by
//! its SHA-256): the same input again gets the same answer and charges nothing twice, also
//! after a run killed between the two writes.

use std::path::{Path, PathBuf};

use crate::told::{Tell as _, told};
use autogiro::files::Lock;
use autogiro::ledger::Simulator;
use autogiro::model::{Lang, PaddedDigits, Said, Transmission};
use time::Date;

use crate::{OutArgs, Status, input, output};

/// The state under its lock: read when taken, written by [`Locked::commit`].
struct Locked {
    path: PathBuf,
    state: Simulator,
    _lock: Lock,
}

impl Locked {
    /// Takes the exclusive lock of the state at `path` (waiting for another run to finish)
    /// and reads it; a missing state is an empty one.
    fn take(path: &Path) -> anyhow::Result<Self> {
        let mut lock_path = path.as_os_str().to_owned();
        lock_path.push(".lock");
        let lock = Lock::take(Path::new(&lock_path), |_| {})
            .tell(|| Said::new("cli.cannot-lock-state").with("path", path.display()))?;
        let state = if path.exists() {
            let json = std::fs::read(path)
                .tell(|| Said::new("cli.cannot-read-state").with("path", path.display()))?;
            Simulator::from_json(&json)
                .tell(|| Said::new("cli.not-a-state").with("path", path.display()))?
        } else {
            Simulator::new()
        };
        Ok(Self {
            path: path.to_path_buf(),
            state,
            _lock: lock,
        })
    }

    /// Writes the state: a temporary file beside it, synced, renamed into place.
    fn commit(&self) -> anyhow::Result<()> {
        output::write_file(&self.path, &self.state.to_json()?, true)
    }
}

/// `autogiro simulate FILE` (its answer on `date`; with `until`, the claims processed after it
/// kept for later days), or `autogiro simulate` with no file (the answers kept for later days
/// that are due by `date`).
pub(crate) fn run(
    path: Option<&Path>,
    state: &Path,
    date: Date,
    until: Option<Date>,
    out: &OutArgs,
    lang: Lang,
) -> anyhow::Result<Status> {
    let say = |said: Said| said.render(lang);
    if !autogiro::ledger::is_business_day(date) {
        let said = Said::new("simulate.not-business-day")
            .with("date", date)
            .with("next", autogiro::ledger::next_business_day(date));
        eprintln!("{}: {}", say(Said::new("cli.warning")), say(said));
    }
    let Some(path) = path else {
        if until.is_some() {
            return Err(told(Said::new("cli.until-needs-file")));
        }
        return release(state, date, out, lang);
    };
    let name = input::name(path);
    let file = input::bytes(path)?;
    let hash = autogiro::files::sha256_hex(&file);
    let mut locked = Locked::take(state)?;
    let (answer, again) = locked.state.answer(&file, &hash, date, until);
    if again {
        let said = Said::new("simulate.again").with("date", answer.received);
        eprintln!("{name}: {}", say(said));
    } else {
        // The state first: an answer is released only for what the state has taken in.
        locked.commit()?;
    }
    for refused in &answer.refused {
        eprintln!("{name}: {refused}");
    }
    match &answer.response {
        Some(response) => {
            write(response, out)?;
            if out.output.is_some() {
                eprintln!("{name}: {}", say(answered_summary(response, date)));
            }
        }
        None if answer.later > 0 => {}
        None => eprintln!("{name}: {}", say(Said::new("simulate.nothing-back"))),
    }
    if answer.later > 0 {
        let said = Said::new("simulate.later")
            .with("n", answer.later)
            .with("date", until.unwrap_or(date))
            .with("state", state.display());
        eprintln!("{name}: {}", say(said));
    }
    Ok(if answer.refused.is_empty() {
        Status::Ok
    } else {
        Status::Problems
    })
}

/// `autogiro simulate --state S --date D` with no file: the answers kept for later days that
/// are due by `date`.
fn release(state: &Path, date: Date, out: &OutArgs, lang: Lang) -> anyhow::Result<Status> {
    let say = |said: Said| said.render(lang);
    let mut locked = Locked::take(state)?;
    let due = locked.state.release(date);
    locked.commit()?;
    let waiting = locked.state.waiting();
    match &due {
        Some(response) => {
            write(response, out)?;
            if out.output.is_some() {
                eprintln!("{date}: {}", say(answered_summary(response, date)));
            }
        }
        None => eprintln!("{date}: {}", say(Said::new("simulate.none-due"))),
    }
    if waiting > 0 {
        eprintln!(
            "{date}: {}",
            say(Said::new("simulate.waiting").with("n", waiting))
        );
    }
    Ok(Status::Ok)
}

/// Writes an answer file to `out`.
fn write(response: &Transmission, out: &OutArgs) -> anyhow::Result<()> {
    let mut bytes = Vec::new();
    response.write(&mut bytes)?;
    output::write(out, &bytes)
}

/// `autogiro simulate block` and `unblock`: the payer's bank blocks a mandate (code 133 on
/// the days it holds) or lifts the block (`span` `None`).
pub(crate) fn block(
    state: &Path,
    agreement: u32,
    reference: &str,
    span: Option<(Option<Date>, Option<Date>)>,
    lang: Lang,
) -> anyhow::Result<Status> {
    let reference = PaddedDigits::<11>::new(reference)
        .tell(|| Said::new("cli.not-a-payer-reference").with("found", format!("{reference:?}")))?;
    let mut locked = Locked::take(state)?;
    let register = locked.state.ledger_mut().register_mut();
    // The register's key is the field as registered (zero- or blank-padded): find it by digits.
    let Some(key) = register
        .iter()
        .find(|m| {
            m.agreement_id == agreement && m.mandate.payer_reference.digits() == reference.digits()
        })
        .map(|m| m.mandate.payer_reference)
    else {
        return Err(told(
            Said::new("cli.no-such-mandate")
                .with("reference", reference.digits())
                .with("agreement", format!("{agreement:09}")),
        ));
    };
    let (from, to) = span.unwrap_or((None, None));
    register.block(agreement, &key, from, to)?;
    locked.commit()?;
    let mandate = Said::new("simulate.mandate")
        .with("reference", key.digits())
        .with("agreement", format!("{agreement:09}"));
    let said = if span.is_some() {
        let day = |d: Option<Date>| d.map_or_else(|| Said::new("ledger.open"), Said::plain);
        Said::new("simulate.blocked")
            .with_words("mandate", mandate)
            .with_words("from", day(from))
            .with_words("to", day(to))
    } else {
        Said::new("simulate.unblocked").with_words("mandate", mandate)
    };
    say!("{}", said.render(lang));
    Ok(Status::Ok)
}

/// `autogiro simulate sign-up`: a payer signs up for AvtaleGiro with `kid` on the settings'
/// AvtaleGiro agreement (`agreement`, or the only one).
pub(crate) fn sign_up(
    state: &Path,
    settings: &autogiro::settings::Settings,
    kid: &str,
    agreement: Option<u32>,
    written_notice: bool,
    lang: Lang,
) -> anyhow::Result<Status> {
    use autogiro::format::{Service, WrittenNotice};
    let kid = autogiro::checksum::Kid::parse(kid)
        .tell(|| Said::new("cli.kid").with("kid", format!("{kid:?}")))?;
    let mut giro = settings
        .agreements
        .iter()
        .filter(|a| a.service == Service::AvtaleGiro)
        .filter(|a| agreement.is_none_or(|id| a.id == id));
    let found = match (giro.next(), giro.next()) {
        (Some(a), None) => *a,
        (None, _) => match agreement {
            Some(id) => {
                return Err(told(
                    Said::new("cli.no-giro-agreement").with("id", format!("{id:09}")),
                ));
            }
            None => return Err(told(Said::new("cli.no-giro-agreements"))),
        },
        (Some(_), Some(_)) => {
            return Err(told(Said::new("cli.several-giro-agreements")));
        }
    };
    let mut locked = Locked::take(state)?;
    locked.state.sign_up(&autogiro::ledger::SignUp {
        recipient: settings.payee.customer_unit,
        agreement_id: found.id,
        account: found.account,
        kid,
        written_notice: if written_notice {
            WrittenNotice::Yes
        } else {
            WrittenNotice::No
        },
    });
    locked.commit()?;
    let said = Said::new("simulate.signed-up")
        .with("kid", kid)
        .with("agreement", format!("{:09}", found.id))
        .with("account", found.account);
    say!("{}", said.render(lang));
    Ok(Status::Ok)
}

/// What an answer holds, in a line: settled and rejected claims, mandates, and the latest
/// processing date when it is after the day the file was read (answers MPS would send later,
/// given here at once).
fn answered_summary(response: &Transmission, read_on: Date) -> Said {
    use autogiro::model::Assignment;
    let (mut settled, mut rejected, mut mandates, mut payments) = (0, 0, 0, 0);
    let mut latest: Option<Date> = None;
    for a in &response.assignments {
        match a {
            Assignment::Settled(s) => {
                settled += s.claims.len();
                latest = s.claims.iter().map(|c| c.date).chain(latest).max();
            }
            Assignment::Rejected(r) => {
                rejected += r.rejections.len();
                latest = r
                    .rejections
                    .iter()
                    .map(|c| c.claim.date)
                    .chain(latest)
                    .max();
            }
            Assignment::Mandates(m) => mandates += m.mandates.len(),
            Assignment::AvtaleGiroMandates(m) => mandates += m.mandates.len(),
            Assignment::OcrGiro(o) => {
                payments += o.payments.len();
                latest = o.payments.iter().map(|p| p.nets_date).chain(latest).max();
            }
            Assignment::Claims(_)
            | Assignment::AvtaleGiroClaims(_)
            | Assignment::AvtaleGiroCancellations(_) => {}
        }
    }
    let later = match latest {
        Some(d) if d > read_on => Said::new("simulate.answered-later")
            .with("date", d)
            .with("read_on", read_on),
        _ => Said::plain(""),
    };
    let giro = if payments > 0 {
        Said::new("simulate.answered-giro").with("n", payments)
    } else {
        Said::plain("")
    };
    Said::new("simulate.answered")
        .with("settled", settled)
        .with("rejected", rejected)
        .with_words("giro", giro)
        .with("mandates", mandates)
        .with_words("later", later)
}
