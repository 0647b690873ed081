// The page's script: reads the file opened in parts (File.stream()) into the validator
// compiled from Rust, and shows what it finds. Nothing is sent anywhere; the page's
// Content-Security-Policy would refuse it.
import init, { Validator, Lines } from "./autogiro_web.js";

const TEXT = {
  en: {
    title: "Autogiro file check",
    language: "Language",
    lead: "Check an Autogiro file (claims, mandates, or a file from Mastercard Payment Services), an AvtaleGiro file or an OCR giro file against every rule of its specification, with the same rules and messages as the autogiro command.",
    private: "The file is read here, in your browser. Nothing is sent anywhere.",
    choose: "Choose a file, or drop it here",
    edition: "Edition of the specification",
    before39: "before 3.9",
    kid: "KID check digit",
    kidAny: "modulus 10 or 11",
    kidMod10: "modulus 10 only",
    kidMod11: "modulus 11 only",
    kidOff: "not checked",
    today: "Date the file is read",
    show: "Show",
    errors: "errors",
    warnings: "warnings",
    download: "Download the diagnostics:",
    jsonLines: "JSON lines",
    footer: "autogiro-rs: Norwegian Autogiro files of Mastercard Payment Services (formerly Nets), systemspesifikasjon 3.9.",
    loading: "Loading the validator…",
    ready: "Choose a file to check it.",
    reading: (name, done, total) => `Reading ${name}: ${mb(done)} of ${mb(total)} MB`,
    lines: (name) => `Finding the lines of the diagnostics in ${name}…`,
    valid: (name, s) => `${name}: valid (checked in ${s} s)`,
    validWarnings: (name, w, s) => `${name}: valid, ${plural(w, "warning", "warnings")} (checked in ${s} s)`,
    invalid: (name, e, w, s) => `${name}: ${plural(e, "error", "errors")}, ${plural(w, "warning", "warnings")} (checked in ${s} s)`,
    failed: (message) => `The file could not be checked: ${message}`,
    noDate: "Give the date the file is read.",
    more: (n) => `${n} more not shown here: download the diagnostics to see them all.`,
    error: "error",
    warning: "warning",
    field: "field",
  },
  nb: {
    title: "Kontroll av Autogiro-filer",
    language: "Språk",
    lead: "Kontroller en Autogiro-fil (betalingskrav, fullmakter eller en fil fra Mastercard Payment Services), en AvtaleGiro-fil eller en OCR giro-fil mot alle reglene i spesifikasjonen, med de samme reglene og meldingene som kommandoen autogiro.",
    private: "Filen leses her, i nettleseren din. Ingenting sendes noe sted.",
    choose: "Velg en fil, eller slipp den her",
    edition: "Utgave av spesifikasjonen",
    before39: "før 3.9",
    kid: "Kontrollsiffer i KID",
    kidAny: "modulus 10 eller 11",
    kidMod10: "bare modulus 10",
    kidMod11: "bare modulus 11",
    kidOff: "kontrolleres ikke",
    today: "Datoen filen leses",
    show: "Vis",
    errors: "feil",
    warnings: "advarsler",
    download: "Last ned funnene:",
    jsonLines: "JSON-linjer",
    footer: "autogiro-rs: norske Autogiro-filer fra Mastercard Payment Services (tidligere Nets), systemspesifikasjon 3.9.",
    loading: "Laster kontrollen…",
    ready: "Velg en fil for å kontrollere den.",
    reading: (name, done, total) => `Leser ${name}: ${mb(done)} av ${mb(total)} MB`,
    lines: (name) => `Finner linjene til funnene i ${name}…`,
    valid: (name, s) => `${name}: gyldig (kontrollert på ${s} s)`,
    validWarnings: (name, w, s) => `${name}: gyldig, ${plural(w, "advarsel", "advarsler")} (kontrollert på ${s} s)`,
    invalid: (name, e, w, s) => `${name}: ${e} feil, ${plural(w, "advarsel", "advarsler")} (kontrollert på ${s} s)`,
    failed: (message) => `Filen kunne ikke kontrolleres: ${message}`,
    noDate: "Oppgi datoen filen leses.",
    more: (n) => `${n} til vises ikke her: last ned funnene for å se alle.`,
    error: "feil",
    warning: "advarsel",
    field: "felt",
  },
};

/// At most this many diagnostics are drawn; all of them are downloadable.
const SHOWN = 1000;

const $ = (id) => document.getElementById(id);
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const pad = (n, width) => String(n).padStart(width, "0");
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

