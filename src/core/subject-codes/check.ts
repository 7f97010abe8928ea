/**
 * 支出功能科目表: a list of subject names with their codes (the 附件 that tells counties which 项 to book the
 * money to). A code has 3 (类), 5 (款) or 7 (项) digits; a known code should carry its reference name
 * (src/core/budget/reference-codes.ts, extendable); one code should not be listed twice.
 */
import { a1 } from "../address";
import { type CodeBook, DEFAULT_CODE_BOOK, FUNCTION_CODES, sameSubjectName, subjectNameKey } from "../budget/reference-codes";
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import type { SheetSnapshot } from "../snapshot";
import { Grid } from "../table/grid";
import { normalizeLabel } from "../text";

export const malformedCodeRule = defineRule({
  id: "subject-codes/malformed-code",
  severity: "error",
  title: { zh: "科目代码位数不对", en: "Malformed subject code" },
  why: {
    zh: "支出功能分类科目代码为 3 位（类）、5 位（款）或 7 位（项）数字，位数不对的代码无法记账。",
    en: "Function subject codes have 3 (class), 5 (section) or 7 (item) digits; any other code cannot be booked.",
  },
  messages: {
    malformed: {
      zh: "「{name}」的科目代码“{code}”不是 3 位（类）、5 位（款）或 7 位（项）数字。",
      en: "The subject code \"{code}\" of \"{name}\" is not 3, 5 or 7 digits.",
    },
    malformedKnown: {
      zh: "「{name}」的科目代码“{code}”不是 3 位（类）、5 位（款）或 7 位（项）数字，按科目名称应为 {known}。",
      en: "The subject code \"{code}\" of \"{name}\" is not 3, 5 or 7 digits; by its name it should be {known}.",
    },
  },
});

export const duplicateCodeRule = defineRule({
  id: "subject-codes/duplicate-code",
  severity: "warning",
  title: { zh: "科目代码重复", en: "Subject code listed twice" },
  why: {
    zh: "同一科目代码在表中出现两次，常见于复制行后忘了改代码。",
    en: "The same code appears twice, often a copied row whose code was not changed.",
  },
  messages: {
    duplicate: {
      zh: "科目代码 {code} 在本表中重复出现（另见 {previous}），请核实是否填错了其中一个。",
      en: "The subject code {code} is listed twice (also at {previous}); one of them may be wrong.",
    },
  },
});

export const nameDiffersRule = defineRule({
  id: "subject-codes/name-differs",
  severity: "warning",
  title: { zh: "科目名称与代码不符", en: "Subject name differs from its code" },
  why: {
    zh: "代码对应的规范科目名称与表中名称不同：可能代码填错，也可能科目已改名（可在参照科目表中补充）。",
    en: "The code's reference name differs from the table's name: the code may be wrong, or the subject renamed (extend the reference list).",
  },
  messages: {
    differs: {
      zh: "科目代码 {code} 的规范名称是「{reference}」，表中为「{name}」，请核对代码或名称。",
      en: "Subject code {code} is named \"{reference}\" in the classification; the table says \"{name}\".",
    },
    unknownCode: {
      zh: "科目代码 {code} 不在参照科目表中，而「{name}」的科目代码是 {known}，请核对代码。",
      en: "Subject code {code} is not in the classification; \"{name}\" has the code {known}. Check the code.",
    },
  },
});

export const orphanCodeRule = defineRule({
  id: "subject-codes/orphan-code",
  severity: "warning",
  title: { zh: "项级科目不在所列款下", en: "Item code outside the listed sections" },
  why: {
    zh: "科目表逐级列出类、款、项时，每个项级代码的前五位应是表中列出的某个款；对不上的，多半是款或项的数字打错了。",
    en: "When the list gives its classes, sections and items, each item's first five digits are a listed section; one that is not was most likely mistyped.",
  },
  messages: {
    orphan: {
      zh: "「{name}」的科目代码 {code} 属于款 {parent}，但本表没有列出这个款（本表列出的款：{listed}），请核对代码。",
      en: "The code {code} of \"{name}\" belongs to section {parent}, which the list does not give (it lists {listed}); check the code.",
    },
  },
});

const HEADER_ROWS = 12;

