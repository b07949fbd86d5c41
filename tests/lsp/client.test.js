// A scripted LSP client driving `baomi lsp` through a whole session — initialize, open, an edit
// that introduces an error and one that fixes it (incremental changes in UTF-16 positions on
// Chinese lines), hover, definition, completion, formatting, document symbols, shutdown and exit —
// comparing every response with the reviewed golden tests/lsp/golden/session.json.
// BAOMI_UPDATE_GOLDEN=1 rewrites the golden for review in git diff.
// Usage: node tests/lsp/client.test.js BAOMI_BINARY   (from anywhere)
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const rpc = require('vscode-jsonrpc/node');
const { InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, HoverRequest, DefinitionRequest, CompletionRequest, DocumentFormattingRequest,
  DocumentSymbolRequest, ShutdownRequest, ExitNotification } = require('vscode-languageserver-protocol');

const root = path.resolve(__dirname, '../..');
const rootUri = 'file://' + root.split('/').map(encodeURIComponent).join('/');
const golden = path.join(__dirname, 'golden/session.json');
const update = process.env.BAOMI_UPDATE_GOLDEN === '1';
const binary = process.argv[2];
if (!binary) {
  console.error('usage: node client.test.js BAOMI_BINARY');
  process.exit(2);
}

const unitUri = rootUri + '/tests/lsp/data/unit.baomi';
const shippedUri = rootUri + '/rulesets/cn/travel.baomi';
let text = fs.readFileSync(path.join(__dirname, 'data/unit.baomi'), 'utf8');
let version = 1;

// The position of `word` (its `nth` occurrence) on the first line containing `marker`, plus `delta`
// UTF-16 units: JavaScript string indices are UTF-16 code units, as LSP positions are.
function pos(marker, word, delta = 0, nth = 0) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(marker));
  if (line < 0) throw new Error(`no line with ${marker}`);
  let character = -1;
  for (let i = 0; i <= nth; i++) character = lines[line].indexOf(word, character + 1);
  if (character < 0) throw new Error(`no ${word} on line ${line + 1}`);
  return { line, character: character + delta };
}

// Applies an incremental change to the local copy as the server should.
function offsetOf(p) {
  const lines = text.split('\n');
  return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
}

