/**
 * Which cells of a real workbook hold amounts a typo could hit: typed non-zero numbers, not percentages,
 * not in a column headed 序号 / 代码 / 权重 / 分值 / 得分 and the like, on any sheet. It does not depend on
 * the engine (a sheet the engine fails to recognise still counts), so figures compare across versions.
 */
import { a1 } from "../../src/core/address";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import type { CellRef } from "./mutate";

const NOT_AMOUNT = /序号|编号|代码|编码|科目|栏次|行次|项次|权重|分值|得分|评分|指标值|完成值|年份|年度$/;

function headerText(sheet: SheetSnapshot, row: number, col: number): string {
  const texts: string[] = [];
  for (let r = row - 1; r >= 0 && r >= row - 8; r--) {
    const v = sheet.rows[r]?.[col]?.value;
    if (typeof v === "string") texts.push(v);
  }
  for (const m of sheet.merges) {
    if (m.bottom < row && m.bottom >= row - 8 && col >= m.left && col <= m.right) {
      const v = sheet.rows[m.top]?.[m.left]?.value;
      if (typeof v === "string") texts.push(v);
    }
  }
  return texts.join(" ");
}

export function amountCells(workbook: WorkbookSnapshot): CellRef[] {
  const out: CellRef[] = [];
  for (const sheet of workbook.sheets) {
    const headerOk = new Map<number, boolean>();
    sheet.rows.forEach((row, r) => {
      (row ?? []).forEach((cell, c) => {
        if (!cell || cell.formula || typeof cell.value !== "number" || cell.value === 0 || !Number.isFinite(cell.value)) return;
        if (cell.numFmt?.includes("%")) return;
        // The header of a column is read once per column (the first amount's header stands for the rest).
        let ok = headerOk.get(c);
        if (ok === undefined) {
          ok = !NOT_AMOUNT.test(headerText(sheet, r, c));
          headerOk.set(c, ok);
        }
        if (ok) out.push({ sheet: sheet.name, address: a1(r, c) });
      });
    });
  }
  return out;
}

/** Decimals shown for the cell: from its number format, else from the stored value. */
export function shownDecimals(numFmt: string | undefined, value: number): number {
  const m = numFmt ? /0\.(0+)/.exec(numFmt) : null;
  if (m) return m[1]!.length;
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(text.length - dot - 1, 4);
}

/** A small seeded random generator (mulberry32): samples that are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sample<T>(items: T[], n: number, random: () => number): T[] {
  if (items.length <= n) return items;
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
