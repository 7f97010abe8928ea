/**
 * Rules as modules (in the manner of ESLint rules): every rule is defined once, with `defineRule`, in the
 * file that detects it — id, usual severity, title, a plain "why", and its messages as zh/en templates with
 * `{name}` placeholders. `report` is the only way to make a finding: it fills the templates from the same
 * parameters in both languages and keeps `messageId` + `data` on the finding, so a reviewer's report can
 * group findings by template.
 */
import type { Finding, FindingFix, Severity } from "../finding";

export interface Text {
  zh: string;
  en: string;
}

/** A message template: `{where}应为 {expected}，表中为 {actual}。` */
export interface MessageTemplate {
  zh: string;
  en: string;
}

/** The `{name}` placeholders of a template, as a union of literal names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A parameter: a number or a text the same in both languages, or a text per language. */
export type ParamValue = string | number | Text;

type TemplateParams<T extends MessageTemplate> = Placeholders<T["zh"]> | Placeholders<T["en"]>;

/** The parameters a message needs: exactly its placeholders (none → an empty object). */
export type MessageData<T extends MessageTemplate> = [TemplateParams<T>] extends [never]
  ? Record<string, never>
  : { [K in TemplateParams<T>]: ParamValue };

export interface RuleDefinition<Id extends string, M extends Record<string, MessageTemplate>> {
  id: Id;
  severity: Severity;
  title: Text;
  why: Text;
  messages: M;
}

export type Rule<Id extends string = string, M extends Record<string, MessageTemplate> = Record<string, MessageTemplate>> =
  Readonly<RuleDefinition<Id, M>>;

/** What every rule has, whatever its messages: the registry, the pane and the README read this. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  title: Text;
  why: Text;
  messages: Readonly<Record<string, MessageTemplate>>;
}

export function defineRule<const Id extends string, const M extends Record<string, MessageTemplate>>(
  definition: RuleDefinition<Id, M>,
): Rule<Id, M> {
  return Object.freeze(definition);
}

export interface ReportDetails {
  related?: readonly string[];
  expected?: string;
  actual?: string;
  fix?: FindingFix;
  /** Only when this occurrence differs from the rule's usual severity (e.g. a one-unit gap is a warning). */
  severity?: Severity;
}

/**
 * Makes the finding of `rule` at `cell` with message `messageId` filled from `data`.
 * The one way to make a finding: templates, parameters and severity come from the rule's definition.
 */
export function report<M extends Record<string, MessageTemplate>, K extends keyof M & string>(
  rule: Rule<string, M>,
  cell: string,
  messageId: K,
  data: MessageData<M[K]>,
  details: ReportDetails = {},
): Finding {
  const template = rule.messages[messageId];
  if (!template) throw new Error(`${rule.id}: no message ${messageId}`);
  const params = data as Record<string, ParamValue>;
  const finding: Finding = {
    rule: rule.id,
    severity: details.severity ?? rule.severity,
    cell,
    related: [...(details.related ?? [])],
    message: fill(template.zh, params, "zh"),
    messageEn: fill(template.en, params, "en"),
    messageId,
    data: plainData(params),
  };
  if (details.expected !== undefined) finding.expected = details.expected;
  if (details.actual !== undefined) finding.actual = details.actual;
  if (details.fix !== undefined) finding.fix = details.fix;
  return finding;
}

/** The same finding under another rule or severity is made again with report; this only moves it. */
export function atCell(finding: Finding, cell: string, related: readonly string[] = finding.related): Finding {
  return { ...finding, cell, related: [...related] };
}

function fill(template: string, data: Record<string, ParamValue>, lang: keyof Text): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? value[lang] : String(value);
  });
}

function plainData(data: Record<string, ParamValue>): Record<string, string | number | Text> {
  const out: Record<string, string | number | Text> = {};
  for (const [key, value] of Object.entries(data)) out[key] = typeof value === "object" ? { zh: value.zh, en: value.en } : value;
  return out;
}
