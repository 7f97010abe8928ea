/** From a rule id to its tests in one step: every allocation rule has test/allocation/rules/<name>.test.ts. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ALLOCATION_RULES } from "../../../src/core/rules/allocation";

it("every allocation rule has its own test file", () => {
  const missing = ALLOCATION_RULES.map((r) => r.id.replace(/^allocation\//, "")).filter((name) => !existsSync(join(__dirname, `${name}.test.ts`)));
  expect(missing).toEqual([]);
});

it("English templates use English punctuation (Chinese comes only from the sheet's own labels)", () => {
  const fullWidth = ALLOCATION_RULES.flatMap((r) => Object.entries(r.messages).filter(([, m]) => /[：，。；（）「」、]/.test(m.en)).map(([id]) => `${r.id} ${id}`));
  expect(fullWidth).toEqual([]);
});
