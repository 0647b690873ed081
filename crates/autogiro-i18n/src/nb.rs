//! Norsk bokmål: the catalogue's texts (the same keys as `en.rs`, in the same order).

/// Every key and its text, ordered by key.
pub(crate) const TEXTS: &[(&str, &str)] = &[
    (
        "amount.ambiguous",
        "{found} er tvetydig: bruk ett desimaltegn og ingen andre skilletegn enn mellomrom (1234.50 eller 1 234,50)",
    ),
    (
        "amount.fraction",
        "beløpet {amount} kr har en brøkdel av en øre",
    ),
    ("amount.negative", "beløpet {amount} kr er negativt"),
    (
        "amount.not-an-amount",
        "{found} er ikke et beløp i kroner (skriv det som 1234.50 eller 1 234,50)",
    ),
    (
        "amount.too-large",
        "beløpet {amount} er mer enn de 17 sifrene i øre en post har plass til",
    ),
    ("book.already", "allerede i boken; ingenting er endret"),
    (
        "book.assignment-used",
        "oppdragsnummer {number} i avtale {agreement} ble brukt av {other} lest {used}: MPS avviser oppdraget til {until}",
    ),
    (
        "book.cancel-nothing",
        "{what} gjelder ikke noe ventende AvtaleGiro-betalingskrav for konto {account} i boken",
    ),
    (
        "book.cancel-settled",
        "{what} gjelder et AvtaleGiro-betalingskrav MPS allerede har belastet: det kan ikke slettes",
    ),
    (
        "book.cancellation",
        "sletteanmodning {number} ({amount} kr med forfall {due}, KID {kid})",
    ),
    (
        "book.check-clean",
        "MPS ville belastet hvert betalingskrav, så langt boken vet",
    ),
    ("book.code", ", kode {code}"),
    ("book.col.claims", "betalingskrav"),
    ("book.col.nok", "kr"),
    ("book.col.status", "tilstand"),
    (
        "book.copied",
        "{files} fil(er), {claims} betalingskrav og hver fullmakt kopiert",
    ),
    ("book.finding", "{place}: MPS ville avvist: {reason}"),
    ("book.finding-assignment", "oppdrag {assignment}"),
    (
        "book.finding-claim",
        "oppdrag {assignment}, betalingskrav {claim} (betaler {payer}, {amount} kr)",
    ),
    ("book.finding-code", "{code}: {reason}"),
    (
        "book.giro-claims",
        "{claims} AvtaleGiro-betalingskrav venter på belastning, {cancelled} slettet",
    ),
    ("book.giro-mandates", "{n} AvtaleGiro-avtale(r) listet"),
    (
        "book.giro-no-kid",
        "AvtaleGiro-avtale {number} for konto {account} har ingen KID: ikke tatt vare på",
    ),
    (
        "book.giro-payments",
        "{payments} OCR giro-innbetaling(er) mottatt; {settled} AvtaleGiro-betalingskrav belastet",
    ),
    ("book.giro-state.cancelled", "slettet"),
    (
        "book.giro-unlisted",
        "{n} AvtaleGiro-avtale(r) for konto {account} finnes ikke i MPS' fulle liste: slettet",
    ),
    (
        "book.handled",
        "betalingskrav {claim} (betaler {payer}, {amount} kr, forfall {due}) lukket for hånd av {by}: {why}",
    ),
    (
        "book.imported-answer",
        "importert, fra MPS: {answered} svar koblet til sendte betalingskrav, {mandates} fullmakt(er)",
    ),
    (
        "book.imported-sent",
        "importert, sendt til MPS: {claims} betalingskrav venter på svar, {mandates} fullmakt(er)",
    ),
    ("book.kid-none", "ingen"),
    (
        "book.listing-added",
        "full liste: fullmakt {reference} i avtale {agreement} er ny for boken",
    ),
    (
        "book.listing-changed",
        "full liste: fullmakt {reference} i avtale {agreement} har andre vilkår hos MPS; boken har nå MPS' vilkår",
    ),
    (
        "book.listing-more",
        "og {n} fullmakt(er) til som den fulle listen endret: `autogiro book mandates` viser bokens fullmakter",
    ),
    (
        "book.listing-removed",
        "full liste: fullmakt {reference} i avtale {agreement} er ikke listet av MPS; fjernet fra boken",
    ),
    ("book.no-claims", "ingen betalingskrav"),
    ("book.no-payments", "ingen OCR giro-innbetalinger"),
    ("book.no-unmatched", "ingen svar uten treff"),
    (
        "book.not-checked",
        "ikke kontrollert: filen har feil (se `autogiro validate`)",
    ),
    ("book.not-imported", "ikke importert: {error}"),
    (
        "book.not-imported-storage",
        "ikke importert: {error}; boken er som før denne filen: kjør den samme importen igjen når boken kan nås",
    ),
    (
        "book.not-registered",
        "fullmakten er ikke registrert i boken: {error}",
    ),
    (
        "book.own-reused",
        "egenreferansen {own} brukes av {claims} ventende betalingskrav i avtale {agreement}: MPS' svar på dem kan bare skilles ved betaler, beløp og dato",
    ),
    (
        "book.own-reused-more",
        "og {n} egenreferanser til brukes hver av mer enn ett ventende betalingskrav",
    ),
    ("book.ready", "en bok, klar"),
    ("book.refusal", "{refusal} (behandlingsdato {date})"),
    (
        "book.rematched",
        "{n} svar fra tidligere filer fant sitt betalingskrav",
    ),
    (
        "book.replaced",
        "{n} avvist(e) betalingskrav sendt på nytt med denne filen, lukket som behandlet",
    ),
    (
        "book.replaces-nothing",
        "ingen avvist betalingskrav i avtale {agreement} har egenreferansen {own} som et betalingskrav i denne filen erstatter; lukk det for hånd med `autogiro book resolve CLAIM --handled WHY`",
    ),
    ("book.report-written", "rapporten for {month}"),
    (
        "book.resolved",
        "svar {answer} knyttet til betalingskrav {claim} (betaler {payer}, {amount} kr, forfall {due}): {status}, for hånd",
    ),
    ("book.row.giro-mandates", "AvtaleGiro-avtaler"),
    ("book.row.giro-not-settled", "AvtaleGiro ikke belastet"),
    ("book.row.outstanding", "av disse, utestående"),
    ("book.row.payments", "OCR giro-innbetalinger"),
    ("book.row.unmatched", "svar uten treff"),
    ("book.row.unsettling", "belastninger uten betalingskrav"),
    ("book.state.handled", "behandlet"),
    ("book.state.rejected", "avvist"),
    ("book.state.retry", "prøves igjen"),
    ("book.state.sent", "sendt"),
    ("book.state.settled", "belastet"),
    (
        "book.unmatched",
        "svar {id} for betaler {payer} i avtale {agreement}, {amount} kr, KID {kid}, behandlet {date}{code}, {what}; tatt vare på: det prøves igjen ved hver import, eller `autogiro book resolve {id} --claim ID`",
    ),
    (
        "book.unmatched-many",
        "passer med {n} sendte betalingskrav som MPS' svar ikke kan skille",
    ),
    (
        "book.unmatched-more",
        "og {n} svar til er tatt vare på uten treff: `autogiro book status --unmatched` viser alle",
    ),
    (
        "book.unmatched-none",
        "passer ikke med noe sendt betalingskrav",
    ),
    (
        "book.unsettling",
        "{n} AvtaleGiro-belastning(er) (type 15) passer ikke med noe sendt betalingskrav: tatt vare på, prøves igjen når AvtaleGiro-betalingskrav importeres (`autogiro book status --payments` viser dem)",
    ),
    ("book.up-to-date", "en bok, oppdatert"),
    (
        "build.avtalegiro-misplaced",
        "en AvtaleGiro-post med transaksjonstype {type} hører ikke hjemme i et oppdrag med {kind}",
    ),
    (
        "build.avtalegiro-without-kid",
        "et AvtaleGiro-betalingskrav har en KID: MPS finner betalerens avtale ved den",
    ),
    (
        "build.blank-short-name",
        "et betalingskrav til MPS har betalerens forkortede navn (beløpspost 2, posisjon 16-25)",
    ),
    (
        "build.deletion-with-details",
        "en sletting av fullmakt har bare post 1: betalerens opplysninger (post 2-4) hører til en registrering eller en endring",
    ),
    (
        "build.missing-payer-details",
        "en registrering eller endring av fullmakt til MPS har betalerens opplysninger (post 2-4)",
    ),
    (
        "build.specification-place",
        "en spesifikasjon står på linje 1-21, kolonne 1-2, ikke linje {line}, kolonne {column}",
    ),
    (
        "build.specification-taken",
        "betalingskravet har allerede en spesifikasjon på linje {line}, kolonne {column}",
    ),
    (
        "build.specification-without-notice",
        "et betalingskrav uten varsel (transaksjonstype 02) har ingen spesifikasjonslinjer",
    ),
    (
        "build.standard-without-limit",
        "en standardfullmakt trenger en beløpsgrense over null (en forenklet fullmakt har ingen)",
    ),
    (
        "build.standard-without-period",
        "en standardfullmakt trenger en periodekode 01-06",
    ),
    ("build.text", "{field}: {error}"),
    (
        "build.too-many-specifications",
        "et betalingskrav har høyst 42 spesifikasjonslinjer (21 linjer x 2 kolonner)",
    ),
    (
        "build.too-many-transactions",
        "en forsendelse har høyst 9 999 999 transaksjoner",
    ),
    (
        "build.validity-reversed",
        "gyldig fra {from} er etter gyldig til {to}",
    ),
    (
        "build.wrong-direction",
        "{kind} kan ikke sendes {direction}",
    ),
    ("cli.cannot-lock-state", "kan ikke låse tilstanden {path}"),
    ("cli.cannot-make-book", "kan ikke lage boken {book}"),
    (
        "cli.cannot-make-temporary",
        "kan ikke lage en midlertidig fil",
    ),
    ("cli.cannot-open-book", "kan ikke åpne boken {book}"),
    ("cli.cannot-read", "kan ikke lese {path}"),
    (
        "cli.cannot-read-back",
        "kan ikke lese den formaterte filen tilbake",
    ),
    ("cli.cannot-read-csv", "kan ikke lese {name} som CSV"),
    (
        "cli.cannot-read-json",
        "kan ikke lese {name} som en JSON-liste av objekter",
    ),
    ("cli.cannot-read-named", "kan ikke lese {name}: {error}"),
    ("cli.cannot-read-state", "kan ikke lese tilstanden {path}"),
    ("cli.cannot-read-stdin", "kan ikke lese standard inn"),
    (
        "cli.cannot-read-temporary",
        "kan ikke lese den midlertidige filen",
    ),
    ("cli.cannot-read-xlsx", "kan ikke lese {name} som .xlsx"),
    ("cli.cannot-write", "kan ikke skrive {path}"),
    (
        "cli.cannot-write-as-file",
        "kan ikke skrive {name} som en fil",
    ),
    (
        "cli.cannot-write-beside",
        "kan ikke skrive ved siden av {path}",
    ),
    (
        "cli.cannot-write-formatted",
        "kan ikke skrive den formaterte filen",
    ),
    ("cli.cannot-write-stdout", "kan ikke skrive til standard ut"),
    ("cli.counts", "{errors}, {warnings}"),
    ("cli.directory-not-file", "{path} er en mappe, ikke en fil"),
    (
        "cli.empty-sheet",
        "det første arket er tomt: forventet en overskriftsrad",
    ),
    (
        "cli.empty-table",
        "filen er tom: forventet en overskriftslinje",
    ),
    ("cli.error", "feil"),
    ("cli.errors.one", "{n} feil"),
    ("cli.errors.other", "{n} feil"),
    (
        "cli.exists",
        "{path} finnes; bruk --force for å skrive over den",
    ),
    ("cli.hidden", "{n} til vises ikke (--max-errors)"),
    ("cli.is-directory", "{path} er en mappe"),
    ("cli.kid", "KID {kid}"),
    (
        "cli.no-book",
        "ingen bok: oppgi --book STI, eller [book] path i autogiro.toml",
    ),
    (
        "cli.no-book-path",
        "ingen bok: oppgi --book STI, eller [book] path = \"autogiro.db\" i innstillingene",
    ),
    (
        "cli.no-giro-agreement",
        "innstillingene har ingen AvtaleGiro-avtale {id}",
    ),
    (
        "cli.no-giro-agreements",
        "innstillingene har ingen AvtaleGiro-avtale: legg til en med service = \"avtalegiro\"",
    ),
    ("cli.no-sheet", "arbeidsboken har ingen ark"),
    (
        "cli.no-such-mandate",
        "ingen fullmakt {reference} i avtale {agreement} i tilstanden",
    ),
    (
        "cli.not-a-payer-reference",
        "{found} er ikke en betalerreferanse",
    ),
    ("cli.not-a-state", "{path} er ikke en simulatortilstand"),
    (
        "cli.resolve-needs",
        "oppgi --claim KRAV eller --handled HVORFOR",
    ),
    (
        "cli.several-giro-agreements",
        "innstillingene har flere AvtaleGiro-avtaler: oppgi --agreement",
    ),
    ("cli.simulate-needs", "simulate trenger --state og --date"),
    (
        "cli.table-kind",
        "{path}: forventet en .csv-, .json- eller .xlsx-fil (eller - for CSV på standard inn)",
    ),
    (
        "cli.until-needs-file",
        "--until hører til en FIL; uten en sendes svarene som forfaller innen --date",
    ),
    ("cli.utc-today", "{error}; dagens dato tas som UTC-datoen"),
    ("cli.valid", "gyldig"),
    ("cli.valid-with", "gyldig, {warnings}"),
    ("cli.warning", "advarsel"),
    ("cli.warnings.one", "{n} advarsel"),
    ("cli.warnings.other", "{n} advarsler"),
    ("code.131.meaning", "fullmakt ikke funnet"),
    (
        "code.131.todo",
        "Sjekk at betalerens fullmakt er registrert og aktiv for denne avtalen (`autogiro book mandates`); registrer den, eller send kravet på annen måte.",
    ),
    ("code.133.meaning", "fullmakten er sperret"),
    (
        "code.133.todo",
        "Betalerens bank har sperret fullmakten: kontakt betaleren, og send kravet på nytt når sperren er opphevet.",
    ),
    (
        "code.181.meaning",
        "fullmaktens beløpsgrense for perioden er overskredet",
    ),
    (
        "code.181.todo",
        "Kravet er høyere enn fullmakten tillater i perioden: del det over flere perioder, eller be betaleren heve beløpsgrensen.",
    ),
    ("code.221.meaning", "avvist i betalerens bank"),
    (
        "code.221.todo",
        "Betalerens bank avviste belastningen (ofte manglende dekning): kontakt betaleren og send kravet på nytt (`new claims` med `replaces`).",
    ),
    ("code.222.meaning", "kontoen finnes ikke"),
    (
        "code.222.todo",
        "Betalerens konto er avsluttet eller feil: innhent en ny fullmakt med riktig konto.",
    ),
    (
        "code.252.meaning",
        "sendt til nytt forsøk, behandles fortsatt",
    ),
    (
        "code.252.todo",
        "Ingenting ennå: MPS prøver igjen og svarer senere.",
    ),
    ("code.other.meaning", "ikke oppført i spesifikasjonen (3.9)"),
    ("code.other.todo", "Spør MPS hva koden betyr."),
    ("config.agent-keys", "nøklene i ssh-agent"),
    ("config.agreement", "avtale {id}: konto {account}"),
    ("config.key", "nøkkelen {path}"),
    (
        "config.no-agreement",
        "ingen avtale: `new` trenger minst én [[agreement]]",
    ),
    ("config.payee", "betalingsmottaker: kundeenhet {unit}"),
    (
        "config.transfer",
        "overføring: {user}@{host}:{port} med {key}, vertsnøkkel festet i {known_hosts}; utboks {outbox}, innboks {inbox}, arkiv {archive}, venter på sending i {outgoing}",
    ),
    ("config.valid", "gyldig"),
    ("convert.has-errors", "ikke konvertert: filen har feil"),
    (
        "convert.not-canonical",
        "ikke kanonisk (kjør `autogiro fmt` for å skrive den på nytt)",
    ),
    (
        "convert.not-formatted",
        "ikke formatert: linjer som ikke er poster kan ikke skrives på nytt",
    ),
    (
        "convert.not-json",
        "ikke konvertert: ikke JSON-formen av en forsendelse",
    ),
    (
        "convert.skipped",
        "dens {n} {what} er ikke med i CSV-en, som lister {listed}: konverter en fil med bare {what}, eller til JSON, for dem",
    ),
    (
        "convert.would-have-errors",
        "ingenting er skrevet: filen ville hatt {n} feil",
    ),
    ("daily.attention", "daglig: trenger oppfølging"),
    ("daily.code", "{n} × {code} ({meaning})"),
    (
        "daily.files",
        "daglig: {imported} fil(er) importert i boken; {to_send} fil(er) venter på å bli sendt",
    ),
    (
        "daily.mandates",
        "daglig: {n} fullmakt(er) lagt til, fjernet eller endret av MPS' fulle liste",
    ),
    ("daily.no-attention", "daglig: ingenting trenger oppfølging"),
    (
        "daily.outstanding",
        "daglig: {n} betalingskrav utestående etter svarfristen, {sum} kr (autogiro book status --outstanding)",
    ),
    (
        "daily.rejected",
        "daglig: {n} betalingskrav avvist: {codes} (autogiro book status --rejected)",
    ),
    ("daily.too-large", "mer enn det største beløpet"),
    (
        "daily.unmatched",
        "daglig: {n} svar passer ikke med noe sendt betalingskrav (autogiro book status --unmatched)",
    ),
    (
        "date.form",
        "{found} er ikke en dato (skriv den som 2026-01-15 eller 15.01.2026)",
    ),
    ("date.no-such-day", "{found} er ingen dag i kalenderen"),
    ("date.none", "ingen (000000)"),
    ("diag.above-previous", "over {previous} (det forrige)"),
    ("diag.above-zero", "over 0"),
    ("diag.after-end", "post {record} etter forsendelsesslutten"),
    (
        "diag.amount-overflow",
        "beløpene blir til sammen {sum}, mer enn feltets 17 sifre rommer",
    ),
    (
        "diag.assignment-account",
        "oppdragskonto {account}: {error}",
    ),
    (
        "diag.assignment-type-mismatch",
        "oppdragstype: ventet {expected} (startens, linje {start}), fant {found}",
    ),
    (
        "diag.avtalegiro-blank-kid",
        "KID: ventet KID-en til betalerens avtale, fant blanke (MPS finner avtalen med den: beslutning A1)",
    ),
    (
        "diag.avtalegiro-blank-name",
        "forkortet navn: blankt, der det burde navngi betaleren (det hjelper å finne et avvist krav)",
    ),
    (
        "diag.avtalegiro-due-date",
        "forfallsdato {date}: ventet {expected} (filen lest {today})",
    ),
    (
        "diag.avtalegiro-end-kind",
        "oppdragstype: ventet startens (linje {start}, {started}), fant {found}",
    ),
    (
        "diag.avtalegiro-specification-ignored",
        "en spesifikasjon til transaksjon {number}, av type 02 (uten varsel fra banken): MPS ser bort fra den",
    ),
    (
        "diag.avtalegiro-specification-limit",
        "mer enn {most} spesifikasjonsposter til transaksjon {number}: høyst {lines} linjer med 2 kolonner",
    ),
    (
        "diag.avtalegiro-specification-number",
        "transaksjonsnummer: ventet betalingskravets, {expected}, fant {found}",
    ),
    (
        "diag.avtalegiro-specification-place",
        "linje {line} kolonne {column}: ventet en linje 001-042 og kolonne 1 eller 2 (MPS avviser hele betalingskravet)",
    ),
    (
        "diag.avtalegiro-specification-twice",
        "linje {line} kolonne {column} i transaksjon {number} for andre gang (beslutning A4)",
    ),
    (
        "diag.avtalegiro-specification-without-claim",
        "en spesifikasjon (post 49) som ikke står etter beløpspost 1 og 2 for sitt betalingskrav",
    ),
    (
        "diag.avtalegiro-type-misplaced",
        "transaksjonstype {code}: hører ikke hjemme i et oppdrag med {kind} (betalingskrav er 02 og 21, sletteanmodninger 93)",
    ),
    (
        "diag.birth-date",
        "signatarens fødselsdato {date} er etter dagen filen leses",
    ),
    (
        "diag.blank-short-name",
        "forkortet navn er påkrevd (det vises på MPS' kvitteringslister), fant blanke",
    ),
    (
        "diag.blocked-dates",
        "sperret til {to} er før sperret fra {from}",
    ),
    (
        "diag.change-in-listing",
        "registreringstype {registration}: en endring i et oppdrag som er en full oversikt (fra linje {first}); en full oversikt (0) og endringer (1, 2) går i hvert sitt oppdrag (beslutning A9)",
    ),
    (
        "diag.charged-sum",
        "belastet beløp i perioden {sum}: blankt siden utgave 3.9 (tidligere utgaver hadde det)",
    ),
    (
        "diag.declared-computed",
        "{field}: oppgitt {declared}, beregnet {computed}",
    ),
    (
        "diag.deletion-posts",
        "fullmakt {mandate} (en sletting) har noen av post 2-4, men ikke {posts}: send post 1 alene, eller alle fire",
    ),
    (
        "diag.due-date-window",
        "forfallsdato {date} er mer enn 12 måneder fra {today} (ventet {earliest} til {latest})",
    ),
    (
        "diag.duplicate-assignment-number",
        "oppdragsnummer {number} for {whose} er allerede brukt av oppdraget på linje {first}: {why}",
    ),
    (
        "diag.duplicate-registration",
        "betalerreferanse {payer} er allerede registrert med registreringstype {registration} på linje {first} i dette oppdraget",
    ),
    (
        "diag.duplicate-transmission-start",
        "en ny forsendelsesstart: en fil har én forsendelse",
    ),
    (
        "diag.empty-assignment.cancellation",
        "oppdraget som startet på linje {start} har ingen sletteanmodning: det kan utelates",
    ),
    (
        "diag.empty-assignment.claim",
        "oppdraget som startet på linje {start} har ingen betalingskrav: det kan utelates",
    ),
    (
        "diag.empty-assignment.mandate",
        "oppdraget som startet på linje {start} har ingen fullmakt: det kan utelates",
    ),
    (
        "diag.empty-assignment.payment",
        "oppdraget som startet på linje {start} har ingen innbetaling: det kan utelates",
    ),
    (
        "diag.empty-transmission",
        "en forsendelse uten oppdrag: starten, så slutten (en forsendelse har ett eller flere oppdrag)",
    ),
    (
        "diag.end-without-start",
        "en oppdragsslutt (post 88) uten oppdragsstart (post 20) før den",
    ),
    (
        "diag.expected-first-number",
        "et nummer over 0 (de som skriver filer starter på 1)",
    ),
    ("diag.expected-next-number", "{next} (det forrige + 1)"),
    (
        "diag.filler-digits",
        "{field}: ventet nuller, fant {value} (beholdt slik den ble lest)",
    ),
    (
        "diag.foreign-organisation",
        "{number} er ikke `00` + et norsk organisasjonsnummer: lest som nummeret til en betaler utenfor Norge",
    ),
    (
        "diag.foreign-postal-code",
        "en utenlandsk adresse (land {country}) trenger et postnummer i posisjon 46-52",
    ),
    (
        "diag.io",
        "lese- eller skrivefeil etter linje {line}: {error}",
    ),
    (
        "diag.item-mismatch",
        "beløpspost 2 er av type {found_type} og transaksjon {found_number}: ventet beløpspost 1 sin, type {code} og transaksjon {number} (linje {line})",
    ),
    (
        "diag.item-number-mismatch",
        "transaksjonsnummer {found} er ulikt beløpspost 1 sitt, {expected} (linje {line})",
    ),
    (
        "diag.item-type-mismatch",
        "transaksjonstype {found} er ulik beløpspost 1 sin, {expected} (linje {line})",
    ),
    (
        "diag.item2-without-item1",
        "beløpspost 2 i transaksjon {number} følger ikke etter en beløpspost 1 (post {record})",
    ),
    (
        "diag.item3-alone",
        "den står ikke etter beløpspost 1 og 2 i sin transaksjon",
    ),
    (
        "diag.item3-other-transaction",
        "beløpspost 1 og 2 før den er av type {code} og transaksjon {number} (linje {line})",
    ),
    (
        "diag.item3-type-without-text",
        "transaksjon {number} (linje {line}) er av type {code}, som ikke har fritekst",
    ),
    ("diag.kid", "KID {kid}: {error}"),
    (
        "diag.left-justified",
        "{field} {text} starter med en blank: tekst er venstrejustert (beholdt slik den står)",
    ),
    (
        "diag.listing-among-changes",
        "registreringstype {registration}: en full oversikt i et oppdrag med endringer (fra linje {first}); en full oversikt (0) og endringer (1, 2) går i hvert sitt oppdrag (beslutning A9)",
    ),
    (
        "diag.mandate-lacks",
        "fullmakt {mandate} (registreringstype {registration}) mangler {posts}",
    ),
    (
        "diag.mandate-lacks-before",
        "fullmakt {mandate} mangler {posts} før {post}",
    ),
    (
        "diag.mandate-lacks.edition",
        "fullmakt {mandate} (registreringstype {registration}) mangler {posts}, som utgave 3.9 krever ved registrering eller endring",
    ),
    (
        "diag.mandate-lacks.listing",
        "fullmakt {mandate} (registreringstype {registration}) mangler {posts}, som hver fullmakt i en full oversikt har",
    ),
    (
        "diag.missing-assignment-end-at-eof",
        "oppdraget som startet på linje {start} har ingen oppdragsslutt (post 88) ved slutten av filen",
    ),
    (
        "diag.missing-assignment-end-before-end",
        "oppdraget som startet på linje {start} har ingen oppdragsslutt (post 88) før forsendelsesslutten",
    ),
    (
        "diag.missing-assignment-end-before-start",
        "oppdraget som startet på linje {start} har ingen oppdragsslutt (post 88) før denne starten",
    ),
    (
        "diag.missing-date",
        "dato: ventet dagen MPS laget forsendelsen, fant 000000 (bare en forsendelse med AvtaleGiro-avtaler alene har nuller der)",
    ),
    (
        "diag.missing-item2",
        "beløpspost 1 i transaksjon {number} følges ikke av sin beløpspost 2 (post {record})",
    ),
    (
        "diag.missing-item3",
        "transaksjon {number} av type {code} (fritekst) har ingen beløpspost 3 (post 32) etter sin beløpspost 2",
    ),
    (
        "diag.missing-transmission-end",
        "filen slutter uten forsendelsesslutt (post 89)",
    ),
    (
        "diag.missing-transmission-start",
        "ventet forsendelsesstart (post 10) først, fant post {record}",
    ),
    (
        "diag.mixed-line-endings",
        "{crlf} linje(r) slutter med CR LF og {lf} med bare LF: en fil bruker det ene eller det andre hele veien",
    ),
    (
        "diag.nets-date-order",
        "Nets-dato {date}: før transaksjonen over den ({before}); MPS sorterer et oppdrags innbetalinger etter Nets-dato",
    ),
    ("diag.no-further-post", "ingen flere poster"),
    (
        "diag.no-records",
        "filen har ingen poster: ventet en forsendelsesstart (post 10)",
    ),
    (
        "diag.numbering",
        "{field}: ventet {expected}, fant {number}",
    ),
    (
        "diag.numbering-start",
        "{field}: oppdragets nummerering starter på {number}, ikke 1 (godtatt: numrene må bare være fortløpende; de som skriver filer starter på 1)",
    ),
    (
        "diag.ocr-assignment-order",
        "oppdragsnummer {number}: ventet et nummer over forrige OCR giro-oppdrags, {previous}",
    ),
    (
        "diag.ocr-number",
        "{field}: ventet et nummer {above}, fant {number}",
    ),
    (
        "diag.ocr-numbering-gap",
        "{field}: nummereringen hopper til {number}, ikke {expected} (godtatt: numrene må bare stige)",
    ),
    (
        "diag.ocr-numbering-start",
        "{field}: oppdragets nummerering starter på {number}, ikke {expected} (godtatt: numrene må bare stige)",
    ),
    ("diag.organisation", "organisasjonsnummer {number}: {error}"),
    (
        "diag.organisation-form",
        "organisasjonsnummer {number}: 11 sifre, `00` og de 9 sifrene (med innledende nuller), uten blanke",
    ),
    (
        "diag.organisation-required",
        "organisasjonsnummeret er påkrevd, fant nuller eller blanke",
    ),
    ("diag.payer-account", "betalers konto {account}: {error}"),
    (
        "diag.payer-not-account",
        "{payer} er ikke et gyldig kontonummer (modulus 11); greit bare om det er en betalerreferanse",
    ),
    (
        "diag.post-edition",
        "fullmaktspost 2-4 (post 71, 72, 74) finnes fra utgave 3.9; før den er en fullmakt bare post 1 (post {record} i fullmakt {mandate})",
    ),
    (
        "diag.post-mandate-type",
        "transaksjonstype: ventet {expected} (post 1 sin), fant {found}",
    ),
    (
        "diag.post-order",
        "fullmakt {mandate}: ventet {expected} som neste, fant {found}",
    ),
    (
        "diag.post-sequence",
        "fullmaktens løpenummer: ventet {expected} (post 1 sitt, linje {line}), fant {found}",
    ),
    (
        "diag.post-without-post1",
        "fullmaktspost (post {record}) uten sin post 1 (post 70)",
    ),
    (
        "diag.post5-not-listing",
        "post 5 (post 76) hører til en full oversikt (registreringstype 0), ikke til registreringstype {registration}",
    ),
    (
        "diag.postal-code",
        "et norsk postnummer er 4 sifre, ikke 0000, fant {found}",
    ),
    (
        "diag.postal-extension",
        "en norsk adresse har en blank utvidelse, fant {found}",
    ),
    (
        "diag.record-not-allowed",
        "post {record} ({name}) hører ikke hjemme i et oppdrag med {kind} (startet på linje {start})",
    ),
    (
        "diag.record-outside-assignment",
        "post {record} ({name}) utenfor et oppdrag: ventet en oppdragsstart (post 20) før den",
    ),
    ("diag.required", "{field} er påkrevd, fant blanke"),
    (
        "diag.simplified-limit",
        "en forenklet fullmakt (type 23) har periodekode 00 og beløpsgrense 0, fant {period} og {limit}",
    ),
    (
        "diag.specification-blank",
        "en blank eller null linje eller kolonne: teksten skrives ikke ut på betalerens varsel",
    ),
    (
        "diag.specification-column",
        "kolonne: ventet 1 eller 2, fant {column}",
    ),
    (
        "diag.specification-limit",
        "betalingskrav {number} har mer enn {most} spesifikasjoner ({lines} linjer x 2 kolonner)",
    ),
    (
        "diag.specification-line",
        "linje: ventet 001-021, fant {line}",
    ),
    (
        "diag.specification-not-allowed",
        "betalingskrav {number} har transaksjonstype {code} (uten varsel): bare type 03 har spesifikasjoner",
    ),
    (
        "diag.specification-number",
        "transaksjonsnummer: ventet {expected} (betalingskravets), fant {found}",
    ),
    (
        "diag.specification-twice",
        "betalingskrav {number} har allerede en spesifikasjon på linje {line}, kolonne {column}",
    ),
    (
        "diag.specification-without-claim",
        "en spesifikasjon (post 49) må stå etter beløpspost 1 og 2 i sitt betalingskrav",
    ),
    (
        "diag.standard-limit",
        "en standard fullmakt (type 22) har en beløpsgrense over null, fant 0.00 (en forenklet fullmakt, type 23, har ingen)",
    ),
    (
        "diag.standard-period",
        "en standard fullmakt (type 22) har periodekode 01-06, fant 00",
    ),
    ("diag.sum-or", "{sum} (eller {alternative})"),
    (
        "diag.terminal-account",
        "belastet konto {account}: ventet nuller for en terminal- eller nettbetaling (type {code})",
    ),
    (
        "diag.terminal-settlement",
        "delavregningsnummer {number}: ventet 0 for en terminal- eller nettbetaling (type {code})",
    ),
    ("diag.today-or-later", "{today} eller senere"),
    (
        "diag.too-many-transactions",
        "mer enn {most} transaksjoner i én forsendelse",
    ),
    (
        "diag.unexpected-item3",
        "beløpspost 3 av type {code} og transaksjon {number}: {after}",
    ),
    (
        "diag.unlisted-error-code",
        "feilkode {code} står ikke i spesifikasjonen 3.9 (beholdt som den er)",
    ),
    (
        "diag.valid-from-after-to",
        "gyldig fra {from} er etter gyldig til {to}",
    ),
    (
        "diag.valid-to-century",
        "gyldig til {to} er før gyldig fra {from}: lest som {later}, hundre år senere (`311299` er en vanlig måte å skrive «ingen slutt»)",
    ),
    ("diag.whose-account", "konto {account}"),
    ("diag.whose-agreement", "avtale {agreement}"),
    (
        "diag.why-agreement-number",
        "hvert oppdrag under en avtale trenger sitt eget nummer",
    ),
    (
        "diag.why-shared-series",
        "betalingskrav og sletteanmodninger under en avtale deler én nummerserie (beslutning A5)",
    ),
    ("diag.window", "{earliest} til {latest}"),
    (
        "diag.zero-agreement",
        "avtale-ID 000000000: MPS gir ingen avtale den ID-en",
    ),
    (
        "diag.zero-customer-unit",
        "{field} 00000000: betalingsmottakers kundeenhet-ID er aldri bare nuller",
    ),
    (
        "diag.zero-payer",
        "{payer}: bare nuller er verken en betalerreferanse eller en konto",
    ),
    ("digits.account", "et gyldig kontonummer"),
    ("digits.corrected", "; rettet: {number}"),
    ("digits.kid", "en gyldig KID"),
    ("digits.mod-10", "10"),
    ("digits.mod-10-11", "10 og 11"),
    ("digits.mod-11", "11"),
    ("digits.not-valid", "ikke {what}: {error}{fixed}"),
    ("digits.orgnr", "et gyldig organisasjonsnummer"),
    (
        "digits.ten-digits",
        "10 sifre, ikke et kontonummer; med kontrollsifferet de krever (modulus 11): {number}",
    ),
    (
        "digits.valid-account",
        "et gyldig kontonummer ({number}, registernummer {register}; modulus 11)",
    ),
    (
        "digits.valid-kid",
        "en gyldig KID med {n} sifre (modulus {schemes})",
    ),
    (
        "digits.valid-orgnr",
        "et gyldig organisasjonsnummer ({number}; modulus 11)",
    ),
    ("digits.with-10", "{number} (etter modulus 10)"),
    ("digits.with-10-11", "{number} (modulus 10 og 11)"),
    (
        "digits.with-10-or-11",
        "{mod10} (modulus 10) eller {mod11} (modulus 11)",
    ),
    ("dir.from-mps", "fra MPS"),
    ("dir.to-mps", "til MPS"),
    (
        "err.book.assignment-taken",
        "oppdragsnummer {number} i avtale {agreement} ble brukt av {other} lest {used}; det kan brukes igjen fra {free}",
    ),
    (
        "err.book.cannot-resolve",
        "svar {answer} kan ikke knyttes til betalingskrav {claim}: {reason}",
    ),
    (
        "err.book.changed",
        "{name} ble endret mens den ble importert; ingenting er importert: importer den igjen",
    ),
    (
        "err.book.corrupt",
        "boken har data denne autogiro ikke kan lese: {error}",
    ),
    (
        "err.book.invalid",
        "{name} er ikke gyldig ({errors} feil), den første: {first}; ingenting er importert",
    ),
    (
        "err.book.newer",
        "boken har skjemaversjon {found}, nyere enn denne autogiro kjenner ({known}): bruk en nyere autogiro",
    ),
    (
        "err.book.no-book",
        "ingen bok i {path}: lag en med `autogiro book init`",
    ),
    (
        "err.book.no-such-answer",
        "ikke noe svar uten treff med nummer {id} i boken (`autogiro book status --unmatched` viser dem)",
    ),
    (
        "err.book.no-such-claim",
        "ikke noe betalingskrav {id} i boken (`autogiro book status --all` viser dem med nummer)",
    ),
    (
        "err.book.not-a-book",
        "{location} har andre tabeller ({tables}) og ingen bok: en bok trenger en egen database",
    ),
    (
        "err.book.not-empty",
        "boken det skal kopieres til er ikke tom: kopier til en ny bok",
    ),
    (
        "err.book.older",
        "boken har skjemaversjon {found}, eldre enn denne autogiros ({known}): kjør `autogiro book init` for å oppgradere den",
    ),
    (
        "err.book.other-unit-from",
        "{name} er fra MPS til kundeenhet {found}, ikke denne bokens {expected}; ingenting er importert",
    ),
    (
        "err.book.other-unit-to",
        "{name} er til MPS fra kundeenhet {found}, ikke denne bokens {expected}; ingenting er importert",
    ),
    ("err.book.storage", "bokens lager: {error}"),
    (
        "err.book.transmission-used",
        "forsendelse {number} fra kundeenhet {sender} er allerede i boken som {other}, en annen fil: et forsendelsesnummer brukes én gang",
    ),
    (
        "err.book.unreadable",
        "kan ikke lese {name}: {message}; ingenting er importert",
    ),
    ("err.io", "{what} {path}: {error}"),
    ("err.journal", "{path}:{line}: {message}"),
    (
        "err.payee.changed-downloading",
        "listet med {listed} byte, {downloaded} byte lastet ned: den ble endret på serveren imens; ikke hentet",
    ),
    (
        "err.payee.no-book",
        "ingen bok: den daglige kjøringen importerer MPS' svar i den ([book] path i autogiro.toml, eller --book)",
    ),
    (
        "err.payee.no-book-for-numbers",
        "oppgi --transmission og --assignment, eller sett opp en bok ([book] path i autogiro.toml, eller --book) å ta dem fra",
    ),
    ("err.payee.no-start", "{path}: begynner ikke med post 10"),
    (
        "err.payee.no-transfer",
        "ingen [transfer] i innstillingene: host, user, known_hosts, outbox, inbox og archive trengs (se autogiro config check)",
    ),
    (
        "err.payee.not-recorded",
        "{file}: sendt, men ikke registrert i boken: {error}",
    ),
    (
        "err.payee.unknown-host-key",
        "{error} (--accept-new-host-key lagrer den)",
    ),
    ("err.payee.unreadable", "{path}: {message}"),
    ("err.settings.invalid", "{path}: {message}"),
    ("err.settings.io", "kan ikke lese {path}: {error}"),
    (
        "err.settings.not-found",
        "ingen innstillinger: oppgi --config STI eller legg en {file} i gjeldende mappe",
    ),
    ("err.sftp.agent", "kan ikke bruke ssh-agent: {reason}"),
    (
        "err.sftp.auth-refused",
        "{host} avviste autentisering av {user} med {offered}",
    ),
    (
        "err.sftp.disk-full",
        "den lokale disken er full: kan ikke skrive {file}",
    ),
    (
        "err.sftp.host-key-changed",
        "vertsnøkkelen til {host}:{port} er endret: {file} linje {line} forventer {expected}, serveren viste {found}; har MPS varslet en ny nøkkel, bytt ut den linjen",
    ),
    (
        "err.sftp.key",
        "kan ikke bruke den private nøkkelen {file}: {reason}",
    ),
    ("err.sftp.known-hosts", "kan ikke bruke {file}: {reason}"),
    ("err.sftp.local", "{file}: {error}"),
    (
        "err.sftp.local-exists",
        "{file} finnes allerede: ingenting er overskrevet",
    ),
    (
        "err.sftp.lost",
        "forbindelsen til {host}:{port} ble brutt {attempts} gang(er) under {what}: {reason}",
    ),
    (
        "err.sftp.maybe-sent",
        "forbindelsen ble brutt mens {path} fikk sitt endelige navn, og filen ligger ikke lenger på serveren: MPS kan ha tatt den; se i MPS' kvittering før du sender den igjen",
    ),
    (
        "err.sftp.no-sftp",
        "{host} avviste å starte SFTP for {user}: kontoen har ikke SFTP-tilgang; be MPS sjekke den",
    ),
    (
        "err.sftp.no-such-directory",
        "ingen slik mappe på serveren: {dir}",
    ),
    (
        "err.sftp.no-such-file",
        "ingen slik fil på serveren: {path}",
    ),
    (
        "err.sftp.permission-denied",
        "ingen tilgang på serveren: {what} {path}",
    ),
    (
        "err.sftp.remote",
        "serveren avviste {what} {path}: {message}",
    ),
    (
        "err.sftp.remote-exists",
        "{path} ligger allerede på serveren: ingenting er overskrevet",
    ),
    (
        "err.sftp.size-mismatch",
        "{path}: {expected} byte sendt, {found} byte kom fram",
    ),
    (
        "err.sftp.unknown-host-key",
        "vertsnøkkelen til {host}:{port} ({fingerprint}) finnes ikke i {file}: sammenlign fingeravtrykket med det MPS ga deg, og godta den én gang",
    ),
    (
        "err.sftp.unreachable",
        "kan ikke nå {host}:{port}: {reason}",
    ),
    ("event.already-in-book", "allerede i boken"),
    ("event.book-already", "; boken hadde den"),
    ("event.book-recorded", "; registrert i boken"),
    (
        "event.changed",
        "endret på serveren siden den ble hentet ({then} byte da, {now} nå); ligger igjen der, neste henting tar den",
    ),
    ("event.confirmed", "registrert som sendt som {remote}{book}"),
    ("event.failed", "{error}; ligger igjen på serveren"),
    ("event.fetched", "hentet til {file}"),
    ("event.fetched-before", "hentet før, i {file}"),
    (
        "event.fetched-invalid",
        "{errors} feil (autogiro validate {file} viser dem); ikke importert, ligger igjen på serveren",
    ),
    (
        "event.found-sent",
        "funnet sendt, av en kjøring som stoppet før den sa det, som {remote} ({size} byte){book}",
    ),
    (
        "event.from-mps",
        "ikke sendt: en fil fra MPS, ikke en til MPS",
    ),
    (
        "event.host-key",
        "{host}:{port}: vertsnøkkelen {fingerprint} er lagret i {file}",
    ),
    (
        "event.imported",
        "importert: {claims} betalingskrav, {answered} svar, {mandates} fullmakt(er)",
    ),
    ("event.inbox-empty", "innboks {inbox}: ingenting å hente"),
    (
        "event.invalid",
        "ikke sendt: {errors} feil, den første: {first} (autogiro validate {file} viser alle)",
    ),
    ("event.lines", "{first}\n{rest}"),
    (
        "event.maybe-sent",
        "ikke sendt: den kan allerede ha nådd MPS: den var i ferd med å få navnet {remote} da forbindelsen ble brutt eller kjøringen stoppet, og den ligger ikke lenger på serveren. Se i MPS' kvittering etter forsendelse {transmission} fra dataavsender {sender}: kom den fram, registrerer `autogiro transfer confirm {file}` den som sendt; hvis ikke, sender `autogiro send --resend {file}` den",
    ),
    (
        "event.not-imported",
        "ikke importert: {error}; ligger igjen på serveren",
    ),
    (
        "event.not-ours",
        "fra dataavsender {sender} til datamottaker {recipient}, ikke fra MPS ({mps}) til denne betalingsmottakeren ({unit}); ikke importert, ligger igjen på serveren",
    ),
    (
        "event.nothing-to-confirm",
        "ingenting å bekrefte: ingen kjøring stoppet mens den ga denne filen nytt navn på serveren",
    ),
    ("event.of", "{name}: {what}"),
    (
        "event.on-server",
        "ikke sendt: {remote} ligger allerede på serveren, ennå ikke hentet av MPS",
    ),
    (
        "event.other-on-server",
        "ikke sendt: {remote} ligger på serveren med {found} byte, ikke denne filens {expected}",
    ),
    (
        "event.recorded-now",
        "sendt tidligere som {earlier} av en kjøring som stoppet; nå i boken",
    ),
    (
        "event.refused-name",
        "{name}: ikke hentet: {why}; ligger igjen på serveren",
    ),
    (
        "event.rejections",
        "ikke sendt: boken forventer {n} avvisning(er) fra MPS (listet over, slik `autogiro book check` lister dem); rett dem, eller send med --accept-rejections",
    ),
    ("event.sent", "sendt som {remote} ({size} byte){book}"),
    (
        "event.sent-before",
        "ikke sendt: sendt før som {earlier}, med samme innhold eller forsendelsesnummer {transmission} fra dataavsender {sender}; --resend sender den igjen",
    ),
    (
        "event.sent-finished",
        "sendt (den forrige kjøringen stoppet før navnebyttet) som {remote} ({size} byte){book}",
    ),
    (
        "event.waiting",
        "{lock}: en annen sending eller henting kjører; venter på den",
    ),
    (
        "event.would-confirm",
        "ville blitt registrert som sendt som {remote}",
    ),
    ("event.would-fetch", "ville blitt hentet ({size} byte)"),
    (
        "event.would-resume",
        "en tidligere kjøring stoppet mens den ga filen navnet {remote} på serveren: send ser der først og laster ikke opp noe to ganger",
    ),
    (
        "event.would-send",
        "ville blitt sendt som {remote} ({size} byte)",
    ),
    (
        "help.--accept_new_host_key",
        "Lagre serverens nøkkel i `known_hosts` når den ikke har noen for serveren (som OpenSSHs accept-new). Sammenlign fingeravtrykket som skrives med det MPS ga først. En endret nøkkel avvises alltid",
    ),
    (
        "help.--assignment",
        "Oppdragsnummeret til det første oppdraget (post 20); flere avtaler tar de neste numrene. Standard: de neste fra boken",
    ),
    ("help.--edition", "Utgaven av spesifikasjonen"),
    ("help.--force", "Skriv over utfilen når den finnes"),
    ("help.--help", "Vis hjelp (se mer med '--help')"),
    ("help.--help.long", "Vis hjelp (se et sammendrag med '-h')"),
    (
        "help.--input",
        "Tabellen: .csv (`,` eller `;`, UTF-8 eller Windows-1252), .json (en liste av objekter) eller .xlsx (det første arket); `-` for CSV på standard inn",
    ),
    (
        "help.--output",
        "Skriv til denne filen i stedet for standard ut (gjennom en midlertidig fil, gitt nytt navn på plass)",
    ),
    ("help.--reference", "Fullmaktens betalerreferanse"),
    (
        "help.--transmission",
        "Forsendelsesnummeret (post 10): betalingsmottakerens egen nummerering. Standard: det neste fra boken, som registrerer filen som forberedt",
    ),
    ("help.--version", "Vis versjon"),
    (
        "help.autogiro",
        "Kommandoen `autogiro` for de norske Autogiro-filene til Mastercard Payment Services: kontroller, se inn i, lag fra fakturadata, før betalingsmottakerens bok, konverter, simuler.",
    ),
    (
        "help.autogiro.--book",
        "Betalingsmottakerens bok: en SQLite-fil, eller en `postgres://`-URL (standard: `[book]` i innstillingene)",
    ),
    (
        "help.autogiro.--color",
        "Når utdata skal fargelegges: `auto` (en terminal, med mindre `NO_COLOR` er satt), `always`, `never`",
    ),
    (
        "help.autogiro.--config",
        "Betalingsmottakerens innstillinger (standard: ./autogiro.toml)",
    ),
    (
        "help.autogiro.--lang",
        "Språket for diagnosene, sammendragene og rapporten: `nb` (bokmål; også `no` og `nn`) eller `en`; standard: lokalets (`LC_ALL`, `LC_MESSAGES`, `LANG`), ellers engelsk. Koder, JSON-nøkler og nivåene `error` og `warning` forblir som de er",
    ),
    (
        "help.autogiro.after",
        "Avslutningskoder: 0 vellykket (en fil uten feil); 1 en fil med feil, en fil som ikke er kanonisk, betalingskrav MPS ville avvist, noe simulatoren avviste; 2 et bruks- eller I/O-problem (en fil som ikke kan leses); 3 svar fra MPS importert i boken som ikke passet med noe betalingskrav (tatt vare på: `book status --unmatched`).",
    ),
    (
        "help.autogiro.book",
        "Betalingsmottakerens bok: hva som ble sendt, hva MPS svarte, hva som er utestående",
    ),
    (
        "help.autogiro.book.check",
        "Før sending: hvilke betalingskrav i filen MPS ville avvist, og hvorfor. Avslutter med 1 når noen ville blitt det",
    ),
    (
        "help.autogiro.book.check.--date",
        "Dagen MPS vil lese den (ÅÅÅÅ-MM-DD); standard: i dag",
    ),
    ("help.autogiro.book.check.--file", "En fil til MPS"),
    (
        "help.autogiro.book.copy",
        "Kopierer en hel bok til en ny, SQLite og PostgreSQL begge veier; begge eksporterer deretter samme dokument",
    ),
    (
        "help.autogiro.book.copy.--from",
        "Boken som skal kopieres: en SQLite-fil eller en `postgres://`-URL",
    ),
    (
        "help.autogiro.book.copy.--to",
        "Boken som skal lages: en ny SQLite-fil eller en tom PostgreSQL-database",
    ),
    (
        "help.autogiro.book.export",
        "Alt i boken som JSON, for sikkerhetskopi og for flytting til et annet lager",
    ),
    ("help.autogiro.book.export.--format", "Formen (JSON)"),
    (
        "help.autogiro.book.import",
        "Importer filer sendt (eller som skal sendes) til MPS, og filer fra MPS: svarene kobles til de sendte betalingskravene. Samme fil to ganger endrer ingenting; en fil med feil, eller fra en annen kundeenhet enn innstillingenes, avvises",
    ),
    ("help.autogiro.book.import.--files", "Filene"),
    (
        "help.autogiro.book.import.--today",
        "Dagen MPS leser de sendte filene (ÅÅÅÅ-MM-DD); standard: i dag",
    ),
    (
        "help.autogiro.book.import.long",
        "Importer filer sendt (eller som skal sendes) til MPS, og filer fra MPS: svarene kobles til de sendte betalingskravene. Samme fil to ganger endrer ingenting; en fil med feil, eller fra en annen kundeenhet enn innstillingenes, avvises.\n\nAvslutter med 0 når alt ble importert og koblet; 3 når svar ikke passet med noe betalingskrav (de tas vare på i boken og prøves igjen ved hver import: `book status --unmatched`); 1 når en fil ble avvist (de andre importeres likevel).",
    ),
    (
        "help.autogiro.book.init",
        "Lag boken (eller oppgrader en eksisterende til denne versjonen)",
    ),
    (
        "help.autogiro.book.mandates",
        "Fullmaktene boken kjenner, også slettede, hver med sin tilstand på dagen: sendt (ennå ikke bekreftet), ventende (før første dag den kan belastes), aktiv, sperret, utløpt, slettet",
    ),
    (
        "help.autogiro.book.mandates.--format",
        "Hvordan det skrives",
    ),
    (
        "help.autogiro.book.mandates.--today",
        "Dagen (ÅÅÅÅ-MM-DD); standard: i dag",
    ),
    (
        "help.autogiro.book.report",
        "En måned i boken som én HTML-side å se på eller skrive ut (A4): betalingskrav per måned etter tilstand, månedens avvisninger etter kode med hva hver betyr og hva som bør gjøres, beløpsgrenser nær taket, fullmakter registrert og slettet, betalingskrav utestående etter svarfristen, svar ingen kunne koble. Selvstendig: ingen skript, ingenting hentet fra andre steder",
    ),
    (
        "help.autogiro.book.report.--month",
        "Måneden (ÅÅÅÅ-MM); standard: måneden i dag",
    ),
    (
        "help.autogiro.book.report.--today",
        "Dagen rapporten lages (ÅÅÅÅ-MM-DD): det utestående er per den dagen; standard: i dag",
    ),
    (
        "help.autogiro.book.resolve",
        "For hånd: `SVAR --claim KRAV` knytter et svar uten treff (`book status --unmatched`) til et betalingskrav i samme avtale og med samme beløp som ennå ikke har endelig svar; `KRAV --handled HVORFOR` lukker et avvist eller utestående betalingskrav som er gjort opp på annen måte (tatt vare på, med dagen, `$USER` og hvorfor, og telt som behandlet)",
    ),
    (
        "help.autogiro.book.resolve.--claim",
        "Betalingskravet svaret gjelder (`book status --all` lister betalingskravene med nummer)",
    ),
    (
        "help.autogiro.book.resolve.--handled",
        "Hvorfor betalingskravet lukkes for hånd",
    ),
    (
        "help.autogiro.book.resolve.--id",
        "Svarets nummer (med `--claim`), eller betalingskravets (med `--handled`)",
    ),
    (
        "help.autogiro.book.resolve.--today",
        "Dagen det lukkes (ÅÅÅÅ-MM-DD); standard: i dag",
    ),
    (
        "help.autogiro.book.status",
        "Betalingskrav etter tilstand, med antall og summer; `--outstanding`, `--rejected`, `--settled` eller `--all` lister dem",
    ),
    (
        "help.autogiro.book.status.--all",
        "List hvert betalingskrav",
    ),
    ("help.autogiro.book.status.--format", "Hvordan det skrives"),
    (
        "help.autogiro.book.status.--handled",
        "List betalingskravene som er lukket for hånd, med hvem, når og hvorfor",
    ),
    (
        "help.autogiro.book.status.--outstanding",
        "List betalingskravene uten svar innen behandlingsdatoen + 3 virkedager",
    ),
    (
        "help.autogiro.book.status.--payments",
        "List OCR giro-innbetalingene som er mottatt (en KID hver, og AvtaleGiro-betalingskravet en belastning gjør opp): hvilke fakturaer som ble betalt med giro",
    ),
    (
        "help.autogiro.book.status.--rejected",
        "List betalingskravene MPS avviste, med årsaken",
    ),
    (
        "help.autogiro.book.status.--settled",
        "List betalingskravene MPS belastet",
    ),
    (
        "help.autogiro.book.status.--since",
        "Bare betalingskrav behandlet (eller med forfall) på eller etter denne dagen: antallene, de utestående og betalingskravene som listes",
    ),
    (
        "help.autogiro.book.status.--today",
        "Dagen utestående betalingskrav telles (ÅÅÅÅ-MM-DD); standard: i dag",
    ),
    (
        "help.autogiro.book.status.--unmatched",
        "List svarene fra MPS som ikke passer med noe betalingskrav, tatt vare på i boken (hvert med nummeret `book resolve` tar)",
    ),
    (
        "help.autogiro.completions",
        "Skallkomplettering for bash, zsh, fish eller PowerShell, på standard ut",
    ),
    ("help.autogiro.completions.--shell", "Skallet"),
    (
        "help.autogiro.config",
        "Betalingsmottakerens innstillingsfil, autogiro.toml",
    ),
    (
        "help.autogiro.config.check",
        "Kontroller innstillingene og skriv hva de sier",
    ),
    (
        "help.autogiro.convert",
        "Konverter mellom fastbreddefilen (OCR), JSON (modellens form) og CSV (betalingskrav)",
    ),
    (
        "help.autogiro.convert.--dialect",
        "CSV-dialekten: enkel (`,`, desimalpunktum, UTF-8, LF), eller norsk Excel (`;`, desimalkomma, UTF-8 med BOM, CRLF, identifikatorer beholdt som tekst)",
    ),
    (
        "help.autogiro.convert.--file",
        "Filen: fastbredde, eller JSON når navnet slutter på `.json` eller innholdet begynner med `{`",
    ),
    (
        "help.autogiro.convert.--kid",
        "Hvilke KID-kontrollsifre som er gyldige",
    ),
    ("help.autogiro.convert.--to", "Formen som skal skrives"),
    (
        "help.autogiro.convert.--today",
        "Datoen filen leses (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer og for tosifrede årstall; standard: i dag",
    ),
    (
        "help.autogiro.daily",
        "Den daglige kjøringen, for en tidsplan: hent og importer MPS' svar (som `fetch`), send hver fil i `[transfer] outgoing`-mappen som boken ikke har som sendt (som `send`), og meld det som trenger en person: avvisninger, svar uten treff, endrede fullmakter, betalingskrav utestående etter svarfristen. Avslutter med 0: ingenting å se på; 1: noe å se på (listet); 2: kjøringen feilet",
    ),
    (
        "help.autogiro.daily.--dry_run",
        "Si hva som ville blitt hentet og sendt; endre ingenting",
    ),
    (
        "help.autogiro.daily.--kid",
        "Hvilke KID-kontrollsifre som er gyldige",
    ),
    (
        "help.autogiro.daily.--today",
        "Datoen filen leses (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer og for tosifrede årstall; standard: i dag",
    ),
    (
        "help.autogiro.digits",
        "Om et kontonummer, en KID eller et organisasjonsnummer er gyldig, og hva kontrollsifferet skal være. Avslutter med 0 når hvert nummer er gyldig, 1 når ett ikke er det",
    ),
    ("help.autogiro.digits.--kind", "Slaget nummer"),
    (
        "help.autogiro.digits.--numbers",
        "Numrene (mellomrom eller punktum mellom gruppene tillatt: `1234.56.78903`)",
    ),
    (
        "help.autogiro.fetch",
        "Hent MPS' svar over SFTP: hver fil i innboksen som ikke er hentet før lastes ned til arkivet (synkronisert, så gitt nytt navn), kontrolleres, importeres i boken når en er satt opp, og fjernes først da fra serveren. Kjøres den igjen etter et krasj, henter og importerer den ingenting to ganger",
    ),
    (
        "help.autogiro.fetch.--dry_run",
        "List hva som ville blitt hentet; last ikke ned og fjern ingenting",
    ),
    (
        "help.autogiro.fetch.--keep_remote",
        "La filene ligge på serveren (de hentes ikke igjen)",
    ),
    (
        "help.autogiro.fetch.--kid",
        "Hvilke KID-kontrollsifre som er gyldige",
    ),
    (
        "help.autogiro.fetch.--today",
        "Datoen filen leses (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer og for tosifrede årstall; standard: i dag",
    ),
    (
        "help.autogiro.fmt",
        "Skriv en fil kanonisk på nytt: hver post kodet på nytt, CRLF-linjeskift (eller LF), et linjeskift etter siste post, ingen tomme linjer til slutt",
    ),
    (
        "help.autogiro.fmt.--check",
        "Skriv ingenting; avslutter med 1 når filen ikke er kanonisk",
    ),
    ("help.autogiro.fmt.--file", "Filen (`-` for standard inn)"),
    (
        "help.autogiro.fmt.--lf",
        "Bruk LF-linjeskift i stedet for CRLF",
    ),
    (
        "help.autogiro.inspect",
        "Oppsummer en fil: retning, parter, hvert oppdrag med antall, summer og datoer, avvisninger etter feilkode, fullmakter etter registreringstype",
    ),
    (
        "help.autogiro.inspect.--file",
        "Filen (`-` for standard inn)",
    ),
    (
        "help.autogiro.inspect.--kid",
        "Hvilke KID-kontrollsifre som er gyldige",
    ),
    (
        "help.autogiro.inspect.--today",
        "Datoen filen leses (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer og for tosifrede årstall; standard: i dag",
    ),
    (
        "help.autogiro.new",
        "Lag en fil til MPS fra en tabell med fakturadata (CSV, JSON eller .xlsx): betalingskrav (Autogiros eller AvtaleGiros), AvtaleGiro-sletteanmodninger, eller fullmakter. Hvert problem i hver rad meldes før noe skrives; det som skrives er gyldig etter hver regel",
    ),
    (
        "help.autogiro.new.cancellations",
        "AvtaleGiro-sletteanmodninger for sendte betalingskrav: kolonnene `amount`, `due_date`, `kid` slik betalingskravet hadde dem, og eventuelt `short_name`, `foreign_reference`, `agreement`",
    ),
    (
        "help.autogiro.new.cancellations.--format",
        "Hvordan problemene skrives: én linje hver, eller JSON-linjer (file, row, column, code, message)",
    ),
    (
        "help.autogiro.new.cancellations.--today",
        "Datoen filen vil bli lest (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer; standard: i dag",
    ),
    (
        "help.autogiro.new.claims",
        "Betalingskrav fra fakturarader: kolonnene `payer_reference`, `amount`, `due_date`, `short_name`, og eventuelt `kid`, `own_reference`, `foreign_reference`, `specification`, `replaces`, `agreement` (docs/columns.md: hver kolonnes form og regler). Med `--service avtalegiro`, AvtaleGiro-betalingskrav: `amount`, `due_date`, `kid`, `short_name`, og eventuelt `foreign_reference`, `specification`, `agreement`",
    ),
    (
        "help.autogiro.new.claims.--format",
        "Hvordan problemene skrives: én linje hver, eller JSON-linjer (file, row, column, code, message)",
    ),
    (
        "help.autogiro.new.claims.--service",
        "Betalingskravenes tjeneste: Autogiros, eller AvtaleGiros (for innstillingenes avtaler med `service = \"avtalegiro\"`)",
    ),
    (
        "help.autogiro.new.claims.--today",
        "Datoen filen vil bli lest (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer; standard: i dag",
    ),
    (
        "help.autogiro.new.mandates",
        "Fullmakter fra rader: kolonnene `registration`, `account`; for å registrere eller endre, `name`, `postal_code`, `postal_town`, `organisation_number`, `signatory`, `signatory_birth_date`; eventuelt `payer_reference`, `period`, `limit`, `valid_from`, `valid_to`, `address1`, `address2`, `country_code`, `agreement` (docs/columns.md)",
    ),
    (
        "help.autogiro.new.mandates.--format",
        "Hvordan problemene skrives: én linje hver, eller JSON-linjer (file, row, column, code, message)",
    ),
    (
        "help.autogiro.new.mandates.--today",
        "Datoen filen vil bli lest (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer; standard: i dag",
    ),
    (
        "help.autogiro.send",
        "Send filer til MPS over SFTP: hver kontrollert (en ugyldig fil sendes ikke), avvist når den er sendt før (samme innhold eller forsendelsesnummer) uten --resend, lastet opp under et midlertidig navn og gitt nytt navn når den er komplett (navnebyttet journalført først: en fil som en tidligere kjøring kan ha gitt nytt navn letes etter på serveren, aldri lastet opp to ganger), så registrert i overføringsjournalen og boken",
    ),
    (
        "help.autogiro.send.--accept_rejections",
        "Send en fil selv når boken forventer at MPS avviser noen av betalingskravene (slik `book check` lister dem)",
    ),
    (
        "help.autogiro.send.--dry_run",
        "Kontroller hver fil og si hvor den ville gått; koble ikke til noe",
    ),
    ("help.autogiro.send.--files", "Filene til MPS"),
    (
        "help.autogiro.send.--kid",
        "Hvilke KID-kontrollsifre som er gyldige",
    ),
    (
        "help.autogiro.send.--resend",
        "Send en fil selv om den er sendt før",
    ),
    (
        "help.autogiro.send.--today",
        "Datoen filen leses (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer og for tosifrede årstall; standard: i dag",
    ),
    (
        "help.autogiro.simulate",
        "Kjør MPS-simulatoren: oppdater fullmaktsregisteret fra filens fullmakter, belast eller avvis betalingskravene, og skriv filen MPS ville sendt tilbake",
    ),
    (
        "help.autogiro.simulate.--date",
        "Datoen MPS leser filen (ÅÅÅÅ-MM-DD)",
    ),
    (
        "help.autogiro.simulate.--file",
        "En fil til MPS. Uten en sendes svarene som er holdt tilbake til senere dager (`--until`) og som forfaller innen `--date`",
    ),
    (
        "help.autogiro.simulate.--state",
        "Simulatorens tilstand (register, belastninger, numre, svar) som JSON; lages når den mangler. Kjøringer på samme tilstand venter på tur (en lås ved siden av den)",
    ),
    (
        "help.autogiro.simulate.--until",
        "Svar bare på betalingskravene som behandles innen denne dagen (ÅÅÅÅ-MM-DD); resten holdes i tilstanden, og en senere kjøring uten FIL og med den dagens --date sender dem, slik MPS ville gjort. Som standard gis hele svaret med en gang",
    ),
    (
        "help.autogiro.simulate.block",
        "Betalerens bank sperrer en fullmakt: MPS avviser betalingskravene med 133 på de dagene",
    ),
    ("help.autogiro.simulate.block.--agreement", "Avtalens ID"),
    (
        "help.autogiro.simulate.block.--from",
        "Første sperrede dag (ÅÅÅÅ-MM-DD)",
    ),
    (
        "help.autogiro.simulate.block.--state",
        "Simulatorens tilstand",
    ),
    (
        "help.autogiro.simulate.block.--to",
        "Siste sperrede dag; standard: til sperren oppheves",
    ),
    (
        "help.autogiro.simulate.sign-up",
        "En betaler melder seg på AvtaleGiro i nettbanken med en KID: MPS lister avtalen til betalingsmottakeren i neste svar, og belaster avtalens betalingskrav med den KID-en (som OCR giro-innbetalinger av type 15) fra da av. Betalingsmottakeren og avtalen er innstillingenes (`--config`)",
    ),
    (
        "help.autogiro.simulate.sign-up.--agreement",
        "AvtaleGiro-avtalens ID; standard: innstillingenes eneste AvtaleGiro-avtale",
    ),
    (
        "help.autogiro.simulate.sign-up.--kid",
        "KID-en betaleren melder seg på med",
    ),
    (
        "help.autogiro.simulate.sign-up.--state",
        "Simulatorens tilstand",
    ),
    (
        "help.autogiro.simulate.sign-up.--written_notice",
        "Betaleren ønsker skriftlig varsel om hvert betalingskrav",
    ),
    ("help.autogiro.simulate.unblock", "Opphever en sperre"),
    ("help.autogiro.simulate.unblock.--agreement", "Avtalens ID"),
    (
        "help.autogiro.simulate.unblock.--state",
        "Simulatorens tilstand",
    ),
    (
        "help.autogiro.transfer",
        "SFTP-kontoen hos MPS (`[transfer]` i innstillingene)",
    ),
    (
        "help.autogiro.transfer.confirm",
        "Registrer som sendt filer som en `send` stoppet midt i mens den ga dem nytt navn på serveren, når MPS' kvittering viser at de kom fram (`send` sier når dette trengs). Kobler ikke til noe",
    ),
    (
        "help.autogiro.transfer.confirm.--dry_run",
        "Si hva som ville blitt registrert; registrer ingenting",
    ),
    (
        "help.autogiro.transfer.confirm.--files",
        "Filene MPS' kvittering viser",
    ),
    (
        "help.autogiro.transfer.confirm.--kid",
        "Hvilke KID-kontrollsifre som er gyldige",
    ),
    (
        "help.autogiro.transfer.confirm.--today",
        "Datoen filen leses (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer og for tosifrede årstall; standard: i dag",
    ),
    (
        "help.autogiro.transfer.test",
        "Koble til, autentiser, list utboksen og innboksen, skriv serverens nøkkelfingeravtrykk: tilkoblingstesten MPS kjører med hver kunde",
    ),
    (
        "help.autogiro.validate",
        "Kontroller hver regel i spesifikasjonen, strømmende; skriv hvert problem med linje, kolonner og felt. Avslutter med 0 når alt er i orden, 1 ved feil, 2 når en fil ikke kan leses (de andre kontrolleres likevel)",
    ),
    (
        "help.autogiro.validate.--files",
        "Filer som skal kontrolleres (`-` for standard inn); en mappe kontrollerer hver fil i den, i navnerekkefølge",
    ),
    (
        "help.autogiro.validate.--format",
        "Hvordan diagnosene skrives: som rustc, eller JSON-linjer (hver fil slutter med et sammendragsobjekt: file, errors, warnings, valid)",
    ),
    (
        "help.autogiro.validate.--kid",
        "Hvilke KID-kontrollsifre som er gyldige",
    ),
    (
        "help.autogiro.validate.--max_errors",
        "Skriv høyst N diagnoser per fil; resten telles, og sammendraget sier hvor mange som ikke ble vist",
    ),
    (
        "help.autogiro.validate.--quiet",
        "Skriv bare feil: ingen advarsler, ingenting for en gyldig fil",
    ),
    (
        "help.autogiro.validate.--today",
        "Datoen filen leses (ÅÅÅÅ-MM-DD), for 12-månedersvinduet for forfallsdatoer og for tosifrede årstall; standard: i dag",
    ),
    ("help.heading.arguments", "Argumenter"),
    ("help.heading.commands", "Kommandoer"),
    ("help.heading.options", "Valg"),
    ("help.heading.usage", "Bruk"),
    (
        "help.help-command",
        "Vis denne meldingen eller hjelpen til de gitte underkommandoene",
    ),
    (
        "inspect.assignment",
        "oppdrag {index}: {kind}, avtale {agreement}, nummer {number}, konto {account}",
    ),
    (
        "inspect.assignment-of-account",
        "oppdrag {index}: {kind}, nummer {number}, konto {account}",
    ),
    ("inspect.cancellations.one", "{n} sletteanmodning"),
    ("inspect.cancellations.other", "{n} sletteanmodninger"),
    ("inspect.claims.one", "{n} betalingskrav"),
    ("inspect.claims.other", "{n} betalingskrav"),
    ("inspect.credits", " minus kreditering på {credit} kr"),
    ("inspect.dates", "{first} til {last}"),
    ("inspect.due", "{items}, {sum} kr, forfall {dates}"),
    (
        "inspect.errors",
        "{errors} feil, {warnings} advarsel(er): sammendraget viser det som kunne leses; kjør `autogiro validate` for detaljene",
    ),
    (
        "inspect.from-mps",
        "fra MPS til kundeenhet {recipient}, laget {generated}",
    ),
    (
        "inspect.from-mps-undated",
        "fra MPS til kundeenhet {recipient}, udatert",
    ),
    (
        "inspect.mandates",
        "{mandates}: {kinds}; {standard} standard, {simplified} forenklet; beløpsgrenser {sum} kr",
    ),
    ("inspect.mandates.one", "{n} fullmakt"),
    ("inspect.mandates.other", "{n} fullmakter"),
    ("inspect.no-dates", "ingen"),
    ("inspect.not-listed", "ikke oppført i spesifikasjon 3.9"),
    ("inspect.payments.one", "{n} innbetaling"),
    ("inspect.payments.other", "{n} innbetalinger"),
    ("inspect.processed", "{items}, {sum} kr, behandlet {dates}"),
    ("inspect.reg.changed", "{n} endret"),
    ("inspect.reg.deleted", "{n} slettet"),
    ("inspect.reg.listed", "{n} oppført"),
    ("inspect.reg.new-or-changed.one", "{n} ny eller endret"),
    ("inspect.reg.new-or-changed.other", "{n} nye eller endrede"),
    ("inspect.reg.new.one", "{n} ny"),
    ("inspect.reg.new.other", "{n} nye"),
    ("inspect.rejection", "{code} {meaning}: {claims}, {sum} kr"),
    (
        "inspect.settled",
        "{items}, {sum} kr{extra}, oppgjort {dates}",
    ),
    (
        "inspect.specification",
        "{claims} med spesifikasjonslinjer ({lines} linjer)",
    ),
    ("inspect.to-mps", "til MPS fra kundeenhet {sender}"),
    ("inspect.transmission", "forsendelse {number} {direction}"),
    ("inspect.valid", "gyldig"),
    (
        "inspect.valid-warnings",
        "gyldig, {warnings} advarsel(er): kjør `autogiro validate` for detaljene",
    ),
    ("io.lock", "kan ikke låse"),
    ("io.make-folder", "kan ikke lage mappen"),
    ("io.move", "kan ikke flytte"),
    ("io.read", "kan ikke lese"),
    ("io.read-folder", "kan ikke lese mappen"),
    ("io.read-made", "kan ikke lese filen som ble laget"),
    ("io.remove", "kan ikke fjerne"),
    ("io.repair", "kan ikke reparere"),
    ("io.write", "kan ikke skrive"),
    (
        "kind.avtalegiro-cancellations",
        "AvtaleGiro-sletteanmodninger",
    ),
    ("kind.avtalegiro-claims", "AvtaleGiro-betalingskrav"),
    ("kind.avtalegiro-mandates", "AvtaleGiro-avtaler"),
    ("kind.claims", "betalingskrav"),
    ("kind.mandates", "fullmakter"),
    ("kind.ocr-giro", "OCR giro-innbetalinger"),
    ("kind.rejected", "avviste betalingskrav"),
    ("kind.settled", "belastede betalingskrav"),
    ("kind.typed", "{kind} (typekode {type})"),
    ("kind.unknown", "ukjent type"),
    ("ledger.account-not-found", "betalerens konto finnes ikke"),
    (
        "ledger.blocked",
        "fullmakten er sperret fra {from} til {to}",
    ),
    ("ledger.expired", "fullmakten opphørte {date}"),
    (
        "ledger.limit",
        "beløpsgrense {limit} kr for perioden: {used} brukt, {requested} krevd",
    ),
    ("ledger.not-found", "ingen fullmakt for betalerreferansen"),
    (
        "ledger.not-yet-active",
        "fullmakten kan belastes fra {date}",
    ),
    ("ledger.open", "åpent"),
    (
        "ledger.rejected-by-bank",
        "betalerens bank avviste belastningen",
    ),
    ("list.and", "{init} og {last}"),
    ("make.cannot-write", "kan ikke skrive filen: {error}"),
    (
        "make.due-date-window",
        "{due} er mer enn 12 måneder fra dagen filen leses (forventet {first} til {last})",
    ),
    (
        "make.invalid",
        "ingenting er skrevet: filen ville ikke blitt godkjent",
    ),
    (
        "make.made",
        "forsendelse {transmission}, {assignments} oppdrag, {count} {what}",
    ),
    (
        "make.made-sum",
        "forsendelse {transmission}, {assignments} oppdrag, {count} {what}, {sum} kr",
    ),
    (
        "make.no-agreement",
        "innstillingene har ingen {service}-avtale: legg til en [[agreement]]-tabell i autogiro.toml",
    ),
    (
        "make.no-agreement-giro",
        "innstillingene har ingen {service}-avtale: legg til en [[agreement]]-tabell med service = \"avtalegiro\" i autogiro.toml",
    ),
    (
        "make.no-book",
        "et betalingskrav som sendes på nytt registreres i boken: sett opp en ([book] i autogiro.toml, eller --book)",
    ),
    ("make.no-rows", "ingen rader; ingenting er skrevet"),
    (
        "make.own-reference-row",
        "{own} er også egenreferansen til rad {row}: MPS' svar på de to kan bare skilles ved betaler, beløp og dato",
    ),
    (
        "make.own-reference-waiting",
        "{own} er egenreferansen til et betalingskrav som fortsatt venter på svar fra MPS (`autogiro book status --all`): MPS' svar på de to kan bare skilles ved betaler, beløp og dato",
    ),
    ("make.problems", "{n} feil i radene; ingenting er skrevet"),
    (
        "make.several-agreements",
        "påkrevd: innstillingene har flere {service}-avtaler",
    ),
    (
        "make.unknown-agreement",
        "avtale {id} finnes ikke i innstillingene ([[agreement]]-tabellene i autogiro.toml)",
    ),
    ("make.what.avtalegiro-claims", "AvtaleGiro-betalingskrav"),
    ("make.what.cancellations", "sletteanmodninger"),
    ("make.what.claims", "betalingskrav"),
    ("make.what.mandates", "fullmakter"),
    ("make.writer-lost", "skriveren gikk tapt"),
    (
        "make.wrong-service",
        "avtale {id} er en {service}-avtale i innstillingene: disse radene hører til en med service = \"{wanted}\"",
    ),
    ("new.file-made", "filen som ble laget"),
    ("page.before-3-9", "før 3.9"),
    ("page.choose", "Velg en fil, eller slipp den her"),
    ("page.download", "Last ned funnene:"),
    ("page.edition", "Utgave av spesifikasjonen"),
    ("page.errors", "feil"),
    ("page.failed", "Filen kunne ikke kontrolleres: {message}"),
    ("page.field", "felt"),
    (
        "page.footer",
        "autogiro-rs: norske Autogiro-filer fra Mastercard Payment Services (tidligere Nets), systemspesifikasjon 3.9.",
    ),
    (
        "page.invalid",
        "{name}: {errors}, {warnings} (kontrollert på {seconds} s)",
    ),
    ("page.json-lines", "JSON-linjer"),
    ("page.kid", "Kontrollsiffer i KID"),
    ("page.kid-any", "modulus 10 eller 11"),
    ("page.kid-mod10", "bare modulus 10"),
    ("page.kid-mod11", "bare modulus 11"),
    ("page.kid-off", "kontrolleres ikke"),
    ("page.language", "Språk"),
    (
        "page.lead",
        "Kontroller en Autogiro-fil (betalingskrav, fullmakter eller en fil fra Mastercard Payment Services), en AvtaleGiro-fil eller en OCR giro-fil mot alle reglene i spesifikasjonen, med de samme reglene og meldingene som kommandoen autogiro.",
    ),
    ("page.lines", "Finner linjene til funnene i {name}…"),
    (
        "page.more",
        "{n} til vises ikke her: last ned funnene for å se alle.",
    ),
    ("page.no-date", "Oppgi datoen filen leses."),
    (
        "page.private",
        "Filen leses her, i nettleseren din. Ingenting sendes noe sted.",
    ),
    ("page.reading", "Leser {name}: {done} av {total} MB"),
    ("page.ready", "Velg en fil for å kontrollere den."),
    ("page.show", "Vis"),
    ("page.title", "Kontroll av Autogiro-filer"),
    ("page.today", "Datoen filen leses"),
    ("page.valid", "{name}: gyldig (kontrollert på {seconds} s)"),
    (
        "page.valid-warnings",
        "{name}: gyldig, {warnings} (kontrollert på {seconds} s)",
    ),
    ("page.warnings", "advarsler"),
    ("period.daily", "dag"),
    ("period.half-yearly", "halvår"),
    ("period.monthly", "måned"),
    ("period.quarterly", "kvartal"),
    ("period.weekly", "uke"),
    ("period.yearly", "år"),
    ("rec.blank-filler", "ventet {width} blanke (utfylling)"),
    ("rec.date", "ventet en dato DDMMÅÅ"),
    ("rec.digits", "ventet {width} sifre"),
    (
        "rec.digits-or-blanks",
        "ventet {width} sifre eller {width} blanke",
    ),
    ("rec.empty-line", "ventet en post, fant en tom linje"),
    ("rec.expected-found", "{expected}, fant {found}"),
    (
        "rec.line-length",
        "ventet en post på 80 tegn, fant {length}: {found}",
    ),
    ("rec.literal", "ventet `{value}`"),
    ("rec.long-date", "ventet en dato DDMMÅÅÅÅ"),
    (
        "rec.looks-like-utf8",
        "ventet en post på 80 ISO-8859-1-tegn, fant {length} byte som leses som UTF-8 (lagre filen som ISO-8859-1): {found}",
    ),
    (
        "rec.mps-not-named",
        "ventet MPS (00008080) som dataavsender (filer fra MPS) eller datamottaker (filer til MPS)",
    ),
    (
        "rec.no-service-record",
        "ventet ingen {service}-post i filer {direction}: {service}-filer kommer bare {other}",
    ),
    ("rec.one-of", "ventet én av {codes}"),
    ("rec.optional-date", "ventet en dato DDMMÅÅ eller 000000"),
    (
        "rec.padded-digits",
        "ventet sifre høyrejustert i {width} kolonner, fylt ut med blanke til venstre",
    ),
    (
        "rec.payer-reference",
        "ventet betalers referanse eller konto: sifre høyrejustert i {width} kolonner, fylt ut med nuller eller blanke til venstre, aldri bare blanke",
    ),
    (
        "rec.service-record-type",
        "ventet en posttype for {service}-filer {direction} ({types})",
    ),
    ("rec.text", "ventet skrivbar ISO-8859-1-tekst"),
    (
        "rec.too-large",
        "ventet høyst {width} sifre, fant verdien {value}",
    ),
    (
        "rec.unknown-record-type",
        "ventet en posttype for filer {direction} ({types})",
    ),
    (
        "rec.utf8-text",
        "ventet ISO-8859-1-tekst, fant tekst som leses som UTF-8 (lagre filen som ISO-8859-1): {found}",
    ),
    (
        "rec.wrong-direction",
        "ventet en posttype for filer {direction}; denne finnes bare i filer {other}",
    ),
    (
        "rec.year",
        "ventet et år fra 1970 til 2069 (tosifrede årstall leses innenfor det vinduet), fant {year}",
    ),
    ("rec.zero-filler", "ventet {width} nuller (utfylling)"),
    (
        "refused.assignment",
        "oppdrag {number} i avtale {agreement} avvist: {reason}",
    ),
    (
        "refused.assignment-number",
        "oppdragsnummer {number} ble brukt i filen lest {used}; denne filen, lest {received}, kan bruke det igjen fra {free} (12 måneder + 1 dag, spesifikasjonen 2.2 felt 6)",
    ),
    ("refused.from-mps", "en fil fra MPS sendes ikke til MPS"),
    ("refused.mandate", "fullmakt avvist: {reason}"),
    ("refused.transmission", "forsendelsen avvist: {reason}"),
    (
        "register.account-change",
        "fullmakt {reference} i avtale {agreement}: kontoen kan bare endres når en betalerreferanse ulik den brukes (slett og registrer på nytt)",
    ),
    (
        "register.already",
        "fullmakt {reference} i avtale {agreement} er allerede registrert",
    ),
    (
        "register.listing-to-mps",
        "registreringstype 0 (full liste) finnes bare i filer fra MPS",
    ),
    (
        "register.unknown",
        "fullmakt {reference} i avtale {agreement} er ikke registrert",
    ),
    (
        "register.valid-from",
        "fullmakt {reference} i avtale {agreement}: gyldig fra kan ikke endres (slett og registrer på nytt)",
    ),
    (
        "report.claims-of-month",
        "Betalingskrav med forfall i {month}",
    ),
    ("report.col.agreement", "Avtale"),
    ("report.col.amount", "Beløp (kr)"),
    ("report.col.claims", "Betalingskrav"),
    ("report.col.code", "Kode"),
    ("report.col.count", "Antall"),
    ("report.col.due", "Forfallsdato"),
    ("report.col.file", "Fil"),
    ("report.col.limit", "Beløpsgrense (kr)"),
    ("report.col.meaning", "Hva det betyr"),
    ("report.col.name", "Navn"),
    ("report.col.payer", "Betaler"),
    ("report.col.period", "Periode"),
    ("report.col.processing", "Behandlingsdato"),
    ("report.col.status", "Tilstand"),
    ("report.col.todo", "Hva du gjør"),
    ("report.col.used", "Belastet i perioden (kr)"),
    ("report.limits", "Beløpsgrenser nær taket"),
    (
        "report.limits-lead",
        "Fullmakter der betalingskravene i perioden rundt {day} når 80 % av beløpsgrensen eller mer.",
    ),
    ("report.made", "Bok {book}, laget {today}"),
    ("report.mandates", "Fullmakter i {month}"),
    ("report.mandates-added", "registrert"),
    ("report.mandates-removed", "slettet"),
    (
        "report.months",
        "Betalingskrav per måned etter tilstand (etter forfallsdato)",
    ),
    ("report.more", "og {n} til"),
    ("report.none", "Ingen."),
    ("report.outstanding", "Utestående etter svarfristen"),
    ("report.rejections", "Avviste betalingskrav i {month}"),
    ("report.status.handled", "lukket manuelt"),
    ("report.status.rejected", "avvist"),
    ("report.status.retry", "nytt forsøk hos MPS"),
    ("report.status.sent", "sendt, ikke besvart"),
    ("report.status.settled", "belastet"),
    ("report.title", "Månedsrapport"),
    ("report.totals", "Bokens totaler"),
    (
        "report.unmatched",
        "Svar som ikke kunne kobles til et betalingskrav",
    ),
    ("row.account", "kontonummer {found}: {error}"),
    (
        "row.agreement",
        "{found} er ikke et avtale-ID (inntil 9 sifre)",
    ),
    (
        "row.avtalegiro-cancellation-lines",
        "en sletteanmodning har ingen spesifikasjonslinjer (MPS behandler dem ikke)",
    ),
    (
        "row.avtalegiro-own-reference",
        "AvtaleGiros poster har ingen egenreferanse: KID er betalingskravets referanse",
    ),
    (
        "row.avtalegiro-payer-reference",
        "AvtaleGiro har ingen betalerreferanse: MPS finner betalerens avtale ved KID (beslutning A1)",
    ),
    (
        "row.avtalegiro-replaces",
        "et betalingskrav som sendes på nytt registreres ved egenreferanse, som AvtaleGiros betalingskrav ikke har",
    ),
    (
        "row.birth-date",
        "signatarens fødselsdato {birth} er etter {today}, dagen filen lages",
    ),
    (
        "row.deletion-details",
        "en sletting har ingen opplysninger om betaleren; la feltet stå tomt",
    ),
    ("row.duplicate-column", "kolonnen {column} står to ganger"),
    (
        "row.foreign-postal-code",
        "et utenlandsk postnummer har høyst 7 tegn",
    ),
    ("row.found", "{found}: {error}"),
    ("row.kid", "KID {found}: {error}"),
    (
        "row.limit-missing",
        "en fullmakt med periode har en beløpsgrense per periode, fant ingenting",
    ),
    (
        "row.limit-zero",
        "en fullmakt med periode har en beløpsgrense over null; la periode og beløpsgrense stå tomme for en forenklet fullmakt",
    ),
    ("row.missing-column", "kolonnen {column} er påkrevd"),
    ("row.organisation", "organisasjonsnummer {found}: {error}"),
    (
        "row.payer",
        "{found} er verken en betalerreferanse (sifre) eller et kontonummer",
    ),
    (
        "row.payer-blank",
        "betalerens referanse eller konto må ha minst ett siffer",
    ),
    ("row.payer-digits", "{found} har mer enn 11 sifre"),
    (
        "row.payer-zeros",
        "betalerens referanse eller konto er bare nuller: verken en referanse eller en konto",
    ),
    (
        "row.period",
        "forventet daily, weekly, monthly, quarterly, half-yearly eller yearly (tom for en forenklet fullmakt)",
    ),
    (
        "row.period-missing",
        "en beløpsgrense trenger sin periode (daily til yearly); la begge stå tomme for en forenklet fullmakt",
    ),
    ("row.postal-code", "et norsk postnummer har 4 sifre"),
    ("row.registration", "forventet new, change eller delete"),
    ("row.required", "påkrevd, fant ingenting"),
    (
        "row.specification-lines",
        "{lines} linjer: et varsel har høyst {most} (hver linje i cellen er en linje i varselet)",
    ),
    (
        "row.specification-text",
        "linje {line}, kolonne {column}: {found}: {error} (40 tegn per kolonne)",
    ),
    (
        "row.unknown-column",
        "ukjent kolonne {column}; kolonnene er {columns}",
    ),
    ("sftp-doing.downloading", "nedlasting av {path}"),
    ("sftp-doing.listing", "listing av {path}"),
    ("sftp-doing.looking-at", "oppslag av {path}"),
    ("sftp-doing.removing", "fjerning av {path}"),
    ("sftp-doing.renaming", "omdøping av {from} til {to}"),
    ("sftp-doing.uploading", "opplasting av {path}"),
    ("sftp-op.listing", "listing av"),
    ("sftp-op.looking-at", "oppslag av"),
    ("sftp-op.reading", "lesing av"),
    ("sftp-op.removing", "fjerning av"),
    ("sftp-op.renaming-to", "omdøping til"),
    ("sftp-op.writing", "skriving av"),
    (
        "simulate.again",
        "besvart før (lest {date}): det samme svaret igjen, ingenting belastet to ganger",
    ),
    (
        "simulate.answered",
        "besvart med {settled} belastede og {rejected} avviste betalingskrav{giro}, {mandates} fullmakt(er){later}",
    ),
    (
        "simulate.answered-giro",
        ", {n} AvtaleGiro-betalingskrav belastet som OCR giro-innbetalinger",
    ),
    (
        "simulate.answered-later",
        "; behandlingsdatoer til og med {date}: MPS ville sendt svarene etter {read_on} senere, dag for dag",
    ),
    ("simulate.blocked", "{mandate}: sperret fra {from} til {to}"),
    (
        "simulate.later",
        "{n} betalingskrav behandlet etter {date} besvares på sine dager: `autogiro simulate --state {state} --date DAG` sender dem",
    ),
    (
        "simulate.mandate",
        "fullmakt {reference} i avtale {agreement}",
    ),
    (
        "simulate.none-due",
        "ingen svar forfaller; MPS sender ingenting",
    ),
    (
        "simulate.not-business-day",
        "{date} er ikke en virkedag: MPS leser en fil sendt da {next}",
    ),
    (
        "simulate.nothing-back",
        "MPS sender ingenting tilbake for denne filen",
    ),
    (
        "simulate.signed-up",
        "KID {kid} påmeldt AvtaleGiro med avtale {agreement} (konto {account}): listet i MPS' neste svar",
    ),
    ("simulate.unblocked", "{mandate}: ikke sperret"),
    (
        "simulate.waiting",
        "{n} betalingskrav venter på senere dager",
    ),
    (
        "sum.all-zeros",
        "bare nuller: ingen bank utsteder dette kontonummeret",
    ),
    ("sum.empty", "tomt: ventet sifre"),
    (
        "sum.mismatch",
        "kontrollsiffer etter {modulus}: ventet {expected}, fant {found}",
    ),
    (
        "sum.no-check-digit",
        "ingen gyldig kontrollsiffer finnes for disse sifrene (modulus 11 gir rest 1)",
    ),
    (
        "sum.no-scheme",
        "kontrollsifferet {found} er gyldig verken etter modulus 10 (ventet {mod10}) eller modulus 11 (ventet {mod11})",
    ),
    (
        "sum.no-scheme-11",
        "kontrollsifferet {found} er gyldig verken etter modulus 10 (ventet {mod10}) eller modulus 11 (der finnes intet kontrollsiffer)",
    ),
    (
        "sum.non-zero-padding",
        "ventet nullutfylling `00` foran de 9 sifrene, fant {found} i posisjon {position}",
    ),
    (
        "sum.not-a-digit",
        "ventet et siffer i posisjon {position}, fant {found}",
    ),
    (
        "sum.too-long",
        "for langt: ventet høyst {max} sifre, fant {found}",
    ),
    (
        "sum.too-short",
        "for kort: ventet minst {min} sifre, fant {found}",
    ),
    (
        "sum.wrong-length",
        "feil lengde: ventet {expected} sifre, fant {found}",
    ),
    (
        "table.cells",
        "{cells} celler, men overskriften har {width} kolonner",
    ),
    ("table.not-an-object", "forventet et objekt, fant {found}"),
    (
        "table.unknown-keys",
        "ukjente nøkler {keys}; nøklene er {columns}",
    ),
    (
        "transfer.connected",
        "{user}@{host}:{port}: tilkoblet, autentisert; vertsnøkkel {fingerprint}",
    ),
    ("transfer.inbox", "innboks {dir}: {n} fil(er), {bytes} byte"),
    ("transfer.outbox", "utboks {dir}: {n} fil(er), {bytes} byte"),
    (
        "value.control",
        "kontrolltegn {found} i posisjon {position}",
    ),
    (
        "value.looks-like-utf8",
        "`Ã` fulgt av et symbol i posisjon {position} leses som UTF-8, ikke ISO-8859-1",
    ),
    (
        "value.not-a-digit",
        "forventet et siffer i posisjon {position}, fant {found}",
    ),
    (
        "value.not-latin1",
        "tegnet {found} i posisjon {position} finnes ikke i ISO-8859-1 (Latin-1)",
    ),
    (
        "value.too-long",
        "{found} tegn får ikke plass i et felt på {max}",
    ),
    (
        "value.wrong-length",
        "forventet {expected} sifre, fant {found}",
    ),
];
