// The `budget-check` program itself: help in two languages, start-up time, one clear line and exit
// code 2 for wrong arguments and missing files, and the two reports a reviewer forwards (CSV and
// the 审核汇总 workbook).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { FIXTURES_DIR } from "../helpers/fixtures";
import { budgetCheck, buildCli, PROGRAM, ROOT } from "./run-cli";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "bc-program-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
beforeAll(() => buildCli());

const FORMULAS = path.join(FIXTURES_DIR, "liaocheng-2024-formulas.xlsx");
const PERFORMANCE = path.join(FIXTURES_DIR, "lixia-2024-performance.xlsx");

describe("budget-check", () => {
  it("is the package's bin, built JavaScript with a node shebang", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ "budget-check": "build/cli/budget-check.js" });
    expect(pkg.scripts.prepare).toContain("build-cli");
    expect(fs.readFileSync(PROGRAM, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("prints its help in Chinese, and in English with --lang en; each subcommand has its own", () => {
    const zh = budgetCheck(["--help"]);
    expect(zh).toMatchObject({ code: 0, stderr: "" });
    expect(zh.stdout).toContain("用法：");
    expect(zh.stdout).toContain("budget-check check");
    const en = budgetCheck(["--help", "--lang", "en"]);
    expect(en.stdout).toContain("Usage:");
    expect(budgetCheck(["check", "--help"]).stdout).toContain("--annotate <文件夹>");
    expect(budgetCheck(["check", "--help", "--lang", "en"]).stdout).toContain("--format text|json|csv");
    expect(budgetCheck(["template", "-h"]).stdout).toContain("project-self-evaluation");
  });

  it("starts in well under half a second (--help, median of five runs)", () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [PROGRAM, "--help"], { encoding: "utf8" });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      expect(run.status).toBe(0);
    }
    const median = times.sort((a, b) => a - b)[2];
    process.stdout.write(`budget-check --help: median ${median.toFixed(0)} ms\n`);
    expect(median).toBeLessThan(500);
  });

  it.each([
    [["check", "--colour", "red"], /^budget-check: 未知选项 --colour（budget-check check --help 查看用法）\n$/],
    [["check", "--colour", "red", "--lang", "en"], /^budget-check: unknown option --colour \(see budget-check check --help\)\n$/],
    [["check", "--format", "xml"], /^budget-check: --format 的值无效：xml（可用：text \| json \| csv）\n$/],
    [["check", "--jobs"], /^budget-check: --jobs 需要一个值\n$/],
    [["check", "没有这个文件.xlsx"], /^budget-check: 找不到文件或文件夹：没有这个文件.xlsx\n$/],
    [["check", FORMULAS, "missing.xlsx", "--lang", "en"], /^budget-check: no such file or folder: missing.xlsx\n$/],
    [["lint"], /^budget-check: 未知命令 lint（可用：check、template）；budget-check --help 查看用法\n$/],
    [["--frobnicate"], /^budget-check: 未知选项 --frobnicate；budget-check --help 查看用法\n$/],
  ])("refuses %j with one line and exit code 2", (args, line) => {
    const run = budgetCheck(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(line);
    expect(run.stdout).toBe("");
  });

  it("refuses to write an annotated copy over its original", () => {
    const dir = path.join(work, "self");
    fs.mkdirSync(dir);
    fs.copyFileSync(FORMULAS, path.join(dir, "a.xlsx"));
    const before = fs.readFileSync(path.join(dir, "a.xlsx"));
    const run = budgetCheck(["check", dir, "--annotate", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^budget-check: 批注副本会覆盖原文件 .*a\.xlsx/);
    expect(Buffer.compare(fs.readFileSync(path.join(dir, "a.xlsx")), before)).toBe(0);
  });

  it("writes templates as the template command", () => {
    const out = path.join(work, "模板.xlsx");
    const run = budgetCheck(["template", "--kind", "project-performance-target", "--year", "2026", "--out", out, "--lang", "en"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(fs.existsSync(out)).toBe(true);
  });
});

/** RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) throw new Error("the CSV does not end with CRLF");
  return rows;
}

interface JsonFinding {
  sheet: string;
  cell: string;
  range?: string;
  rule: string;
  category: string;
  severity: string;
  message: string;
  expected?: string;
  actual?: string;
  tableId?: string;
}

describe("reports a reviewer can forward", () => {
  const json = () => JSON.parse(budgetCheck(["check", FORMULAS, PERFORMANCE, "--format", "json"]).stdout) as { files: { file: string; findings: JsonFinding[]; tables: { id: string; kind: string }[] }[] };

  it("--format csv: one row per finding, UTF-8 with a BOM, RFC 4180 quoting, headers in the user's language", () => {
    const run = budgetCheck(["check", FORMULAS, PERFORMANCE, "--format", "csv"]);
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(run.stdout.slice(1));
    expect(rows[0]).toEqual(["文件", "工作表", "单元格", "表格类型", "规则", "类别", "严重程度", "说明", "应为", "实为", "接受理由"]);
    const expected = json().files.flatMap((f) => f.findings.map((finding) => ({ file: f.file, finding })));
    expect(rows.length - 1).toBe(expected.length);
    expected.forEach(({ file, finding }, i) => {
      const row = rows[i + 1];
      expect(row).toHaveLength(11);
      expect(row[0]).toBe(file);
      expect(row[1]).toBe(finding.sheet);
      expect(row[2].split(",")[0]).toBe(finding.cell);
      expect(row.slice(4, 6)).toEqual([finding.rule, finding.category]);
      expect(row[6]).toBe({ error: "错误", warning: "警告", info: "提示" }[finding.severity]);
      expect(row.slice(7)).toEqual([finding.message, finding.expected ?? "", finding.actual ?? "", ""]);
    });
    // Messages with commas and quotes survive the quoting.
    expect(rows.some((r) => r[7].includes("“") || r[7].includes(","))).toBe(true);
    const en = parseCsv(budgetCheck(["check", FORMULAS, "--format", "csv", "--lang", "en"]).stdout.slice(1));
    expect(en[0]).toEqual(["file", "sheet", "cell", "table kind", "rule", "category", "severity", "message", "expected", "actual", "accepted reason"]);
    expect(en[1][3]).toMatch(/^[A-Z]/);
  });

  it("--report: a 汇总 sheet with one row per file and a 明细 sheet with one row per finding, filtered, frozen, fitted", async () => {
    const folder = path.join(work, "reports");
    fs.mkdirSync(folder);
    fs.copyFileSync(FORMULAS, path.join(folder, "a.xlsx"));
    fs.copyFileSync(PERFORMANCE, path.join(folder, "b.xlsx"));
    fs.writeFileSync(path.join(folder, "c.xlsx"), "");
    fs.writeFileSync(path.join(folder, "d.docx"), "PK");
    const report = path.join(work, "审核汇总.xlsx");
    const run = budgetCheck(["check", folder, "--report", report]);
    expect(run.code).toBe(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["汇总", "明细"]);
    const summary = workbook.getWorksheet("汇总")!;
    const values = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(summary, 1)).toEqual(["文件", "表格", "错误", "警告", "提示", "已接受", "未能检查", "状态", "备注"]);
    const findings = JSON.parse(budgetCheck(["check", folder, "--format", "json"]).stdout).files as { file: string; findings?: JsonFinding[]; tables?: unknown[] }[];
    const count = (f: { findings?: JsonFinding[] }, s: string) => f.findings!.filter((x) => x.severity === s).length;
    expect(values(summary, 2).slice(0, 5)).toEqual([path.join(folder, "a.xlsx"), findings[0].tables!.length, count(findings[0], "error"), count(findings[0], "warning"), count(findings[0], "info")]);
    expect(values(summary, 2)[5]).toBe(0);
    expect(values(summary, 2)[7]).toBe("有错误");
    expect(values(summary, 4)[0]).toBe(path.join(folder, "c.xlsx"));
    expect(values(summary, 4)[7]).toBe("无法读取");
    expect(String(values(summary, 4)[8])).toContain("文件为空");
    const skipped = values(summary, 5);
    expect([skipped[0], skipped[7], skipped[8]]).toEqual([path.join(folder, "d.docx"), "跳过", "不是 Excel 工作簿（.docx）"]);
    expect(summary.rowCount).toBe(5);

    const detail = workbook.getWorksheet("明细")!;
    const total = findings.reduce((n, f) => n + (f.findings?.length ?? 0), 0);
    expect(detail.rowCount).toBe(total + 1);
    expect(values(detail, 1)).toEqual(["文件", "工作表", "单元格", "表格类型", "规则", "类别", "严重程度", "说明", "应为", "实为", "接受理由"]);
    expect(values(detail, 2)[7]).toBe(findings[0].findings![0].message);
    for (const sheet of [summary, detail]) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
      // Every column is at least as wide as its header, and none absurdly wide.
      const headers = values(sheet, 1) as string[];
      headers.forEach((header, i) => {
        const width = sheet.getColumn(i + 1).width;
        expect({ header, wide: width !== undefined && width >= Math.max(6, [...header].length * 2) && width <= 80 }).toEqual({ header, wide: true });
      });
    }
    // The message column fits its longest message up to the cap.
    const longest = Math.max(...findings.flatMap((f) => (f.findings ?? []).map((x) => [...x.message].length)));
    expect(detail.getColumn(8).width).toBeGreaterThanOrEqual(Math.min(80, longest));
  });
});
