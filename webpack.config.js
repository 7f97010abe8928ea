// Builds the Excel task pane into dist/web/.
//
//   npx webpack --mode production          → dist/web/ (minified, contenthash file names)
//   ADDIN_BASE_URL=https://intranet/fiscal-check/ npm run build
//                                          → dist/web/ whose manifest.xml points every URL there
//   npx webpack serve --mode development   → https://localhost:3000 (http if no dev certificates)
//   npx webpack serve --env http           → http://127.0.0.1:3000 (browser tests; `--env port=N` moves it)
//
// CommonJS on purpose: webpack-cli 7 loads a `.ts` config only on Node 22+ (see shared/TOOLCHAIN.md).
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const webpack = require("webpack");
const { EsbuildPlugin } = require("esbuild-loader");

const OUT_DIR = path.resolve(__dirname, "dist/web");
/** Sample workbooks for the playground: the shared fixtures beside the checkout (CI clones it there). */
const SAMPLES_DIR = path.resolve(__dirname, "../shared/fixtures");
const OFFICE_JS_DIST = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
/** Where Office.js is served from, relative to the pages. office.js finds its host files next to itself. */
const OFFICE_JS_DIR = "office-js";
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * The part of @microsoft/office-js/dist an Excel add-in can load at run time: the loader, the
 * Excel host files (office.js picks `excel-<platform>-<version>[-core].js`, or goes through the
 * O15 mapping table on Office 2013), the UI strings of every locale, and the telemetry/auth
 * helpers those host files load beside themselves. Debug builds, IntelliSense files and the other
 * hosts (Word, Outlook, …) are left out: 84 MB → about 10 MB.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "es6-promise.js",
  "excel*.js",
  "*/office_strings.js",
  "telemetry/*.js",
  "ariatelemetry/*.js",
  "webauth/*.js",
];

// ---- Excel deployment: where Office.js comes from, where the manifest points ---------------------

/** Microsoft requires add-ins to load Office.js from its CDN (the npm copy is stale). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The <script> tags that load Office.js: the CDN, and only when that did not load (an intranet
 * without internet access) the copy served beside the pages. document.write runs while the page is
 * still being parsed, so Office.js is there before any other script, as Office requires. The failed
 * CDN tag is removed first: office.js finds its own folder from the first script named office.js and
 * would otherwise fetch its Excel files from the CDN again. ES5 only: old Excel shows these pages in
 * Internet Explorer 11.
 */
const OFFICE_JS_SCRIPTS =
  `<script src="${OFFICE_JS_CDN}"></script>\n` +
  "<script>if (!window.Office) { " +
  'var tags = document.getElementsByTagName("script"); ' +
  "for (var i = tags.length - 1; i >= 0; i--) if (tags[i].src && tags[i].src.indexOf(\"appsforoffice.microsoft.com\") >= 0) tags[i].parentNode.removeChild(tags[i]); " +
  `document.write('<script src="${OFFICE_JS_DIR}/office.js"><\\/script>'); }</script>`;

/** Every URL of manifest.xml starts with this in the repository (the development server). */
const DEV_BASE_URL = "https://localhost:3000/";

/** ADDIN_BASE_URL (https, where dist/web/ will be served), default the development server. */
function addinBaseUrl(raw = process.env.ADDIN_BASE_URL) {
  if (!raw) return DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins only over https): ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must be a folder, without ?query or #fragment: ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** manifest.xml with every development-server URL moved to `baseUrl`. */
function manifestFor(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(baseUrl);
}

