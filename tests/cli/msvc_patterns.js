// msvc_patterns.js - checks `drvtaint scan --format msvc` output (standard input) against the
// patterns editors and build systems really use, copied from their sources:
//   - VS Code's built-in $msCompile, in the three forms it has had
//     (src/vs/workbench/contrib/tasks/common/problemMatcher.ts, fillDefaults);
//   - MSBuild's canonical error format (src/Shared/CanonicalError.cs), with its origin parser.
// Every headline must match each of them with an absolute path that exists, the right line and
// column, a severity and a DTnnnn code; every trace line (path(line,col): note: ...) must match
// none of them, so it stays a navigable log line and is never counted as a problem.
// Usage: node msvc_patterns.js < report.txt   (exit 0 when all hold; prints a summary)
"use strict";
const fs = require("fs");

const msCompile = [
  // VS Code 1.33
  { re: /^(?:\s+\d+\>)?([^\s].*)\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\)\s*:\s+(error|warning|info)\s+(\w{1,2}\d+)\s*:\s*(.*)$/,
    file: 1, location: 2, severity: 3, code: 4, message: 5 },
  // VS Code 1.5x-1.8x
  { re: /^(?:\s*\d+>)?(\S.*)\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\)\s*:\s+((?:fatal +)?error|warning|info)\s+(\w+\d+)\s*:\s*(.*)$/,
    file: 1, location: 2, severity: 3, code: 4, message: 5 },
  // VS Code current
  { re: /^\s*(?:\s*\d+>)?(\S.*?)(?:\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\))?\s*:\s+(?:(\S+)\s+)?((?:fatal +)?error|warning|info)\s+(\w+\d+)?\s*:\s*(.*)$/,
    file: 1, location: 2, severity: 4, code: 5, message: 6 },
];
const msbuild = /^\s*(((?<ORIGIN>(((\d+>)?[a-zA-Z]?:[^:]*)|([^:]*))):)|())(?<SUBCATEGORY>(()|([^:]*? )))(?<CATEGORY>(error|warning))( \s*(?<CODE>[^: ]*))?\s*:(?<TEXT>.*)$/i;
const msbuildOrigin = /^(\d+>)?(?<FILENAME>.*)\((?<LOCATION>[\,,0-9,-]*)\)\s*$/i;

const lines = fs.readFileSync(0, "utf8").split("\n").filter((l) => l.length > 0);
const failures = [];
let headlines = 0, notes = 0, infos = 0;
const note = /^(\/.*)\((\d+),(\d+)\): note: /;
const head = /^(\/.*)\((\d+),(\d+)\): (error|warning|info) (DT\d{4}): /;

for (const line of lines) {
  if (note.test(line)) {
    notes++;
    msCompile.forEach((p, i) => { if (p.re.test(line)) failures.push(`$msCompile form ${i + 1} takes a trace line: ${line}`); });
    if (msbuild.test(line)) failures.push(`MSBuild takes a trace line: ${line}`);
    continue;
  }
  const h = head.exec(line);
  if (!h) {
    if (!/^    also reached through /.test(line)) failures.push(`neither a headline nor a trace line: ${line}`);
    continue;
  }
  headlines++;
  const [, file, lno, col, sev, code] = h;
  if (!fs.existsSync(file)) failures.push(`not an existing absolute path: ${file}`);
  msCompile.forEach((p, i) => {
    const m = p.re.exec(line);
    if (!m) { failures.push(`$msCompile form ${i + 1} misses: ${line}`); return; }
    if (m[p.file] !== file || m[p.location] !== `${lno},${col}` || m[p.severity] !== sev || m[p.code] !== code)
      failures.push(`$msCompile form ${i + 1} reads ${m[p.file]} (${m[p.location]}) ${m[p.severity]} ${m[p.code]}: ${line}`);
  });
  const m = msbuild.exec(line);
  if (sev === "info") { // MSBuild knows errors and warnings only: a note stays in the log
    infos++;
    if (m) failures.push(`MSBuild takes an info line: ${line}`);
    continue;
  }
  if (!m) { failures.push(`MSBuild misses: ${line}`); continue; }
  const o = msbuildOrigin.exec(m.groups.ORIGIN || "");
  if (m.groups.CATEGORY !== sev || m.groups.CODE !== code || !o || o.groups.FILENAME !== file ||
      o.groups.LOCATION !== `${lno},${col}`)
    failures.push(`MSBuild reads ${m.groups.ORIGIN} ${m.groups.CATEGORY} ${m.groups.CODE}: ${line}`);
}
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log(`${headlines} headlines (${infos} info), ${notes} trace lines`);
