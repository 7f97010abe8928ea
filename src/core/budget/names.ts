/**
 * The same subject code named differently in tables of one workbook (issue 4 §4): one warning at each
 * name that differs from the name most tables use (a name cut short counts against itself). When the
 * tables split evenly, the later name gets the warning and both cells are named.
 */
import { qualifiedAddress } from "../address";
import type { SheetFinding } from "../check-types";
import type { BudgetTable } from "./read";
import { subjectNameKey } from "./reference-codes";

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
  return {
    sheet: use.table.sheet,
    finding: {
      rule: "budget/code-name-conflict",
      severity: "warning",
      cell: use.cell,
      related: [where],
      message: `科目 ${digits} 在${use.table.label}中叫「${use.name}」，在${reference.table.label}中叫「${reference.name}」：同一科目各表名称应一致。`,
      messageEn: `Subject ${digits} is "${use.name}" in table ${use.table.labelEn} but "${reference.name}" in table ${reference.table.labelEn}; one code should have one name.`,
      ...(sure ? { expected: reference.name, actual: use.name } : {}),
    },
  };
}
