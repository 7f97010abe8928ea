/**
 * Which host the task pane runs in, decided at runtime from the page's globals. Only detection lives
 * here; each host's adapter is its own module (src/hosts/excel, src/hosts/wps, src/hosts/playground),
 * so the playground bundle never needs Office.js and the Excel adapter never needs WPS.
 *
 *  - Excel: Office.js is loaded *and* `Office.onReady` reports a host. Office.js loaded outside Office
 *    (a plain browser tab) resolves onReady with `host: null`: that is the playground, not Excel.
 *  - WPS: WPS runs no Office.js; it injects a global `Application` carrying the ET (spreadsheet)
 *    object model, and a `wps` global whose `EtApplication` (a function in older builds) gives it too. An unrelated global named
 *    `Application` does not count: it must look like ET (`ActiveWorkbook` plus `Worksheets`/`Sheets`/`Range`).
 *  - Otherwise the playground.
 */
import type { HostKind } from "./host";

/** What Office.onReady said, or null when Office.js is absent, said no host, or did not answer in time. */
export interface OfficeReadyInfo {
  host: string | null;
}

/** The decision from already-known facts (pure, for tests and for callers that awaited onReady). */
export function detectHostKind(scope: object, office: OfficeReadyInfo | null): HostKind {
  if (office?.host && /^(excel|workbook)$/i.test(office.host)) return "excel";
  if (hasWpsEtApplication(scope)) return "wps";
  return "playground";
}

/** Waits for Office.onReady when Office.js is on the page (at most `timeoutMs`), then decides. */
export async function detectHost(scope: object = globalThis, timeoutMs = 5000): Promise<HostKind> {
  return detectHostKind(scope, await officeReady(scope, timeoutMs));
}

/** Office.onReady's answer, or null without Office.js or after `timeoutMs` (a page opened outside
 *  Office where onReady never settles must still show the playground). */
export async function officeReady(scope: object, timeoutMs: number): Promise<OfficeReadyInfo | null> {
  const office = member(scope, "Office");
  const onReady = office === undefined ? undefined : member(office, "onReady");
  if (typeof onReady !== "function") return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    const info = await Promise.race([Promise.resolve((onReady as () => unknown).call(office)), timeout]);
    if (info === null || typeof info !== "object") return null;
    const host = member(info, "host");
    return { host: typeof host === "string" ? host : null };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The ET Application object when the page runs inside WPS Spreadsheets, else undefined. */
export function wpsEtApplication(scope: object = globalThis): object | undefined {
  const wps = member(scope, "wps");
  // older WPS builds: wps.EtApplication() is a function; the typings describe a (deprecated) property
  const etApplication = wps === undefined ? undefined : member(wps, "EtApplication");
  if (typeof etApplication === "function") {
    try {
      const app: unknown = (etApplication as () => unknown).call(wps);
      if (looksLikeEt(app)) return app;
    } catch {
      // some WPS builds throw from this accessor before a document is open; try the global next
    }
  } else if (looksLikeEt(etApplication)) {
    return etApplication;
  }
  const app = member(scope, "Application");
  return looksLikeEt(app) ? app : undefined;
}

function hasWpsEtApplication(scope: object): boolean {
  return wpsEtApplication(scope) !== undefined;
}

function looksLikeEt(app: unknown): app is object {
  if (!isObjectLike(app)) return false;
  if (member(app, "ActiveWorkbook") === undefined && !("ActiveWorkbook" in app)) return false;
  return ["Worksheets", "Sheets", "Range"].some((key) => member(app, key) !== undefined || key in app);
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

/** Reads a property of a host object; host objects may throw from getters before they are ready. */
function member(owner: unknown, key: string): unknown {
  if (!isObjectLike(owner)) return undefined;
  try {
    return Reflect.get(owner, key);
  } catch {
    return undefined;
  }
}
