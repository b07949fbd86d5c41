// The TextMate grammar of editors/vscode on the shipped rulesets: every rulesets/**/*.baomi file
// (and the unit ruleset example under docs/examples/) tokenizes with no `invalid` scope, and a few files match their reviewed golden token files
// (tests/lsp/golden/grammar/). BAOMI_UPDATE_GOLDEN=1 rewrites the goldens for review in git diff.
// Usage: node tests/lsp/grammar.test.js   (from the repository root)
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '../..');
const grammarFile = path.join(root, 'editors/vscode/syntaxes/baomi.tmLanguage.json');
const goldenDir = path.join(__dirname, 'golden/grammar');
const goldenFiles = [
  'rulesets/cn/training.baomi',
  'rulesets/cn/travel.baomi',
  'rulesets/cn/profiles/s004_1b.baomi',
  'docs/examples/units/jys/travel.baomi',
];
const update = process.env.BAOMI_UPDATE_GOLDEN === '1';

function baomiFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return baomiFiles(p);
    return e.name.endsWith('.baomi') ? [p] : [];
  });
}

// One line per token: `line:start-end "text" scopes…` (the root scope left out; blank tokens skipped).
function tokenize(grammar, text) {
  let stack = vsctm.INITIAL;
  const out = [];
  const invalid = [];
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, stack, 1000);
    if (r.stoppedEarly) throw new Error(`line ${i + 1}: tokenizing stopped early`);
    for (const t of r.tokens) {
      const piece = line.slice(t.startIndex, t.endIndex);
      const scopes = t.scopes.slice(1);
      if (scopes.some((s) => s.includes('invalid'))) invalid.push(`${i + 1}:${t.startIndex + 1} ${JSON.stringify(piece)} ${scopes.join(' ')}`);
      if (piece.trim() === '' && scopes.length === 0) continue;
      out.push(`${i + 1}:${t.startIndex + 1}-${t.endIndex} ${JSON.stringify(piece)} ${scopes.join(' ')}`.trimEnd());
    }
    stack = r.ruleStack;
  });
  return { tokens: out.join('\n') + '\n', invalid };
}

async function main() {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'source.baomi' ? vsctm.parseRawGrammar(fs.readFileSync(grammarFile, 'utf8'), grammarFile) : null,
  });
  const grammar = await registry.loadGrammar('source.baomi');
  if (!grammar) throw new Error('the grammar did not load');

  let failures = 0;
  // Self-checks: the invalid-scope check can fail, and dates and interpolations get their scopes.
  const sample = tokenize(grammar, 'rule X-1 "t" {\n  effective 2026-01-01\n  message "{p.name} \\q" # c\n}\n');
  const expect = (ok, what) => {
    if (!ok) {
      console.error(`FAIL self-check: ${what}\n${sample.tokens}`);
      failures++;
    }
  };
  expect(sample.invalid.length === 1, 'an unknown escape is the one invalid token');
  expect(sample.tokens.includes('"2026-01-01" constant.numeric.date.baomi'), 'a date is a date');
  expect(sample.tokens.includes('"name" string.quoted.double.baomi meta.interpolation.baomi source.baomi.embedded variable.other.member.baomi'), 'an interpolation is code');
  expect(sample.tokens.includes('"# c" comment.line.number-sign.baomi') || sample.tokens.includes('"#" comment.line'), 'a trailing comment');
  // The declaration words: `extend entity`, a field's `none "含义"` (not the quantifier), an entity's `label`.
  const decl = tokenize(
    grammar,
    'extend entity travel {\n  a: bool none "未确认" "说明"\n}\nentity p in ps key id label name {\n  b: ref p? none "无"\n}\n' +
      'entity c in cs key id label "{kind}" {\n}\nrule X-1 "t" {\n  require none x in cs where x.label == "a"\n}\n',
  ).tokens;
  const has = (token, what) => {
    if (!decl.includes(token)) {
      console.error(`FAIL self-check: ${what}: no ${token}\n${decl}`);
      failures++;
    }
  };
  has('1:1-6 "extend" storage.modifier.extend.baomi', '`extend` is a declaration word');
  has('1:8-13 "entity" storage.type.baomi', '`entity` after `extend`');
  has('1:15-20 "travel" entity.name.type.baomi', 'the extended entity is a type name');
  has('2:11-14 "none" keyword.other.none.baomi', '`none` after a type');
  has('5:13-16 "none" keyword.other.none.baomi', '`none` after an optional type');
  has('4:23-27 "label" keyword.other.baomi', '`label FIELD` in an entity header');
  has('7:23-27 "label" keyword.other.baomi', '`label "template"` in an entity header');
  has('10:11-14 "none" keyword.control.baomi', 'the quantifier `none` stays a control word');
  has('10:32-36 "label" variable.other.member.baomi', 'a field named `label` stays a member');
  const files = [...baomiFiles(path.join(root, 'rulesets')), ...baomiFiles(path.join(root, 'docs/examples'))].sort();
  for (const file of files) {
    const rel = path.relative(root, file);
    let result;
    try {
      result = tokenize(grammar, fs.readFileSync(file, 'utf8'));
    } catch (e) {
      console.error(`FAIL ${rel}: ${e.message}`);
      failures++;
      continue;
    }
    if (result.invalid.length > 0) {
      console.error(`FAIL ${rel}: invalid scopes\n  ${result.invalid.join('\n  ')}`);
      failures++;
    }
    if (!goldenFiles.includes(rel)) continue;
    const golden = path.join(goldenDir, rel.replace(/\//g, '_') + '.tokens');
    if (update) {
      fs.mkdirSync(goldenDir, { recursive: true });
      fs.writeFileSync(golden, result.tokens);
    } else if (!fs.existsSync(golden) || fs.readFileSync(golden, 'utf8') !== result.tokens) {
      console.error(`FAIL ${rel}: tokens differ from ${path.relative(root, golden)}; actual:\n${result.tokens}`);
      failures++;
    }
  }
  console.log(`${files.length} files tokenized, ${goldenFiles.length} compared with goldens, ${failures} failures`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
