/**
 * Tests one rule the way ESLint's RuleTester does: `valid` workbooks on which the rule reports nothing,
 * `invalid` workbooks with exactly the findings it must report (only the fields a case names are compared).
 * The whole engine runs (checkWorkbook), so a case also proves the finding survives the diagnosis.
 * A rule's tests live in test/<kind>/rules/<rule-name>.test.ts.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import type { Severity } from "../../src/core/finding";
import type { RuleMeta } from "../../src/core/rules/define";
import type { SheetSnapshot } from "../../src/core/snapshot";

export interface ValidCase {
  name: string;
  sheets: SheetSnapshot[];
}

export interface ExpectedFinding {
  /** The sheet of the cell; may be left out when the workbook has one sheet. */
  sheet?: string;
  cell: string;
  messageId?: string;
  severity?: Severity;
  expected?: string;
  actual?: string;
  related?: string[];
  /** Parts of the Chinese message that must be in it. */
  messageIncludes?: string[];
  fixValue?: string;
  /** The finding offers no fix (an ambiguity: the numbers cannot tell which cell to change). */
  noFix?: boolean;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

interface Reported extends ExpectedFinding {
  sheet: string;
  message: string;
  messageEn: string;
}

export function findingsOf(rule: RuleMeta, sheets: SheetSnapshot[]): Reported[] {
  const result = checkWorkbook({ sheets });
  return result.sheets.flatMap((s) =>
    s.findings
      .filter((f) => f.rule === rule.id)
      .map((f) => ({
        sheet: s.name,
        cell: f.cell,
        messageId: f.messageId,
        severity: f.severity,
        expected: f.expected,
        actual: f.actual,
        related: f.related,
        message: f.message,
        messageEn: f.messageEn,
        fixValue: f.fix?.value,
      })),
  );
}

export function testRule(rule: RuleMeta, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it("has at least one valid and one invalid case", () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(findingsOf(rule, c.sheets).map(short)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = findingsOf(rule, c.sheets);
        expect(got.map(short)).toEqual(c.findings.map((e) => short({ ...e, sheet: e.sheet ?? c.sheets[0]!.name })));
        c.findings.forEach((want, i) => {
          const actual = got[i]!;
          for (const key of ["messageId", "severity", "expected", "actual", "related", "fixValue"] as const) {
            if (want[key] !== undefined) expect(actual[key], `${short(actual)} ${key}`).toEqual(want[key]);
          }
          if (want.noFix) expect(actual.fixValue, `${short(actual)} fix`).toBeUndefined();
          for (const part of want.messageIncludes ?? []) expect(actual.message).toContain(part);
          // Both languages are filled: no placeholder left unreplaced.
          expect(actual.message).not.toMatch(/\{\w+\}/);
          expect(actual.messageEn).not.toMatch(/\{\w+\}/);
        });
      });
    }
  });
}

const short = (f: { sheet?: string; cell: string }) => `${f.sheet}!${f.cell}`;
