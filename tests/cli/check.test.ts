// The check command as reviewers and other tools use it: the JSON shape, exit codes, text output,
// and a file that cannot be read among good ones.
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { FindingCategorySchema, SeveritySchema, TableKindSchema } from "../../src/core/report/vocabulary";
import { FIXTURES_DIR } from "../helpers/fixtures";
import { smallWorkbook, withStatedSize } from "../helpers/stated-sizes";

import { budgetCheck } from "./run-cli";

const check = (...args: string[]) => budgetCheck(["check", ...args]);

/** The documented output shape that other tools read. */
const OutputSchema = z.object({
  files: z.array(
    z.union([
      z.object({ file: z.string(), error: z.object({ code: z.string(), message: z.string() }) }).strict(),
      z.object({
        file: z.string(),
        tables: z.array(z.object({ id: z.string(), sheet: z.string(), range: z.string().regex(/^[A-Z]+\d+(:[A-Z]+\d+)?$/), kind: TableKindSchema, title: z.string() }).strict()),
        findings: z.array(
          z
            .object({
              id: z.string(),
              rule: z.string(),
              category: FindingCategorySchema,
              severity: SeveritySchema,
              sheet: z.string(),
              cell: z.string().regex(/^[A-Z]+\d+$/),
              range: z.string().optional(),
              tableId: z.string().optional(),
              message: z.string().min(1),
              expected: z.string().optional(),
              actual: z.string().optional(),
              corroboration: z.array(z.object({ rule: z.string(), sheet: z.string(), cell: z.string(), message: z.string().min(1) }).strict()).optional(),
            })
            .strict(),
        ),
        notChecked: z.array(z.object({ rule: z.string(), sheet: z.string(), reason: z.string() }).passthrough()),
      }),
    ]),
  ),
});

describe("check --format json", () => {
  it("prints the documented shape, one entry per file, and goes on past an unreadable file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "check-"));
    const corrupt = path.join(dir, "损坏.xlsx");
    writeFileSync(corrupt, "PK\u0003\u0004 this is not really a zip");
    const good = path.join(FIXTURES_DIR, "minimal-project.xlsx");
    const { code, stdout } = check(corrupt, good, "--format", "json");
    const output = OutputSchema.parse(JSON.parse(stdout));
    expect(output.files.map((f) => f.file)).toEqual([corrupt, good]);
    expect("error" in output.files[0] && output.files[0].error.code).toBe("corrupt-file");
    expect("tables" in output.files[1] && output.files[1].tables.map((t) => t.kind)).toEqual(["project-performance-target"]);
    expect(code).toBe(2);
  });

  it("reports a workbook past a reading limit with the limit, and checks the rest of the folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "check-limit-"));
    const huge = path.join(dir, "超大.xlsx");
    writeFileSync(huge, withStatedSize(await smallWorkbook(), "xl/sharedStrings.xml", 300 * 1024 * 1024));
    const good = path.join(dir, "minimal-project.xlsx");
    copyFileSync(path.join(FIXTURES_DIR, "minimal-project.xlsx"), good);
    const { code, stdout } = check(dir, "--format", "json");
    const output = OutputSchema.parse(JSON.parse(stdout));
    expect(output.files.map((f) => f.file)).toEqual([good, huge]);
    expect("tables" in output.files[0] && output.files[0].tables.map((t) => t.kind)).toEqual(["project-performance-target"]);
    expect("error" in output.files[1] && output.files[1].error).toEqual({
      code: "too-large",
      message: `${huge}: 共享字符串部分 xl/sharedStrings.xml 有 300 MB，超过上限 128 MB：未读取（预算工作簿的这一部分通常只有几 MB）`,
    });
    expect(code).toBe(2);
    const text = check(dir, "--lang", "en");
    expect(text.stdout).toContain(`${huge}: the shared-strings part xl/sharedStrings.xml is 300 MB, above the limit of 128 MB`);
    expect(text.code).toBe(2);
  });

  it("exits 0 on a clean workbook and 1 when a finding is an error", () => {
    const clean = check(path.join(FIXTURES_DIR, "minimal-project.xlsx"), "--format", "json");
    const cleanOutput = OutputSchema.parse(JSON.parse(clean.stdout));
    const cleanErrors = cleanOutput.files.flatMap((f) => ("findings" in f ? f.findings : [])).filter((f) => f.severity === "error");
    expect(cleanErrors).toEqual([]);
    expect(clean.code).toBe(0);

    const flawed = check(path.join(FIXTURES_DIR, "liaocheng-2024-formulas.xlsx"), "--format", "json");
    const flawedOutput = OutputSchema.parse(JSON.parse(flawed.stdout));
    const errors = flawedOutput.files.flatMap((f) => ("findings" in f ? f.findings : [])).filter((f) => f.severity === "error");
    expect(flawed.code).toBe(errors.length > 0 ? 1 : 0);

    // A habit repeated across one form is one finding whose range lists its cells, first its own.
    const grouped = flawedOutput.files.flatMap((f) => ("findings" in f ? f.findings : [])).filter((f) => f.range?.includes(","));
    expect(grouped.length).toBeGreaterThan(0);
    for (const finding of grouped) expect(finding.range!.split(",")[0]).toBe(finding.cell);
  });

  it("checks the bundled sample workbook when no file is named", () => {
    const { stdout } = check("--format", "json");
    const output = OutputSchema.parse(JSON.parse(stdout));
    expect(output.files).toHaveLength(1);
    const kinds = new Set("tables" in output.files[0] ? output.files[0].tables.map((t) => t.kind) : []);
    expect(kinds.size).toBeGreaterThanOrEqual(8);
  });
});

describe("check text output", () => {
  it("groups tables by sheet, in Chinese by default and in English on request", () => {
    const file = path.join(FIXTURES_DIR, "liaocheng-2024-formulas.xlsx");
    const zh = check(file).stdout;
    expect(zh).toContain("[支出总体情况表]");
    expect(zh).toContain("支出总体情况表  «支出总体情况表»");
    expect(zh).toMatch(/表格 5, 错误 \d+/);
    const en = check(file, "--lang", "en").stdout;
    expect(en).toContain("Expenditure summary");
    expect(en).toMatch(/tables 5, errors \d+/);
  });

  it("refuses unknown options and bad values with exit code 2", () => {
    expect(check("--colour", "red").code).toBe(2);
    const bad = check("--format", "xml");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format");
  });

  it("refuses a malformed rule pack, naming the bad field and its path", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pack-"));
    const pack = path.join(dir, "pack.json");
    writeFileSync(pack, JSON.stringify({ id: "bureau", name: { zh: "规则", en: "rules" }, formKind: "project", framework: { level1: [] }, thresholds: { satisfactionMin: 120 } }));
    const { code, stderr } = check(path.join(FIXTURES_DIR, "minimal-project.xlsx"), "--rules", pack);
    expect(code).toBe(2);
    expect(stderr).toContain("thresholds.satisfactionMin");
  });
});
