//! English: the catalogue's texts (the same keys as `nb.rs`, in the same order).

/// Every key and its text, ordered by key.
pub(crate) const TEXTS: &[(&str, &str)] = &[
    (
        "amount.ambiguous",
        "{found} is ambiguous: use one decimal mark and no other separator than spaces (1234.50 or 1 234,50)",
    ),
    (
        "amount.fraction",
        "amount {amount} NOK has a fraction of an øre",
    ),
    ("amount.negative", "amount {amount} NOK is negative"),
    (
        "amount.not-an-amount",
        "{found} is not an amount in NOK (write it like 1234.50 or 1 234,50)",
    ),
    (
        "amount.too-large",
        "amount {amount} is more than the 17 digits of øre a record holds",
    ),
    ("book.already", "already in the book; nothing changed"),
    (
        "book.assignment-used",
        "assignment number {number} of agreement {agreement} was used by {other} read on {used}: MPS refuses the assignment until {until}",
    ),
    (
        "book.cancel-nothing",
        "{what} names no AvtaleGiro claim of account {account} waiting in the book",
    ),
    (
        "book.cancel-settled",
        "{what} names an AvtaleGiro claim MPS has settled already: it cannot be cancelled",
    ),
    (
        "book.cancellation",
        "the cancellation request {number} ({amount} NOK due {due}, KID {kid})",
    ),
    (
        "book.check-clean",
        "MPS would settle every claim, as far as the book knows",
    ),
    ("book.code", ", code {code}"),
    ("book.col.claims", "claims"),
    ("book.col.nok", "NOK"),
    ("book.col.status", "status"),
    (
        "book.copied",
        "{files} file(s), {claims} claim(s) and every mandate copied",
    ),
    ("book.finding", "{place}: MPS would reject: {reason}"),
    ("book.finding-assignment", "assignment {assignment}"),
    (
        "book.finding-claim",
        "assignment {assignment}, claim {claim} (payer {payer}, {amount} NOK)",
    ),
    ("book.finding-code", "{code}: {reason}"),
    (
        "book.giro-claims",
        "{claims} AvtaleGiro claim(s) waiting to be settled, {cancelled} cancelled",
    ),
    ("book.giro-mandates", "{n} AvtaleGiro mandate(s) listed"),
    (
        "book.giro-no-kid",
        "AvtaleGiro mandate {number} of account {account} has no KID: not kept",
    ),
    (
        "book.giro-payments",
        "{payments} OCR giro payment(s) received; {settled} AvtaleGiro claim(s) settled",
    ),
    ("book.giro-state.cancelled", "cancelled"),
    (
        "book.giro-unlisted",
        "{n} AvtaleGiro mandate(s) of account {account} not in MPS's full listing: deleted",
    ),
    (
        "book.handled",
        "claim {claim} (payer {payer}, {amount} NOK, due {due}) closed by hand by {by}: {why}",
    ),
    (
        "book.imported-answer",
        "imported, from MPS: {answered} answer(s) matched to claims sent, {mandates} mandate(s)",
    ),
    (
        "book.imported-sent",
        "imported, sent to MPS: {claims} claim(s) waiting for the answer, {mandates} mandate(s)",
    ),
    ("book.kid-none", "none"),
    (
        "book.listing-added",
        "full listing: mandate {reference} of agreement {agreement} is new to the book",
    ),
    (
        "book.listing-changed",
        "full listing: mandate {reference} of agreement {agreement} has other terms at MPS; the book now has MPS's",
    ),
    (
        "book.listing-more",
        "and {n} more mandate(s) the full listing changed: `autogiro book mandates` lists the book's mandates",
    ),
    (
        "book.listing-removed",
        "full listing: mandate {reference} of agreement {agreement} is not listed by MPS; removed from the book",
    ),
    ("book.no-claims", "no claims"),
    ("book.no-payments", "no OCR giro payments"),
    ("book.no-unmatched", "no unmatched answers"),
    (
        "book.not-checked",
        "not checked: the file has errors (see `autogiro validate`)",
    ),
    ("book.not-imported", "not imported: {error}"),
    (
        "book.not-imported-storage",
        "not imported: {error}; the book is as it was before this file: run the same import again once the book can be reached",
    ),
    (
        "book.not-registered",
        "mandate not registered in the book: {error}",
    ),
    (
        "book.own-reused",
        "own reference {own} is used by {claims} claims waiting in agreement {agreement}: MPS's answers to them can be told apart only by payer, amount and date",
    ),
    (
        "book.own-reused-more",
        "and {n} more own references are each used by more than one claim waiting",
    ),
    ("book.ready", "a book, ready"),
    ("book.refusal", "{refusal} (processing date {date})"),
    (
        "book.rematched",
        "{n} answer(s) kept from earlier files found their claim",
    ),
    (
        "book.replaced",
        "{n} rejected claim(s) billed again by this file, closed as handled",
    ),
    (
        "book.replaces-nothing",
        "no rejected claim of agreement {agreement} has the own reference {own} that a claim of this file replaces; close it by hand with `autogiro book resolve CLAIM --handled WHY`",
    ),
    ("book.report-written", "the report of {month}"),
    (
        "book.resolved",
        "answer {answer} attributed to claim {claim} (payer {payer}, {amount} NOK, due {due}): {status}, by hand",
    ),
    ("book.row.giro-mandates", "AvtaleGiro mandates"),
    ("book.row.giro-not-settled", "AvtaleGiro not settled"),
    ("book.row.outstanding", "of these, outstanding"),
    ("book.row.payments", "OCR giro payments"),
    ("book.row.unmatched", "unmatched answers"),
    ("book.row.unsettling", "settlements matching no claim"),
    ("book.state.handled", "handled"),
    ("book.state.rejected", "rejected"),
    ("book.state.retry", "retry"),
    ("book.state.sent", "sent"),
    ("book.state.settled", "settled"),
    (
        "book.unmatched",
        "answer {id} for payer {payer} of agreement {agreement}, {amount} NOK, KID {kid}, processed {date}{code}, {what}; kept: it is tried again at every import, or `autogiro book resolve {id} --claim ID`",
    ),
    (
        "book.unmatched-many",
        "fits {n} claims sent that MPS's answer cannot tell apart",
    ),
    (
        "book.unmatched-more",
        "and {n} more answer(s) kept unmatched: `autogiro book status --unmatched` lists them all",
    ),
    ("book.unmatched-none", "matches no claim sent"),
    (
        "book.unsettling",
        "{n} AvtaleGiro settlement(s) (type 15) match no claim sent: kept, tried again when AvtaleGiro claims are imported (`autogiro book status --payments` lists them)",
    ),
    ("book.up-to-date", "a book, up to date"),
    (
        "build.avtalegiro-misplaced",
        "an AvtaleGiro item of transaction type {type} does not go in an assignment of {kind}",
    ),
    (
        "build.avtalegiro-without-kid",
        "an AvtaleGiro claim carries a KID: MPS finds the payer's mandate by it",
    ),
    (
        "build.blank-short-name",
        "a claim to MPS carries the payer's abbreviated name (amount item 2, positions 16-25)",
    ),
    (
        "build.deletion-with-details",
        "a mandate deletion carries post 1 only: the payer's details (posts 2-4) go with a registration or a change",
    ),
    (
        "build.missing-payer-details",
        "a mandate registration or change to MPS carries the payer's details (posts 2-4)",
    ),
    (
        "build.specification-place",
        "a specification goes on line 1-21, column 1-2, not line {line}, column {column}",
    ),
    (
        "build.specification-taken",
        "the claim already has a specification at line {line}, column {column}",
    ),
    (
        "build.specification-without-notice",
        "a claim without notice (transaction type 02) has no specification lines",
    ),
    (
        "build.standard-without-limit",
        "a standard mandate needs an amount limit above zero (a simplified mandate has none)",
    ),
    (
        "build.standard-without-period",
        "a standard mandate needs a period code 01-06",
    ),
    ("build.text", "{field}: {error}"),
    (
        "build.too-many-specifications",
        "a claim has at most 42 specification lines (21 lines x 2 columns)",
    ),
    (
        "build.too-many-transactions",
        "a transmission holds at most 9 999 999 transactions",
    ),
    (
        "build.validity-reversed",
        "valid from {from} is after valid to {to}",
    ),
    ("build.wrong-direction", "{kind} cannot be sent {direction}"),
    ("cli.cannot-lock-state", "cannot lock the state {path}"),
    ("cli.cannot-make-book", "cannot make the book {book}"),
    ("cli.cannot-make-temporary", "cannot make a temporary file"),
    ("cli.cannot-open-book", "cannot open the book {book}"),
    ("cli.cannot-read", "cannot read {path}"),
    (
        "cli.cannot-read-back",
        "cannot read the formatted file back",
    ),
    ("cli.cannot-read-csv", "cannot read {name} as CSV"),
    (
        "cli.cannot-read-json",
        "cannot read {name} as a JSON array of objects",
    ),
    ("cli.cannot-read-named", "cannot read {name}: {error}"),
    ("cli.cannot-read-state", "cannot read the state {path}"),
    ("cli.cannot-read-stdin", "cannot read standard input"),
    (
        "cli.cannot-read-temporary",
        "cannot read the temporary file",
    ),
    ("cli.cannot-read-xlsx", "cannot read {name} as .xlsx"),
    ("cli.cannot-write", "cannot write {path}"),
    ("cli.cannot-write-as-file", "cannot write {name} as a file"),
    ("cli.cannot-write-beside", "cannot write beside {path}"),
    (
        "cli.cannot-write-formatted",
        "cannot write the formatted file",
    ),
    ("cli.cannot-write-stdout", "cannot write to standard output"),
    ("cli.counts", "{errors}, {warnings}"),
    (
        "cli.directory-not-file",
        "{path} is a directory, not a file",
    ),
    (
        "cli.empty-sheet",
        "the first sheet is empty: expected a header row",
    ),
    (
        "cli.empty-table",
        "the file is empty: expected a header line",
    ),
    ("cli.error", "error"),
    ("cli.errors.one", "{n} error"),
    ("cli.errors.other", "{n} errors"),
    ("cli.exists", "{path} exists; use --force to overwrite it"),
    ("cli.hidden", "{n} more not shown (--max-errors)"),
    ("cli.is-directory", "{path} is a directory"),
    ("cli.kid", "KID {kid}"),
    (
        "cli.no-book",
        "no book: give --book PATH, or [book] path in autogiro.toml",
    ),
    (
        "cli.no-book-path",
        "no book: give --book PATH, or [book] path = \"autogiro.db\" in the settings",
    ),
    (
        "cli.no-giro-agreement",
        "the settings list no AvtaleGiro agreement {id}",
    ),
    (
        "cli.no-giro-agreements",
        "the settings list no AvtaleGiro agreement: add one with service = \"avtalegiro\"",
    ),
    ("cli.no-sheet", "the workbook has no sheet"),
    (
        "cli.no-such-mandate",
        "no mandate {reference} of agreement {agreement} in the state",
    ),
    (
        "cli.not-a-payer-reference",
        "{found} is not a payer reference",
    ),
    ("cli.not-a-state", "{path} is not a simulator state"),
    ("cli.resolve-needs", "give --claim CLAIM or --handled WHY"),
    (
        "cli.several-giro-agreements",
        "the settings list several AvtaleGiro agreements: give --agreement",
    ),
    ("cli.simulate-needs", "simulate needs --state and --date"),
    (
        "cli.table-kind",
        "{path}: expected a .csv, .json or .xlsx file (or - for CSV on standard input)",
    ),
    (
        "cli.until-needs-file",
        "--until goes with a FILE; with none, the answers due by --date are sent",
    ),
    ("cli.utc-today", "{error}; today is taken as the UTC date"),
    ("cli.valid", "valid"),
    ("cli.valid-with", "valid, {warnings}"),
    ("cli.warning", "warning"),
    ("cli.warnings.one", "{n} warning"),
    ("cli.warnings.other", "{n} warnings"),
    ("code.131.meaning", "mandate not found"),
    (
        "code.131.todo",
        "Check that the payer's mandate is registered and active for this agreement (`autogiro book mandates`); register it, or bill the payer another way.",
    ),
    ("code.133.meaning", "mandate blocked"),
    (
        "code.133.todo",
        "The payer's bank has blocked the mandate: contact the payer, and bill again once the block ends.",
    ),
    (
        "code.181.meaning",
        "mandate amount limit for the period exceeded",
    ),
    (
        "code.181.todo",
        "The claim is above what the mandate allows in its period: split it over periods, or ask the payer to raise the limit.",
    ),
    ("code.221.meaning", "rejected in the payer's bank"),
    (
        "code.221.todo",
        "The payer's bank refused the charge (often for want of funds): contact the payer and bill again (`new claims` with `replaces`).",
    ),
    ("code.222.meaning", "account not found"),
    (
        "code.222.todo",
        "The payer's account is closed or wrong: get a new mandate with the right account.",
    ),
    ("code.252.meaning", "sent to retry, still being processed"),
    (
        "code.252.todo",
        "Nothing yet: MPS tries again and answers later.",
    ),
    (
        "code.other.meaning",
        "not listed in the specification (3.9)",
    ),
    ("code.other.todo", "Ask MPS what the code means."),
    ("config.agent-keys", "the ssh-agent's keys"),
    ("config.agreement", "agreement {id}: account {account}"),
    ("config.key", "the key {path}"),
    (
        "config.no-agreement",
        "no agreement: `new` needs at least one [[agreement]]",
    ),
    ("config.payee", "payee: customer unit {unit}"),
    (
        "config.transfer",
        "transfer: {user}@{host}:{port} with {key}, host key pinned in {known_hosts}; outbox {outbox}, inbox {inbox}, archive {archive}, waiting to be sent in {outgoing}",
    ),
    ("config.valid", "valid"),
    ("convert.has-errors", "not converted: the file has errors"),
    (
        "convert.not-canonical",
        "not canonical (run `autogiro fmt` to rewrite it)",
    ),
    (
        "convert.not-formatted",
        "not formatted: lines that are not records cannot be rewritten",
    ),
    (
        "convert.not-json",
        "not converted: not the JSON form of a transmission",
    ),
    (
        "convert.skipped",
        "its {n} {what} are not in the CSV, which lists {listed}: convert a file of {what} alone, or to JSON, for them",
    ),
    (
        "convert.would-have-errors",
        "nothing written: the file would have {n} error(s)",
    ),
    ("daily.attention", "daily: needs attention"),
    ("daily.code", "{n} × {code} ({meaning})"),
    (
        "daily.files",
        "daily: {imported} file(s) imported into the book; {to_send} file(s) waiting to be sent",
    ),
    (
        "daily.mandates",
        "daily: {n} mandate(s) added, removed or changed by MPS's full listing",
    ),
    ("daily.no-attention", "daily: nothing needs attention"),
    (
        "daily.outstanding",
        "daily: {n} claim(s) outstanding past their answer date, {sum} NOK (autogiro book status --outstanding)",
    ),
    (
        "daily.rejected",
        "daily: {n} claim(s) rejected: {codes} (autogiro book status --rejected)",
    ),
    ("daily.too-large", "more than the largest amount"),
    (
        "daily.unmatched",
        "daily: {n} answer(s) match no claim sent (autogiro book status --unmatched)",
    ),
    (
        "date.form",
        "{found} is not a date (write it like 2026-01-15 or 15.01.2026)",
    ),
    ("date.no-such-day", "{found} is no day of the calendar"),
    ("date.none", "none (000000)"),
    ("diag.above-previous", "above {previous} (the previous)"),
    ("diag.above-zero", "above 0"),
    (
        "diag.after-end",
        "record {record} after the transmission end",
    ),
    (
        "diag.amount-overflow",
        "the amounts add up to {sum}, more than the 17 digits of the field hold",
    ),
    (
        "diag.assignment-account",
        "assignment account {account}: {error}",
    ),
    (
        "diag.assignment-type-mismatch",
        "assignment type: expected {expected} (its start's, line {start}), found {found}",
    ),
    (
        "diag.avtalegiro-blank-kid",
        "KID: expected the KID of the payer's mandate, found blanks (MPS finds the mandate by it: decision A1)",
    ),
    (
        "diag.avtalegiro-blank-name",
        "abbreviated name: blank, where it should name the payer (it helps to find a rejected claim)",
    ),
    (
        "diag.avtalegiro-due-date",
        "due date {date}: expected {expected} (the file read on {today})",
    ),
    (
        "diag.avtalegiro-end-kind",
        "assignment type: expected its start's (line {start}, {started}), found {found}",
    ),
    (
        "diag.avtalegiro-specification-ignored",
        "a specification of transaction {number}, of type 02 (no notice from the bank): MPS ignores it",
    ),
    (
        "diag.avtalegiro-specification-limit",
        "more than {most} specification records for transaction {number}: at most {lines} lines of 2 columns",
    ),
    (
        "diag.avtalegiro-specification-number",
        "transaction number: expected its claim's, {expected}, found {found}",
    ),
    (
        "diag.avtalegiro-specification-place",
        "line {line} column {column}: expected a line 001-042 and a column 1 or 2 (MPS rejects the whole claim)",
    ),
    (
        "diag.avtalegiro-specification-twice",
        "line {line} column {column} of transaction {number} a second time (decision A4)",
    ),
    (
        "diag.avtalegiro-specification-without-claim",
        "a specification (record 49) not after the items 1 and 2 of its claim",
    ),
    (
        "diag.avtalegiro-type-misplaced",
        "transaction type {code}: not in an assignment of {kind} (claims are 02 and 21, cancellation requests 93)",
    ),
    (
        "diag.birth-date",
        "the signatory's birth date {date} is after the day the file is read",
    ),
    (
        "diag.blank-short-name",
        "abbreviated name is required (it is shown on MPS's receipt lists), found blanks",
    ),
    (
        "diag.blocked-dates",
        "blocked to {to} is before blocked from {from}",
    ),
    (
        "diag.change-in-listing",
        "registration type {registration}: a change in an assignment that is a full listing (from line {first}); a full listing (0) and changes (1, 2) go in assignments of their own (decision A9)",
    ),
    (
        "diag.charged-sum",
        "sum charged in the period {sum}: blank since edition 3.9 (earlier editions carried it)",
    ),
    (
        "diag.declared-computed",
        "{field}: declared {declared}, computed {computed}",
    ),
    (
        "diag.deletion-posts",
        "mandate {mandate} (a deletion) carries some of posts 2-4, not {posts}: send post 1 alone, or all four",
    ),
    (
        "diag.due-date-window",
        "due date {date} is more than 12 months from {today} (expected {earliest} to {latest})",
    ),
    (
        "diag.duplicate-assignment-number",
        "assignment number {number} of {whose} is already used by the assignment at line {first}: {why}",
    ),
    (
        "diag.duplicate-registration",
        "payer reference {payer} is registered with registration type {registration} at line {first} of this assignment already",
    ),
    (
        "diag.duplicate-transmission-start",
        "a second transmission start: a file holds one transmission",
    ),
    (
        "diag.empty-assignment.cancellation",
        "the assignment started at line {start} holds no cancellation request: it can be left out",
    ),
    (
        "diag.empty-assignment.claim",
        "the assignment started at line {start} holds no claim: it can be left out",
    ),
    (
        "diag.empty-assignment.mandate",
        "the assignment started at line {start} holds no mandate: it can be left out",
    ),
    (
        "diag.empty-assignment.payment",
        "the assignment started at line {start} holds no payment: it can be left out",
    ),
    (
        "diag.empty-transmission",
        "a transmission with no assignment: its start, then its end (a transmission holds one or more assignments)",
    ),
    (
        "diag.end-without-start",
        "an assignment end (record 88) with no assignment start (record 20) before it",
    ),
    (
        "diag.expected-first-number",
        "a number above 0 (writers start at 1)",
    ),
    ("diag.expected-next-number", "{next} (the previous + 1)"),
    (
        "diag.filler-digits",
        "{field}: expected zeros, found {value} (kept as read)",
    ),
    (
        "diag.foreign-organisation",
        "{number} is not `00` + a Norwegian organisation number: read as the number of a payer outside Norway",
    ),
    (
        "diag.foreign-postal-code",
        "a foreign address (country {country}) needs a postal code in positions 46-52",
    ),
    ("diag.io", "I/O error after line {line}: {error}"),
    (
        "diag.item-mismatch",
        "amount item 2 is of type {found_type} and transaction {found_number}: expected its item 1's, type {code} and transaction {number} (line {line})",
    ),
    (
        "diag.item-number-mismatch",
        "transaction number {found} differs from its item 1's {expected} (line {line})",
    ),
    (
        "diag.item-type-mismatch",
        "transaction type {found} differs from its item 1's {expected} (line {line})",
    ),
    (
        "diag.item2-without-item1",
        "amount item 2 of transaction {number} does not follow an amount item 1 (record {record})",
    ),
    (
        "diag.item3-alone",
        "it does not follow the items 1 and 2 of its transaction",
    ),
    (
        "diag.item3-other-transaction",
        "the items 1 and 2 before it are of type {code} and transaction {number} (line {line})",
    ),
    (
        "diag.item3-type-without-text",
        "transaction {number} (line {line}) is of type {code}, which has no free text",
    ),
    ("diag.kid", "KID {kid}: {error}"),
    (
        "diag.left-justified",
        "{field} {text} starts with a blank: text is left-justified (kept as written)",
    ),
    (
        "diag.listing-among-changes",
        "registration type {registration}: a full listing in an assignment of changes (from line {first}); a full listing (0) and changes (1, 2) go in assignments of their own (decision A9)",
    ),
    (
        "diag.mandate-lacks",
        "mandate {mandate} (registration type {registration}) lacks {posts}",
    ),
    (
        "diag.mandate-lacks-before",
        "mandate {mandate} lacks {posts} before {post}",
    ),
    (
        "diag.mandate-lacks.edition",
        "mandate {mandate} (registration type {registration}) lacks {posts}, which edition 3.9 requires for a registration or change",
    ),
    (
        "diag.mandate-lacks.listing",
        "mandate {mandate} (registration type {registration}) lacks {posts}, which every mandate of a full listing carries",
    ),
    (
        "diag.missing-assignment-end-at-eof",
        "the assignment started at line {start} has no assignment end (record 88) at the end of the file",
    ),
    (
        "diag.missing-assignment-end-before-end",
        "the assignment started at line {start} has no assignment end (record 88) before the transmission end",
    ),
    (
        "diag.missing-assignment-end-before-start",
        "the assignment started at line {start} has no assignment end (record 88) before this start",
    ),
    (
        "diag.missing-date",
        "date: expected the day MPS made the transmission, found 000000 (only a transmission of AvtaleGiro mandates alone leaves it zeros)",
    ),
    (
        "diag.missing-item2",
        "amount item 1 of transaction {number} is not followed by its amount item 2 (record {record})",
    ),
    (
        "diag.missing-item3",
        "transaction {number} of type {code} (free text) has no amount item 3 (record 32) after its item 2",
    ),
    (
        "diag.missing-transmission-end",
        "the file ends without a transmission end (record 89)",
    ),
    (
        "diag.missing-transmission-start",
        "expected a transmission start (record 10) first, found record {record}",
    ),
    (
        "diag.mixed-line-endings",
        "{crlf} line(s) end with CR LF and {lf} with LF alone: a file is one or the other throughout",
    ),
    (
        "diag.nets-date-order",
        "Nets date {date}: before the transaction above it ({before}); MPS sorts an assignment's payments by their Nets date",
    ),
    ("diag.no-further-post", "no further post"),
    (
        "diag.no-records",
        "the file holds no records: expected a transmission start (record 10)",
    ),
    (
        "diag.numbering",
        "{field}: expected {expected}, found {number}",
    ),
    (
        "diag.numbering-start",
        "{field}: the assignment's numbering starts at {number}, not 1 (accepted: the numbers need only be consecutive; writers start at 1)",
    ),
    (
        "diag.ocr-assignment-order",
        "assignment number {number}: expected a number above the previous OCR giro assignment's, {previous}",
    ),
    (
        "diag.ocr-number",
        "{field}: expected a number {above}, found {number}",
    ),
    (
        "diag.ocr-numbering-gap",
        "{field}: the numbering skips to {number}, not {expected} (accepted: the numbers need only ascend)",
    ),
    (
        "diag.ocr-numbering-start",
        "{field}: the assignment's numbering starts at {number}, not {expected} (accepted: the numbers need only ascend)",
    ),
    ("diag.organisation", "organisation number {number}: {error}"),
    (
        "diag.organisation-form",
        "organisation number {number}: 11 digits, `00` and the 9 digits (leading zeros included), with no blanks",
    ),
    (
        "diag.organisation-required",
        "the organisation number is required, found zeros or blanks",
    ),
    ("diag.payer-account", "payer's account {account}: {error}"),
    (
        "diag.payer-not-account",
        "{payer} is no valid account number (modulus 11); fine only if it is a payer reference",
    ),
    (
        "diag.post-edition",
        "mandate posts 2-4 (records 71, 72, 74) exist from edition 3.9; before it a mandate is post 1 only (record {record} of mandate {mandate})",
    ),
    (
        "diag.post-mandate-type",
        "transaction type: expected {expected} (its post 1's), found {found}",
    ),
    (
        "diag.post-order",
        "mandate {mandate}: expected {expected} next, found {found}",
    ),
    (
        "diag.post-sequence",
        "mandate sequence number: expected {expected} (its post 1's, line {line}), found {found}",
    ),
    (
        "diag.post-without-post1",
        "mandate post (record {record}) without its post 1 (record 70)",
    ),
    (
        "diag.post5-not-listing",
        "post 5 (record 76) belongs to a full listing (registration type 0), not to registration type {registration}",
    ),
    (
        "diag.postal-code",
        "a Norwegian postal code is 4 digits, not 0000, found {found}",
    ),
    (
        "diag.postal-extension",
        "a Norwegian address has a blank extension, found {found}",
    ),
    (
        "diag.record-not-allowed",
        "record {record} ({name}) does not belong in an assignment of {kind} (started at line {start})",
    ),
    (
        "diag.record-outside-assignment",
        "record {record} ({name}) outside an assignment: expected an assignment start (record 20) before it",
    ),
    ("diag.required", "{field} is required, found blanks"),
    (
        "diag.simplified-limit",
        "a simplified mandate (type 23) has period code 00 and limit 0, found {period} and {limit}",
    ),
    (
        "diag.specification-blank",
        "a blank or zero line or column: the text is not printed on the payer's notice",
    ),
    (
        "diag.specification-column",
        "column: expected 1 or 2, found {column}",
    ),
    (
        "diag.specification-limit",
        "claim {number} has more than {most} specifications ({lines} lines x 2 columns)",
    ),
    (
        "diag.specification-line",
        "line: expected 001-021, found {line}",
    ),
    (
        "diag.specification-not-allowed",
        "claim {number} has transaction type {code} (without notice): only type 03 has specifications",
    ),
    (
        "diag.specification-number",
        "transaction number: expected {expected} (its claim's), found {found}",
    ),
    (
        "diag.specification-twice",
        "claim {number} already has a specification at line {line}, column {column}",
    ),
    (
        "diag.specification-without-claim",
        "a specification (record 49) must follow its claim's amount items 1 and 2",
    ),
    (
        "diag.standard-limit",
        "a standard mandate (type 22) has an amount limit above zero, found 0.00 (a simplified mandate, type 23, has none)",
    ),
    (
        "diag.standard-period",
        "a standard mandate (type 22) has a period code 01-06, found 00",
    ),
    ("diag.sum-or", "{sum} (or {alternative})"),
    (
        "diag.terminal-account",
        "debit account {account}: expected zeros for a terminal or internet payment (type {code})",
    ),
    (
        "diag.terminal-settlement",
        "partial settlement number {number}: expected 0 for a terminal or internet payment (type {code})",
    ),
    ("diag.today-or-later", "{today} or later"),
    (
        "diag.too-many-transactions",
        "more than {most} transactions in one transmission",
    ),
    (
        "diag.unexpected-item3",
        "amount item 3 of type {code} and transaction {number}: {after}",
    ),
    (
        "diag.unlisted-error-code",
        "error code {code} is not listed in spec 3.9 (kept as is)",
    ),
    (
        "diag.valid-from-after-to",
        "valid from {from} is after valid to {to}",
    ),
    (
        "diag.valid-to-century",
        "valid to {to} is before valid from {from}: read as {later}, a century later (`311299` is a common way to write \"no end\")",
    ),
    ("diag.whose-account", "account {account}"),
    ("diag.whose-agreement", "agreement {agreement}"),
    (
        "diag.why-agreement-number",
        "each assignment of an agreement needs its own number",
    ),
    (
        "diag.why-shared-series",
        "claims and cancellations of an agreement share one series (decision A5)",
    ),
    ("diag.window", "{earliest} to {latest}"),
    (
        "diag.zero-agreement",
        "agreement id 000000000: MPS gives no agreement that id",
    ),
    (
        "diag.zero-customer-unit",
        "{field} 00000000: the payee's customer unit id is never all zeros",
    ),
    (
        "diag.zero-payer",
        "{payer}: all zeros is neither a payer reference nor an account",
    ),
    ("digits.account", "a valid account number"),
    ("digits.corrected", "; corrected: {number}"),
    ("digits.kid", "a valid KID"),
    ("digits.mod-10", "10"),
    ("digits.mod-10-11", "10 and 11"),
    ("digits.mod-11", "11"),
    ("digits.not-valid", "not {what}: {error}{fixed}"),
    ("digits.orgnr", "a valid organisation number"),
    (
        "digits.ten-digits",
        "10 digits, not an account number; with the check digit they call for (modulus 11): {number}",
    ),
    (
        "digits.valid-account",
        "a valid account number ({number}, register number {register}; modulus 11)",
    ),
    (
        "digits.valid-kid",
        "a valid KID of {n} digits (modulus {schemes})",
    ),
    (
        "digits.valid-orgnr",
        "a valid organisation number ({number}; modulus 11)",
    ),
    ("digits.with-10", "{number} (modulus 10)"),
    ("digits.with-10-11", "{number} (modulus 10 and 11)"),
    (
        "digits.with-10-or-11",
        "{mod10} (modulus 10) or {mod11} (modulus 11)",
    ),
    ("dir.from-mps", "from MPS"),
    ("dir.to-mps", "to MPS"),
    (
        "err.book.assignment-taken",
        "assignment number {number} of agreement {agreement} was used by {other} read on {used}; it may be used again from {free}",
    ),
    (
        "err.book.cannot-resolve",
        "answer {answer} cannot be attributed to claim {claim}: {reason}",
    ),
    (
        "err.book.changed",
        "{name} changed while it was being imported; nothing imported: import it again",
    ),
    (
        "err.book.corrupt",
        "the book holds data this autogiro cannot read: {error}",
    ),
    (
        "err.book.invalid",
        "{name} does not validate ({errors} error(s)), the first: {first}; nothing imported",
    ),
    (
        "err.book.newer",
        "the book has schema version {found}, newer than this autogiro knows ({known}): use a newer autogiro",
    ),
    (
        "err.book.no-book",
        "no book at {path}: make one with `autogiro book init`",
    ),
    (
        "err.book.no-such-answer",
        "no unmatched answer {id} in the book (`autogiro book status --unmatched` lists them)",
    ),
    (
        "err.book.no-such-claim",
        "no claim {id} in the book (`autogiro book status --all` lists them with their ids)",
    ),
    (
        "err.book.not-a-book",
        "{location} holds other tables ({tables}) and no book: a book needs a database of its own",
    ),
    (
        "err.book.not-empty",
        "the book to copy into is not empty: copy into a new book",
    ),
    (
        "err.book.older",
        "the book has schema version {found}, older than this autogiro's ({known}): run `autogiro book init` to migrate it",
    ),
    (
        "err.book.other-unit-from",
        "{name} is from MPS for customer unit {found}, not this book's {expected}; nothing imported",
    ),
    (
        "err.book.other-unit-to",
        "{name} is to MPS from customer unit {found}, not this book's {expected}; nothing imported",
    ),
    ("err.book.storage", "the book's storage: {error}"),
    (
        "err.book.transmission-used",
        "transmission {number} of customer unit {sender} is already in the book as {other}, a different file: a transmission number is used once",
    ),
    (
        "err.book.unreadable",
        "cannot read {name}: {message}; nothing imported",
    ),
    ("err.io", "{what} {path}: {error}"),
    ("err.journal", "{path}:{line}: {message}"),
    (
        "err.payee.changed-downloading",
        "listed with {listed} bytes, {downloaded} bytes downloaded: it changed on the server meanwhile; not fetched",
    ),
    (
        "err.payee.no-book",
        "no book: the daily run imports MPS's answers into it ([book] path in autogiro.toml, or --book)",
    ),
    (
        "err.payee.no-book-for-numbers",
        "give --transmission and --assignment, or configure a book ([book] path in autogiro.toml, or --book) to take them from",
    ),
    (
        "err.payee.no-start",
        "{path}: does not start with record 10",
    ),
    (
        "err.payee.no-transfer",
        "no [transfer] in the settings: host, user, known_hosts, outbox, inbox and archive are needed (see autogiro config check)",
    ),
    (
        "err.payee.not-recorded",
        "{file}: sent, but not recorded in the book: {error}",
    ),
    (
        "err.payee.unknown-host-key",
        "{error} (--accept-new-host-key records it)",
    ),
    ("err.payee.unreadable", "{path}: {message}"),
    ("err.settings.invalid", "{path}: {message}"),
    ("err.settings.io", "cannot read {path}: {error}"),
    (
        "err.settings.not-found",
        "no settings: give --config PATH or put an {file} in the current directory",
    ),
    ("err.sftp.agent", "cannot use the ssh-agent: {reason}"),
    (
        "err.sftp.auth-refused",
        "{host} refused to authenticate {user} with {offered}",
    ),
    (
        "err.sftp.disk-full",
        "the local disk is full: cannot write {file}",
    ),
    (
        "err.sftp.host-key-changed",
        "the host key of {host}:{port} has changed: {file} line {line} expects {expected}, the server showed {found}; if MPS announced a new key, replace that line",
    ),
    (
        "err.sftp.key",
        "cannot use the private key {file}: {reason}",
    ),
    ("err.sftp.known-hosts", "cannot use {file}: {reason}"),
    ("err.sftp.local", "{file}: {error}"),
    (
        "err.sftp.local-exists",
        "{file} exists already: nothing overwritten",
    ),
    (
        "err.sftp.lost",
        "the connection to {host}:{port} was lost {attempts} time(s) while {what}: {reason}",
    ),
    (
        "err.sftp.maybe-sent",
        "the connection was lost while {path} was being renamed into place, and the file is no longer on the server: MPS may have taken it; look in MPS's receipt before sending it again",
    ),
    (
        "err.sftp.no-sftp",
        "{host} refused to start SFTP for {user}: the account has no SFTP access; ask MPS to check it",
    ),
    (
        "err.sftp.no-such-directory",
        "no such remote directory: {dir}",
    ),
    ("err.sftp.no-such-file", "no such remote file: {path}"),
    (
        "err.sftp.permission-denied",
        "permission denied on the server: {what} {path}",
    ),
    (
        "err.sftp.remote",
        "the server refused {what} {path}: {message}",
    ),
    (
        "err.sftp.remote-exists",
        "{path} is already on the server: nothing overwritten",
    ),
    (
        "err.sftp.size-mismatch",
        "{path}: {expected} bytes sent, {found} bytes arrived",
    ),
    (
        "err.sftp.unknown-host-key",
        "the host key of {host}:{port} ({fingerprint}) is not in {file}: compare the fingerprint with the one MPS gave you, then accept it once",
    ),
    (
        "err.sftp.unreachable",
        "cannot reach {host}:{port}: {reason}",
    ),
    ("event.already-in-book", "already in the book"),
    ("event.book-already", "; the book had it"),
    ("event.book-recorded", "; recorded in the book"),
    (
        "event.changed",
        "changed on the server since it was fetched ({then} bytes then, {now} now); left there, the next fetch takes it",
    ),
    ("event.confirmed", "recorded as sent as {remote}{book}"),
    ("event.failed", "{error}; left on the server"),
    ("event.fetched", "fetched to {file}"),
    ("event.fetched-before", "fetched before, in {file}"),
    (
        "event.fetched-invalid",
        "{errors} error(s) (autogiro validate {file} shows them); not imported, left on the server",
    ),
    (
        "event.found-sent",
        "found sent, by a run that stopped before it said so, as {remote} ({size} bytes){book}",
    ),
    (
        "event.from-mps",
        "not sent: a file from MPS, not one for it",
    ),
    (
        "event.host-key",
        "{host}:{port}: host key {fingerprint} recorded in {file}",
    ),
    (
        "event.imported",
        "imported: {claims} claim(s), {answered} answer(s), {mandates} mandate(s)",
    ),
    ("event.inbox-empty", "inbox {inbox}: nothing to fetch"),
    (
        "event.invalid",
        "not sent: {errors} error(s), the first: {first} (autogiro validate {file} shows all)",
    ),
    ("event.lines", "{first}\n{rest}"),
    (
        "event.maybe-sent",
        "not sent: it may have reached MPS already: it was being renamed to {remote} when the connection was lost or the run stopped, and it is no longer on the server. Look in MPS's receipt for transmission {transmission} of data sender {sender}: if it arrived, `autogiro transfer confirm {file}` records it as sent; if not, `autogiro send --resend {file}` sends it",
    ),
    (
        "event.not-imported",
        "not imported: {error}; left on the server",
    ),
    (
        "event.not-ours",
        "from data sender {sender} to data recipient {recipient}, not from MPS ({mps}) to this payee ({unit}); not imported, left on the server",
    ),
    (
        "event.nothing-to-confirm",
        "nothing to confirm: no run stopped while renaming this file on the server",
    ),
    ("event.of", "{name}: {what}"),
    (
        "event.on-server",
        "not sent: {remote} is on the server already, not yet taken by MPS",
    ),
    (
        "event.other-on-server",
        "not sent: {remote} is on the server with {found} bytes, not this file's {expected}",
    ),
    (
        "event.recorded-now",
        "sent earlier as {earlier} by a run that stopped; now in the book",
    ),
    (
        "event.refused-name",
        "{name}: not fetched: {why}; left on the server",
    ),
    (
        "event.rejections",
        "not sent: the book predicts {n} rejection(s) by MPS (listed above, as `autogiro book check` lists them); fix them, or send with --accept-rejections",
    ),
    ("event.sent", "sent as {remote} ({size} bytes){book}"),
    (
        "event.sent-before",
        "not sent: sent before as {earlier}, with the same content or transmission number {transmission} of data sender {sender}; --resend sends it again",
    ),
    (
        "event.sent-finished",
        "sent (its earlier run stopped before the rename) as {remote} ({size} bytes){book}",
    ),
    (
        "event.waiting",
        "{lock}: another send or fetch is running; waiting for it",
    ),
    (
        "event.would-confirm",
        "would be recorded as sent as {remote}",
    ),
    ("event.would-fetch", "would be fetched ({size} bytes)"),
    (
        "event.would-resume",
        "an earlier run stopped while renaming it to {remote} on the server: send looks there first and uploads nothing twice",
    ),
    (
        "event.would-send",
        "would be sent as {remote} ({size} bytes)",
    ),
    (
        "help.--accept_new_host_key",
        "Record the server's key in `known_hosts` when it has none for the server (like OpenSSH's accept-new). Compare the fingerprint printed with the one MPS gave first. A changed key is refused always",
    ),
    (
        "help.--assignment",
        "The assignment number of the first assignment (record 20); further agreements take the next numbers. Default: the next ones from the book",
    ),
    ("help.--edition", "The edition of the specification"),
    ("help.--force", "Overwrite the output file when it exists"),
    ("help.--help", "Print help (see more with '--help')"),
    ("help.--help.long", "Print help (see a summary with '-h')"),
    (
        "help.--input",
        "The table: .csv (`,` or `;`, UTF-8 or Windows-1252), .json (an array of objects) or .xlsx (the first sheet); `-` for CSV on standard input",
    ),
    (
        "help.--output",
        "Write to this file instead of standard output (through a temporary file, renamed into place)",
    ),
    ("help.--reference", "The mandate's payer reference"),
    (
        "help.--transmission",
        "The transmission number (record 10): the payee's own numbering. Default: the next one from the book, which records the file as prepared",
    ),
    ("help.--version", "Print version"),
    (
        "help.autogiro",
        "The `autogiro` command for the Norwegian Autogiro files of Mastercard Payment Services: validate, inspect, make from billing data, keep the payee's book, convert, simulate.",
    ),
    (
        "help.autogiro.--book",
        "The payee's book: an SQLite file, or a `postgres://` URL (default: `[book]` of the settings)",
    ),
    (
        "help.autogiro.--color",
        "When to color the output: `auto` (a terminal, unless `NO_COLOR` is set), `always`, `never`",
    ),
    (
        "help.autogiro.--config",
        "The payee's settings (default: ./autogiro.toml)",
    ),
    (
        "help.autogiro.--lang",
        "The language of the diagnostics, the summaries and the report: `nb` (bokmål; `no` and `nn` too) or `en`; default: the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. Codes, JSON keys and the levels `error` and `warning` stay as they are",
    ),
    (
        "help.autogiro.after",
        "Exit codes: 0 success (a file without errors); 1 a file with errors, a file not canonical, claims MPS would reject, something the simulator refused; 2 a usage or I/O problem (a file that cannot be read); 3 answers from MPS imported into the book that matched no claim (kept: `book status --unmatched`).",
    ),
    (
        "help.autogiro.book",
        "The payee's book: what was sent, what MPS answered, what is outstanding",
    ),
    (
        "help.autogiro.book.check",
        "Before sending: which claims of the file MPS would reject, and why. Exit 1 when any would be",
    ),
    (
        "help.autogiro.book.check.--date",
        "The day MPS will read it (YYYY-MM-DD); default: today",
    ),
    ("help.autogiro.book.check.--file", "A file to MPS"),
    (
        "help.autogiro.book.copy",
        "Copies a whole book into a new one, SQLite and PostgreSQL either way; both then export the same document",
    ),
    (
        "help.autogiro.book.copy.--from",
        "The book to copy: an SQLite file or a `postgres://` URL",
    ),
    (
        "help.autogiro.book.copy.--to",
        "The book to make: a new SQLite file or an empty PostgreSQL database",
    ),
    (
        "help.autogiro.book.export",
        "Everything in the book as JSON, for backup and for moving to another store",
    ),
    ("help.autogiro.book.export.--format", "The form (JSON)"),
    (
        "help.autogiro.book.import",
        "Import files sent (or to be sent) to MPS, and files from MPS: answers are matched to the claims sent. The same file twice changes nothing; a file with errors, or of another customer unit than the settings', is refused",
    ),
    ("help.autogiro.book.import.--files", "The files"),
    (
        "help.autogiro.book.import.--today",
        "The day MPS reads the files sent (YYYY-MM-DD); default: today",
    ),
    (
        "help.autogiro.book.import.long",
        "Import files sent (or to be sent) to MPS, and files from MPS: answers are matched to the claims sent. The same file twice changes nothing; a file with errors, or of another customer unit than the settings', is refused.\n\nExit 0 when everything was imported and matched; 3 when answers matched no claim (they are kept in the book and tried again at every import: `book status --unmatched`); 1 when a file was refused (the others are imported all the same).",
    ),
    (
        "help.autogiro.book.init",
        "Make the book (or bring an existing one to this version)",
    ),
    (
        "help.autogiro.book.mandates",
        "The mandates the book knows, deleted ones too, each with its state on the day: sent (not yet confirmed), pending (before its first chargeable day), active, blocked, expired, deleted",
    ),
    ("help.autogiro.book.mandates.--format", "How to print"),
    (
        "help.autogiro.book.mandates.--today",
        "The day (YYYY-MM-DD); default: today",
    ),
    (
        "help.autogiro.book.report",
        "A month of the book as one HTML page to look at or print (A4): claims per month by status, the month's rejections by code with what each means and what to do, amount limits close to their end, mandates registered and deleted, claims outstanding past their answer date, answers nobody could match. Self-contained: no script, nothing loaded from elsewhere",
    ),
    (
        "help.autogiro.book.report.--month",
        "The month (YYYY-MM); default: the month of today",
    ),
    (
        "help.autogiro.book.report.--today",
        "The day the report is made (YYYY-MM-DD): what is outstanding is as of it; default: today",
    ),
    (
        "help.autogiro.book.resolve",
        "By hand: `ANSWER --claim CLAIM` attributes an answer that matched no claim (`book status --unmatched`) to a claim of the same agreement and amount with no final answer yet; `CLAIM --handled WHY` closes a rejected or outstanding claim settled another way (kept, with the day, `$USER` and why, and counted as handled)",
    ),
    (
        "help.autogiro.book.resolve.--claim",
        "The claim the answer is for (`book status --all` lists the claims with their ids)",
    ),
    (
        "help.autogiro.book.resolve.--handled",
        "Why the claim is closed by hand",
    ),
    (
        "help.autogiro.book.resolve.--id",
        "The answer's id (with `--claim`), or the claim's (with `--handled`)",
    ),
    (
        "help.autogiro.book.resolve.--today",
        "The day it is closed (YYYY-MM-DD); default: today",
    ),
    (
        "help.autogiro.book.status",
        "Claims by status, with counts and sums; `--outstanding`, `--rejected`, `--settled` or `--all` lists them",
    ),
    ("help.autogiro.book.status.--all", "List every claim"),
    ("help.autogiro.book.status.--format", "How to print"),
    (
        "help.autogiro.book.status.--handled",
        "List the claims closed by hand, with who, when and why",
    ),
    (
        "help.autogiro.book.status.--outstanding",
        "List the claims with no answer by their processing date + 3 business days",
    ),
    (
        "help.autogiro.book.status.--payments",
        "List the OCR giro payments received (a KID each, and the AvtaleGiro claim a settlement settles): which invoices were paid by giro",
    ),
    (
        "help.autogiro.book.status.--rejected",
        "List the claims MPS rejected, with the reason",
    ),
    (
        "help.autogiro.book.status.--settled",
        "List the claims MPS settled",
    ),
    (
        "help.autogiro.book.status.--since",
        "Only claims processed (or due) on or after this day: the counts, the outstanding and the claims listed",
    ),
    (
        "help.autogiro.book.status.--today",
        "The day to count outstanding claims on (YYYY-MM-DD); default: today",
    ),
    (
        "help.autogiro.book.status.--unmatched",
        "List the answers from MPS that match no claim, kept in the book (each with the id `book resolve` takes)",
    ),
    (
        "help.autogiro.completions",
        "Shell completions for bash, zsh, fish or PowerShell, on standard output",
    ),
    ("help.autogiro.completions.--shell", "The shell"),
    (
        "help.autogiro.config",
        "The payee's settings file, autogiro.toml",
    ),
    (
        "help.autogiro.config.check",
        "Check the settings and print what they say",
    ),
    (
        "help.autogiro.convert",
        "Convert between the fixed-width file (OCR), JSON (the model's form) and CSV (claims)",
    ),
    (
        "help.autogiro.convert.--dialect",
        "The CSV's dialect: plain (`,`, decimal point, UTF-8, LF), or Norwegian Excel (`;`, decimal comma, UTF-8 with BOM, CRLF, identifiers kept as text)",
    ),
    (
        "help.autogiro.convert.--file",
        "The file: fixed-width, or JSON when it ends in `.json` or starts with `{`",
    ),
    (
        "help.autogiro.convert.--kid",
        "Which KID check digits are valid",
    ),
    ("help.autogiro.convert.--to", "The form to write"),
    (
        "help.autogiro.convert.--today",
        "The date the file is read (YYYY-MM-DD), for the 12-month window of due dates and for two-digit years; default: today",
    ),
    (
        "help.autogiro.daily",
        "The daily run, for a timer: fetch and import MPS's answers (as `fetch`), send every file of the `[transfer] outgoing` folder the book does not have as sent (as `send`), and report what needs a person: rejections, unmatched answers, mandates changed, claims outstanding past their answer date. Exit 0: nothing to look at; 1: something to look at (listed); 2: the run failed",
    ),
    (
        "help.autogiro.daily.--dry_run",
        "Say what would be fetched and sent; change nothing",
    ),
    (
        "help.autogiro.daily.--kid",
        "Which KID check digits are valid",
    ),
    (
        "help.autogiro.daily.--today",
        "The date the file is read (YYYY-MM-DD), for the 12-month window of due dates and for two-digit years; default: today",
    ),
    (
        "help.autogiro.digits",
        "Whether an account number, a KID or an organisation number is valid, and what its check digit should be. Exit 0 when every number is valid, 1 when one is not",
    ),
    ("help.autogiro.digits.--kind", "The kind of number"),
    (
        "help.autogiro.digits.--numbers",
        "The numbers (spaces or dots between groups allowed: `1234.56.78903`)",
    ),
    (
        "help.autogiro.fetch",
        "Fetch MPS's answers over SFTP: each file of the inbox not fetched before is downloaded to the archive (synced, then renamed), validated, imported into the book when one is configured, and only then removed from the server. Run again after a crash, it fetches and imports nothing twice",
    ),
    (
        "help.autogiro.fetch.--dry_run",
        "List what would be fetched; download and remove nothing",
    ),
    (
        "help.autogiro.fetch.--keep_remote",
        "Leave the files on the server (they are not fetched again)",
    ),
    (
        "help.autogiro.fetch.--kid",
        "Which KID check digits are valid",
    ),
    (
        "help.autogiro.fetch.--today",
        "The date the file is read (YYYY-MM-DD), for the 12-month window of due dates and for two-digit years; default: today",
    ),
    (
        "help.autogiro.fmt",
        "Rewrite a file canonically: every record re-encoded, CRLF line breaks (or LF), a line break after the last record, no trailing empty lines",
    ),
    (
        "help.autogiro.fmt.--check",
        "Write nothing; exit 1 when the file is not canonical",
    ),
    (
        "help.autogiro.fmt.--file",
        "The file (`-` for standard input)",
    ),
    (
        "help.autogiro.fmt.--lf",
        "Use LF line breaks instead of CRLF",
    ),
    (
        "help.autogiro.inspect",
        "Summarise a file: direction, parties, each assignment with its counts, sums and dates, rejections by error code, mandates by registration type",
    ),
    (
        "help.autogiro.inspect.--file",
        "The file (`-` for standard input)",
    ),
    (
        "help.autogiro.inspect.--kid",
        "Which KID check digits are valid",
    ),
    (
        "help.autogiro.inspect.--today",
        "The date the file is read (YYYY-MM-DD), for the 12-month window of due dates and for two-digit years; default: today",
    ),
    (
        "help.autogiro.new",
        "Make a file for MPS from a table of billing data (CSV, JSON or .xlsx): claims (Autogiro's or AvtaleGiro's), AvtaleGiro cancellation requests, or mandates. Every problem of every row is reported before anything is written; what is written validates with every rule",
    ),
    (
        "help.autogiro.new.cancellations",
        "AvtaleGiro cancellation requests (sletteanmodninger) of claims sent: columns `amount`, `due_date`, `kid` as the claim had them, and optionally `short_name`, `foreign_reference`, `agreement`",
    ),
    (
        "help.autogiro.new.cancellations.--format",
        "How to print the problems: one line each, or JSON lines (file, row, column, code, message)",
    ),
    (
        "help.autogiro.new.cancellations.--today",
        "The date the file will be read (YYYY-MM-DD), for the 12-month window of due dates; default: today",
    ),
    (
        "help.autogiro.new.claims",
        "Claims (betalingskrav) from billing rows: columns `payer_reference`, `amount`, `due_date`, `short_name`, and optionally `kid`, `own_reference`, `foreign_reference`, `specification`, `replaces`, `agreement` (docs/columns.md: each column's form and rules). With `--service avtalegiro`, AvtaleGiro claims: `amount`, `due_date`, `kid`, `short_name`, and optionally `foreign_reference`, `specification`, `agreement`",
    ),
    (
        "help.autogiro.new.claims.--format",
        "How to print the problems: one line each, or JSON lines (file, row, column, code, message)",
    ),
    (
        "help.autogiro.new.claims.--service",
        "The service of the claims: Autogiro's, or AvtaleGiro's (for the settings' agreements with `service = \"avtalegiro\"`)",
    ),
    (
        "help.autogiro.new.claims.--today",
        "The date the file will be read (YYYY-MM-DD), for the 12-month window of due dates; default: today",
    ),
    (
        "help.autogiro.new.mandates",
        "Mandates (fullmakter) from rows: columns `registration`, `account`; to register or change, `name`, `postal_code`, `postal_town`, `organisation_number`, `signatory`, `signatory_birth_date`; optionally `payer_reference`, `period`, `limit`, `valid_from`, `valid_to`, `address1`, `address2`, `country_code`, `agreement` (docs/columns.md)",
    ),
    (
        "help.autogiro.new.mandates.--format",
        "How to print the problems: one line each, or JSON lines (file, row, column, code, message)",
    ),
    (
        "help.autogiro.new.mandates.--today",
        "The date the file will be read (YYYY-MM-DD), for the 12-month window of due dates; default: today",
    ),
    (
        "help.autogiro.send",
        "Send files to MPS over SFTP: each validated (an invalid file is not sent), refused when sent before (the same content or transmission number) unless --resend, uploaded under a temporary name and renamed when complete (the rename journalled first: a file whose rename an earlier run may have done is looked for on the server, never uploaded twice), then recorded in the transfer journal and the book",
    ),
    (
        "help.autogiro.send.--accept_rejections",
        "Send a file even when the book predicts MPS would reject some of its claims (as `book check` lists them)",
    ),
    (
        "help.autogiro.send.--dry_run",
        "Check each file and say where it would go; connect to nothing",
    ),
    ("help.autogiro.send.--files", "The files for MPS"),
    (
        "help.autogiro.send.--kid",
        "Which KID check digits are valid",
    ),
    (
        "help.autogiro.send.--resend",
        "Send a file even if it was sent before",
    ),
    (
        "help.autogiro.send.--today",
        "The date the file is read (YYYY-MM-DD), for the 12-month window of due dates and for two-digit years; default: today",
    ),
    (
        "help.autogiro.simulate",
        "Run the MPS simulator: update the mandate register from the file's mandates, settle or reject its claims, and write the file MPS would send back",
    ),
    (
        "help.autogiro.simulate.--date",
        "The date MPS reads the file (YYYY-MM-DD)",
    ),
    (
        "help.autogiro.simulate.--file",
        "A file to MPS. Without one, the answers kept for later days (`--until`) that are due by `--date` are sent",
    ),
    (
        "help.autogiro.simulate.--state",
        "The simulator's state (register, charges, numbers, answers) as JSON; created when missing. Runs on one state take turns (a lock beside it)",
    ),
    (
        "help.autogiro.simulate.--until",
        "Answer only the claims processed by this day (YYYY-MM-DD); the rest are kept in the state, and a later run with no FILE and that day's --date sends them, as MPS would. By default the whole answer is given at once",
    ),
    (
        "help.autogiro.simulate.block",
        "The payer's bank blocks a mandate: MPS rejects its claims with 133 on those days",
    ),
    (
        "help.autogiro.simulate.block.--agreement",
        "The agreement id",
    ),
    (
        "help.autogiro.simulate.block.--from",
        "The first day blocked (YYYY-MM-DD)",
    ),
    (
        "help.autogiro.simulate.block.--state",
        "The simulator's state",
    ),
    (
        "help.autogiro.simulate.block.--to",
        "The last day blocked; default: until unblocked",
    ),
    (
        "help.autogiro.simulate.sign-up",
        "A payer signs up for AvtaleGiro in the net bank with a KID: MPS lists the mandate to the payee in its next answer, and settles the agreement's claims of that KID (as OCR giro payments of type 15) from then on. The payee and agreement are the settings' (`--config`)",
    ),
    (
        "help.autogiro.simulate.sign-up.--agreement",
        "The AvtaleGiro agreement id; default: the settings' only AvtaleGiro agreement",
    ),
    (
        "help.autogiro.simulate.sign-up.--kid",
        "The KID the payer signs up with",
    ),
    (
        "help.autogiro.simulate.sign-up.--state",
        "The simulator's state",
    ),
    (
        "help.autogiro.simulate.sign-up.--written_notice",
        "The payer wants a written notice of each claim",
    ),
    ("help.autogiro.simulate.unblock", "Lifts a block"),
    (
        "help.autogiro.simulate.unblock.--agreement",
        "The agreement id",
    ),
    (
        "help.autogiro.simulate.unblock.--state",
        "The simulator's state",
    ),
    (
        "help.autogiro.transfer",
        "The SFTP account at MPS (`[transfer]` of the settings)",
    ),
    (
        "help.autogiro.transfer.confirm",
        "Record as sent files that a `send` stopped in while renaming them on the server, once MPS's receipt shows they arrived (`send` says when this is needed). Connects to nothing",
    ),
    (
        "help.autogiro.transfer.confirm.--dry_run",
        "Say what would be recorded; record nothing",
    ),
    (
        "help.autogiro.transfer.confirm.--files",
        "The files MPS's receipt shows",
    ),
    (
        "help.autogiro.transfer.confirm.--kid",
        "Which KID check digits are valid",
    ),
    (
        "help.autogiro.transfer.confirm.--today",
        "The date the file is read (YYYY-MM-DD), for the 12-month window of due dates and for two-digit years; default: today",
    ),
    (
        "help.autogiro.transfer.test",
        "Connect, authenticate, list the outbox and the inbox, print the server's key fingerprint: the connectivity test MPS runs with each customer",
    ),
    (
        "help.autogiro.validate",
        "Check every rule of the specification, streaming; print each problem with its line, columns and field. Exit 0 when clean, 1 on any error, 2 when a file cannot be read (the others are checked all the same)",
    ),
    (
        "help.autogiro.validate.--files",
        "Files to check (`-` for standard input); a directory checks every file in it, in name order",
    ),
    (
        "help.autogiro.validate.--format",
        "How to print the diagnostics: rustc-style, or JSON lines (each file ends with a summary object: file, errors, warnings, valid)",
    ),
    (
        "help.autogiro.validate.--kid",
        "Which KID check digits are valid",
    ),
    (
        "help.autogiro.validate.--max_errors",
        "Print at most N diagnostics a file; the rest are counted, and the summary says how many were not shown",
    ),
    (
        "help.autogiro.validate.--quiet",
        "Print only errors: no warnings, nothing for a valid file",
    ),
    (
        "help.autogiro.validate.--today",
        "The date the file is read (YYYY-MM-DD), for the 12-month window of due dates and for two-digit years; default: today",
    ),
    ("help.heading.arguments", "Arguments"),
    ("help.heading.commands", "Commands"),
    ("help.heading.options", "Options"),
    ("help.heading.usage", "Usage"),
    (
        "help.help-command",
        "Print this message or the help of the given subcommand(s)",
    ),
    (
        "inspect.assignment",
        "assignment {index}: {kind}, agreement {agreement}, number {number}, account {account}",
    ),
    (
        "inspect.assignment-of-account",
        "assignment {index}: {kind}, number {number}, account {account}",
    ),
    ("inspect.cancellations.one", "{n} cancellation request"),
    ("inspect.cancellations.other", "{n} cancellation requests"),
    ("inspect.claims.one", "{n} claim"),
    ("inspect.claims.other", "{n} claims"),
    ("inspect.credits", " less credits of {credit} NOK"),
    ("inspect.dates", "{first} to {last}"),
    ("inspect.due", "{items}, {sum} NOK, due {dates}"),
    (
        "inspect.errors",
        "{errors} error(s), {warnings} warning(s): the summary shows what could be read; run `autogiro validate` for details",
    ),
    (
        "inspect.from-mps",
        "from MPS to customer unit {recipient}, generated {generated}",
    ),
    (
        "inspect.from-mps-undated",
        "from MPS to customer unit {recipient}, undated",
    ),
    (
        "inspect.mandates",
        "{mandates}: {kinds}; {standard} standard, {simplified} simplified; limits {sum} NOK",
    ),
    ("inspect.mandates.one", "{n} mandate"),
    ("inspect.mandates.other", "{n} mandates"),
    ("inspect.no-dates", "none"),
    ("inspect.not-listed", "not listed in spec 3.9"),
    ("inspect.payments.one", "{n} payment"),
    ("inspect.payments.other", "{n} payments"),
    ("inspect.processed", "{items}, {sum} NOK, processed {dates}"),
    ("inspect.reg.changed", "{n} changed"),
    ("inspect.reg.deleted", "{n} deleted"),
    ("inspect.reg.listed", "{n} listed"),
    ("inspect.reg.new-or-changed.one", "{n} new or changed"),
    ("inspect.reg.new-or-changed.other", "{n} new or changed"),
    ("inspect.reg.new.one", "{n} new"),
    ("inspect.reg.new.other", "{n} new"),
    ("inspect.rejection", "{code} {meaning}: {claims}, {sum} NOK"),
    (
        "inspect.settled",
        "{items}, {sum} NOK{extra}, settled {dates}",
    ),
    (
        "inspect.specification",
        "{claims} with specification lines ({lines} lines)",
    ),
    ("inspect.to-mps", "to MPS from customer unit {sender}"),
    ("inspect.transmission", "transmission {number} {direction}"),
    ("inspect.valid", "valid"),
    (
        "inspect.valid-warnings",
        "valid, {warnings} warning(s): run `autogiro validate` for details",
    ),
    ("io.lock", "cannot lock"),
    ("io.make-folder", "cannot make the folder"),
    ("io.move", "cannot move"),
    ("io.read", "cannot read"),
    ("io.read-folder", "cannot read the folder"),
    ("io.read-made", "cannot read the file made"),
    ("io.remove", "cannot remove"),
    ("io.repair", "cannot repair"),
    ("io.write", "cannot write"),
    (
        "kind.avtalegiro-cancellations",
        "AvtaleGiro cancellation requests",
    ),
    ("kind.avtalegiro-claims", "AvtaleGiro claims"),
    ("kind.avtalegiro-mandates", "AvtaleGiro mandates"),
    ("kind.claims", "claims"),
    ("kind.mandates", "mandates"),
    ("kind.ocr-giro", "OCR giro payments"),
    ("kind.rejected", "rejected claims"),
    ("kind.settled", "settled claims"),
    ("kind.typed", "{kind} (type {type})"),
    ("kind.unknown", "unknown type"),
    (
        "ledger.account-not-found",
        "the payer's account does not exist",
    ),
    (
        "ledger.blocked",
        "the mandate is blocked from {from} to {to}",
    ),
    ("ledger.expired", "the mandate ended on {date}"),
    (
        "ledger.limit",
        "limit {limit} NOK for the period: {used} used, {requested} requested",
    ),
    ("ledger.not-found", "no mandate for the payer reference"),
    (
        "ledger.not-yet-active",
        "the mandate is chargeable from {date}",
    ),
    ("ledger.open", "open"),
    (
        "ledger.rejected-by-bank",
        "the payer's bank refused the charge",
    ),
    ("list.and", "{init} and {last}"),
    ("make.cannot-write", "cannot write the file: {error}"),
    (
        "make.due-date-window",
        "{due} is more than 12 months from the day the file is read (expected {first} to {last})",
    ),
    (
        "make.invalid",
        "nothing written: the file would not validate",
    ),
    (
        "make.made",
        "transmission {transmission}, {assignments} assignment(s), {count} {what}",
    ),
    (
        "make.made-sum",
        "transmission {transmission}, {assignments} assignment(s), {count} {what}, {sum} NOK",
    ),
    (
        "make.no-agreement",
        "the settings list no {service} agreement: add an [[agreement]] table to autogiro.toml",
    ),
    (
        "make.no-agreement-giro",
        "the settings list no {service} agreement: add an [[agreement]] table with service = \"avtalegiro\" to autogiro.toml",
    ),
    (
        "make.no-book",
        "a claim billed again is recorded in the book: configure one ([book] in autogiro.toml, or --book)",
    ),
    ("make.no-rows", "no rows; nothing written"),
    (
        "make.own-reference-row",
        "{own} is the own reference of row {row} too: MPS's answers to the two can be told apart only by payer, amount and date",
    ),
    (
        "make.own-reference-waiting",
        "{own} is the own reference of a claim still waiting for MPS's answer (`autogiro book status --all`): MPS's answers to the two can be told apart only by payer, amount and date",
    ),
    ("make.problems", "{n} problem(s); nothing written"),
    (
        "make.several-agreements",
        "required: the settings list several {service} agreements",
    ),
    (
        "make.unknown-agreement",
        "agreement {id} is not in the settings ([[agreement]] tables of autogiro.toml)",
    ),
    ("make.what.avtalegiro-claims", "AvtaleGiro claims"),
    ("make.what.cancellations", "cancellation requests"),
    ("make.what.claims", "claims"),
    ("make.what.mandates", "mandates"),
    ("make.writer-lost", "the writer was lost"),
    (
        "make.wrong-service",
        "agreement {id} is an {service} agreement in the settings: these rows go to one with service = \"{wanted}\"",
    ),
    ("new.file-made", "the file made"),
    ("page.before-3-9", "before 3.9"),
    ("page.choose", "Choose a file, or drop it here"),
    ("page.download", "Download the diagnostics:"),
    ("page.edition", "Edition of the specification"),
    ("page.errors", "errors"),
    ("page.failed", "The file could not be checked: {message}"),
    ("page.field", "field"),
    (
        "page.footer",
        "autogiro-rs: Norwegian Autogiro files of Mastercard Payment Services (formerly Nets), systemspesifikasjon 3.9.",
    ),
    (
        "page.invalid",
        "{name}: {errors}, {warnings} (checked in {seconds} s)",
    ),
    ("page.json-lines", "JSON lines"),
    ("page.kid", "KID check digit"),
    ("page.kid-any", "modulus 10 or 11"),
    ("page.kid-mod10", "modulus 10 only"),
    ("page.kid-mod11", "modulus 11 only"),
    ("page.kid-off", "not checked"),
    ("page.language", "Language"),
    (
        "page.lead",
        "Check an Autogiro file (claims, mandates, or a file from Mastercard Payment Services), an AvtaleGiro file or an OCR giro file against every rule of its specification, with the same rules and messages as the autogiro command.",
    ),
    (
        "page.lines",
        "Finding the lines of the diagnostics in {name}…",
    ),
    (
        "page.more",
        "{n} more not shown here: download the diagnostics to see them all.",
    ),
    ("page.no-date", "Give the date the file is read."),
    (
        "page.private",
        "The file is read here, in your browser. Nothing is sent anywhere.",
    ),
    ("page.reading", "Reading {name}: {done} of {total} MB"),
    ("page.ready", "Choose a file to check it."),
    ("page.show", "Show"),
    ("page.title", "Autogiro file check"),
    ("page.today", "Date the file is read"),
    ("page.valid", "{name}: valid (checked in {seconds} s)"),
    (
        "page.valid-warnings",
        "{name}: valid, {warnings} (checked in {seconds} s)",
    ),
    ("page.warnings", "warnings"),
    ("period.daily", "day"),
    ("period.half-yearly", "half-year"),
    ("period.monthly", "month"),
    ("period.quarterly", "quarter"),
    ("period.weekly", "week"),
    ("period.yearly", "year"),
    ("rec.blank-filler", "expected {width} blanks (filler)"),
    ("rec.date", "expected a date DDMMYY"),
    ("rec.digits", "expected {width} digits"),
    (
        "rec.digits-or-blanks",
        "expected {width} digits or {width} blanks",
    ),
    ("rec.empty-line", "expected a record, found an empty line"),
    ("rec.expected-found", "{expected}, found {found}"),
    (
        "rec.line-length",
        "expected a record of 80 characters, found {length}: {found}",
    ),
    ("rec.literal", "expected `{value}`"),
    ("rec.long-date", "expected a date DDMMYYYY"),
    (
        "rec.looks-like-utf8",
        "expected a record of 80 ISO-8859-1 characters, found {length} bytes that read as UTF-8 (save the file as ISO-8859-1): {found}",
    ),
    (
        "rec.mps-not-named",
        "expected MPS (00008080) as data sender (files from MPS) or data recipient (files to MPS)",
    ),
    (
        "rec.no-service-record",
        "expected no {service} record in files {direction}: {service} files come only {other}",
    ),
    ("rec.one-of", "expected one of {codes}"),
    ("rec.optional-date", "expected a date DDMMYY or 000000"),
    (
        "rec.padded-digits",
        "expected digits right-justified in {width} columns, padded on the left with blanks",
    ),
    (
        "rec.payer-reference",
        "expected the payer's reference or account: digits right-justified in {width} columns, padded on the left with zeros or blanks, never all blanks",
    ),
    (
        "rec.service-record-type",
        "expected a record type of {service} files {direction} ({types})",
    ),
    ("rec.text", "expected printable ISO-8859-1 text"),
    (
        "rec.too-large",
        "expected at most {width} digits, found the value {value}",
    ),
    (
        "rec.unknown-record-type",
        "expected a record type of files {direction} ({types})",
    ),
    (
        "rec.utf8-text",
        "expected ISO-8859-1 text, found text that reads as UTF-8 (save the file as ISO-8859-1): {found}",
    ),
    (
        "rec.wrong-direction",
        "expected a record type of files {direction}; this one exists only in files {other}",
    ),
    (
        "rec.year",
        "expected a year from 1970 to 2069 (two-digit years read back in that window), found {year}",
    ),
    ("rec.zero-filler", "expected {width} zeros (filler)"),
    (
        "refused.assignment",
        "assignment {number} of agreement {agreement} refused: {reason}",
    ),
    (
        "refused.assignment-number",
        "assignment number {number} was used in the file read on {used}; this file, read on {received}, may reuse it from {free} (12 months + 1 day, spec 2.2 field 6)",
    ),
    ("refused.from-mps", "a file from MPS is not sent to MPS"),
    ("refused.mandate", "mandate refused: {reason}"),
    ("refused.transmission", "transmission refused: {reason}"),
    (
        "register.account-change",
        "mandate {reference} of agreement {agreement}: the account can change only when a payer reference distinct from it is used (delete and register anew)",
    ),
    (
        "register.already",
        "mandate {reference} of agreement {agreement} is already registered",
    ),
    (
        "register.listing-to-mps",
        "registration type 0 (full listing) exists only in files from MPS",
    ),
    (
        "register.unknown",
        "mandate {reference} of agreement {agreement} is not registered",
    ),
    (
        "register.valid-from",
        "mandate {reference} of agreement {agreement}: valid-from cannot change (delete and register anew)",
    ),
    ("report.claims-of-month", "Claims due in {month}"),
    ("report.col.agreement", "Agreement"),
    ("report.col.amount", "Amount (NOK)"),
    ("report.col.claims", "Claims"),
    ("report.col.code", "Code"),
    ("report.col.count", "Count"),
    ("report.col.due", "Due date"),
    ("report.col.file", "File"),
    ("report.col.limit", "Limit (NOK)"),
    ("report.col.meaning", "What it means"),
    ("report.col.name", "Name"),
    ("report.col.payer", "Payer"),
    ("report.col.period", "Period"),
    ("report.col.processing", "Processing date"),
    ("report.col.status", "Status"),
    ("report.col.todo", "What to do"),
    ("report.col.used", "Charged in the period (NOK)"),
    ("report.limits", "Amount limits close to their end"),
    (
        "report.limits-lead",
        "Mandates whose claims in the period of {day} reach 80 % of the limit or more.",
    ),
    ("report.made", "Book {book}, made {today}"),
    ("report.mandates", "Mandates in {month}"),
    ("report.mandates-added", "registered"),
    ("report.mandates-removed", "deleted"),
    ("report.months", "Claims per month by status (by due date)"),
    ("report.more", "and {n} more"),
    ("report.none", "None."),
    ("report.outstanding", "Outstanding past their answer date"),
    ("report.rejections", "Rejections in {month}"),
    ("report.status.handled", "closed by hand"),
    ("report.status.rejected", "rejected"),
    ("report.status.retry", "retried by MPS"),
    ("report.status.sent", "sent, no answer yet"),
    ("report.status.settled", "settled"),
    ("report.title", "Monthly report"),
    ("report.totals", "The book's totals"),
    ("report.unmatched", "Answers nobody could match"),
    ("row.account", "account {found}: {error}"),
    (
        "row.agreement",
        "{found} is not an agreement id (up to 9 digits)",
    ),
    (
        "row.avtalegiro-cancellation-lines",
        "a cancellation request carries no specification lines (MPS does not process them)",
    ),
    (
        "row.avtalegiro-own-reference",
        "AvtaleGiro's records have no own reference: the KID is the claim's reference",
    ),
    (
        "row.avtalegiro-payer-reference",
        "AvtaleGiro has no payer reference: MPS finds the payer's mandate by the KID (decision A1)",
    ),
    (
        "row.avtalegiro-replaces",
        "a claim billed again is recorded by own reference, which AvtaleGiro's claims lack",
    ),
    (
        "row.birth-date",
        "the signatory's birth date {birth} is after {today}, the day the file is made",
    ),
    (
        "row.deletion-details",
        "a deletion carries no payer's details; leave it empty",
    ),
    ("row.duplicate-column", "the column {column} appears twice"),
    (
        "row.foreign-postal-code",
        "a foreign postal code has at most 7 characters",
    ),
    ("row.found", "{found}: {error}"),
    ("row.kid", "KID {found}: {error}"),
    (
        "row.limit-missing",
        "a mandate with a period has a limit per period, found nothing",
    ),
    (
        "row.limit-zero",
        "a mandate with a period has a limit above zero; leave period and limit empty for a simplified mandate",
    ),
    ("row.missing-column", "the column {column} is required"),
    ("row.organisation", "organisation number {found}: {error}"),
    (
        "row.payer",
        "{found} is neither a payer reference (digits) nor an account number",
    ),
    (
        "row.payer-blank",
        "the payer's reference or account needs at least one digit",
    ),
    ("row.payer-digits", "{found} has more than 11 digits"),
    (
        "row.payer-zeros",
        "the payer's reference or account is all zeros: neither a reference nor an account",
    ),
    (
        "row.period",
        "expected daily, weekly, monthly, quarterly, half-yearly or yearly (empty for a simplified mandate)",
    ),
    (
        "row.period-missing",
        "a limit needs its period (daily to yearly); leave both empty for a simplified mandate",
    ),
    ("row.postal-code", "a Norwegian postal code is 4 digits"),
    ("row.registration", "expected new, change or delete"),
    ("row.required", "required, found nothing"),
    (
        "row.specification-lines",
        "{lines} lines: a notice has at most {most} (each line of the cell is a line of the notice)",
    ),
    (
        "row.specification-text",
        "line {line}, column {column}: {found}: {error} (40 characters a column)",
    ),
    (
        "row.unknown-column",
        "unknown column {column}; the columns are {columns}",
    ),
    ("sftp-doing.downloading", "downloading {path}"),
    ("sftp-doing.listing", "listing {path}"),
    ("sftp-doing.looking-at", "looking at {path}"),
    ("sftp-doing.removing", "removing {path}"),
    ("sftp-doing.renaming", "renaming {from} to {to}"),
    ("sftp-doing.uploading", "uploading {path}"),
    ("sftp-op.listing", "listing"),
    ("sftp-op.looking-at", "looking at"),
    ("sftp-op.reading", "reading"),
    ("sftp-op.removing", "removing"),
    ("sftp-op.renaming-to", "renaming to"),
    ("sftp-op.writing", "writing"),
    (
        "simulate.again",
        "answered before (read on {date}): the same answer again, nothing charged twice",
    ),
    (
        "simulate.answered",
        "answered with {settled} settled and {rejected} rejected claim(s){giro}, {mandates} mandate(s){later}",
    ),
    (
        "simulate.answered-giro",
        ", {n} AvtaleGiro claim(s) settled as OCR giro payments",
    ),
    (
        "simulate.answered-later",
        "; processing dates up to {date}: MPS would send the answers after {read_on} later, day by day",
    ),
    ("simulate.blocked", "{mandate}: blocked from {from} to {to}"),
    (
        "simulate.later",
        "{n} claim(s) processed after {date} are answered on their days: `autogiro simulate --state {state} --date DAY` sends them",
    ),
    (
        "simulate.mandate",
        "mandate {reference} of agreement {agreement}",
    ),
    ("simulate.none-due", "no answer is due; MPS sends nothing"),
    (
        "simulate.not-business-day",
        "{date} is not a business day: MPS reads a file sent then on {next}",
    ),
    (
        "simulate.nothing-back",
        "MPS sends nothing back for this file",
    ),
    (
        "simulate.signed-up",
        "KID {kid} signed up for AvtaleGiro with agreement {agreement} (account {account}): listed in MPS's next answer",
    ),
    ("simulate.unblocked", "{mandate}: not blocked"),
    ("simulate.waiting", "{n} claim(s) wait for later days"),
    (
        "sum.all-zeros",
        "all zeros: no bank issues this account number",
    ),
    ("sum.empty", "empty: expected digits"),
    (
        "sum.mismatch",
        "{modulus} check digit: expected {expected}, found {found}",
    ),
    (
        "sum.no-check-digit",
        "no valid check digit exists for this body (modulus 11 leaves remainder 1)",
    ),
    (
        "sum.no-scheme",
        "check digit {found} is valid under neither modulus 10 (expected {mod10}) nor modulus 11 (expected {mod11})",
    ),
    (
        "sum.no-scheme-11",
        "check digit {found} is valid under neither modulus 10 (expected {mod10}) nor modulus 11 (no check digit exists)",
    ),
    (
        "sum.non-zero-padding",
        "expected zero padding `00` before the 9 digits, found {found} at position {position}",
    ),
    (
        "sum.not-a-digit",
        "expected a digit at position {position}, found {found}",
    ),
    (
        "sum.too-long",
        "too long: expected at most {max} digits, found {found}",
    ),
    (
        "sum.too-short",
        "too short: expected at least {min} digits, found {found}",
    ),
    (
        "sum.wrong-length",
        "wrong length: expected {expected} digits, found {found}",
    ),
    (
        "table.cells",
        "{cells} cells, but the header has {width} columns",
    ),
    ("table.not-an-object", "expected an object, found {found}"),
    (
        "table.unknown-keys",
        "unknown keys {keys}; the keys are {columns}",
    ),
    (
        "transfer.connected",
        "{user}@{host}:{port}: connected, authenticated; host key {fingerprint}",
    ),
    ("transfer.inbox", "inbox {dir}: {n} file(s), {bytes} bytes"),
    (
        "transfer.outbox",
        "outbox {dir}: {n} file(s), {bytes} bytes",
    ),
    (
        "value.control",
        "control character {found} at position {position}",
    ),
    (
        "value.looks-like-utf8",
        "`Ã` followed by a symbol at position {position} reads as UTF-8, not ISO-8859-1",
    ),
    (
        "value.not-a-digit",
        "expected a digit at position {position}, found {found}",
    ),
    (
        "value.not-latin1",
        "character {found} at position {position} is not in ISO-8859-1 (Latin-1)",
    ),
    (
        "value.too-long",
        "{found} characters do not fit a field of {max}",
    ),
    (
        "value.wrong-length",
        "expected {expected} digits, found {found}",
    ),
];
