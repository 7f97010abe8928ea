/**
 * Issue 10 §4: `report` (src/core/rules/define.ts) is the only way to make a finding, and every rule the
 * registry lists has message templates and a rule test file (test/<kind>/rules/<rule-name>.test.ts).
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/core/rules/registry";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("rules as modules", () => {
  it("no file in src/core builds a finding literal: report() makes them all", () => {
    const allowed = [path.join("rules", "define.ts"), path.join("core", "finding.ts")];
    const offenders = sources(path.join(ROOT, "src", "core"))
      .filter((f) => !allowed.some((a) => f.endsWith(a)))
      .filter((f) => /\bmessageEn\s*:/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it("every rule has message templates in both languages", () => {
    for (const rule of RULES.values()) {
      const messages = Object.entries(rule.messages);
      expect(messages.length, rule.id).toBeGreaterThan(0);
      for (const [id, m] of messages) {
        expect(m.zh.trim(), `${rule.id}.${id}`).not.toBe("");
        expect(m.en.trim(), `${rule.id}.${id}`).not.toBe("");
      }
    }
  });

  it("every rule has its own test file, test/<kind>/rules/<rule-name>.test.ts", () => {
    const missing = [...RULES.keys()].filter((id) => {
      const [kind, name] = id.split("/");
      return !["allocation", "performance", "budget", "tracking", "subject-codes", "workbook"]
        .map((dir) => path.join(ROOT, "test", dir === kind ? kind! : dir, "rules", `${name}.test.ts`))
        .some((p) => existsSync(p));
    });
    expect(missing).toEqual([]);
  });
});
