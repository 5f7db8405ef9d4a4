// The bureau command: writes a template workbook with the named pack embedded, or exits 2 with one
// bilingual line when the arguments or the pack are wrong.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkWorkbook } from "../../src/core/engine";
import { readTemplateMarkers } from "../../src/core/templates";
import { readWorkbook } from "../../src/io/xlsx-reader";

const ROOT = path.join(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const PACK = path.join(ROOT, "src", "core", "packs", "builtin", "project-legacy.json");

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [path.join(ROOT, "src", "cli", "template.ts"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bc-template-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("writes a legacy project form with the bureau's pack embedded, ready for the checker", async () => {
  const out = path.join(dir, "legacy.xlsx");
  const result = run(["--kind", "project-performance-target", "--variant", "legacy", "--rules", PACK, "--year", "2026", "--out", out]);
  expect(result).toMatchObject({ status: 0, stderr: "" });
  const workbook = await readWorkbook(new Uint8Array(fs.readFileSync(out)));
  expect(readTemplateMarkers(workbook)).toEqual([
    { sheet: "项目支出绩效目标表", kind: "project-performance-target", version: "1", packId: "project-legacy", year: 2026, packJson: fs.readFileSync(PACK, "utf8"), requiredInputs: expect.arrayContaining(["B3", "C6", "C7", "C8", "B9"]) },
  ]);
  expect(checkWorkbook(workbook).tables.map((t) => t.kind)).toEqual(["project-performance-target"]);
});

test.each([
  [["--out", "x.xlsx"], /缺少 --kind .*\/ --kind is required/],
  [["--kind", "budget-overview", "--out", "x.xlsx"], /--kind/],
  [["--kind", "project-performance-target", "--variant", "new", "--out", "x.xlsx"], /--variant/],
  [["--kind", "project-performance-target", "--year", "twenty", "--out", "x.xlsx"], /--year/],
  [["--kind", "project-performance-target"], /--out is required/],
  [["--kind", "project-performance-target", "--colour", "red", "--out", "x.xlsx"], /unknown option --colour/],
  [["--kind", "project-performance-target", "--rules", "/nonexistent/pack.json", "--out", "x.xlsx"], /无法读取规则包.*cannot read the rule pack/],
])("%j exits 2 with one bilingual line", (args, message) => {
  const result = run(args);
  expect(result.status).toBe(2);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z-]/);
});

test("an invalid pack exits 2 naming its bad fields in one line", () => {
  const pack = path.join(dir, "bad.json");
  fs.writeFileSync(pack, JSON.stringify({ id: "bureau-pack", formKind: "project" }));
  const result = run(["--kind", "project-performance-target", "--rules", pack, "--out", path.join(dir, "never.xlsx")]);
  expect(result.status).toBe(2);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(/规则包无效.*framework.*Invalid rule pack.*framework/);
  expect(fs.existsSync(path.join(dir, "never.xlsx"))).toBe(false);
});
