/* Builds the task pane (dist/taskpane.html) and the manifest; `npm start` serves it over https. */
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
/** Where dist/ is deployed; set ADDIN_URL=https://cchc.example.gov.vn/ for `npm run build`. */
const PROD_URL = process.env.ADDIN_URL || "https://localhost:3000/";
/** The deployed add-in is another add-in than the sideloaded development one: Office keeps settings per add-in Id. */
const DEV_ID = "6f1c2a8e-4b7d-4c39-9e51-2d8a7f3b9c04";
const PROD_ID = "354e55f0-eabe-4424-8a31-a1cb35de9556";

function readJsonDir(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f, data: JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) }));
}

/**
 * Office add-ins must be served over https. office-addin-dev-certs makes a localhost certificate and
 * trusts its CA; where trusting fails (Linux without sudo) the certificate is still used, with a hint.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    if (!fs.existsSync(path.join(dir, "localhost.crt"))) throw e;
    console.warn(`Could not trust the development CA (${e.message.split("\n")[0]}).`);
    console.warn(`Serving with ${dir}/localhost.crt anyway; trust ${dir}/ca.crt in your browser/OS to avoid warnings.`);
    return {
      key: fs.readFileSync(path.join(dir, "localhost.key")),
      cert: fs.readFileSync(path.join(dir, "localhost.crt")),
      ca: fs.readFileSync(path.join(dir, "ca.crt")),
    };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = dev ? DEV_URL : PROD_URL.endsWith("/") ? PROD_URL : PROD_URL + "/";
  const config = {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } } }, exclude: /node_modules/ }],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({
        __CATALOG_PACKAGE__: fs.readFileSync(path.join(__dirname, "catalog/package.json"), "utf8"),
        __CATALOG_TEMPLATES__: JSON.stringify(readJsonDir(path.join(__dirname, "catalog/templates"))),
        __CATALOG_RULES__: JSON.stringify(fs.readFileSync(path.join(__dirname, "catalog/rules/cchc-rules.json"), "utf8")),
      }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev
                ? content
                : content
                    .toString()
                    .replace(`<Id>${DEV_ID}</Id>`, `<Id>${PROD_ID}</Id>`)
                    .replace(new RegExp(DEV_URL, "g"), baseUrl)
                    .replace(/https:\/\/localhost:3000/g, new URL(baseUrl).origin),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      port: Number(process.env.PORT || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: false },
      onListening: (server) => {
        const port = server.server.address().port;
        const scheme = config.devServer.server ? "https" : "http";
        console.log(
          [
            "",
            `Task pane (standalone page, works in any browser): ${scheme}://localhost:${port}/taskpane.html`,
            "Sideload into Excel:",
            "  - Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in > choose manifest.xml",
            "  - Excel desktop (Windows): share a folder containing manifest.xml, add it under File > Options > Trust Center >",
            "    Trusted Add-in Catalogs, restart Excel, then Home > Add-ins > Shared Folder > Thống kê CCHC",
            "",
          ].join("\n"),
        );
      },
    },
  };
  if (dev && !process.env.HTTP_ONLY) {
    config.devServer.server = { type: "https", options: await httpsOptions() };
  }
  return config;
};
