/**
 * A subject code typed wrong inside a code hierarchy (the 款 of `210 | 11 | 01` typed 91): the line's 款
 * is listed nowhere, it sits among the lines of another 款, and its amount is exactly what that 款 misses.
 * Read as typed, the roll-ups of two correct 款 break and their correct amounts get the blame; read as the
 * rows and the amounts say, everything adds up and the one cell to fix is the code. Only when the amounts
 * bear it out: a table that lists 项 without their 款 is left as it is.
 */
import { a1 } from "../address";
import { ZERO } from "../decimal";
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import { type SubjectCode, codeOf } from "./codes";
import { DEFAULT_CODE_BOOK, sameSubjectName } from "./reference-codes";
import type { BudgetLine, BudgetSide, BudgetTable } from "./read";

export const codeTypoRule = defineRule({
  id: "budget/code-typo",
  severity: "error",
  title: { zh: "科目编码与所在各行不符", en: "Subject code does not fit its rows" },
  why: {
    zh: "本行的款级编码在表中没有对应的款，却列在另一款的各项之间，金额也正好是那一款缺少的数：编码填错了，按所在的款核对后各级汇总都相符。",
    en: "The line's 款 is listed nowhere; it sits among the lines of another 款 whose sum misses exactly its amount: the code is mistyped, and read under that 款 every roll-up adds up.",
  },
  messages: {
    typo: {
      zh: "科目编码 {typed}（{name}）的款级编码与所在各行不符：本行列在 {parent} 之下，金额也计入该款，编码应为 {expected}。",
      en: "Subject code {typed} ({name}) does not fit its rows: the line sits under {parent} and its amount is part of it; the code should be {expected}.",
    },
  },
});

export interface CodeTypo {
  /** The cell holding the wrong part (the 款 column of split codes, else the code or name cell). */
  cell: string;
  typed: string;
  expected: string;
  /** The full code as typed and as corrected. */
  typedCode: string;
  parent: string;
}

const typos = new WeakMap<BudgetLine, CodeTypo>();

export function codeTypoOf(line: BudgetLine): CodeTypo | undefined {
  return typos.get(line);
}

/** Corrects 款 typos in place (the relations then read the right hierarchy) and remembers them for the finding. */
export function correctCodeTypos(side: BudgetSide): void {
  const coded = side.lines.filter((l) => l.code && !l.total && !l.project);
  const present = new Set(coded.map((l) => l.code!.digits));
  coded.forEach((line, i) => {
    if (line.code!.level === 3 && !present.has(line.code!.digits.slice(0, 5))) itemTypo(side, coded, i, present);
  });
  coded.forEach((line, i) => {
    const code = line.code!;
    if (code.level === 2 && !coded.some((l) => l.code!.level === 3 && l.code!.digits.startsWith(code.digits))) sectionTypo(side, coded, i);
  });
}

/** The subject list names this line's code as the line does (unknown codes say nothing). */
function namedAsListed(side: BudgetSide, line: BudgetLine): boolean {
  const reference = DEFAULT_CODE_BOOK.name(side.codeKind, line.code!.digits);
  return reference !== undefined && sameSubjectName(reference, line.name);
}

/** A 项 whose 款 is missing, after the 款 line (and 项 lines) of one 款 of the same 类. */
function itemTypo(side: BudgetSide, coded: BudgetLine[], i: number, present: Set<string>): void {
  const line = coded[i]!;
  const digits = line.code!.digits;
  let parent: BudgetLine | undefined;
  for (let j = i - 1; j >= 0; j--) {
    const c = coded[j]!.code!;
    if (c.level === 2) parent = coded[j];
    if (c.level !== 3) break;
  }
  if (!parent || parent.code!.digits.slice(0, 3) !== digits.slice(0, 3)) return;
  const corrected = codeOf(parent.code!.digits + digits.slice(5));
  if (!corrected || present.has(corrected.digits)) return;
  const children = coded.filter((l) => l !== line && l.code!.level === 3 && l.code!.digits.startsWith(parent!.code!.digits));
  // A 款 with this line as its only 项: the 款 line or this line may hold the typo; the subject list decides.
  if (children.length === 0 && !(namedAsListed(side, parent) && !namedAsListed(side, line))) return;
  if (!completes(side, parent, children, [line])) return;
  record(side, line, corrected, parent);
}

/** A 款 line without a 项 of its own, followed by 项 lines of one missing 款 that add up to it. */
function sectionTypo(side: BudgetSide, coded: BudgetLine[], i: number): void {
  const line = coded[i]!;
  const following: BudgetLine[] = [];
  for (let j = i + 1; j < coded.length && coded[j]!.code!.level === 3; j++) following.push(coded[j]!);
  if (following.length === 0) return;
  const section = following[0]!.code!.digits.slice(0, 5);
  if (!following.every((l) => l.code!.digits.startsWith(section)) || section.slice(0, 3) !== line.code!.digits.slice(0, 3)) return;
  if (coded.some((l) => l.code!.digits === section)) return;
  // One 项 alone cannot outvote the 款 line: only the subject list can say which of the two is typed wrong.
  if (following.length === 1 && !(namedAsListed(side, following[0]!) && !namedAsListed(side, line))) return;
  const corrected = codeOf(section);
  if (!corrected || !completes(side, line, following, [])) return;
  record(side, line, corrected, line);
}

/** The parent's amounts (every column) are the sum of `children` + `added`, and some are not without `added`. */
function completes(side: BudgetSide, parent: BudgetLine, children: BudgetLine[], added: BudgetLine[]): boolean {
  let needed = added.length === 0;
  let any = false;
  for (const column of side.amountCols) {
    const total = parent.amounts.get(column.col)?.value;
    if (!total) continue;
    const sum = (lines: BudgetLine[]) => lines.reduce((s, l) => s.plus(l.amounts.get(column.col)?.value ?? ZERO), ZERO);
    const all = sum([...children, ...added]);
    if (!all.eq(total)) return false;
    if (!total.isZero()) any = true;
    if (added.length > 0 && !sum(children).eq(total)) needed = true;
  }
  return any && needed;
}

function record(side: BudgetSide, line: BudgetLine, corrected: SubjectCode, parent: BudgetLine): void {
  const typed = line.code!.digits;
  const sectionCol = side.codeCols.find((c) => c.codePart === 1);
  const joined = side.codeCols.find((c) => c.codePart === undefined);
  const col = sectionCol ?? joined;
  const cell = col ? a1(line.row, col.col) : line.nameCell;
  if (!cell) return;
  const parentText = parent === line ? `${corrected.digits} 的各项` : `${parent.code!.digits} ${parent.name}`;
  typos.set(line, {
    cell,
    typed: sectionCol ? typed.slice(3, 5) : typed,
    expected: sectionCol ? corrected.digits.slice(3, 5) : corrected.digits,
    typedCode: typed,
    parent: parentText,
  });
  line.code = corrected;
}

/** The findings of a table's corrected codes. */
export function codeTypoFindings(table: BudgetTable): Finding[] {
  const out: Finding[] = [];
  for (const side of table.sides) {
    for (const line of side.lines) {
      const typo = typos.get(line);
      if (!typo) continue;
      out.push(
        report(codeTypoRule, typo.cell, "typo", { typed: typo.typedCode, name: line.name, parent: typo.parent, expected: typo.expected }, {
          expected: typo.expected,
          actual: typo.typed,
          fix: { value: typo.expected },
        }),
      );
    }
  }
  return out;
}
