// Inserting forms never overwrites or renames what a workbook holds: names are made unique under
// Excel's rules, a second template gets its own marker row and lists, and a bureau's pack is embedded.
import fs from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/core/engine";
import { buildTemplate, insertionContext, planTemplate, readTemplateMarkers, TemplateOptionsError, uniqueSheetName } from "../../src/core/templates";
import { RulePackError } from "../../src/core/packs";
import { rangeAddress } from "../../src/core/workbook/address";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { writeEdits } from "../../src/io/xlsx-writer";

const FIXTURE = path.join(__dirname, "..", "..", "..", "shared", "fixtures", "minimal-project.xlsx");
const PACK_DIR = path.join(__dirname, "..", "..", "src", "core", "packs", "builtin");

describe("uniqueSheetName", () => {
  test.each([
    [[], "项目绩效目标-社区图书室", "项目绩效目标-社区图书室"],
    [["项目支出绩效目标表"], "项目支出绩效目标表", "项目支出绩效目标表 (2)"],
    [["Sheet", "sheet (2)"], "SHEET", "SHEET (3)"],
    [[], "a/b\\c[d]:e*f?g", "a-b-c-d--e-f-g"],
    [[], "'quoted'", "quoted"],
    [[], "History", "History (2)"],
    [[], "   ", "Sheet"],
  ])("in %j, %j becomes %j", (existing, wanted, expected) => {
    expect(uniqueSheetName(existing, wanted)).toBe(expected);
  });

  test("keeps to 31 characters, suffix included, without splitting a character", () => {
    const long = "项目绩效目标-" + "很长的项目名称".repeat(6);
    const first = uniqueSheetName([], long);
    expect(Array.from(first)).toHaveLength(31);
    const second = uniqueSheetName([first], long);
    expect(Array.from(second)).toHaveLength(31);
    expect(second.endsWith(" (2)")).toBe(true);
    expect(Array.from(uniqueSheetName([], "😀".repeat(40)))).toHaveLength(31);
  });
});

describe("inserting into an existing workbook", () => {
  test("adds two forms beside the fixture's own without touching it, each detected and marked", async () => {
    const base = new Uint8Array(fs.readFileSync(FIXTURE));
    const before = await readWorkbook(base);
    const first = planTemplate("project-performance-target", { year: 2025, projectName: "社区图书室图书购置", existing: insertionContext(before) });
    const afterFirstBytes = await writeEdits(first.edits, base);
    const afterFirst = await readWorkbook(afterFirstBytes);
    const second = planTemplate("project-performance-target", { year: 2025, projectName: "社区图书室图书购置", existing: insertionContext(afterFirst) });
    const after = await readWorkbook(await writeEdits(second.edits, afterFirstBytes));

    expect(second.layout.sheet).toBe("项目绩效目标-社区图书室图书购置 (2)");
    expect(after.sheets.find((s) => s.name === "项目支出绩效目标表")).toEqual(before.sheets[0]);
    expect(readTemplateMarkers(after).map((m) => m.sheet)).toEqual([first.layout.sheet, second.layout.sheet]);
    expect(second.edits.filter((e) => e.op === "addSheet").map((e) => (e as { sheet: string }).sheet)).toEqual([second.layout.sheet]);
    const tables = checkWorkbook(after).tables.map((t) => `${t.sheet}!${rangeAddress(t.range)} ${t.kind}`);
    expect(tables).toEqual([
      "项目支出绩效目标表!A1:E21 project-performance-target",
      `${first.layout.sheet}!${rangeAddress(first.layout.range)} project-performance-target`,
      `${second.layout.sheet}!${rangeAddress(second.layout.range)} project-performance-target`,
    ]);
  });
});

describe("rule packs", () => {
  test("a bureau's pack is embedded verbatim and shapes the indicator block", async () => {
    const json = fs.readFileSync(path.join(PACK_DIR, "project-legacy.json"), "utf8");
    const bytes = await writeEdits(buildTemplate("project-performance-target", { year: 2025, variant: "cost-first", rulePackJson: json }));
    const workbook = await readWorkbook(bytes);
    expect(readTemplateMarkers(workbook)).toMatchObject([{ packId: "project-legacy", packJson: json }]);
    const level1 = workbook.sheets[0].rows.map((r) => r?.[1]?.value).filter((v) => typeof v === "string");
    expect(level1).not.toContain("成本指标");
  });

  test("a pack for another kind of form, a pack that is not JSON, or an invalid pack is refused", () => {
    const department = fs.readFileSync(path.join(PACK_DIR, "dept-overall-jinan.json"), "utf8");
    expect(() => buildTemplate("project-performance-target", { year: 2025, rulePackJson: department })).toThrow(TemplateOptionsError);
    expect(() => buildTemplate("project-performance-target", { year: 2025, rulePackJson: "{" })).toThrow(TemplateOptionsError);
    expect(() => buildTemplate("project-performance-target", { year: 2025, rulePackJson: '{"id":"x"}' })).toThrow(RulePackError);
  });

  test("funds are summed exactly and must be amounts ≥ 0", () => {
    const plan = planTemplate("project-performance-target", { year: 2025, funds: { fiscal: "0.1", carryOver: "0.2", other: "1,000.05" } });
    expect(plan.layout.cells.find((c) => c.at === "C5")?.formula?.result).toBe(1000.35);
    expect(() => buildTemplate("project-performance-target", { year: 2025, funds: { fiscal: "-1" } })).toThrow(TemplateOptionsError);
  });
});
