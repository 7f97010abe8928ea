// Bundles the command line (and the benchmark) into dist/ so `bin/fiscal-check.js` runs on plain Node.
// Runs from `npm install` (prepare), so a fresh clone has a working `npx fiscal-check`.
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

// The CLI carries its dependencies (exceljs, decimal.js) inside the bundle: the tarball of `npm pack`
// then installs with `npm install -g` without fetching anything. The bench uses node_modules.
const entries = [
  { in: "src/cli/main.ts", out: "dist/cli.cjs", external: false },
  { in: "test/bench/bench.ts", out: "dist/bench.cjs", external: true },
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
    sourcemap: true,
    logLevel: "warning",
    define: { __VERSION__: JSON.stringify(version) },
  });
}
