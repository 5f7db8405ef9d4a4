// year family (RULES P18): the year a table's title states is the workbook's budget year.
import { budgetYearFamily } from "../../src/core/rules/budget-year";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { readFixture } from "../helpers/fixtures";
import { projectForm, run, workbookOf, type ProjectFormSpec } from "./forms-builders";

const spec = (name: string, year?: number): ProjectFormSpec => ({ name, total: 10, fiscal: 10, carryOver: 0, other: 0, ...(year ? { year } : {}) });
const found = (years: Array<number | undefined>) =>
  run(workbookOf(...years.map((year, index) => projectForm(`项目${index + 1}`, spec(`项目${index + 1}`, year)))), budgetYearFamily).findings.map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.expected}/${f.actual}`);

describe("year family", () => {
  it("finds nothing when every title states the same year", () => expect(found([2024, 2024, 2024, 2024])).toEqual([]));

  it("flags the form whose year line states another year, on that line", () => {
    expect(found([2024, 2024, 2023, 2024])).toEqual(["项目3!A2 warning 2024/2023"]);
  });

  it("says nothing when the workbook's year is not clear", () => {
    expect(found([2024, 2023])).toEqual([]);
    expect(found([2024, 2024, 2023, 2023])).toEqual([]);
  });

  it("names both years in the message", () => {
    const result = run(workbookOf(projectForm("甲", spec("甲")), projectForm("乙", spec("乙")), projectForm("丙", spec("丙", 2025))), budgetYearFamily);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message.zh).toContain("2025");
    expect(result.findings[0]!.message.zh).toContain("2024");
  });
});

describe("year/title-year", () => {
  const lastYear = () => projectForm("去年", spec("社区图书室图书购置", 2023));
  const titleYears = (workbook: WorkbookSnapshot) =>
    run(workbook, budgetYearFamily).findings.map((f) => ({ rule: f.rule, at: `${f.sheet}!${f.cell}`, severity: f.severity, expected: f.expected, actual: f.actual }));

  it("the real lixia self-evaluation workbook states 2024 in every title: no finding", async () => {
    expect(titleYears(await readFixture("lixia-2024-self-evaluation.xlsx"))).toEqual([]);
  });

  it("a 2023 form added to it is a warning at its year line, 2024 expected", async () => {
    const workbook = await readFixture("lixia-2024-self-evaluation.xlsx");
    const withLastYear: WorkbookSnapshot = { ...workbook, sheets: [...workbook.sheets, lastYear()] };
    expect(titleYears(withLastYear)).toEqual([{ rule: "year/title-year", at: "去年!A2", severity: "warning", expected: "2024", actual: "2023" }]);
    const [finding] = run(withLastYear, budgetYearFamily).findings;
    expect(finding!.category).toBe("cross-table-mismatch");
    expect(finding!.message.zh).toBe("标题“(2023年度)”为 2023 年，而本工作簿其他 5 张表为 2024 年");
  });

  it("names the rule for a form built alongside three of the budget year", () => {
    const forms = [2024, 2024, 2023, 2024].map((year, i) => projectForm(`项目${i + 1}`, spec(`项目${i + 1}`, year)));
    expect(titleYears(workbookOf(...forms))).toEqual([{ rule: "year/title-year", at: "项目3!A2", severity: "warning", expected: "2024", actual: "2023" }]);
  });
});
