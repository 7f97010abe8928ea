// Loads the bundled command line (dist/cli.cjs) with V8's code cache (dist/cli.cache, made by
// `npm run build:cli`): the bundle's functions come compiled instead of being parsed and compiled on every
// start, in the main thread and in each worker thread (≈ 20 ms of CPU each). The cache is used only for
// the exact bundle it was made from (SHA-1 of the bundle in its header) and only if this node's V8
// accepts it; otherwise the bundle is compiled as usual.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const vm = require("node:vm");

const CLI = path.join(__dirname, "..", "dist", "cli.cjs");
const CACHE = path.join(__dirname, "..", "dist", "cli.cache");
const HEADER = 41; // 40 hex digits + "\n"

function loadCli() {
  const source = fs.readFileSync(CLI);
  const hash = require("node:crypto").createHash("sha1").update(source).digest("hex");
  let cachedData;
  try {
    const cache = fs.readFileSync(CACHE);
    if (cache.toString("latin1", 0, 40) === hash) cachedData = cache.subarray(HEADER);
  } catch {
    // no cache: compile as usual
  }
  const script = new vm.Script(Module.wrap(source.toString("utf8")), { filename: CLI, cachedData });
  const module = { exports: {}, filename: CLI, id: CLI, loaded: false };
  script.runInThisContext()(module.exports, Module.createRequire(CLI), module, CLI, path.dirname(CLI));
  module.loaded = true;
  // `npm run build:cli` runs a check with this set, then keeps what V8 compiled during it.
  if (process.env.FISCAL_CHECK_WRITE_CODE_CACHE === "1") {
    process.on("exit", () => {
      fs.writeFileSync(CACHE, Buffer.concat([Buffer.from(`${hash}\n`, "latin1"), script.createCachedData()]));
    });
  }
  return module.exports;
}

module.exports = { loadCli, CLI };
