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
    ("cli.counts", "{errors}, {warnings}"),
    ("cli.errors.one", "{n} feil"),
    ("cli.errors.other", "{n} feil"),
    ("cli.hidden", "{n} til vises ikke (--max-errors)"),
    ("cli.valid", "gyldig"),
    ("cli.valid-with", "gyldig, {warnings}"),
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
    ("dir.from-mps", "fra MPS"),
    ("dir.to-mps", "til MPS"),
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
    ("inspect.credits", " minus kreditering på {credit} NOK"),
    ("inspect.dates", "{first} til {last}"),
    ("inspect.due", "{items}, {sum} NOK, forfall {dates}"),
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
        "{mandates}: {kinds}; {standard} standard, {simplified} forenklet; beløpsgrenser {sum} NOK",
    ),
    ("inspect.mandates.one", "{n} fullmakt"),
    ("inspect.mandates.other", "{n} fullmakter"),
    ("inspect.no-dates", "ingen"),
    ("inspect.payments.one", "{n} innbetaling"),
    ("inspect.payments.other", "{n} innbetalinger"),
    ("inspect.processed", "{items}, {sum} NOK, behandlet {dates}"),
    ("inspect.reg.changed", "{n} endret"),
    ("inspect.reg.deleted", "{n} slettet"),
    ("inspect.reg.listed", "{n} oppført"),
    ("inspect.reg.new-or-changed.one", "{n} ny eller endret"),
    ("inspect.reg.new-or-changed.other", "{n} nye eller endrede"),
    ("inspect.reg.new.one", "{n} ny"),
    ("inspect.reg.new.other", "{n} nye"),
    (
        "inspect.settled",
        "{items}, {sum} NOK{extra}, avregnet {dates}",
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
    ("list.and", "{init} og {last}"),
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
    (
        "make.wrong-service",
        "avtale {id} er en {service}-avtale i innstillingene: disse radene hører til en med service = \"{wanted}\"",
    ),
    ("new.file-made", "filen som ble laget"),
    ("new.warning", "advarsel"),
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
        "report.claims-of-month",
        "Betalingskrav med forfall i {month}",
    ),
    ("report.col.agreement", "Avtale"),
    ("report.col.amount", "Beløp (NOK)"),
    ("report.col.claims", "Betalingskrav"),
    ("report.col.code", "Kode"),
    ("report.col.count", "Antall"),
    ("report.col.due", "Forfallsdato"),
    ("report.col.file", "Fil"),
    ("report.col.limit", "Beløpsgrense (NOK)"),
    ("report.col.meaning", "Hva det betyr"),
    ("report.col.name", "Navn"),
    ("report.col.payer", "Betaler"),
    ("report.col.period", "Periode"),
    ("report.col.processing", "Behandlingsdato"),
    ("report.col.status", "Tilstand"),
    ("report.col.todo", "Hva du gjør"),
    ("report.col.used", "Belastet i perioden (NOK)"),
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
