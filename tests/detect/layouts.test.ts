// Detection on small workbooks built here: positions, neighbours, hidden sheets, header spellings,
// and things that are not budget tables.
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/engine";
import { rangeAddress } from "../../src/core/workbook/address";
import { readWorkbook, WorkbookReadError } from "../../src/io/xlsx-reader";
import { snapshotOf } from "../helpers/fixtures";

type Grid = (string | number | null)[][];

/** Writes a grid with its top-left corner at (row, col), optionally with merges given relative to it. */
function place(sheet: ExcelJS.Worksheet, row: number, col: number, grid: Grid, merges: [number, number, number, number][] = []): void {
  grid.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value !== null) sheet.getCell(row + r, col + c).value = value;
    }),
  );
  for (const [r1, c1, r2, c2] of merges) sheet.mergeCells(row + r1, col + c1, row + r2, col + c2);
}

const EXPENDITURE_SUMMARY: Grid = [
  ["支出总体情况表", null, null, null, null, null, null],
  ["部门(单位): 某区文化和旅游局", null, null, null, null, null, "单位: 万元"],
  ["科目编码", null, null, "科目名称", "合计", "基本支出", "项目支出"],
  ["类", "款", "项", null, null, null, null],
  ["合计", null, null, null, 130, 100, 30],
  ["207", null, null, "文化旅游体育与传媒支出", 130, 100, 30],
  [null, "01", null, "文化和旅游", 130, 100, 30],
  [null, null, "01", "行政运行", 100, 100, null],
  [null, null, "09", "群众文化", 30, null, 30],
];
const EXPENDITURE_MERGES: [number, number, number, number][] = [
  [0, 0, 0, 6],
  [2, 0, 2, 2],
  [2, 3, 3, 3],
  [2, 4, 3, 4],
  [2, 5, 3, 5],
  [2, 6, 3, 6],
  [4, 0, 4, 2],
];

