//! Mandates from rows and back: the columns of `autogiro new mandates` and `convert --to csv`.

use time::Date;

use crate::{Amount, Mandate, MandateLimit, Organisation, PayerDetails};
use autogiro_checksum::{AccountNumber, OrganisationNumber};
use autogiro_format::{PaddedDigits, PeriodCode, RegistrationType, Text};

use super::{
    Cells, Context, Header, MANDATE_COLUMN_DOCS, MANDATE_COLUMNS, Need, RowErrors, agreement,
    amount, date, found, named, number_found, payer, problem, text,
};
use crate::said::{Said, said};

/// A mandate made of a row, with the agreement the row names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MandateRow {
    /// The `agreement` column, when the row has one.
    pub agreement: Option<u32>,
    /// The mandate, unnumbered.
    pub mandate: Mandate,
}

/// The columns of a header of mandates, and the day the file is made
/// ([`MandateColumns::today`]).
#[derive(Debug, Clone)]
pub struct MandateColumns {
    header: Header,
    today: Option<Date>,
}

/// The payer's details columns (posts 2-4), which a deletion leaves empty.
const DETAILS: &[&str] = &[
    "name",
    "address1",
    "address2",
    "postal_code",
    "postal_town",
    "country_code",
    "organisation_number",
    "signatory",
    "signatory_birth_date",
];

impl MandateColumns {
    /// Finds the columns by name.
    ///
    /// # Errors
    ///
    /// Every missing required column, unknown or duplicate column.
    pub fn from_header(header: &[&str]) -> Result<Self, RowErrors> {
        Header::new(
            header,
            MANDATE_COLUMNS,
            &named(MANDATE_COLUMN_DOCS, Need::Required).collect::<Vec<_>>(),
        )
        .map(|header| Self {
            header,
            today: None,
        })
    }

    /// The day the file is made: a signatory born after it is an error of the row
    /// ([decision 35](docs/spec-decisions.md#decision-35)), as it is of the file.
    #[must_use]
    pub fn today(mut self, today: Date) -> Self {
        self.today = Some(today);
        self
    }

    /// The mandate of a row.
    ///
    /// # Errors
    ///
    /// Every problem of the row, each naming its column.
    pub fn read(&self, row: &[&str]) -> Result<MandateRow, RowErrors> {
        let mut c = Cells {
            header: &self.header,
            row,
            errors: Vec::new(),
        };
        let registration = c.required("registration", "invalid-choice", |s| {
            match s.to_ascii_lowercase().as_str() {
                "new" | "1" => Ok(RegistrationType::New),
                "change" | "2" => Ok(RegistrationType::Change),
                "delete" | "3" => Ok(RegistrationType::Delete),
                _ => Err(found(s, Said::new("row.registration"))),
            }
        });
        let account = c.required("account", "invalid-account", |s| {
            AccountNumber::parse(s).map_err(|e| number_found("row.account", s, &e))
        });
        let reference = c.parse("payer_reference", "invalid-reference", payer);
        let period = c.parse("period", "invalid-choice", period);
        let limit = c.parse("limit", "invalid-amount", amount);
        let limit = match (period, limit) {
            (None, None) => Some(MandateLimit::Simplified),
            // A standard mandate carries its limit ([decision 27](docs/spec-decisions.md#decision-27)).
            (Some(_), Some(limit)) if limit == Amount::ZERO => {
                c.errors.push(problem(
                    "limit",
                    "invalid-amount",
                    Said::new("row.limit-zero"),
                ));
                None
            }
            (Some(period), Some(limit)) => MandateLimit::standard(period, limit).ok(),
            (Some(_), None) => {
                if c.get("period").is_some() && c.get("limit").is_none() {
                    c.errors.push(problem(
                        "limit",
                        "missing-value",
                        Said::new("row.limit-missing"),
                    ));
                }
                None
            }
            (None, Some(_)) => {
                if c.get("period").is_none() {
                    c.errors.push(problem(
                        "period",
                        "missing-value",
                        Said::new("row.period-missing"),
                    ));
                }
                None
            }
        };
        let valid_from = c.parse("valid_from", "invalid-date", date);
        let valid_to = c.parse("valid_to", "invalid-date", date);
        let agreement = c.parse("agreement", "invalid-number", agreement);
        let details = match registration {
            Some(RegistrationType::Delete) => {
                for column in DETAILS {
                    if c.get(column).is_some() {
                        c.errors.push(problem(
                            column,
                            "unexpected-value",
                            Said::new("row.deletion-details"),
                        ));
                    }
                }
                None
            }
            _ => Some(payer_details(&mut c, self.today)),
        };
        let mandate = match (registration, account, limit) {
            (Some(registration), Some(account), Some(limit)) => {
                let reference = reference.unwrap_or_else(|| {
                    PaddedDigits::new(account.as_str()).unwrap_or(PaddedDigits::BLANK)
                });
                let mut m = Mandate::new(registration, reference, account, limit)
                    .valid(valid_from, valid_to);
                m.payer = details.flatten();
                Some(m)
            }
            _ => None,
        };
        c.finish(mandate.map(|mandate| MandateRow { agreement, mandate }))
    }
}