async function main() {
  const server = spawn(binary, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  const diagnostics = new Map();  // uri → latest params
  const waiting = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.set(p.uri, p);
    for (let i = waiting.length - 1; i >= 0; i--) {
      if (waiting[i].uri === p.uri && waiting[i].version === p.version) waiting.splice(i, 1)[0].resolve(p);
    }
  });
  const published = (uri, v) =>
    diagnostics.get(uri)?.version === v ? Promise.resolve(diagnostics.get(uri)) : new Promise((resolve) => waiting.push({ uri, version: v, resolve }));
  connection.listen();

  const session = [];
  const record = (step, result) => session.push({ step, result });
  const doc = { uri: unitUri };
  const change = async (step, range, newText) => {
    const start = offsetOf(range.start);
    text = text.slice(0, start) + newText + text.slice(offsetOf(range.end));
    version++;
    connection.sendNotification(DidChangeTextDocumentNotification.type,
      { textDocument: { uri: unitUri, version }, contentChanges: [{ range, text: newText }] });
    const p = await published(unitUri, version);
    if (step) record(step, p.diagnostics);
  };
  const at = (p) => ({ textDocument: doc, position: p });
  const labels = (r) => (Array.isArray(r) ? r : r.items).map((i) => `${i.label} (${i.kind}${i.detail ? ', ' + i.detail : ''})`);

  record('initialize', await connection.sendRequest(InitializeRequest.type,
    { processId: process.pid, rootUri, capabilities: {}, workspaceFolders: null,
      initializationOptions: { sources: path.join(__dirname, 'data/seeds') } }));
  connection.sendNotification(InitializedNotification.type, {});

  connection.sendNotification(DidOpenTextDocumentNotification.type,
    { textDocument: { uri: unitUri, languageId: 'baomi', version, text } });
  record('open unit.baomi: diagnostics', (await published(unitUri, 1)).diagnostics);
  connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: shippedUri, languageId: 'baomi',
    version: 1, text: fs.readFileSync(path.join(root, 'rulesets/cn/travel.baomi'), 'utf8') } });
  record('open the shipped travel.baomi (replaces the built-in file): diagnostics', (await published(shippedUri, 1)).diagnostics);

  // An unknown field after Chinese text on the line, then the fix.
  const field = pos('审查日期', 'vetted_on');
  await change('change: `p.vetted_on` → `p.vetted` in the message: diagnostics',
    { start: { line: field.line, character: field.character + 6 }, end: { line: field.line, character: field.character + 9 } }, '');
  await change('change back: diagnostics', { start: { line: field.line, character: field.character + 6 },
    end: { line: field.line, character: field.character + 6 } }, '_on');

  record('hover: field `vetted_on`', await connection.sendRequest(HoverRequest.type, at(pos('require', 'vetted_on', 2))));
  record('hover: field `vetted_on` in the message interpolation',
    await connection.sendRequest(HoverRequest.type, at(pos('审查日期', 'vetted_on', 1))));
  record('hover: param `vetting_window`', await connection.sendRequest(HoverRequest.type, at(pos('require', 'vetting_window', 3))));
  record('hover: enum symbol `active`', await connection.sendRequest(HoverRequest.type, at(pos('for p in', 'active'))));
  record('hover: function `is_core`', await connection.sendRequest(HoverRequest.type, at(pos('for p in', 'is_core'))));
  record('hover: rule id', await connection.sendRequest(HoverRequest.type, at(pos('rule UNIT', 'UNIT-001', 5))));
  record('hover: the cite quote', await connection.sendRequest(HoverRequest.type, at(pos('cite', '必须', 1))));
  record('hover: binder `p`', await connection.sendRequest(HoverRequest.type, at(pos('require', 'p.'))));
  record('hover: nothing (a keyword)', await connection.sendRequest(HoverRequest.type, at(pos('require', 'require'))));

  record('definition: field `vetted_on`', await connection.sendRequest(DefinitionRequest.type, at(pos('require', 'vetted_on'))));
  record('definition: param `vetting_window`', await connection.sendRequest(DefinitionRequest.type, at(pos('require', 'vetting_window'))));
  record('definition: function `is_core`', await connection.sendRequest(DefinitionRequest.type, at(pos('for p in', 'is_core'))));
  record('definition: collection `people`', await connection.sendRequest(DefinitionRequest.type, at(pos('for p in', 'people'))));
  record('definition: enum symbol `core`', await connection.sendRequest(DefinitionRequest.type, at(pos('fn is_core', 'core', 0, 1))));
  record('definition: import `cn.schema`', await connection.sendRequest(DefinitionRequest.type, at(pos('import', 'schema'))));
  record('definition: entity `person`', await connection.sendRequest(DefinitionRequest.type, at(pos('fn is_core', 'person'))));

  // Completion in text that does not parse: a new `where p.` line.
  const req = pos('require', 'require');
  await change(null, { start: { line: req.line, character: 0 }, end: { line: req.line, character: 0 } }, '  where p.\n');
  record('completion: after `p.` (the document does not parse)',
    labels(await connection.sendRequest(CompletionRequest.type, at({ line: req.line, character: 10 }))));
  await change(null, { start: { line: req.line, character: 9 }, end: { line: req.line, character: 9 } }, '.post');
  record('completion: after `p.post.`',
    labels(await connection.sendRequest(CompletionRequest.type, at({ line: req.line, character: 15 }))));
  await change(null, { start: { line: req.line, character: 0 }, end: { line: req.line + 1, character: 0 } }, '');
  record('completion: enum symbols after `p.status == `',
    labels(await connection.sendRequest(CompletionRequest.type, at(pos('for p in', 'active')))));
  record('completion: collections after `in `', labels(await connection.sendRequest(CompletionRequest.type,
    at(pos('for p in', 'people')))).filter((l) => /^(people|commitments|departures) /.test(l)));
  const top = await connection.sendRequest(CompletionRequest.type, at({ line: 1, character: 0 }));
  record('completion: snippets at the start of a line', top.filter((i) => i.kind === 15));

  // Formatting a misformatted line.
  const param = pos('param vetting_window', '=');
  await change(null, { start: param, end: { line: param.line, character: param.character + 1 } }, '=    ');
  record('formatting', await connection.sendRequest(DocumentFormattingRequest.type,
    { textDocument: doc, options: { tabSize: 2, insertSpaces: true } }));
  record('document symbols', await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: doc }));

  record('shutdown', await connection.sendRequest(ShutdownRequest.type));
  connection.sendNotification(ExitNotification.type);
  const code = await exited;
  record('exit code', code);
  connection.dispose();

  const actual = JSON.stringify(session, null, 2).split(rootUri).join('${rootUri}').split(root).join('${root}') + '\n';
  if (update) {
    fs.writeFileSync(golden, actual);
    console.log(`wrote ${path.relative(root, golden)}`);
    return 0;
  }
  const expected = fs.existsSync(golden) ? fs.readFileSync(golden, 'utf8') : '';
  if (actual !== expected) {
    const a = actual.split('\n');
    const e = expected.split('\n');
    const first = a.findIndex((l, i) => l !== e[i]);
    console.error(`FAIL: the session differs from ${path.relative(root, golden)} at line ${first + 1}:\n` +
      `  expected: ${e[first]}\n  actual:   ${a[first]}\nactual session:\n${actual}`);
    return 1;
  }
  console.log(`${session.length} steps match ${path.relative(root, golden)}`);
  return 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(1);
});
