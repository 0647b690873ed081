//! The billing fixtures of `testdata/billing/`: the same claims as a billing system or a
//! spreadsheet exports them (CSV from Norwegian Excel, JSON, `.xlsx`), mandates as CSV, a CSV
//! with a broken cell on each of four rows, and the payee's settings. `autogiro new` must make
//! the same file of each of the three claim tables.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use crate::fixtures::Fixtures;

type Result<T> = std::result::Result<T, String>;

/// One claim of the tables: payer reference, amount in øre, due date (y, m, d), KID, short
/// name, own reference, specification.
struct Row {
    payer: &'static str,
    ore: u64,
    due: (u16, u8, u8),
    kid: &'static str,
    name: &'static str,
    reference: &'static str,
    specification: &'static str,
}

const CLAIMS: &[Row] = &[
    Row {
        payer: "12345",
        ore: 123_450,
        due: (2026, 1, 15),
        kid: "123456782",
        name: "Ærlig Ås",
        reference: "Faktura 2026-001",
        specification: "",
    },
    Row {
        payer: "86011117947",
        ore: 99_900,
        due: (2026, 2, 1),
        kid: "",
        name: "Øyvind",
        reference: "Faktura 2026-002",
        specification: "Husleie februar | 999,00\nFellesutgifter inkludert",
    },
    Row {
        payer: "00000054321",
        ore: 5_000,
        due: (2026, 1, 31),
        kid: "0000000000018",
        name: "Åse",
        reference: "Purring 2026-003",
        specification: "",
    },
];

