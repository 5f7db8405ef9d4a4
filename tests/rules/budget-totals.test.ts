// totals/hierarchy-sum, totals/total-row, totals/code-layout: 类 = Σ款, 款 = Σ项, 合计 = Σ类 in every
// amount column, as laid out; findings land on the total cell.
import { checkWorkbook } from "../../src/core/engine";
import { totalsFamily } from "../../src/core/rules/totals";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { expenditureSummary, type ClassifiedLine } from "./budget-builders";

const run = (workbook: WorkbookSnapshot) => checkWorkbook(workbook, { families: [totalsFamily] });
const at = (workbook: WorkbookSnapshot) =>
  run(workbook)
    .findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`)
    .sort();

// 201 = 20132 (2013201 + 2013202) + 20133 (2013302); 208 = 20805 (2080505)
const lines = (over: Partial<Record<string, number[]>> = {}): ClassifiedLine[] => [
  { lei: "201", name: "一般公共服务支出", values: over["201"] ?? [300, 100, 200] },
  { kuan: "32", name: "组织事务", values: over["20132"] ?? [250, 100, 150] },
  { xiang: "01", name: "　　行政运行", values: over["2013201"] ?? [100, 100, 0] },
  { xiang: "02", name: "　　一般行政管理事务", values: over["2013202"] ?? [150, 0, 150] },
  { kuan: "33", name: "宣传事务", values: over["20133"] ?? [50, 0, 50] },
  { xiang: "02", name: "一般行政管理事务", values: over["2013302"] ?? [50, 0, 50] },
  { lei: "208", name: "社会保障和就业支出", values: over["208"] ?? [79.84, 79.84, 0] },
  { kuan: "05", name: "行政事业单位养老支出", values: over["20805"] ?? [79.84, 79.84, 0] },
  { xiang: "05", name: "机关事业单位基本养老保险缴费支出", values: over["2080505"] ?? [79.84, 79.84, 0] },
];
const TOTALS = [379.84, 179.84, 200];
const FOUR_CLASSES: ClassifiedLine[] = ["201", "208", "210", "221"].map((lei) => ({ lei, name: `类${lei}`, values: [10, 10, null] }));

describe("totals family", () => {
  it.each([
    ["a consistent table", TOTALS, lines(), []],
    // One slip, one finding: the 类 cell mends both its 款 sum and the 合计 row, which is given as corroboration.
    ["a 类 that is not the sum of its 款 (合计 column)", TOTALS, lines({ "201": [310, 100, 210] }), ["totals/hierarchy-sum E6 error", "totals/hierarchy-sum G6 error"]],
    ["a 款 that is not the sum of its 项", TOTALS, lines({ "2013202": [140, 0, 140] }), ["totals/hierarchy-sum E7 error", "totals/hierarchy-sum G7 error"]],
    ["a 合计 row that is not the sum of the 类 rows", [389.84, 179.84, 200], lines(), ["totals/total-row E5 error"]],
    ["a one-cent gap is silent", [379.85, 179.84, 200], lines(), []],
    ["a 0.02 gap over two 类 rows is beyond rounding (2 × 0.005)", [379.86, 179.84, 200], lines(), ["totals/total-row E5 error"]],
    ["a 0.02 gap over four 类 rows is a rounding residue (info)", [40.02, 40, null], FOUR_CLASSES, ["totals/total-row E5 info"]],
  ])("%s", (_name, totals, body, expected) => {
    expect(at(expenditureSummary(totals, body))).toEqual(expected);
  });

  it("says what the total should be, what it is and the difference, with plain expected/actual numbers", () => {
    const finding = run(expenditureSummary([16082.22, 179.84, 200], lines())).findings[0];
    expect(finding).toMatchObject({ cell: "E5", category: "sum-mismatch", expected: "379.84", actual: "16082.22" });
    expect(finding.message.zh).toContain("合计行“合计”应为 379.84（各类之和），实为 16,082.22（差 15,702.38）");
    expect(finding.message.en).toContain("should be 379.84 (the sum of the 类 rows) but is 16,082.22 (difference 15,702.38)");
  });

  it("mentions the rounding allowance on an info-level residue", () => {
    const finding = run(expenditureSummary([40.02, 40, null], FOUR_CLASSES)).findings[0];
    expect(finding.severity).toBe("info");
    expect(finding.message.zh).toContain("四舍五入");
    expect(finding.message.en).toContain("rounding");
  });

  it("reads a 款 code typed in the 类 column as a 款 by its length, warns, and reports the 类 total as laid out", () => {
    const body = lines();
    body[4] = { lei: "33", name: "宣传事务", values: [50, 0, 50] }; // 款 33 typed in the 类 column
    const result = run(expenditureSummary(TOTALS, body));
    const found = result.findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`).sort();
    expect(found).toEqual(["totals/code-layout A10 warning", "totals/hierarchy-sum E6 error", "totals/hierarchy-sum G6 error"]);
    const sum = result.findings.find((f) => f.cell === "E6")!;
    expect(sum.message.zh).toContain("款 33（50.00）的编码填在“类”列");
    expect(sum).toMatchObject({ expected: "250.00", actual: "300.00" });
  });

  it("reads a 合计 row shifted one column to the left where it is, and reports the amount column it leaves empty", () => {
    const workbook = expenditureSummary([179.84, 200, null], lines());
    const rows = workbook.sheets[0].rows as unknown as Array<Array<unknown>>;
    rows[4][3] = { type: "number", value: 379.84 }; // the 合计 figure typed in the 科目名称 column
    const result = run(workbook);
    expect(result.findings.map((f) => `${f.rule} ${f.category} ${f.cell}`)).toEqual(["totals/shifted-row missing-value G5"]);
    expect(result.findings[0].message.zh).toContain("200.00 写在了 F5");
  });

  it("treats an empty total with non-empty parts as a mismatch", () => {
    expect(at(expenditureSummary([null, 179.84, 200], lines()))).toEqual(["totals/total-row E5 error"]);
  });

  it("reads an amount typed as text and flags it as number-as-text once", () => {
    const body = lines({ "2013201": [100, 100, 0] });
    body[2] = { xiang: "01", name: "行政运行", values: ["100.00", 100, null] };
    const result = run(expenditureSummary(TOTALS, body));
    expect(result.findings.map((f) => `${f.category} ${f.cell}`)).toEqual(["number-as-text E8"]);
  });

  it("does not report a total whose formula has no cached value, and says what it should be", () => {
    const workbook = expenditureSummary(TOTALS, lines());
    const rows = workbook.sheets[0].rows as unknown as Array<Array<unknown>>;
    rows[4][4] = { type: "empty", value: null, formula: "F5+G5", uncalculated: true };
    const result = run(workbook);
    expect(result.findings).toEqual([]);
    const notChecked = result.notChecked.filter((n) => n.cell === "E5");
    expect(notChecked).toHaveLength(1);
    expect(notChecked[0].reason.zh).toContain("=F5+G5");
    expect(notChecked[0].reason.zh).toContain("应为 379.84");
  });

  it("checks a SUM formula by its cached result (a range that stops short is a mismatch)", () => {
    const workbook = expenditureSummary(TOTALS, lines());
    const rows = workbook.sheets[0].rows as unknown as Array<Array<unknown>>;
    rows[6][6] = { type: "number", value: 0, formula: "SUM(G8:G8)" }; // 款 32 项目支出 leaves out G9 = 150
    // The 款 is short of its 项, and the typed 类 above it no longer equals its 款 rows: one slip at the 款.
    const findings = run(workbook).findings;
    expect(findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`)).toEqual(["totals/hierarchy-sum G7 error"]);
    expect(findings[0].corroboration?.map((c) => `${c.rule} ${c.cell}`)).toEqual(["totals/hierarchy-sum G6"]);
  });
});
