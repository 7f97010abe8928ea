// `npm start`: run the task pane, in whatever this machine has.
//
// WPS Office (Windows, Linux incl. 统信 UOS / 麒麟 Kylin, macOS: its jsaddons folder exists) and no Excel,
// or `npm start -- wps`: serve the WPS add-in (webpack.wps.js) over http on 127.0.0.1:3000, register it in
// WPS as an online development add-in (an entry in jsaddons/publish.xml, removed again on Ctrl-C) and
// say how to open it.
//
// Windows / macOS with Excel: `office-addin-debugging start manifest.xml` starts the dev server
// (`npm run dev-server`, detached, https://localhost:3000) and sideloads the add-in into Excel. Extra
// arguments are passed on, e.g. `npm start -- web --document <url>`. `npm stop` ends it.
//
// Anywhere else (Linux without WPS: no Excel to sideload into): serve the playground (the same task pane
// beside an in-browser workbook) over http on 127.0.0.1:3000 and print its URL.
//
// PORT=<n> moves the http servers. Ctrl-C stops them cleanly.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEV_ADDIN_NAME, withDevEntry, withoutDevEntry, wpsJsaddonsDir } from "./wps-dev.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(ROOT, "package.json"));
const DEV_PORT = 3000;

const args = process.argv.slice(2);
const wpsDir = wpsJsaddonsDir();
const excelPlatform = process.platform === "win32" || process.platform === "darwin";
if (args[0] === "wps" || (wpsDir && !(excelPlatform && excelInstalled()))) {
  if (!wpsDir) {
    console.error("没有找到 WPS Office（它的 jsaddons 文件夹）/ WPS Office was not found (no jsaddons folder).");
    process.exit(1);
  }
  await startInWps(wpsDir);
} else if (excelPlatform) {
  if (wpsDir) console.log("本机也装有 WPS：npm start -- wps 在 WPS 表格中运行 / WPS is installed too: `npm start -- wps` runs the add-in there.");
  startInExcel();
} else {
  await serveForBrowser();
}

/** Excel desktop is installed (Windows: its COM class is registered; macOS: the app exists). */
function excelInstalled() {
  if (process.platform === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  if (process.platform !== "win32") return false;
  const query = spawnSync("reg", ["query", "HKCR\\Excel.Application"], { stdio: "ignore" });
  return query.status === 0;
}

/** The WPS add-in from the dev server, registered in WPS for as long as the server runs. */
async function startInWps(dir) {
  const makeConfig = require(join(ROOT, "webpack.wps.js"));
  const port = Number(process.env.PORT || DEV_PORT);
  const config = makeConfig({ port, noDeploymentFiles: true }, { mode: "development" });
  const url = `http://${config.devServer.host}:${port}/`;
  const publishXml = join(dir, "publish.xml");
  const edit = (change) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(publishXml, change(existsSync(publishXml) ? readFileSync(publishXml, "utf8") : null));
  };
  await serve(config, {
    start: () => edit((xml) => withDevEntry(xml, url)),
    stop: () => edit((xml) => withoutDevEntry(xml)),
    lines: [
      `已在 WPS 中注册开发版加载项「${DEV_ADDIN_NAME}」（${publishXml}），页面来自 ${url}`,
      `The development add-in "${DEV_ADDIN_NAME}" is registered in WPS (${publishXml}), served from ${url}`,
      "打开（或重新启动）WPS 表格，打开要检查的工作簿，在“开始”选项卡点“财表审核”。",
      "Open (or restart) WPS Spreadsheets, open a workbook, and click 财表审核 on the 开始 (Home) tab.",
      "调试：WPS 安装目录 office6/cfgs/oem.ini 的 [Support] 中设 JsApiShowWebDebugger=true，在任务窗格中按 F12。",
      "Debugging: set JsApiShowWebDebugger=true under [Support] in office6/cfgs/oem.ini, then press F12 in the pane.",
      "按 Ctrl-C 停止，并从 publish.xml 中移除该加载项 / Ctrl-C stops and removes it from publish.xml.",
    ],
  });
}

