// Builds the WPS add-in (WPS 加载项) for WPS Spreadsheets into dist/wps/:
//
//   dist/wps/fiscal-check/   the add-in: index.html + main.js (ES5 ribbon callbacks), ribbon.xml,
//                            taskpane.html and its scripts (the same pane as Excel's, built for ES2017),
//                            assets/ (the button's icon)
//   dist/wps/publish.xml     offline mode: the folder copied into the jsaddons folder (see README)
//   dist/wps/jsplugins.xml   online mode: the folder served by a bureau's intranet server
//
//   npx webpack --config webpack.wps.js --mode production    (npm run build runs it after the Excel pages)
//   --env wpsUrl=http://server/jsaddons/fiscal-check/        the online address jsplugins.xml names
//                                                           (or WPS_ADDIN_URL=...)
//   --env out=<dir>                                          build into <dir>/fiscal-check (tests)
//
// WPS runs no Office.js: the pane finds WPS's `Application` global (src/hosts/detect.ts). WPS embeds an
// older Chromium than current Chrome, so every script it loads is lowered to ES2017; main.js is plain
// ES5 and copied as it is.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");
const webpack = require("webpack");
const { version } = require("./package.json");
// webpack's own parser, to find what esbuild does not lower (below)
const acorn = require(require.resolve("acorn", { paths: [path.dirname(require.resolve("webpack"))] }));

/** The add-in's name in publish.xml / jsplugins.xml and its folder. */
const ADDIN_NAME = "fiscal-check";
const ADDIN_SOURCES = path.resolve(__dirname, "src/hosts/wps/addin");
const OUT_DIR = path.resolve(__dirname, "dist/wps");
/** The JavaScript level WPS's embedded Chromium understands (see README, WPS section). */
const WPS_TARGET = "es2017";
const PLACEHOLDER_URL = `http://your-intranet-server/jsaddons/${ADDIN_NAME}/`;

const xmlAttr = (text) => String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Offline mode (wpsjs's convention): the add-in sits in jsaddons/<name>_<version>/ beside this file. */
function publishXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- 财表审核 ${version} · 离线安装：把 fiscal-check 文件夹复制到 jsaddons 目录并改名为 ${ADDIN_NAME}_${version}，
     再把本文件复制到 jsaddons 目录（已有 publish.xml 时，只把下面这一行加进它的 <jsplugins> 里）。 -->
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${version}" version="${version}" enable="enable_dev" install="null"/>
</jsplugins>
`;
}

/** Online mode: WPS fetches ribbon.xml and the pages from `url` (oem.ini JSPluginsServer names this file). */
function jspluginsXml(url) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- 财表审核 ${version} · 在线部署：fiscal-check 文件夹放在内网服务器上，url 指向它（以 / 结尾）。 -->
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlAttr(url)}" version="${version}"/>
</jsplugins>
`;
}

/** Puts legacy-runtime.js (polyfills) in front of every script that starts a JavaScript context:
 *  the chunks carrying webpack's runtime, i.e. the pane's entry and the engine worker's. */
class LegacyRuntimePlugin {
  constructor(code) {
    this.code = code;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FiscalCheckLegacyRuntime", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FiscalCheckLegacyRuntime", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          for (const chunk of compilation.chunks) {
            if (!chunk.hasRuntime()) continue;
            for (const file of chunk.files) {
              if (!file.endsWith(".js")) continue;
              compilation.updateAsset(file, (old) => new webpack.sources.ConcatSource(this.code, "\n", old));
            }
          }
        },
      );
    });
  }
}

/**
 * esbuild lowers syntax to ES2017 but leaves regular expressions with Unicode property escapes
 * (`/[\p{L}]/u`, ES2018) as literals: on an engine without them the whole script fails to parse. They
 * become `new RegExp(...)` calls, so only a call that uses one would fail there, not the pane.
 */
class LegacyRegexPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FiscalCheckLegacyRegex", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FiscalCheckLegacyRegex", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith(".js") || name === "main.js") continue;
            const source = assets[name].source().toString();
            if (!source.includes("\\p{") && !source.includes("\\P{")) continue;
            const rewritten = lowerPropertyEscapes(source);
            if (rewritten !== source) compilation.updateAsset(name, new webpack.sources.RawSource(rewritten));
          }
        },
      );
    });
  }
}

function lowerPropertyEscapes(source) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "Literal" && node.regex && /\\[pP]\{/.test(node.regex.pattern)) found.push(node);
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === "object" && typeof child.type === "string") visit(child);
    }
  };
  visit(acorn.parse(source, { ecmaVersion: "latest", sourceType: "script" }));
  let out = source;
  for (const node of found.sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, node.start)}(new RegExp(${JSON.stringify(node.regex.pattern)},${JSON.stringify(node.regex.flags)}))${out.slice(node.end)}`;
  }
  return out;
}

/** Writes publish.xml and jsplugins.xml beside the add-in folder once the build is on disk. */
class DeploymentFilesPlugin {
  constructor(dir, url) {
    this.dir = dir;
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap("FiscalCheckWpsDeployment", () => {
      fs.writeFileSync(path.join(this.dir, "publish.xml"), publishXml());
      fs.writeFileSync(path.join(this.dir, "jsplugins.xml"), jspluginsXml(this.url));
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = (argv.mode || process.env.NODE_ENV) === "production";
  const outDir = env.out ? path.resolve(env.out) : OUT_DIR;
  const addinDir = path.join(outDir, ADDIN_NAME);
  let url = env.wpsUrl || process.env.WPS_ADDIN_URL || PLACEHOLDER_URL;
  if (!url.endsWith("/")) url += "/";

  return {
    name: "wps",
    mode: production ? "production" : "development",
    context: __dirname,
    // The same entry as Excel's pane: it detects WPS at start-up and loads the WPS host.
    entry: { taskpane: "./src/taskpane/index.tsx" },
    target: ["web", WPS_TARGET],
    output: {
      path: addinDir,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "",
      clean: true,
    },
    devtool: production ? false : "cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".mjs", ".js"] },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          // import.meta stays for webpack, which turns `new Worker(new URL(…, import.meta.url))` into
          // the engine's worker chunk (lowered by esbuild, the worker would be lost)
          options: { target: WPS_TARGET, jsx: "automatic", supported: { "import-meta": true } },
        },
      ],
    },
    optimization: {
      // Also in development: dependencies (React, Fluent UI) ship newer syntax than WPS understands,
      // and only this pass lowers it.
      minimize: true,
      minimizer: [new EsbuildPlugin({ target: WPS_TARGET, minify: production, exclude: /^main\.js$/ })],
    },
    plugins: [
      new HtmlWebpackPlugin({ template: path.join(ADDIN_SOURCES, "taskpane.html"), filename: "taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.join(ADDIN_SOURCES, "index.html"), to: "index.html" },
          { from: path.join(ADDIN_SOURCES, "ribbon.xml"), to: "ribbon.xml" },
          { from: path.join(ADDIN_SOURCES, "main.js"), to: "main.js", info: { minimized: true } },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
        ],
      }),
      new LegacyRuntimePlugin(fs.readFileSync(path.join(ADDIN_SOURCES, "legacy-runtime.js"), "utf8")),
      new LegacyRegexPlugin(),
      ...(env.noDeploymentFiles ? [] : [new DeploymentFilesPlugin(outDir, url)]),
    ],
    performance: { hints: false },
    devServer: {
      host: "127.0.0.1",
      port: Number(env.port || process.env.PORT || 3000),
      server: { type: "http" },
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

module.exports.ADDIN_NAME = ADDIN_NAME;
module.exports.publishXml = publishXml;
module.exports.jspluginsXml = jspluginsXml;