const PROJECT_FORM: Grid = [
  ["项目支出绩效目标表", null, null, null, null],
  ["(2025 年度)", null, null, null, null],
  ["项目名称", "社区文化活动经费", null, "项目类别", "特定目标类"],
  ["主管部门", "某区文化和旅游局", null, "实施单位", "某区文化馆"],
  ["项目资金 (万元)", "年度预算资金总额:", 20, null, null],
  [null, "其中: 财政拨款", 20, null, null],
  [null, "上年结转资金", 0, null, null],
  [null, "其他资金", 0, null, null],
  ["年度总体绩效目标", "全年举办社区文化活动 40 场，群众满意度不低于 90%。", null, null, null],
  ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
  [null, "成本指标", "经济成本指标", "项目总成本", "≤20 万元"],
  [null, "产出指标", "数量指标", "举办活动场次", "≥40 场"],
  [null, null, "质量指标", "活动方案审核通过率", "=100%"],
  [null, null, "时效指标", "活动按期完成率", "=100%"],
  [null, "效益指标", "社会效益指标", "参与群众人次", "≥4000 人次"],
  [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
];
const PROJECT_MERGES: [number, number, number, number][] = [
  [0, 0, 0, 4],
  [1, 0, 1, 4],
  [2, 1, 2, 2],
  [3, 1, 3, 2],
  [4, 0, 7, 0],
  [8, 1, 8, 4],
  [9, 0, 15, 0],
  [11, 1, 13, 1],
];

function tablesOf(workbook: Awaited<ReturnType<typeof snapshotOf>>) {
  return checkWorkbook(workbook).tables.map((t) => ({ sheet: t.sheet, range: rangeAddress(t.range), kind: t.kind, title: t.title }));
}

describe("table detection on built workbooks", () => {
  it("finds a table that does not start at A1, with its exact range", async () => {
    const workbook = await snapshotOf((wb) => place(wb.addWorksheet("预算"), 5, 3, EXPENDITURE_SUMMARY, EXPENDITURE_MERGES));
    expect(tablesOf(workbook)).toEqual([{ sheet: "预算", range: "C5:I13", kind: "expenditure-summary", title: "支出总体情况表" }]);
  });

  it("finds two tables side by side, separated by one blank column", async () => {
    const workbook = await snapshotOf((wb) => {
      const sheet = wb.addWorksheet("两表");
      place(sheet, 1, 1, EXPENDITURE_SUMMARY, EXPENDITURE_MERGES);
      place(sheet, 1, 9, PROJECT_FORM, PROJECT_MERGES);
    });
    expect(tablesOf(workbook)).toEqual([
      { sheet: "两表", range: "A1:G9", kind: "expenditure-summary", title: "支出总体情况表" },
      { sheet: "两表", range: "I1:M16", kind: "project-performance-target", title: "社区文化活动经费" },
    ]);
  });

  it("finds stacked project forms with one blank row between them", async () => {
    const workbook = await snapshotOf((wb) => {
      const sheet = wb.addWorksheet("项目");
      place(sheet, 1, 1, PROJECT_FORM, PROJECT_MERGES);
      place(sheet, 18, 1, PROJECT_FORM, PROJECT_MERGES);
    });
    expect(tablesOf(workbook).map((t) => t.range)).toEqual(["A1:E16", "A18:E33"]);
  });

  it("finds tables on hidden sheets", async () => {
    const workbook = await snapshotOf((wb) => {
      wb.addWorksheet("说明").getCell("A1").value = "填报说明：请按要求填写。";
      const hidden = wb.addWorksheet("隐藏表");
      hidden.state = "hidden";
      place(hidden, 1, 1, PROJECT_FORM, PROJECT_MERGES);
    });
    expect(workbook.sheets[1].visibility).toBe("hidden");
    expect(tablesOf(workbook)).toEqual([{ sheet: "隐藏表", range: "A1:E16", kind: "project-performance-target", title: "社区文化活动经费" }]);
  });

  it("matches full-width and spaced header text after folding", async () => {
    const spaced = EXPENDITURE_SUMMARY.map((line) =>
      line.map((v) =>
        typeof v !== "string" ? v : v === "合计" ? "合　计" : v === "科目编码" ? "科 目 编 码" : v === "支出总体情况表" ? "支出总体情况表 " : v.replace("(", "（").replace(")", "）"),
      ),
    );
    const form = PROJECT_FORM.map((line) => line.map((v) => (v === "一级指标" ? "一级\n指标" : v === "三级指标" ? "三级 指标" : v === "项目名称" ? "项目名称　" : v)));
    const workbook = await snapshotOf((wb) => {
      place(wb.addWorksheet("预算"), 1, 1, spaced, EXPENDITURE_MERGES);
      place(wb.addWorksheet("项目"), 2, 2, form, PROJECT_MERGES);
    });
    expect(tablesOf(workbook)).toEqual([
      { sheet: "预算", range: "A1:G9", kind: "expenditure-summary", title: "支出总体情况表" },
      { sheet: "项目", range: "B2:F17", kind: "project-performance-target", title: "社区文化活动经费" },
    ]);
  });

  it("does not report a phone list, a notes block or a caption as a table", async () => {
    const workbook = await snapshotOf((wb) => {
      const sheet = wb.addWorksheet("通讯录");
      place(sheet, 1, 1, [
        ["财务科通讯录", null, null],
        ["姓名", "科室", "联系电话"],
        ["张三", "预算科", "0531-86553617"],
        ["李四", "绩效科", "0531-88151213"],
      ]);
      place(sheet, 7, 1, [["说明：本表请于 3 月底前报送。"], ["关于 2024 年收支总体情况表的说明：收支总体情况表反映部门全部收入和支出，详见附表。"]]);
      place(sheet, 11, 1, [["项目支出绩效目标表"], ["(2024 年度)"]]);
    });
    expect(tablesOf(workbook)).toEqual([]);
  });

  it("reads an empty workbook as having no tables", async () => {
    const workbook = await snapshotOf((wb) => {
      wb.addWorksheet("Sheet1");
    });
    expect(workbook.sheets).toHaveLength(1);
    expect(checkWorkbook(workbook).tables).toEqual([]);
  });

  it("leaves a footnote below a table out of its range", async () => {
    const workbook = await snapshotOf((wb) => {
      const sheet = wb.addWorksheet("支出");
      place(sheet, 1, 1, EXPENDITURE_SUMMARY, EXPENDITURE_MERGES);
      sheet.getCell("A10").value = "注：本表金额为万元。";
    });
    expect(tablesOf(workbook).map((t) => t.range)).toEqual(["A1:G9"]);
  });
});

describe("reading files that are not workbooks", () => {
  it("rejects a corrupt .xlsx with a clear, bilingual message instead of a stack trace", async () => {
    const good = new ExcelJS.Workbook();
    good.addWorksheet("a").getCell("A1").value = 1;
    const bytes = new Uint8Array(await good.xlsx.writeBuffer());
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    const error = await readWorkbook(truncated).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe("corrupt-file");
    expect((error as WorkbookReadError).text.zh).toContain("损坏");
    expect((error as WorkbookReadError).text.en).toContain("corrupt");
  });

  it("rejects plain text and an empty file with their own codes", async () => {
    await expect(readWorkbook(new TextEncoder().encode("序号,姓名\n1,张三\n"))).rejects.toMatchObject({ code: "unsupported-format" });
    await expect(readWorkbook(new Uint8Array())).rejects.toMatchObject({ code: "empty-file" });
  });
});