/** Function file named by the manifest (<FunctionFile>): required there, empty for now. */
const COMMANDS_HTML = (officeJs) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>财表审核 commands</title>
${officeJs}
<script>if (window.Office) Office.onReady(function () {});</script>
</head>
<body></body>
</html>
`;

/**
 * Dev-server transport. Office (Windows, Mac, web) only loads add-in pages over https, so when the
 * certificates made by `npx office-addin-dev-certs install` exist we serve https://localhost:3000,
 * as manifest.xml says. Without them (a Linux machine: no Excel to sideload into, and installing
 * the CA there needs sudo and is ignored by Chromium anyway) an https server would only show a
 * certificate error, so we fall back to plain http. `--env http` forces http on 127.0.0.1 for
 * browser tests.
 */
function devServerTransport(env) {
  const port = Number(env.port || process.env.PORT || 3000);
  if (env.http) return { host: "127.0.0.1", port, server: { type: "http" } };
  const cert = path.join(CERT_DIR, "localhost.crt");
  const key = path.join(CERT_DIR, "localhost.key");
  if (!fs.existsSync(cert) || !fs.existsSync(key)) {
    return { host: "localhost", port, server: { type: "http" } };
  }
  const options = { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
  const ca = path.join(CERT_DIR, "ca.crt");
  if (fs.existsSync(ca)) options.ca = fs.readFileSync(ca);
  return { host: "localhost", port, server: { type: "https", options } };
}

/** The .xlsx files in SAMPLES_DIR (none when the folder is absent: the playground then offers none). */
function sampleNames() {
  try {
    return fs.readdirSync(SAMPLES_DIR).filter((name) => name.toLowerCase().endsWith(".xlsx")).sort();
  } catch {
    return [];
  }
}

//   --env out=<dir>     build somewhere else (the browser test builds into its own folder)
//   --env noOfficeJs    skip copying Office.js (the playground does not use it; saves time in tests)
//   ADDIN_BASE_URL      (environment) https URL the built folder is served from, for manifest.xml
module.exports = (env = {}, argv = {}) => {
  const production = (argv.mode || process.env.NODE_ENV) === "production";
  const outDir = env.out ? path.resolve(env.out) : OUT_DIR;
  const samples = sampleNames();
  const baseUrl = addinBaseUrl();
  // Test builds (noOfficeJs) load no Office.js at all: no request leaves the machine.
  const officeJs = env.noOfficeJs ? "" : OFFICE_JS_SCRIPTS;

  return {
    mode: production ? "production" : "development",
    context: __dirname,
    entry: { taskpane: "./src/taskpane/index.tsx", playground: "./src/playground/index.tsx" },
    output: {
      path: outDir,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "",
      clean: true,
    },
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".mjs", ".js"] },
    module: {
      // exceljs's browser build is one self-contained, minified bundle: nothing to resolve inside it,
      // and parsing its 925 KB was a third of the production build time.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2020", jsx: "automatic" },
        },
      ],
    },
    optimization: {
      // esbuild minifies in a second where Terser needs most of a minute (exceljs alone is ~1 MB).
      minimizer: [new EsbuildPlugin({ target: "es2020" })],
    },
    plugins: [
      new webpack.DefinePlugin({ __FISCAL_SAMPLES__: JSON.stringify(samples) }),
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        officeJs,
      }),
      // What old Excel (Internet Explorer 11 / old Edge web view) shows instead of the pane.
      new HtmlWebpackPlugin({
        template: "./src/taskpane/unsupported.html",
        filename: "unsupported.html",
        chunks: [],
        inject: false,
        minify: false,
        officeJs,
      }),
      new HtmlWebpackPlugin({
        template: "./src/playground/playground.html",
        filename: "playground.html",
        chunks: ["playground"],
      }),
      new HtmlWebpackPlugin({
        templateContent: COMMANDS_HTML(officeJs),
        filename: "commands.html",
        chunks: [],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestFor(content.toString("utf8"), baseUrl) },
          ...samples.map((name) => ({ from: path.join(SAMPLES_DIR, name), to: `samples/${name}` })),
          ...(env.noOfficeJs ? [] : OFFICE_JS_FILES).map((pattern) => ({
            from: pattern,
            context: OFFICE_JS_DIST,
            to: `${OFFICE_JS_DIR}/`,
            globOptions: { ignore: ["**/*.debug.js"] },
            // Already minified by Microsoft: without this Terser re-minifies every file (minutes).
            info: { minimized: true },
          })),
        ],
      }),
    ],
    performance: {
      // The pane bundles React + Fluent UI (~90 KB gzip, ~300 KB raw); Office.js is copied, not bundled.
      hints: production ? "warning" : false,
      maxEntrypointSize: 700 * 1024,
      // exceljs (lazy, only when the playground opens a file) is ~950 KB on its own.
      maxAssetSize: 1100 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith(`${OFFICE_JS_DIR}/`),
    },
    devServer: {
      ...devServerTransport(env),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false }, logging: "warn" },
      open: false,
      allowedHosts: ["localhost", "127.0.0.1"],
    },
  };
};
// `npm run build` (webpack-cli, production, default output) also builds the WPS add-in into dist/wps: see webpack.wps.js.
module.exports = ((pages) => (env = {}, argv = {}) => (env.WEBPACK_BUILD && argv.mode === "production" && !env.out && !env.noWps ? [pages(env, argv), require("./webpack.wps.js")(env, argv)] : pages(env, argv)))(module.exports);

module.exports.addinBaseUrl = addinBaseUrl;
module.exports.manifestFor = manifestFor;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