/// `1 234,50`: how Norwegian Excel writes an amount.
fn norwegian_amount(ore: u64) -> String {
    let kroner = (ore / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in kroner.chars().enumerate() {
        if i > 0 && (kroner.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    format!("{grouped},{:02}", ore % 100)
}

/// A CSV cell quoted when it holds the delimiter, a quote or a line break.
fn cell(s: &str, delimiter: char) -> String {
    if s.contains([delimiter, '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The claims as Norwegian Excel saves them: `;`, decimal comma, `DD.MM.YYYY`, Windows-1252,
/// CRLF.
fn claims_csv() -> Vec<u8> {
    let mut text = String::from(
        "payer_reference;amount;due_date;kid;short_name;own_reference;specification\r\n",
    );
    for r in CLAIMS {
        let (y, m, d) = r.due;
        let fields = [
            r.payer.to_owned(),
            norwegian_amount(r.ore),
            format!("{d:02}.{m:02}.{y}"),
            r.kid.to_owned(),
            r.name.to_owned(),
            r.reference.to_owned(),
            r.specification.to_owned(),
        ];
        let row: Vec<String> = fields.iter().map(|f| cell(f, ';')).collect();
        text.push_str(&row.join(";"));
        text.push_str("\r\n");
    }
    // Every character here is in Windows-1252's upper half as Latin-1 has it.
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

/// The claims as a JSON array of objects (ISO dates, amounts as strings with a point).
fn claims_json() -> Result<Vec<u8>> {
    let rows: Vec<serde_json::Value> = CLAIMS
        .iter()
        .map(|r| {
            let (y, m, d) = r.due;
            serde_json::json!({
                "payer_reference": r.payer,
                "amount": format!("{}.{:02}", r.ore / 100, r.ore % 100),
                "due_date": format!("{y}-{m:02}-{d:02}"),
                "kid": (!r.kid.is_empty()).then_some(r.kid),
                "short_name": r.name,
                "own_reference": r.reference,
                "specification": r.specification,
            })
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&rows).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The claims as the first sheet of a workbook: amounts and due dates as numbers and dates, as
/// a person types them; references and KIDs as text.
fn claims_xlsx() -> Result<Vec<u8>> {
    let e = |x: rust_xlsxwriter::XlsxError| x.to_string();
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 10).map_err(e)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let money = Format::new().set_num_format("# ##0.00");
    let header = [
        "payer_reference",
        "amount",
        "due_date",
        "kid",
        "short_name",
        "own_reference",
        "specification",
    ];
    for (c, h) in (0u16..).zip(header) {
        sheet.write_string(0, c, h).map_err(e)?;
    }
    for (row, r) in (1u32..).zip(CLAIMS) {
        let (y, m, d) = r.due;
        sheet.write_string(row, 0, r.payer).map_err(e)?;
        #[allow(clippy::cast_precision_loss)] // Small amounts, exact in f64.
        let nok = r.ore as f64 / 100.0;
        sheet
            .write_number_with_format(row, 1, nok, &money)
            .map_err(e)?;
        let due = ExcelDateTime::from_ymd(y, m, d).map_err(e)?;
        sheet
            .write_datetime_with_format(row, 2, &due, &date)
            .map_err(e)?;
        if !r.kid.is_empty() {
            sheet.write_string(row, 3, r.kid).map_err(e)?;
        }
        sheet.write_string(row, 4, r.name).map_err(e)?;
        sheet.write_string(row, 5, r.reference).map_err(e)?;
        if !r.specification.is_empty() {
            sheet.write_string(row, 6, r.specification).map_err(e)?;
        }
    }
    book.save_to_buffer().map_err(e)
}

/// Four rows, each with one broken cell: an amount, a date, a KID, a payer reference.
const BROKEN: &str = "\
payer_reference,amount,due_date,kid,short_name
12345,\"12,34,5\",2026-01-15,,Nordmann
12345,100.00,31.02.2026,,Nordmann
12345,100.00,2026-01-20,123456783,Nordmann
1234A,100.00,2026-01-20,,Nordmann
";

/// Claims of two agreements, interleaved.
const TWO_AGREEMENTS: &str = "\
agreement,payer_reference,amount,due_date,short_name
000056789,12345,100.00,2026-01-15,Nordmann
000056790,23456,200.00,2026-01-16,Bjørnstad
000056789,34567,300.00,2026-01-17,Kjøl
";

/// Mandates: a standard and a simplified registration, a change, a deletion.
const MANDATES: &str = "\
registration,payer_reference,account,period,limit,valid_from,valid_to,name,address1,postal_code,postal_town,country_code,organisation_number,signatory,signatory_birth_date
new,12345,8601.11.17947,monthly,5 000,01.02.2026,,Ærlig Ås AS,Storgata 1,0155,OSLO,NO,923 609 016,Kari Nordmann,01.02.1980
new,23456,1503.20.80119,,,,,Åse Bjørnstad,,5003,BERGEN,,923609016,Åse Bjørnstad,15.03.1975
change,34567,1234.56.78903,quarterly,12000,,31.12.2027,Øvre Kjøl AS,Postboks 7,7010,TRONDHEIM,NO,923609016,Per Kjøl,30.06.1960
delete,00000054321,1503.20.80119,,,,,,,,,,,,
";

const SETTINGS: &str = "\
# The payee's settings for the billing fixtures (autogiro new --config testdata/billing/autogiro.toml).
[payee]
customer_unit = \"00012345\"

[[agreement]]
id = \"000056789\"
account = \"1234.56.78903\"
";

const SETTINGS_TWO: &str = "\
[payee]
customer_unit = \"00012345\"

[[agreement]]
id = \"000056789\"
account = \"1234.56.78903\"

[[agreement]]
id = \"000056790\"
account = \"1503.20.80119\"
";

/// AvtaleGiro claims: one the payer's bank notifies with a specification of two lines, two
/// without notice; KIDs of modulus 10 and 11.
const AVTALEGIRO_CLAIMS: &str = "\
amount,due_date,kid,short_name,foreign_reference,specification
499.00,2026-02-16,123456782,Hansen,Strøm februar 2026,\"Strøm januar 2026: 812 kWh | 449,00\nNettleie januar 2026 | 50,00\"
199.00,2026-02-16,1234567806,Ærlig Ås,Strøm februar 2026,
349.50,2026-02-20,987654324,Kjøl,Strøm februar 2026,
";

/// A request to cancel the second AvtaleGiro claim: its amount, due date and KID.
const AVTALEGIRO_CANCELLATIONS: &str = "\
amount,due_date,kid
199.00,2026-02-16,1234567806
";

const SETTINGS_AVTALEGIRO: &str = "\
# An Autogiro agreement and an AvtaleGiro one (autogiro new claims --service avtalegiro).
[payee]
customer_unit = \"00012345\"

[[agreement]]
id = \"000056789\"
account = \"1234.56.78903\"

[[agreement]]
id = \"000067890\"
account = \"1234.56.78903\"
service = \"avtalegiro\"
";

/// Adds the billing fixtures to `out`.
pub(crate) fn add(out: &mut Fixtures) -> Result<()> {
    let mut add = |path: &str, bytes: Vec<u8>, about: &str| {
        out.insert(format!("billing/{path}"), (bytes, about.to_owned()));
    };
    add(
        "autogiro.toml",
        SETTINGS.as_bytes().to_vec(),
        "the payee's settings: customer unit 00012345, one agreement",
    );
    add(
        "autogiro-two-agreements.toml",
        SETTINGS_TWO.as_bytes().to_vec(),
        "settings with two agreements",
    );
    add(
        "claims.csv",
        claims_csv(),
        "three claims as Norwegian Excel saves them: `;`, `1 234,50`, `15.01.2026`, Windows-1252, CRLF; one with two lines of specification",
    );
    add(
        "claims.json",
        claims_json()?,
        "the same claims as a JSON array of objects",
    );
    add(
        "claims.xlsx",
        claims_xlsx()?,
        "the same claims as a workbook: amounts and due dates as numbers and dates",
    );
    add(
        "claims-broken.csv",
        BROKEN.as_bytes().to_vec(),
        "four rows with a broken amount, date, KID and payer reference: all four reported, nothing written",
    );
    add(
        "claims-two-agreements.csv",
        TWO_AGREEMENTS.as_bytes().to_vec(),
        "claims of two agreements, interleaved: an assignment each (with `autogiro-two-agreements.toml`)",
    );
    add(
        "autogiro-avtalegiro.toml",
        SETTINGS_AVTALEGIRO.as_bytes().to_vec(),
        "settings with an Autogiro agreement and an AvtaleGiro one",
    );
    add(
        "avtalegiro-claims.csv",
        AVTALEGIRO_CLAIMS.as_bytes().to_vec(),
        "three AvtaleGiro claims, one with notice and two lines of specification (`new claims --service avtalegiro`)",
    );
    add(
        "avtalegiro-cancellations.csv",
        AVTALEGIRO_CANCELLATIONS.as_bytes().to_vec(),
        "a request to cancel the second of those claims (`new cancellations`)",
    );
    add(
        "mandates.csv",
        MANDATES.as_bytes().to_vec(),
        "mandates: a standard and a simplified registration, a change, a deletion",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_the_norwegian_way() {
        assert_eq!(norwegian_amount(123_450), "1 234,50");
        assert_eq!(norwegian_amount(5_000), "50,00");
        assert_eq!(norwegian_amount(123_456_700), "1 234 567,00");
    }
}
