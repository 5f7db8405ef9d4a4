// `npm start`: builds dist/ when it is missing or older than the sources, then serves it on
// http://localhost:3000 and prints the harness address. Plain http on purpose: the harness needs no
// Office, so it needs no certificate.
// `npm start -- --https`: the same over https with the Office development certificate
// (`npx office-addin-dev-certs install` creates it), which is what Excel needs to load manifest.xml.
import { spawnSync } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { homedir } from "node:os";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "..", "..");
const dist = join(root, "dist");
const port = Number(process.env.PORT ?? 3000);
const SOURCES = ["src", "assets", "manifest.xml", "webpack.config.js", "samples", "package.json"];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

const builtAt = existsSync(join(dist, "harness.html")) ? statSync(join(dist, "harness.html")).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((name) => newestChange(join(root, name))));
if (builtAt < sourcesAt) {
  console.log("Building dist/ …");
  const build = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
};

const useHttps = process.argv.includes("--https");
const certificateDir = join(homedir(), ".office-addin-dev-certs");
if (useHttps && !existsSync(join(certificateDir, "localhost.crt"))) {
  console.error(`No development certificate in ${certificateDir}: run \`npx office-addin-dev-certs install\` first.`);
  process.exit(1);
}
const serve = (handler) =>
  useHttps
    ? createHttpsServer({ cert: readFileSync(join(certificateDir, "localhost.crt")), key: readFileSync(join(certificateDir, "localhost.key")) }, handler)
    : createHttpServer(handler);
const origin = `${useHttps ? "https" : "http"}://localhost:${port}`;

serve((request, response) => {
  const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  const file = normalize(join(dist, pathname === "/" ? "harness.html" : pathname));
  if (!file.startsWith(dist + sep) || !existsSync(file) || statSync(file).isDirectory()) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    return;
  }
  response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
  response.end(readFileSync(file));
}).listen(port, () => {
  console.log(`Budget Check harness: ${origin}/harness.html`);
  console.log(`Task pane page (needs Excel): ${origin}/taskpane.html`);
});
