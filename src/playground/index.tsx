// Playground entry (playground.html): the task pane beside an in-browser workbook, for trainers, the
// browser test and anyone without Excel. Files are read and written in this page only; the only
// requests it makes are for its own files (the bundled samples, lazily loaded code).
import { useEffect, useRef, useState, type DragEvent } from "react";
import { createRoot } from "react-dom/client";
// Native <select> and a ProgressBar (which the pane loads anyway) rather than Fluent's Select and Spinner:
// the page's first download stays under 150 KB gzip.
import { Button, FluentProvider, ProgressBar, webLightTheme } from "@fluentui/react-components";
import { PlaygroundHost } from "../hosts/playground/playground-host";
import { browserChecker } from "../taskpane/browser-checker";
import { pick, type Bilingual, type Lang } from "../taskpane/i18n";
import { Notice, Pane } from "../taskpane/Pane";
import { CheckSession, describeError } from "../taskpane/session";
import { PLAYGROUND_STRINGS } from "./strings";
import type { OpenedWorkbook } from "./workbook-file";

type WorkbookModule = typeof import("./workbook-module");

/** File names of the sample workbooks copied into `samples/` at build time (webpack DefinePlugin). */
declare const __FISCAL_SAMPLES__: string[];
const SAMPLES: string[] = typeof __FISCAL_SAMPLES__ !== "undefined" ? __FISCAL_SAMPLES__ : [];

interface Loaded {
  /** A new id per opened workbook: the pane starts afresh. */
  id: number;
  opened: OpenedWorkbook;
  module: WorkbookModule;
  host: PlaygroundHost;
  session: CheckSession;
}

type OpenState = { status: "empty" } | { status: "loading"; name: string } | { status: "error"; name: string; error: Bilingual } | { status: "ready"; loaded: Loaded };

let openedCount = 0;
const loadFileModule = (): Promise<WorkbookModule> => import(/* webpackChunkName: "workbook" */ "./workbook-module");

