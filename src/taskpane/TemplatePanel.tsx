/**
 * 插入模板: the short form (template, year, project, units found in the allocation table, 元/万元,
 * 示例), a line saying exactly what will be created, and 插入. Nothing changes before the click; then
 * the session inserts, shows the new sheet and checks again. Loaded lazily with the template code.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Checkbox, Input, Select, Spinner, Text, tokens } from "@fluentui/react-components";
import type { TemplateSheet } from "../core/templates";
import { pick, type Lang } from "./i18n";
import type { CheckSession } from "./session";
import { TEMPLATES, describePreview, formContext, insertPlan, prepareTemplate, type FormContext, type MoneyUnit, type TemplateForm, type TemplateId } from "./templates";

const WORDS = {
  zh: {
    loading: "正在读取工作簿…",
    template: "模板",
    year: "年度",
    project: "项目名称",
    projectHint: "例如：城乡居民基本养老保险补助资金",
    unit: "金额单位",
    units: (sheet: string) => `单位（取自「${sheet}」，可改名或不选）`,
    noUnits: "工作簿中没有找到资金分配表：插入空白模板，单位行留空待填。",
    example: "示例（带几处故意的错误和说明表，供培训演示）",
    insert: "插入",
    inserting: "正在插入…",
    back: "返回检查结果",
    readFailed: "无法读取工作簿：",
  },
  en: {
    loading: "Reading the workbook…",
    template: "Template",
    year: "Year",
    project: "Project name",
    projectHint: "e.g. pension subsidy funds",
    unit: "Money unit",
    units: (sheet: string) => `Units (from "${sheet}"; rename or leave out)`,
    noUnits: "No allocation table in this workbook: the template is inserted blank, with empty unit rows.",
    example: "Example (a few deliberate mistakes and a note sheet, for training)",
    insert: "Insert",
    inserting: "Inserting…",
    back: "Back to the results",
    readFailed: "Could not read the workbook: ",
  },
} satisfies Record<Lang, unknown>;

export interface TemplatePanelProps {
  session: CheckSession;
  lang: Lang;
  onDone: () => void;
  /** Told the inserted sheets (the playground shows their widths and saves them styled). */
  onInserted?: (sheets: TemplateSheet[]) => void;
}

export default function TemplatePanel({ session, lang, onDone, onInserted }: TemplatePanelProps) {
  const w = WORDS[lang];
  const [loaded, setLoaded] = useState<{ form: TemplateForm; context: FormContext } | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    session.host
      .readWorkbook()
      .then((workbook) => live && setLoaded(formContext(workbook, new Date().getFullYear())))
      .catch((e: unknown) => live && setLoaded({ error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [session]);

  if (!loaded) return <Spinner size="small" label={w.loading} />;
  if ("error" in loaded) return <Text role="alert">{w.readFailed + loaded.error}</Text>;
  return <Form key={loaded.context.existing.join("\u0000")} initial={loaded.form} context={loaded.context} {...{ session, lang, onDone, onInserted, busy, setBusy }} />;
}

function Form({
  initial,
  context,
  session,
  lang,
  onDone,
  onInserted,
  busy,
  setBusy,
}: TemplatePanelProps & { initial: TemplateForm; context: FormContext; busy: boolean; setBusy: (b: boolean) => void }) {
  const w = WORDS[lang];
  const [form, setForm] = useState(initial);
  const prepared = useMemo(() => prepareTemplate(form, context), [form, context]);
  const info = TEMPLATES.find((t) => t.id === form.template)!;
  const update = (patch: Partial<TemplateForm>) => setForm((f) => ({ ...f, ...patch }));
  const showUnits = info.prefills && !form.example;
  const firstField = useRef<HTMLSelectElement>(null);
  // Opened from the keyboard: start at the form's first field, not back at the top of the page.
  useEffect(() => firstField.current?.focus(), []);

  const insert = async () => {
    setBusy(true);
    try {
      const plan = await insertPlan(prepared.sheets, context);
      const names = await session.insertSheets(plan, () => onInserted?.(prepared.sheets));
      if (names.length > 0) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      data-template-form
      style={{ display: "flex", flexDirection: "column", gap: 8 }}
      aria-label={lang === "zh" ? "插入模板" : "Insert a template"}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy) {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <label style={labelStyle}>
        {w.template}
        <Select ref={firstField} value={form.template} onChange={(_, d) => update({ template: d.value as TemplateId })} data-field="template">
          {TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name[lang]}
            </option>
          ))}
        </Select>
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          {info.description[lang]}
        </Text>
      </label>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <label style={{ ...labelStyle, flex: "1 1 90px" }}>
          {w.year}
          <Input type="number" value={String(form.year)} onChange={(_, d) => update({ year: Number(d.value) || initial.year })} data-field="year" />
        </label>
        <label style={{ ...labelStyle, flex: "1 1 90px" }}>
          {w.unit}
          <Select value={form.unit} onChange={(_, d) => update({ unit: d.value as MoneyUnit })} data-field="unit">
            <option value="万元">万元</option>
            <option value="元">元</option>
          </Select>
        </label>
      </div>
      <label style={labelStyle}>
        {w.project}
        <Input value={form.project} placeholder={w.projectHint} onChange={(_, d) => update({ project: d.value })} data-field="project" />
      </label>
      {showUnits &&
        (context.sourceSheet && form.units.length > 0 ? (
          <fieldset style={{ border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: 4, padding: "4px 8px", margin: 0, minWidth: 0 }} data-field="units">
            <legend style={{ fontSize: 13 }}>{w.units(context.sourceSheet)}</legend>
            {form.units.map((u, i) => (
              <div key={u.index} style={{ display: "flex", alignItems: "center", gap: 4 }}>
                <Checkbox
                  checked={u.include}
                  aria-label={u.name}
                  onChange={(_, d) => update({ units: form.units.map((x, k) => (k === i ? { ...x, include: d.checked === true } : x)) })}
                />
                <Input
                  size="small"
                  value={u.name}
                  disabled={!u.include}
                  aria-label={u.name}
                  style={{ minWidth: 0, flex: "1 1 auto" }}
                  onChange={(_, d) => update({ units: form.units.map((x, k) => (k === i ? { ...x, name: d.value } : x)) })}
                />
              </div>
            ))}
          </fieldset>
        ) : (
          <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
            {w.noUnits}
          </Text>
        ))}
      <Checkbox checked={form.example} label={w.example} onChange={(_, d) => update({ example: d.checked === true })} data-field="example" />
      <Text size={200} data-preview style={{ overflowWrap: "anywhere" }}>
        {pick(describePreview(prepared.preview), lang)}
      </Text>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" disabled={busy} onClick={() => void insert()} data-action="insert-template">
          {busy ? w.inserting : w.insert}
        </Button>
        <Button disabled={busy} onClick={onDone} data-action="template-back">
          {w.back}
        </Button>
      </div>
    </section>
  );
}

const labelStyle = { display: "flex", flexDirection: "column", gap: 2, fontSize: 13, minWidth: 0 } as const;
