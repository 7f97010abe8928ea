// `npm start`: run the task pane.
//
// Windows / macOS (Excel exists there): `office-addin-debugging start manifest.xml` starts the dev
// server (`npm run dev-server`, detached, https://localhost:3000) and sideloads the add-in into
// Excel. Extra arguments are passed on, e.g. `npm start -- web --document <url>`. `npm stop` ends it.
//
// Anywhere else (Linux: no Excel to sideload into): serve the playground (the same task pane beside an
// in-browser workbook) over http on 127.0.0.1:3000 and print its URL. PORT=<n> moves it. Ctrl-C stops
// the server cleanly.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(ROOT, "package.json"));
const DEV_PORT = 3000;

if (process.platform === "win32" || process.platform === "darwin") {
  startInExcel();
} else {
  await serveForBrowser();
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
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(join(ROOT, "webpack.config.js"));

  const port = Number(process.env.PORT || DEV_PORT);
  const config = makeConfig({ http: true, port }, { mode: "development" });
  config.stats = "errors-warnings"; // keep the URL below visible
  config.infrastructureLogging = { level: "warn" };
  const { host } = config.devServer;
  const url = `http://${host}:${port}/playground.html`;

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
    setImmediate(() => announce(stats.hasErrors()));
  });
  const announce = (failed) => {
    if (failed) console.error("构建有错误，见上 / the build has errors, see above.");
    console.log(`本平台（${process.platform}）没有 Excel：请在浏览器中打开演示页面（任务窗格 + 工作簿，可打开 .xlsx 或示例）：`);
    console.log(`Excel is not available on this platform (${process.platform}): open the playground (the task pane beside a workbook) in a browser:`);
    console.log(`  ${url}`);
    console.log("按 Ctrl-C 停止 / Press Ctrl-C to stop.");
  };

  // Our own SIGINT/SIGTERM handlers below stop the server; webpack-dev-server's would race them.
  const server = new WebpackDevServer({ ...config.devServer, setupExitSignals: false }, compiler);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) process.exit(130); // a second Ctrl-C: give up waiting
    stopping = true;
    console.log(`\n正在停止 / stopping (${signal}) …`);
    try {
      await server.stop();
      await new Promise((resolve) => compiler.close(resolve));
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  try {
    await server.start();
  } catch (err) {
    console.error(err);
    await new Promise((resolve) => compiler.close(resolve));
    process.exit(1);
  }
}
