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
    ("cli.counts", "{errors}, {warnings}"),
    ("cli.errors.one", "{n} error"),
    ("cli.errors.other", "{n} errors"),
    ("cli.hidden", "{n} more not shown (--max-errors)"),
    ("cli.valid", "valid"),
    ("cli.valid-with", "valid, {warnings}"),
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
    ("dir.from-mps", "from MPS"),
    ("dir.to-mps", "to MPS"),
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
    ("list.and", "{init} and {last}"),
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
    (
        "make.wrong-service",
        "agreement {id} is an {service} agreement in the settings: these rows go to one with service = \"{wanted}\"",
    ),
    ("new.file-made", "the file made"),
    ("new.warning", "warning"),
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