fn period(s: &str) -> Result<PeriodCode, Said> {
    Ok(match s.to_ascii_lowercase().as_str() {
        "daily" | "01" => PeriodCode::Daily,
        "weekly" | "02" => PeriodCode::Weekly,
        "monthly" | "03" => PeriodCode::Monthly,
        "quarterly" | "04" => PeriodCode::Quarterly,
        "half-yearly" | "05" => PeriodCode::HalfYearly,
        "yearly" | "06" => PeriodCode::Yearly,
        _ => return Err(found(s, Said::new("row.period"))),
    })
}

/// Posts 2-4 of a registration or change; `None` when a required value is missing (reported).
fn payer_details(c: &mut Cells<'_, '_>, today: Option<Date>) -> Option<PayerDetails> {
    let name = c.required_text::<30>("name");
    let address1 = c.text::<30>("address1");
    let address2 = c.text::<30>("address2");
    let country_code = c.text::<3>("country_code");
    let norway = country_code.is_blank() || country_code.to_string() == "NO";
    let postal = c.required("postal_code", "invalid-text", |s| {
        if norway {
            if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && s != "0000" {
                return Ok((text::<4>(s)?, Text::BLANK));
            }
            return Err(found(s, Said::new("row.postal-code")));
        }
        // Abroad positions 46-52 hold the code: 4 characters, then 3.
        let chars: Vec<char> = s.chars().collect();
        if chars.len() > 7 {
            return Err(found(s, Said::new("row.foreign-postal-code")));
        }
        let (a, b) = chars.split_at(chars.len().min(4));
        Ok((
            text::<4>(&a.iter().collect::<String>())?,
            text::<3>(&b.iter().collect::<String>())?,
        ))
    });
    let postal_town = c.required_text::<25>("postal_town");
    let organisation = c.required("organisation_number", "invalid-number", |s| {
        if s.bytes()
            .all(|b| b.is_ascii_digit() || b == b' ' || b == b'.')
        {
            OrganisationNumber::parse(s)
                .map(Organisation::Norwegian)
                .map_err(|e| number_found("row.organisation", s, &e))
        } else {
            text::<11>(s).map(Organisation::Foreign)
        }
    });
    let signatory = c.required_text::<30>("signatory");
    let birth = c.required("signatory_birth_date", "invalid-date", date);
    if let (Some(birth), Some(today)) = (birth, today)
        && birth > today
    {
        c.errors.push(problem(
            "signatory_birth_date",
            "birth-date-after-file",
            said!("row.birth-date", birth = birth, today = today),
        ));
    }
    let ((postal_code, postal_code_extension), organisation, birth) =
        (postal?, organisation?, birth?);
    Some(PayerDetails {
        name,
        address1,
        address2,
        postal_code,
        postal_code_extension,
        postal_town,
        country_code,
        organisation,
        signatory,
        signatory_birth_date: birth,
    })
}

/// The cells of a mandate, in the order of [`MANDATE_COLUMNS`].
pub fn mandate_cells(context: Context, m: &Mandate) -> Vec<String> {
    let registration = match m.registration_type {
        RegistrationType::New => "new",
        RegistrationType::Change => "change",
        RegistrationType::Delete => "delete",
        RegistrationType::Listing => "listing",
    };
    let period = m.period_code.name();
    let limit = if m.period_code == PeriodCode::NoPeriod {
        String::new()
    } else {
        m.amount_limit.to_string()
    };
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut cells = vec![
        context.kind.tag().to_owned(),
        format!("{:09}", context.agreement),
        context.assignment_number.to_string(),
        m.sequence_number.to_string(),
        registration.to_owned(),
        m.payer_reference.digits().to_owned(),
        m.account.as_str().to_owned(),
        period.to_owned(),
        limit,
        date(m.valid_from),
        date(m.valid_to),
    ];
    match (&m.payer, &m.mps) {
        (Some(p), _) => cells.extend([
            p.name.to_string(),
            p.address1.to_string(),
            p.address2.to_string(),
            format!("{}{}", p.postal_code, p.postal_code_extension),
            p.postal_town.to_string(),
            p.country_code.to_string(),
            match p.organisation {
                Organisation::Norwegian(n) => n.as_str().to_owned(),
                Organisation::Foreign(t) => t.to_string(),
            },
            p.signatory.to_string(),
            p.signatory_birth_date.to_string(),
        ]),
        (None, Some(mps)) => {
            cells.push(mps.name.to_string());
            cells.extend(std::iter::repeat_n(String::new(), DETAILS.len() - 1));
        }
        (None, None) => cells.extend(std::iter::repeat_n(String::new(), DETAILS.len())),
    }
    cells.push(
        m.mps
            .map(|x| x.archive_reference.to_string())
            .unwrap_or_default(),
    );
    cells
}
