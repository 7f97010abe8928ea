#!/usr/bin/env node
// Runs the bundled command line (dist/cli.cjs, built by `npm install` through the prepare script).
const path = require("node:path");
const fs = require("node:fs");
const cli = path.join(__dirname, "..", "dist", "cli.cjs");
if (!fs.existsSync(cli)) {
  process.stderr.write(
    "fiscal-check 尚未构建，请先运行 npm install（或 npm run build:cli）。\n" +
      "fiscal-check is not built yet: run npm install (or npm run build:cli).\n",
  );
  process.exit(2);
}
// `fiscal-check … | head -1`: the reader has gone; stop quietly, no EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const write = (stream) => (text) => stream.write(text + "\n");
require("./load-cli.js")
  .loadCli()
  .run(process.argv.slice(2), write(process.stdout), write(process.stderr))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`fiscal-check: ${error && error.message ? error.message : error}\n`);
      process.exitCode = 2;
    },
  );
