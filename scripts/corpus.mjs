// `npm run corpus`: bundles the corpus report (test/corpus/report.ts) into dist/corpus.cjs and runs it on
// ../shared/fixtures and ../shared/corpus, or on the files and folders given after `--`.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";

await build({
  entryPoints: ["test/corpus/report.ts"],
  outfile: "dist/corpus.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
const run = spawnSync(process.execPath, ["--enable-source-maps", "dist/corpus.cjs", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