let language = pickLanguage();
let validatorReady = null;
/// The validator's memory, whose size the result reports (for `cargo xtask bench-web`).
let wasmMemory = null;
/// What the last file gave: its name, every diagnostic, the summary, the lines' text, timing.
let last = null;

function pickLanguage() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = String(tag).toLowerCase().split("-")[0];
    if (primary === "nb" || primary === "no" || primary === "nn") return "nb";
    if (primary === "en") return "en";
  }
  return "en";
}

function t(key, ...args) {
  const entry = TEXT[language][key];
  return typeof entry === "function" ? entry(...args) : entry;
}

function applyLanguage() {
  document.documentElement.lang = language;
  $("language").value = language;
  for (const element of document.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  if (last) show(last);
  else setStatus(validatorReady ? t("ready") : t("loading"));
}

function setStatus(text) {
  $("status").textContent = text;
}

function today() {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

async function check(file) {
  const result = $("result");
  const date = $("today").value;
  if (!date) {
    setStatus(t("noDate"));
    return;
  }
  await validatorReady;
  last = null;
  result.dataset.state = "reading";
  delete result.dataset.errors;
  delete result.dataset.warnings;
  delete result.dataset.file;
  $("summary").replaceChildren();
  $("diagnostics").replaceChildren();
  $("tools").hidden = true;
  $("more").hidden = true;
  const progress = $("progress");
  progress.hidden = false;
  progress.max = Math.max(file.size, 1);
  progress.value = 0;
  const started = performance.now();
  try {
    const validator = new Validator($("edition").value, $("kid").value, date);
    const diagnostics = [];
    let done = 0;
    let shownAt = 0;
    const reader = file.stream().getReader();
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) break;
      for (const d of JSON.parse(validator.feed(value))) diagnostics.push(d);
      done += value.length;
      // The status is redrawn every few megabytes, not for every part.
      if (done - shownAt > 4e6) {
        shownAt = done;
        progress.value = done;
        setStatus(t("reading", file.name, done, file.size));
      }
    }
    const end = JSON.parse(validator.finish());
    validator.free();
    for (const d of end.diagnostics) diagnostics.push(d);
    const millis = performance.now() - started;
    progress.value = progress.max;
    const lines = await linesOf(file, diagnostics.slice(0, SHOWN));
    last = { name: file.name, diagnostics, summary: end.summary, lines, millis };
    show(last);
  } catch (error) {
    result.dataset.state = "failed";
    setStatus(t("failed", error?.message ?? String(error)));
  } finally {
    progress.hidden = true;
  }
}

/// The second pass: the text of the lines the shown diagnostics point at.
async function linesOf(file, diagnostics) {
  if (diagnostics.length === 0) return {};
  setStatus(t("lines", file.name));
  const lines = new Lines(JSON.stringify(diagnostics.map((d) => d.line)));
  const reader = file.stream().getReader();
  while (!lines.done()) {
    const { done, value } = await reader.read();
    if (done) break;
    lines.feed(value);
  }
  await reader.cancel();
  const found = JSON.parse(lines.finish());
  lines.free();
  return found;
}

function show(run) {
  const result = $("result");
  const errors = run.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = run.diagnostics.length - errors;
  const seconds = (run.millis / 1000).toFixed(2);
  setStatus(
    errors > 0
      ? t("invalid", run.name, errors, warnings, seconds)
      : warnings > 0
        ? t("validWarnings", run.name, warnings, seconds)
        : t("valid", run.name, seconds),
  );
  $("summary").replaceChildren(summaryOf(run.summary, run.name));
  $("tools").hidden = run.diagnostics.length === 0;
  drawDiagnostics(run);
  result.dataset.errors = String(errors);
  result.dataset.warnings = String(warnings);
  result.dataset.millis = String(Math.round(run.millis));
  result.dataset.file = run.name;
  if (wasmMemory) result.dataset.wasmBytes = String(wasmMemory.buffer.byteLength);
  result.dataset.state = "done";
}

/// The summary `autogiro inspect` prints, in the page's language: the validator says it in
/// each (the catalogue of autogiro-i18n).
function summaryOf(s, name) {
  const pre = document.createElement("pre");
  pre.textContent = `${name}: ${s.described[language].trimEnd()}`;
  return pre;
}

