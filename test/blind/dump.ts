/**
 * Prints what the engine says about every blind workbook, clean and with one and two typos, and writes each
 * variant to /tmp/blind/<id>-<n>.xlsx for the CLI. Run: node scripts-free bundle, see test/blind/FINDINGS.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { checkWorkbook } from "../../src/core/check";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { buildXlsx } from "../helpers/build-xlsx";
import { BLIND_WORKBOOKS, withTypos } from "./workbooks";

async function main() {
  mkdirSync("/tmp/blind", { recursive: true });
  const only = process.argv[2];
  for (const book of BLIND_WORKBOOKS) {
    if (only && !book.id.includes(only)) continue;
    for (const count of [0, 1, 2]) {
      const bytes = await buildXlsx(withTypos(book, count));
      writeFileSync(`/tmp/blind/${book.id}-${count}.xlsx`, bytes);
      const result = checkWorkbook(await readXlsxBuffer(bytes));
      const typos = book.typos.slice(0, count).map((t) => `${t.sheet}!${t.cell}=${t.value}`).join(", ");
      console.log(`\n=== ${book.id} [${count}] ${typos}`);
      for (const s of result.sheets) {
        const want = book.kinds[s.name];
        console.log(`  ${s.name}: ${s.kind}${want && want !== s.kind ? ` (WANT ${want})` : ""}`);
        for (const f of s.findings)
          console.log(`    ${f.severity} ${f.cell} ${f.rule} exp=${f.expected ?? ""} act=${f.actual ?? ""} fix=${f.fix?.value ?? f.fix?.formula ?? ""} | ${f.message}`);
      }
    }
  }
}
void main();