function App({ initialLang, initialSample }: { initialLang: Lang; initialSample: string | null }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [state, setState] = useState<OpenState>({ status: "empty" });
  const [dragging, setDragging] = useState(false);
  /** A file that failed to open while another workbook is open: that workbook (and its edits) stays. */
  const [openFailure, setOpenFailure] = useState<{ name: string; error: Bilingual } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const current = useRef<Loaded | null>(null);
  const p = PLAYGROUND_STRINGS[lang];

  const open = async (name: string, read: (module: WorkbookModule) => Promise<OpenedWorkbook>) => {
    setState({ status: "loading", name });
    setOpenFailure(null);
    try {
      const module = await loadFileModule();
      const opened = await read(module);
      const fills = Object.fromEntries([...opened.looks].map(([sheet, look]) => [sheet, look.fills]));
      const host = new PlaygroundHost(opened.snapshot, {
        fills,
        notes: opened.notes,
        evaluateFormula: module.evaluateFormula,
        formulaReferences: module.formulaReferences,
        addinData: opened.addinData,
      });
      current.current?.session.dispose();
      const loaded = { id: ++openedCount, opened, module, host, session: new CheckSession(host, { checker: browserChecker }) };
      current.current = loaded;
      setState({ status: "ready", loaded });
    } catch (e) {
      const error = describeError(e);
      if (current.current) {
        setState({ status: "ready", loaded: current.current });
        setOpenFailure({ name, error });
      } else setState({ status: "error", name, error });
    }
  };
  const openFile = (file: File) => void open(file.name, async (module) => module.openWorkbook(file.name, new Uint8Array(await file.arrayBuffer())));
  const openSample = (name: string) =>
    void open(name, async (module) => {
      const response = await fetch(`samples/${encodeURIComponent(name)}`);
      if (!response.ok) throw new Error(`samples/${name}: HTTP ${response.status}`);
      return module.openWorkbook(name, new Uint8Array(await response.arrayBuffer()));
    });
  const openEmpty = () => void open(p.newName, (module) => module.newWorkbook(p.newName, "Sheet1"));

  useEffect(() => {
    if (initialSample) openSample(initialSample);
    else if (params.get("new") !== null) openEmpty();
    // The browser test times navigation → here (the page drawn and answering clicks).
    (globalThis as { __fiscalReadyMs?: number }).__fiscalReadyMs = performance.now();
    document.documentElement.dataset.ready = "true";
  }, []);

  const download = async () => {
    if (state.status !== "ready") return;
    const { opened, module, host, session } = state.loaded;
    const bytes = await module.saveWorkbook(opened, host, session.highlightOriginals());
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = opened.name.replace(/\.xlsx$/i, "") + (lang === "zh" ? "（审核后）.xlsx" : " (checked).xlsx");
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) openFile(file);
  };

  return (
    <div className="pg-page" lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className="pg-bar">
        <h1>{p.title}</h1>
        <Button onClick={() => fileInput.current?.click()} data-action="open">
          {p.open}
        </Button>
        <Button onClick={openEmpty} data-action="new">
          {p.newWorkbook}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          data-file-input
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) openFile(file);
            e.target.value = "";
          }}
        />
        {SAMPLES.length > 0 && (
          <select className="pg-select" aria-label={p.sample} value="" onChange={(e) => e.target.value && openSample(e.target.value)} data-action="sample">
            <option value="">{p.samplePick}</option>
            {SAMPLES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
        <Button disabled={state.status !== "ready"} onClick={() => void download()} data-action="download">
          {p.download}
        </Button>
        <span className="pg-local">{p.local}</span>
      </header>
      <div className="pg-main">
        <section
          className={dragging ? "pg-book pg-dragging" : "pg-book"}
          data-drop-text={p.dropHere}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          {state.status === "ready" ? (
            <>
              {openFailure && (
                <Notice tone="error" role="alert" data-error>
                  {p.openFailed(openFailure.name)}
                  {pick(openFailure.error, lang)} {p.keptOpen(state.loaded.opened.name)}
                </Notice>
              )}
              <state.loaded.module.Grid host={state.loaded.host} looks={state.loaded.opened.looks} lang={lang} />
              <div className="pg-hint" data-hint>
                {state.loaded.opened.blank ? p.blankHint : p.editHint}
              </div>
            </>
          ) : (
            <div className="pg-welcome" data-welcome>
              {state.status === "loading" ? (
                <div role="status" style={{ display: "grid", gap: 8 }}>
                  <ProgressBar aria-label={p.loading(state.name)} />
                  {p.loading(state.name)}
                </div>
              ) : (
                <>
                  {state.status === "error" && (
                    <Notice tone="error" role="alert" data-error>
                      {p.openFailed(state.name)}
                      {pick(state.error, lang)}
                    </Notice>
                  )}
                  <h2>{p.welcomeTitle}</h2>
                  <p>{p.welcomeBody}</p>
                </>
              )}
            </div>
          )}
        </section>
        <aside className="pg-pane" aria-label={lang === "zh" ? "任务窗格" : "Task pane"}>
          {state.status === "ready" ? (
            <Pane
              key={state.loaded.id}
              session={state.loaded.session}
              lang={lang}
              onLangChange={setLang}
              onTemplateInserted={(sheets) => state.loaded.module.addInsertedSheets(state.loaded.opened, sheets)}
            />
          ) : (
            <p className="pg-hint" style={{ padding: 12 }}>
              {p.paneHint}{" "}
              <Button size="small" appearance="subtle" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
                {lang === "zh" ? "English" : "中文"}
              </Button>
            </p>
          )}
        </aside>
      </div>
    </div>
  );
}

const params = new URLSearchParams(location.search);
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <App initialLang={params.get("lang") === "en" ? "en" : "zh"} initialSample={params.get("sample")} />
    </FluentProvider>,
  );
}
