/**
 * Builds the add-in into dist/: the shared-runtime page (taskpane.html) with its three entries,
 * functions.js + functions.json (+ the English metadata), the icons and the manifest with the
 * production URL. Production builds never touch certificates; only `webpack serve` asks
 * office-addin-dev-certs for the localhost ones.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources } = require("webpack");
const { LocalizedMetadataPlugin } = require("./scripts/webpack/localized-metadata-plugin");
const { sourceFingerprint } = require("./scripts/webpack/source-fingerprint");

const DEV_URL = "https://localhost:3000/";
/** Placeholder until an office sets ADDIN_URL to the HTTPS folder that serves dist/ (README). */
const DEFAULT_PRODUCTION_URL = "https://addin.example.gov.vn/cchc/";
const DEV_SERVER_PORT = 3000;
const FUNCTIONS_ENTRY = "./src/functions/functions.ts";

function productionUrl() {
  const url = (process.env.ADDIN_URL || DEFAULT_PRODUCTION_URL).trim();
  if (!/^https:\/\/[^/\s]+(\/\S*)?$/.test(url)) {
    // Office refuses add-in pages that are not served over HTTPS, so fail the build, not the users.
    throw new Error(`ADDIN_URL must be an https:// URL (got "${url}")`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * The certificates for https://localhost:3000. office-addin-dev-certs generates them and then
 * asks the system to trust its CA (sudo on Linux). When that last step fails the generated
 * files are still usable: serve them and say how to trust the CA by hand.
 */
async function devServerHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (error) {
    const {
      caCertificatePath,
      localhostCertificatePath,
      localhostKeyPath,
    } = require("office-addin-dev-certs/lib/defaults");
    if (![caCertificatePath, localhostCertificatePath, localhostKeyPath].every((file) => fs.existsSync(file)))
      throw error;
    console.warn(
      `\nThe development certificate authority could not be trusted automatically (${error.message}).\n` +
        `Trust ${caCertificatePath} in your browser or system, or open ${DEV_URL}taskpane.html once and accept it.\n`,
    );
    return {
      ca: fs.readFileSync(caCertificatePath),
      cert: fs.readFileSync(localhostCertificatePath),
      key: fs.readFileSync(localhostKeyPath),
    };
  }
}

/** Records which sources this dist/ was built from, so tests can tell whether it is current. */
class BuildInfoPlugin {
  constructor(info) {
    this.info = info;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BuildInfoPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BuildInfoPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          compilation.emitAsset(
            "build-info.json",
            new sources.RawSource(`${JSON.stringify(this.info, null, 2)}\n`),
          );
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const targetUrl = dev ? DEV_URL : productionUrl();

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      functions: FUNCTIONS_ENTRY,
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      // The manifest names functions.js, so that one keeps a fixed name; the pane's chunks carry
      // a content hash in production so an office's proxy cannot serve a stale mix after updates.
      filename: (pathData) =>
        dev || pathData.chunk.name === "functions" ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // `npm run typecheck` checks the types; the bundle only needs the JavaScript.
              transpileOnly: true,
              compilerOptions: {
                // ES modules let webpack tree-shake Fluent UI; ES2017 keeps the custom functions
                // running in the older Edge webview some Excel 2021/Microsoft 365 installs use.
                module: "esnext",
                target: "ES2017",
              },
            },
          },
        },
      ],
    },
    optimization: {
      // Only the pane is split (React and Fluent UI into a vendor chunk): functions.js must stay
      // one self-contained file, the script the manifest points at, with no React in it.
      splitChunks: {
        chunks: (chunk) => chunk.name === "taskpane",
        cacheGroups: {
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            priority: 10,
          },
        },
      },
    },
    performance: {
      // The pane's vendor chunk is knowingly large (React + Fluent UI); the budget that matters,
      // functions.js ≤ 30 KB gzip, is asserted by test/build.
      hints: false,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        // Must be the very file of the `functions` entry, or the bundle comes out without its
        // CustomFunctions.associate calls while webpack still reports success.
        input: FUNCTIONS_ENTRY,
        output: "functions.json",
      }),
      new LocalizedMetadataPlugin({
        source: "functions.json",
        output: "functions.en-US.json",
        texts: path.resolve(__dirname, "src/functions/metadata.en-US.json"),
        locale: "en-US",
      }),
      new HtmlWebpackPlugin({
        // The shared runtime's one page: the task pane, the custom functions and the ribbon's
        // function file all run here (manifest: Runtime, Page and FunctionFile → Taskpane.Url).
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // In this order ("manual"): the custom functions register before the page parses React.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              // Global replace: the manifest names the URL a dozen times.
              return dev
                ? content
                : content.toString().replace(new RegExp(escapeRegExp(DEV_URL), "g"), targetUrl);
            },
          },
        ],
      }),
      ...(dev
        ? []
        : [new BuildInfoPlugin({ mode: "production", url: targetUrl, sources: sourceFingerprint() })]),
    ],
    ...(serving
      ? {
          devServer: {
            port: DEV_SERVER_PORT,
            // Excel on the web loads the pages from its own origin.
            headers: { "Access-Control-Allow-Origin": "*" },
            server: { type: "https", options: await devServerHttpsOptions() },
            // Everything, icons and manifest included, is served from the compilation's output.
            static: false,
          },
        }
      : {}),
  };
};

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
