/** Issue 11's pane label: a budget-table sheet that is a 决算 table reads 部门决算公开表 (Final accounts table). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KIND_LABELS } from "../../src/core/kinds";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { inProcessChecker } from "../../src/taskpane/checker";
import { groupResults, kindLabel } from "../../src/taskpane/results";

const CORPUS = path.resolve(__dirname, "../../../shared/corpus");

async function groupsOf(file: string) {
  return groupResults(await inProcessChecker(await readXlsxBuffer(readFileSync(path.join(CORPUS, file)))));
}

describe("部门决算公开表 label", () => {
  it("the 决算 file's budget-table sheets are labelled as final accounts, in both languages", async () => {
    const groups = await groupsOf("putuo-sgb-2024-final-accounts.xlsx");
    const tables = groups.filter((g) => g.kind === "budget-table");
    expect(tables.length).toBeGreaterThan(0);
    for (const g of tables) {
      expect(g.finalAccount).toBe(true);
      expect(kindLabel(g, KIND_LABELS, "zh")).toBe("部门决算公开表");
      expect(kindLabel(g, KIND_LABELS, "en")).toBe("Final accounts table");
    }
    // Cover, 目录, 说明 sheets keep their own label.
    for (const g of groups.filter((g) => g.kind !== "budget-table")) expect(kindLabel(g, KIND_LABELS, "zh")).toBe(KIND_LABELS[g.kind].zh);
  });

  it("a 预算 file's tables stay 部门预算公开表", async () => {
    const tables = (await groupsOf("putuo-wanli-2024-dept-budget.xlsx")).filter((g) => g.kind === "budget-table");
    expect(tables.length).toBeGreaterThan(0);
    for (const g of tables) {
      expect(g.finalAccount).toBe(false);
      expect(kindLabel(g, KIND_LABELS, "zh")).toBe(KIND_LABELS["budget-table"].zh);
    }
  });
});
