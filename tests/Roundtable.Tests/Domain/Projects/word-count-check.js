// node tests/Roundtable.Tests/Domain/Projects/word-count-check.js [path/to/word-count.js] [path/to/word-count-cases.json]
// Checks the browser word count against the cases the C# tests also use.
'use strict';
const fs = require('fs');
const path = require('path');

const script = path.resolve(process.argv[2] || path.join(__dirname, '../../../../src/Roundtable.Web/wwwroot/js/word-count.js'));
const casesFile = path.resolve(process.argv[3] || path.join(__dirname, 'word-count-cases.json'));
const count = require(script);
const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));

let failed = 0;
for (const c of cases) {
  const actual = count(c.text);
  if (actual !== c.expected) {
    failed++;
    console.log(`FAIL ${JSON.stringify(c.text)}: expected ${c.expected}, got ${actual} (${c.why})`);
  }
}
if (count(null) !== 0 || count(undefined) !== 0) {
  failed++;
  console.log('FAIL null/undefined should count 0');
}
console.log(`${cases.length - failed}/${cases.length} word-count cases passed`);
process.exitCode = failed === 0 ? 0 : 1;
