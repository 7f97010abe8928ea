// Bundles the command line (and the benchmark) into dist/ so `bin/fiscal-check.js` runs on plain Node.
// Runs from `npm install` (prepare), so a fresh clone has a working `npx fiscal-check`.
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

const entries = [
  { in: "src/cli/main.ts", out: "dist/cli.cjs" },
  { in: "test/bench/bench.ts", out: "dist/bench.cjs" },
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
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
    define: { __VERSION__: JSON.stringify(version) },
  });
}
