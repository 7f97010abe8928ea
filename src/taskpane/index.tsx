// Task-pane entry: a placeholder until the pane runs the checks itself.
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, Title2, webLightTheme } from "@fluentui/react-components";

const flush = { margin: 0 };

function App({ host }: { host: string | null }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <main data-office-host={host ?? "none"} style={{ padding: 16, display: "grid", gap: 12 }}>
        <Title2 as="h1" style={flush}>
          财表审核
        </Title2>
        <div style={{ display: "grid", gap: 4 }}>
          <Text as="p" block style={flush}>
            目前请在命令行中运行审核。
          </Text>
          <Text as="p" block size={200} lang="en" style={flush}>
            For now, the checks run from the command line.
          </Text>
        </div>
      </main>
    </FluentProvider>
  );
}

function render(host: string | null): void {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App host={host} />);
}

// Outside Office (a plain browser) Office.onReady resolves with host null: render anyway.
// If office.js did not load at all, render without it.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady().then(
    (info) => render(info.host ? String(info.host) : null),
    () => render(null),
  );
} else {
  render(null);
}