function drawDiagnostics(run) {
  const wanted = new Set();
  if ($("show-errors").checked) wanted.add("error");
  if ($("show-warnings").checked) wanted.add("warning");
  const list = $("diagnostics");
  const shown = run.diagnostics.slice(0, SHOWN).filter((d) => wanted.has(d.severity));
  list.replaceChildren(...shown.map((d) => diagnosticOf(d, run.name, run.lines[d.line])));
  const hidden = run.diagnostics.slice(SHOWN).filter((d) => wanted.has(d.severity)).length;
  $("more").hidden = hidden === 0;
  $("more").textContent = t("more", hidden);
}

/// One diagnostic as the terminal shows it: the level and code, the message, where, the
/// record with the columns underlined and the field named.
function diagnosticOf(d, name, text) {
  const article = document.createElement("article");
  article.className = "diagnostic";
  article.dataset.line = String(d.line);
  article.dataset.code = d.code;
  article.dataset.severity = d.severity;
  const pre = document.createElement("pre");
  const head = document.createElement("span");
  head.className = "level";
  head.textContent = `${t(d.severity)}[${d.code}]`;
  pre.append(head, `: ${said(d)}\n`);
  const gutter = " ".repeat(String(d.line).length);
  const at = d.columns ? `:${d.columns[0]}` : "";
  pre.append(span("gutter", `${gutter}--> `), `${name}:${d.line}${at}\n`);
  if (text !== undefined) {
    const chars = [...text];
    const [first, lastColumn] = d.columns ?? [1, Math.max(chars.length, 1)];
    const from = Math.min(Math.max(first, 1), chars.length + 1) - 1;
    const to = Math.max(Math.min(lastColumn, chars.length), from + 1);
    pre.append(span("gutter", `${gutter} |\n${d.line} | `));
    pre.append(chars.slice(0, from).join(""));
    const mark = document.createElement("mark");
    mark.textContent = chars.slice(from, to).join("");
    pre.append(mark, chars.slice(to).join(""), "\n");
    pre.append(span("gutter", `${gutter} | `), " ".repeat(from));
    pre.append(span("carets", `${"^".repeat(Math.max(to - from, 1))} ${d.field ?? "record"}`));
    pre.append(span("gutter", `\n${gutter} |`));
  } else {
    pre.append(span("gutter", `${gutter} = `), `${t("field")}: ${d.field ?? "record"}`);
  }
  article.append(pre);
  return article;
}

/// A diagnostic's message in the page's language: the validator gives it in each (the
/// catalogue of autogiro-i18n), `message` the command's English.
function said(d) {
  return d.messages?.[language] ?? d.message;
}

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

/// The diagnostics as `autogiro validate --format json` prints them, one JSON object a line.
function jsonLines(run) {
  return run.diagnostics
    .map((d) => JSON.stringify({
      file: run.name, line: d.line, columns: d.columns, record_type: d.record_type,
      field: d.field, code: d.code, severity: d.severity, message: said(d),
    }))
    .join("\n") + "\n";
}

function csv(run) {
  // A cell a spreadsheet would take for a formula gets a ' before it, as every CSV the
  // project writes (autogiro::rows::spreadsheet_safe): a message may quote the file's text.
  const safe = (s) => (/^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s.replace(",", "."))) ? `'${s}` : s);
  const cell = (v) => {
    const s = safe(v === null || v === undefined ? "" : String(v));
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const rows = [["file", "line", "first_column", "last_column", "record_type", "field", "code", "severity", "message"]];
  for (const d of run.diagnostics) {
    rows.push([run.name, d.line, d.columns?.[0], d.columns?.[1], d.record_type, d.field, d.code, d.severity, said(d)]);
  }
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

function download(text, type, suffix) {
  if (!last) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = `${last.name}.diagnostics.${suffix}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

function start() {
  $("today").value = today();
  $("language").addEventListener("change", (e) => {
    language = e.target.value;
    applyLanguage();
  });
  $("file").addEventListener("change", (e) => {
    const file = e.target.files?.[0];
    if (file) check(file);
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const file = e.dataTransfer?.files?.[0];
    if (file) check(file);
  });
  for (const id of ["show-errors", "show-warnings"]) {
    $(id).addEventListener("change", () => last && drawDiagnostics(last));
  }
  $("download-json").addEventListener("click", () => download(jsonLines(last), "application/x-ndjson", "jsonl"));
  $("download-csv").addEventListener("click", () => download(csv(last), "text/csv", "csv"));
  applyLanguage();
  validatorReady = init().then((exports) => {
    wasmMemory = exports.memory;
    $("result").dataset.state = "ready";
    if (!last) setStatus(t("ready"));
  });
}

start();
