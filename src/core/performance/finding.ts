/** Building findings of the performance rules: severity from the rule's meta unless a rule says otherwise. */
import type { Dec } from "../decimal";
import type { Finding, Severity } from "../finding";
import { ruleMeta } from "../rules/registry";

export interface FindingInput {
  cell: string;
  related?: string[];
  message: string;
  messageEn: string;
  expected?: string;
  actual?: string;
  fixValue?: string;
  severity?: Severity;
}

export function finding(rule: string, input: FindingInput): Finding {
  const out: Finding = {
    rule,
    severity: input.severity ?? ruleMeta(rule).severity,
    cell: input.cell,
    related: input.related ?? [],
    message: input.message,
    messageEn: input.messageEn,
  };
  if (input.expected !== undefined) out.expected = input.expected;
  if (input.actual !== undefined) out.actual = input.actual;
  if (input.fixValue !== undefined) out.fix = { value: input.fixValue };
  return out;
}

/** A number as a finance officer writes it: no trailing zeros beyond what was typed. */
export function show(value: Dec, places?: number): string {
  return places === undefined ? value.toFixed() : value.toFixed(places);
}
