/** The same subject code named differently in two tables (issue 4 §4): a warning at the later name. */
import { qualifiedAddress } from "../address";
import type { SheetFinding } from "../check";
import type { BudgetTable } from "./read";
import { subjectNameKey } from "./reference-codes";

export function nameConflicts(tables: BudgetTable[]): SheetFinding[] {
  const first = new Map<string, { table: BudgetTable; name: string; cell: string }>();
  const out: SheetFinding[] = [];
  for (const table of tables) {
    for (const side of table.sides) {
      for (const line of side.lines) {
        if (!line.code || !line.nameCell || line.name === "") continue;
        const key = `${side.codeKind}:${line.code.digits}`;
        const seen = first.get(key);
        if (!seen) {
          first.set(key, { table, name: line.name, cell: line.nameCell });
          continue;
        }
        if (subjectNameKey(seen.name) === subjectNameKey(line.name)) continue;
        const where = seen.table.sheet === table.sheet ? seen.cell : qualifiedAddress(seen.table.sheet, seen.cell);
        out.push({
          sheet: table.sheet,
          finding: {
            rule: "budget/code-name-conflict",
            severity: "warning",
            cell: line.nameCell,
            related: [where],
            message: `科目 ${line.code.digits} 在${table.label}中叫「${line.name}」，在${seen.table.label}中叫「${seen.name}」：同一科目各表名称应一致。`,
            messageEn: `Subject ${line.code.digits} is "${line.name}" in table ${table.labelEn} but "${seen.name}" in table ${seen.table.labelEn}; one code should have one name.`,
            expected: seen.name,
            actual: line.name,
          },
        });
      }
    }
  }
  return out;
}
