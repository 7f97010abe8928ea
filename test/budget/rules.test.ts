/** Every rule id the budget checks can report has its RuleMeta (title and "why", zh and en). */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/core/rules/registry";

const DIR = path.resolve(__dirname, "../../src/core/budget");

describe("budget rule metas", () => {
  it("each budget/… id in the sources is registered", () => {
    const ids = new Set<string>();
    for (const file of readdirSync(DIR)) {
      for (const m of readFileSync(path.join(DIR, file), "utf8").matchAll(/"(budget\/[a-z-]+)"/g)) ids.add(m[1]!);
    }
    expect(ids.size).toBeGreaterThan(10);
    for (const id of ids) {
      const meta = RULES.get(id);
      expect(meta, id).toBeDefined();
      expect(meta!.why.zh.length > 0 && meta!.why.en.length > 0).toBe(true);
    }
  });
});
