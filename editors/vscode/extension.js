// dean's language server for VS Code: starts `dean lsp` (setting `dean.server.command`) for
// the plan's files, dialogue.yaml, organizations.yaml and initiatives/*.yaml. Everything else
// (checks, completion, hover, navigation, quick fixes, formatting) is the server's.
"use strict";

const path = require("path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace
    .getConfiguration("dean")
    .get("server.command", ["dean", "lsp"]);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const resolved =
    folder && command.includes(path.sep) && !path.isAbsolute(command)
      ? path.join(folder, command)
      : command;
  client = new LanguageClient(
    "dean",
    "dean",
    { command: resolved, args, transport: TransportKind.stdio, options: { cwd: folder } },
    {
      documentSelector: [
        { scheme: "file", language: "yaml", pattern: "**/dialogue.yaml" },
        { scheme: "file", language: "yaml", pattern: "**/organizations.yaml" },
        { scheme: "file", language: "yaml", pattern: "**/initiatives/*.{yaml,yml}" },
      ],
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
