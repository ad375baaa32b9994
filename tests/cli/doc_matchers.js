// doc_matchers.js - the problem matchers the docs hand out, applied to `drvtaint scan` text output
// (standard input): the VS Code tasks.json of docs/integration.md (the json block after
// "<!-- recipe: vscode-tasks -->"), docs/problem-matcher.json (GitHub Actions), and the $gcc
// pattern of the C/C++ extension, which the docs say works too. Every finding line must match each
// with its file, line, column and severity (and rule, where the matcher has a code); no trace
// line may match any.
// Usage: node doc_matchers.js docs/integration.md docs/problem-matcher.json < report.txt
"use strict";
const fs = require("fs");

const [doc, ghMatcher] = process.argv.slice(2);
const text = fs.readFileSync(doc, "utf8");
const at = text.indexOf("<!-- recipe: vscode-tasks -->");
if (at < 0) { console.error(`${doc}: no "<!-- recipe: vscode-tasks -->" block`); process.exit(1); }
const block = /```json\n([\s\S]*?)\n```/.exec(text.slice(at));
const tasks = JSON.parse(block[1]);

const matchers = [];
for (const t of tasks.tasks) matchers.push({ name: `tasks.json ${t.label}`, p: t.problemMatcher.pattern });
for (const m of JSON.parse(fs.readFileSync(ghMatcher, "utf8")).problemMatcher)
  for (const p of [].concat(m.pattern)) matchers.push({ name: `problem-matcher.json ${m.owner}`, p });
matchers.push({ name: "$gcc", p: { regexp: "^(.*):(\\d+):(\\d+):\\s+(?:fatal\\s+)?(warning|error):\\s+(.*)$",
                                   file: 1, line: 2, column: 3, severity: 4, message: 5 } });

const head = /^(\S.*?):(\d+):(\d+): (error|warning|note): (.*) \[([a-z0-9-]+)\]$/;
const failures = [];
let findings = 0, traces = 0;
for (const line of fs.readFileSync(0, "utf8").split("\n")) {
  if (!line) continue;
  const h = head.exec(line);
  for (const { name, p } of matchers) {
    const m = new RegExp(p.regexp).exec(line);
    if (!h) {
      if (m) failures.push(`${name} takes a trace line: ${line}`);
      continue;
    }
    if (!m) {
      if (!(name === "$gcc" && h[4] === "note")) failures.push(`${name} misses: ${line}`);
      continue;
    }
    const want = { file: h[1], line: h[2], column: h[3], severity: h[4], code: h[6] };
    for (const k of Object.keys(want))
      if (p[k] !== undefined && m[p[k]] !== want[k]) failures.push(`${name} reads ${k} '${m[p[k]]}': ${line}`);
  }
  if (h) findings++; else traces++;
}
if (failures.length || findings === 0) {
  console.error(failures.join("\n") || "no findings in the input");
  process.exit(1);
}
console.log(`${findings} findings, ${traces} trace lines, ${matchers.length} matchers`);
