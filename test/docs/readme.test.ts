import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/core/rules/registry";

const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");

describe("README", () => {
  it("lists every rule the engine can report", () => {
    const missing = [...RULES.values()].filter((r) => !readme.includes(`\`${r.id}\``)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
  it("lists no rule the engine does not have", () => {
    const listed = [...readme.matchAll(/`((?:allocation|performance|budget|tracking)\/[a-z0-9-]+)`/g)].map((m) => m[1]!);
    expect(listed.filter((id) => !RULES.has(id))).toEqual([]);
  });
});