function startInExcel() {
  const cli = require.resolve("office-addin-debugging/cli.js");
  const args = [cli, "start", "manifest.xml", ...process.argv.slice(2)];
  if (!args.includes("--dev-server-port")) args.push("--dev-server-port", String(DEV_PORT));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  // Ctrl-C reaches the child through the terminal; stay alive until it has exited.
  const ignore = () => {};
  process.on("SIGINT", ignore);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("error", (err) => {
    console.error(`无法启动 office-addin-debugging / could not start office-addin-debugging: ${err.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    if (code === 0) console.log("停止开发服务器并卸载加载项：npm stop / To stop the dev server and unload the add-in: npm stop");
    process.exit(code ?? (signal ? 1 : 0));
  });
}

async function serveForBrowser() {
  const makeConfig = require(join(ROOT, "webpack.config.js"));
  const port = Number(process.env.PORT || DEV_PORT);
  const config = makeConfig({ http: true, port }, { mode: "development" });
  const url = `http://${config.devServer.host}:${port}/playground.html`;
  await serve(config, {
    lines: [
      `本平台（${process.platform}）没有 Excel：请在浏览器中打开演示页面（任务窗格 + 工作簿，可打开 .xlsx 或示例）：`,
      `Excel is not available on this platform (${process.platform}): open the playground (the task pane beside a workbook) in a browser:`,
      `  ${url}`,
      "按 Ctrl-C 停止 / Press Ctrl-C to stop.",
    ],
  });
}

/** Runs webpack-dev-server for `config`; `start` once the first build is done (then `lines` are
 *  printed), `stop` when Ctrl-C ends it. */
async function serve(config, { lines, start = () => {}, stop = () => {} }) {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  config.stats = "errors-warnings"; // keep the lines below visible
  config.infrastructureLogging = { level: "warn" };
  const { host, port } = config.devServer;

  // webpack-dev-server throws a listen error from an event handler (an uncaught exception with a
  // stack trace), so find a taken port first and say so plainly.
  const busy = await new Promise((resolve) => {
    const probe = createServer()
      .once("error", (err) => resolve(err.code === "EADDRINUSE" ? "in use" : err.message))
      .once("listening", () => probe.close(() => resolve(null)))
      .listen(port, host);
  });
  if (busy) {
    console.error(`端口 ${port} 不可用 / port ${port} on ${host} is not available (${busy}); PORT=<n> picks another.`);
    process.exit(1);
  }

  const compiler = webpack(config);
  let announced = false;
  compiler.hooks.done.tap("fiscal-check-start", (stats) => {
    if (announced) return;
    announced = true;
    setImmediate(() => {
      if (stats.hasErrors()) console.error("构建有错误，见上 / the build has errors, see above.");
      try {
        start();
      } catch (err) {
        console.error(`无法完成注册 / could not register: ${err.message}`);
      }
      for (const line of lines) console.log(line);
    });
  });

  // Our own SIGINT/SIGTERM handlers below stop the server; webpack-dev-server's would race them.
  const server = new WebpackDevServer({ ...config.devServer, setupExitSignals: false }, compiler);

  let stopping = false;
  const end = async (signal) => {
    if (stopping) process.exit(130); // a second Ctrl-C: give up waiting
    stopping = true;
    console.log(`\n正在停止 / stopping (${signal}) …`);
    try {
      if (announced) stop();
      await server.stop();
      await new Promise((resolve) => compiler.close(resolve));
    } catch (err) {
      console.error(err.message);
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void end("SIGINT"));
  process.on("SIGTERM", () => void end("SIGTERM"));

  try {
    await server.start();
  } catch (err) {
    console.error(err);
    await new Promise((resolve) => compiler.close(resolve));
    process.exit(1);
  }
}
