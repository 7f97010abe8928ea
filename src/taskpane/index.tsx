// Task-pane entry: taskpane.html opened by Excel from manifest.xml, or by WPS from its add-in's ribbon
// button (dist/wps/fiscal-check, webpack.wps.js). Inside Excel it checks the open workbook through the
// Office.js host, inside WPS through the ET object model; opened in a plain browser it points to the
// playground.
import { createRoot } from "react-dom/client";
import { FluentProvider, Link, Text, webLightTheme } from "@fluentui/react-components";
import { detectHostKind, officeReady, wpsEtApplication } from "../hosts/detect";
import { browserChecker } from "./browser-checker";
import { inProcessChecker } from "./checker";
import { langFromDisplayLanguage, STRINGS, type Lang } from "./i18n";
import { StandalonePane } from "./Pane";
import { CheckSession } from "./session";

function displayLanguage(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined;
  }
}

function OutsideOffice({ lang }: { lang: Lang }) {
  const s = STRINGS[lang];
  return (
    <main style={{ padding: 16, display: "grid", gap: 8 }} data-outside-office>
      <h1 style={{ margin: 0, fontSize: 20 }}>{s.appTitle}</h1>
      <Text>
        {s.outsideOffice} <Link href="playground.html">{s.playgroundLink}</Link>
      </Text>
    </main>
  );
}

async function main(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const office = await officeReady(globalThis, 3000);
  const kind = detectHostKind(globalThis, office);
  const lang = langFromDisplayLanguage(displayLanguage());
  let content;
  if (kind === "excel") {
    const { ExcelHost, officeRuntime } = await import(/* webpackChunkName: "excel-host" */ "../hosts/excel/excel-host");
    const session = new CheckSession(new ExcelHost(officeRuntime()), { checker: browserChecker });
    content = <StandalonePane session={session} initialLang={lang} />;
  } else if (kind === "wps") {
    const { WpsHost } = await import(/* webpackChunkName: "wps-host" */ "../hosts/wps/wps-host");
    const host = new WpsHost(wpsEtApplication(globalThis) as ConstructorParameters<typeof WpsHost>[0]);
    // WPS keeps event listeners in the application, not the page: unregister when the pane goes away.
    addEventListener("pagehide", () => host.dispose());
    // An offline add-in's pages come from file://, where no Web Worker may start: check in the page.
    const checker = location.protocol === "file:" ? inProcessChecker : browserChecker;
    content = <StandalonePane session={new CheckSession(host, { checker })} initialLang={lang} />;
  } else {
    content = <OutsideOffice lang={lang} />;
  }
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      {content}
    </FluentProvider>,
  );
}

void main();
