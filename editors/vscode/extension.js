// The VS Code client of baomi: starts `baomi lsp` for .baomi files (the server does the work).
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('baomi');
  const command = config.get('path') || 'baomi';
  const sources = config.get('sources');
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'baomi',
    'baomi',
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: 'file', language: 'baomi' }],
      initializationOptions: sources ? { sources } : {},
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
