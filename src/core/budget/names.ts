/**
 * The same subject code named differently in tables of one workbook (issue 4 §4): one warning at each
 * name that differs from the name most tables use (a name cut short counts against itself). When the
 * tables split evenly, the later name gets the warning and both cells are named.
 */
import { qualifiedAddress } from "../address";
import type { SheetFinding } from "../check-types";
import { defineRule, report } from "../rules/define";
import type { BudgetTable } from "./read";
import { subjectNameKey } from "./reference-codes";

export const codeNameConflictRule = defineRule({
  id: "budget/code-name-conflict",
  severity: "warning",
  title: { zh: "同一科目名称不一致", en: "One code, two names" },
  why: {
    zh: "同一个科目编码在不同表（或同一表的不同行）里写了不同的名称，往往是编码或名称填错了一个。",
    en: "The same subject code carries different names in different tables; usually the code or the name is wrong.",
  },
  messages: {
    conflict: {
      zh: "科目 {code} 在{table}中叫「{name}」，在{otherTable}中叫「{otherName}」：同一科目各表名称应一致。",
      en: "Subject {code} is \"{name}\" in table {tableEn} but \"{otherName}\" in table {otherTableEn}; one code should have one name.",
    },
  },
});

interface Use {
  table: BudgetTable;
  name: string;
  cell: string;
  key: string;
}

export function nameConflicts(tables: BudgetTable[]): SheetFinding[] {
  const byCode = new Map<string, Use[]>();
  for (const table of tables) {
    for (const side of table.sides) {
      for (const line of side.lines) {
        if (!line.code || !line.nameCell || line.name === "") continue;
        const code = `${side.codeKind}:${line.code.digits}`;
        const list = byCode.get(code) ?? [];
        list.push({ table, name: line.name, cell: line.nameCell, key: subjectNameKey(line.name) });
        byCode.set(code, list);
      }
    }
  }
  const out: SheetFinding[] = [];
  for (const [code, uses] of byCode) {
    const keys = [...new Set(uses.map((u) => u.key))];
    if (keys.length < 2) continue;
    const count = (k: string) => uses.filter((u) => u.key === k).length;
    // A name that is the start of another (printed cut short) never wins.
    const whole = keys.filter((k) => !keys.some((other) => other !== k && other.startsWith(k)));
    const ranked = [...whole].sort((a, b) => count(b) - count(a));
    const winner = ranked.length === 1 || count(ranked[0]!) > count(ranked[1]!) ? ranked[0] : undefined;
    const digits = code.split(":")[1]!;
    const reference = winner ? uses.find((u) => u.key === winner)! : uses[0]!;
    for (const use of uses) {
      if (use.key === reference.key || (!winner && use === uses[0])) continue;
      if (!winner && use !== uses.find((u) => u.key !== reference.key)) continue; // an even split: one warning
      out.push(conflict(digits, use, reference, winner !== undefined));
    }
  }
  return out;
}

function conflict(digits: string, use: Use, reference: Use, sure: boolean): SheetFinding {
  const where = reference.table.sheet === use.table.sheet ? reference.cell : qualifiedAddress(reference.table.sheet, reference.cell);
  const data = {
    code: digits,
    table: use.table.label,
    tableEn: use.table.labelEn,
    name: use.name,
    otherTable: reference.table.label,
    otherTableEn: reference.table.labelEn,
    otherName: reference.name,
  };
  return {
    sheet: use.table.sheet,
    finding: report(codeNameConflictRule, use.cell, "conflict", data, { related: [where], ...(sure ? { expected: reference.name, actual: use.name } : {}) }),
  };
}
