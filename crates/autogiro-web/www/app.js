// The page's script: reads the file opened in parts (File.stream()) into the validator
// compiled from Rust, and shows what it finds. Nothing is sent anywhere; the page's
// Content-Security-Policy would refuse it.
import init, { Validator, Lines, texts } from "./autogiro_web.js";

/// The page's words in both languages, from the validator (the catalogue of autogiro-i18n:
/// the page's own `page.*` texts, and the levels and counts it shares with `autogiro
/// validate`): `{ en: { key: template }, nb: { ... } }`, each template with `{name}` places.
let TEXT = null;

/// At most this many diagnostics are drawn; all of them are downloadable.
const SHOWN = 1000;

const $ = (id) => document.getElementById(id);
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const pad = (n, width) => String(n).padStart(width, "0");

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

/// The text of `key` in the page's language, its `{name}` places filled from `values`.
function t(key, values = {}) {
  const template = TEXT?.[language]?.[key] ?? "";
  return template.replace(/\{([a-z_]+)\}/g, (place, name) => (name in values ? String(values[name]) : place));
}

/// `n` things as the language counts them: the catalogue's `KEY.one` or `KEY.other`.
function count(key, n) {
  return t(`${key}.${n === 1 ? "one" : "other"}`, { n });
}

function applyLanguage() {
  document.documentElement.lang = language;
  $("language").value = language;
  // Before the validator has loaded, the page's own English stands.
  if (!TEXT) return;
  for (const element of document.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  if (last) show(last);
  else setStatus(t("ready"));
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
    setStatus(t("no-date"));
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
        setStatus(t("reading", { name: file.name, done: mb(done), total: mb(file.size) }));
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
    setStatus(t("failed", { message: error?.message ?? String(error) }));
  } finally {
    progress.hidden = true;
  }
}

/// The second pass: the text of the lines the shown diagnostics point at.
async function linesOf(file, diagnostics) {
  if (diagnostics.length === 0) return {};
  setStatus(t("lines", { name: file.name }));
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
  const values = {
    name: run.name,
    errors: count("cli.errors", errors),
    warnings: count("cli.warnings", warnings),
    seconds,
  };
  setStatus(t(errors > 0 ? "invalid" : warnings > 0 ? "valid-warnings" : "valid", values));
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
  $("more").textContent = t("more", { n: hidden });
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
  head.textContent = `${t(d.severity === "error" ? "cli.error" : "cli.warning")}[${d.code}]`;
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
  setStatus("…");
  validatorReady = init().then((exports) => {
    wasmMemory = exports.memory;
    TEXT = JSON.parse(texts());
    applyLanguage();
    $("result").dataset.state = "ready";
  });
}

start();
