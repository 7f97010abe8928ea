/**
 * No import cycles (type imports included) in the Excel and WPS adapters, the pane and the playground:
 * shared types live in modules of their own (src/hosts/excel/runtime.ts), so each file can be read,
 * tested and lazily loaded on its own.
 */
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(__dirname, "../../src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The project files a file imports (static, type and dynamic imports; re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*(?:\/\*[^*]*\*\/\s*)?"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    const hit = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((p) => existsSync(p) && statSync(p).isFile());
    return hit ? [hit] : [];
  });
}

/** The cycles reachable from `roots`, each as the list of files around it (relative to src/). */
function cyclesFrom(roots: string[]): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of importsOf(file)) {
      if (state.get(next) === "open") cycles.push(stack.slice(stack.indexOf(next)).map((f) => path.relative(SRC, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const root of roots) if (!state.has(root)) visit(root);
  return cycles;
}

describe("import cycles", () => {
  for (const area of ["hosts/excel", "hosts/wps", "taskpane", "playground"]) {
    it(`none in src/${area}`, () => {
      const roots = filesUnder(path.join(SRC, area));
      const mine = cyclesFrom(roots).filter((cycle) => cycle.some((f) => f.startsWith(`${area}/`)));
      expect(mine).toEqual([]);
    });
  }
});
