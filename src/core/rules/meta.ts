import type { Severity } from "../finding";

export interface RuleMeta {
  id: string;
  severity: Severity;
  title: { zh: string; en: string };
  why: { zh: string; en: string };
}

