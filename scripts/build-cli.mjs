// Bundles the command line (and the benchmark) into dist/ so `bin/fiscal-check.js` runs on plain Node.
// Runs from `npm install` (prepare), so a fresh clone has a working `npx fiscal-check`.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

// The CLI carries its dependencies inside dist/: the tarball of `npm pack` then installs with
// `npm install -g` without fetching anything. exceljs (writing reports, annotated copies, templates) is a
// bundle of its own, dist/exceljs.cjs, loaded only when something is written: checking does not parse it
// (a faster start, in every worker thread too). The bench uses node_modules.
const exceljsApart = {
  name: "exceljs-apart",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "./exceljs.cjs", external: true }));
  },
};
const entries = [
  { in: "src/cli/main.ts", out: "dist/cli.cjs", external: false, plugins: [exceljsApart] },
  { in: "node_modules/exceljs/lib/exceljs.nodejs.js", out: "dist/exceljs.cjs", external: false, plugins: [] },
  { in: "test/bench/bench.ts", out: "dist/bench.cjs", external: true, plugins: [] },
];

for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    ...(entry.external ? { packages: "external" } : {}),
    plugins: entry.plugins,
    sourcemap: true,
    logLevel: "warning",
    define: { __VERSION__: JSON.stringify(version) },
    // `await import("exceljs")` becomes a lazy require: bin/load-cli.js runs the bundle as a vm.Script
    // (for the code cache), where a real dynamic import() has no loader.
    supported: { "dynamic-import": false },
  });
}

// V8's code cache for the bundle (bin/load-cli.js): made after checking the shared fixtures (when this clone
// has them), so the functions a check needs are in it compiled. Only this node version can use it; any other
// node, or a rebuilt bundle, compiles as before.
rmSync("dist/cli.cache", { force: true });
const fixtures = "../shared/fixtures";
const warmUp = existsSync(fixtures) && readdirSync(fixtures).some((n) => n.endsWith(".xlsx")) ? ["check", fixtures, "--jobs", "1"] : ["--version"];
const made = spawnSync(process.execPath, ["bin/fiscal-check.js", ...warmUp], {
  stdio: "ignore",
  env: { ...process.env, FISCAL_CHECK_WRITE_CODE_CACHE: "1" },
});
if (made.error || !existsSync("dist/cli.cache")) console.warn("build-cli: no code cache made (the command works without it)");