export function checkSubjectCodeSheet(sheet: SheetSnapshot, book: CodeBook = DEFAULT_CODE_BOOK): Finding[] {
  const grid = new Grid(sheet);
  const header = findHeader(grid);
  if (!header) return [];
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  const items: { code: string; cell: string; name: string }[] = [];
  for (let r = header.row + 1; r < grid.rowCount; r++) {
    const name = grid.text(r, header.nameCol).trim();
    const typed = codeAt(grid, r, header);
    if (!typed && !name) continue;
    if (/^(说明|注|备注)/.test(normalizeLabel(name))) break;
    if (!typed) continue;
    const { raw, code, col, sectionCol } = typed;
    const cell = a1(r, col);
    if (!/^\d{3}(\d{2}){0,2}$/.test(code)) {
      const known = codeOfName(name);
      const related = [a1(r, header.nameCol)];
      findings.push(
        known
          ? report(malformedCodeRule, cell, "malformedKnown", { name, code: raw, known }, { related, expected: known, fix: { value: known }, actual: raw })
          : report(malformedCodeRule, cell, "malformed", { name, code: raw }, { related, actual: raw }),
      );
      continue;
    }
    // The 款 part is what ties a 项 to its 款: in split columns, its own cell. A code the classification gives this very
    // name is right whatever 款 rows the list leaves out.
    const confirmed = !!name && sameSubjectName(name, book.name("function", code) ?? "");
    if (code.length === 7 && !confirmed) items.push({ code, cell: a1(r, sectionCol), name });
    const previous = seen.get(code);
    if (previous) {
      findings.push(report(duplicateCodeRule, cell, "duplicate", { code, previous }, { related: [previous], actual: code }));
    } else seen.set(code, cell);
    const reference = book.name("function", code);
    if (reference && name && !sameSubjectName(name, reference)) {
      findings.push(report(nameDiffersRule, a1(r, header.nameCol), "differs", { code, reference, name }, { related: [cell], expected: reference, actual: name }));
    } else if (!reference && code.length === 7 && name) {
      // A 项 code the classification does not know, under a name it knows by another code of the same 类:
      // the code was mistyped (2080750 for 公益性岗位补贴 2080705). A warning: the list may lack a new subject.
      const known = codeOfName(name);
      if (known && known !== code && known.slice(0, 3) === code.slice(0, 3))
        findings.push(report(nameDiffersRule, cell, "unknownCode", { code, name, known }, { related: [a1(r, header.nameCol)], expected: known, actual: code }));
    }
  }
  findings.push(...orphanItems(items, seen));
  return findings;
}

/** A list that gives its 款 rows: a 项 whose 款 is not among them, while others of its 类 are, was mistyped. */
function orphanItems(items: { code: string; cell: string; name: string }[], listed: Map<string, string>): Finding[] {
  const sections = [...listed.keys()].filter((c) => c.length === 5);
  if (sections.length === 0) return [];
  const out: Finding[] = [];
  for (const { code, cell, name } of items) {
    const parent = code.slice(0, 5);
    const siblings = sections.filter((c) => c.slice(0, 3) === code.slice(0, 3));
    if (listed.has(parent) || siblings.length === 0) continue;
    out.push(
      report(orphanCodeRule, cell, "orphan", { name, code, parent, listed: siblings.join("、") }, { related: siblings.map((c) => listed.get(c)!), actual: code }),
    );
  }
  return out;
}

interface CodeHeader {
  row: number;
  nameCol: number;
  /** One column holding the whole code (科目编码). */
  codeCol?: number;
  /** Or the code split over 类 | 款 | 项 columns (`208 | 7 | 5` = 2080705: 款 and 项 typed without their leading zero). */
  split?: [number, number, number];
}

/** The code typed on a row: its text, the digits read as a code, and the cell to point at (a split code: its last part). */
function codeAt(grid: Grid, r: number, header: CodeHeader): { raw: string; code: string; col: number; sectionCol: number } | null {
  if (header.codeCol !== undefined) {
    const raw = grid.text(r, header.codeCol).trim();
    const code = normalizeLabel(raw).replace(/\s+/g, "");
    return code ? { raw, code, col: header.codeCol, sectionCol: header.codeCol } : null;
  }
  const sectionCol = header.split![1];
  const parts = header.split!.map((c) => normalizeLabel(grid.text(r, c)).replace(/\s+/g, ""));
  const last = parts.reduce((at, p, i) => (p ? i : at), -1);
  if (last < 0) return null;
  const raw = parts.slice(0, last + 1).join(" | ");
  const col = header.split![last]!;
  // 类 three digits, 款 and 项 one or two (a single digit is its leading zero dropped); a blank part before a typed one,
  // or a part of any other length, is malformed as typed.
  const shaped = parts.slice(0, last + 1).every((p, i) => (i === 0 ? /^\d{3}$/.test(p) : /^\d{1,2}$/.test(p)));
  if (!shaped) return { raw, code: raw, col, sectionCol };
  return { raw, code: parts.slice(0, last + 1).map((p, i) => (i === 0 ? p : p.padStart(2, "0"))).join(""), col, sectionCol };
}

function findHeader(grid: Grid): CodeHeader | null {
  for (let r = 0; r < Math.min(grid.rowCount, HEADER_ROWS); r++) {
    let nameCol = -1;
    let codeCol = -1;
    const split = { 类: -1, 款: -1, 项: -1 };
    for (const { col, text } of grid.rowTexts(r)) {
      const t = normalizeLabel(text);
      if (/科目(代码|编码)|^(代码|编码)$/.test(t)) codeCol = col;
      else if (/科目名称|^名称$/.test(t)) nameCol = col;
      else if (t === "类" || t === "款" || t === "项") split[t] = col;
    }
    if (nameCol >= 0 && codeCol >= 0) return { row: r, nameCol, codeCol };
    if (nameCol >= 0 && split.类 >= 0 && split.款 > split.类 && split.项 > split.款) return { row: r, nameCol, split: [split.类, split.款, split.项] };
  }
  return null;
}

/** The one 7-digit code whose reference name is this name, if exactly one. */
function codeOfName(name: string): string | undefined {
  const key = subjectNameKey(name);
  const codes = Object.entries(FUNCTION_CODES).filter(([code, n]) => code.length === 7 && subjectNameKey(n) === key);
  return codes.length === 1 ? codes[0]![0] : undefined;
}
