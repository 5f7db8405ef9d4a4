// One entry per page: the task pane (inside Excel) and the harness (the same pane over a simulated
// Excel, for working without Office). The ribbon button only opens the pane, so there is no
// function file.
//   npm run build                          → dist/, office.js from Microsoft's CDN (as required for AppSource)
//   npm run build -- --env officejs=local  → dist/ also serves office.js from @microsoft/office-js, for
//                                            intranets that cannot reach the CDN
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const localOfficeJs = env.officejs === "local";
  const officeJsUrl = localOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      harness: "./src/harness/index.tsx",
    },
    output: {
      // --env output=<dir> lets the end-to-end tests build beside a running `npm start`.
      path: path.resolve(__dirname, env.output ?? "dist"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // exceljs's browser build bundles its own zip and stream shims; its Node entry would need
      // polyfills for fs, stream and crypto.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Type-checking is `npm run typecheck`; the bundle only needs the transpiled code.
          options: { transpileOnly: true, compilerOptions: { noEmit: false } },
        },
      ],
    },
    performance: { hints: false },
    // Shared chunks per need: the pane must not carry exceljs, which only the harness uses.
    optimization: { splitChunks: { chunks: "all" } },
    plugins: [
      new HtmlWebpackPlugin({ template: "./src/taskpane/taskpane.html", filename: "taskpane.html", chunks: ["taskpane"], officeJsUrl }),
      new HtmlWebpackPlugin({ template: "./src/harness/harness.html", filename: "harness.html", chunks: ["harness"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "samples/sample-workbook.xlsx", to: "sample-workbook.xlsx" },
          ...(localOfficeJs
            ? [{ from: "node_modules/@microsoft/office-js/dist", to: "office-js", globOptions: { ignore: ["**/*.debug.js", "**/*.map"] } }]
            : []),
        ],
      }),
    ],
  };
};
