// Reading the published 决算 layouts and other provinces' 三公 variants from evidence (header words and
// data), one layout feature at a time: what the model reads, that a consistent table gives no finding,
// and that a slip is found at its cell.
import { checkWorkbook } from "../../src/core/engine";
import { detectTables } from "../../src/core/detect/detect";
import { readBudgetTable, type BudgetTable } from "../../src/core/forms/budget-table";
import { SheetView } from "../../src/core/workbook/sheet-view";
import { parseRange } from "../../src/core/workbook/address";
import { sheetFromGrid, type SheetSnapshot } from "../../src/core/workbook/snapshot";
import * as build from "./final-accounts-builders";

function modelOf(sheet: SheetSnapshot): BudgetTable {
  const workbook = build.workbookOf(sheet);
  const [table] = detectTables(workbook);
  return readBudgetTable(new SheetView(sheet), table)!;
}

const findings = (...sheets: SheetSnapshot[]) => checkWorkbook(build.workbookOf(...sheets)).findings;
const brief = (...sheets: SheetSnapshot[]) => findings(...sheets).map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`);

describe("行次 columns and the 栏次 row", () => {
  it("reads 项目 | 行次 | 金额 halves with only 金额 as an amount, and starts the data below the 栏次 row", () => {
    const model = modelOf(build.finalOverview());
    expect(model.overview!.map((side) => side.amountColumns.map((c) => c.path.join("/")))).toEqual([["收入/金额"], ["支出/金额"]]);
    expect(model.firstDataRow).toBe(7);
    expect(model.overview![0].lines[0].label).toBe("一、一般公共预算财政拨款收入");
  });

  it("gives no finding on a consistent 收入支出决算总表, and finds a wrong 本年支出合计 once at its cell", () => {
    expect(brief(build.finalOverview())).toEqual([]);
    const expenditure = build.OVERVIEW_EXPENDITURE.map((l): [string, number | null, build.Value] => (l[0] === "本年支出合计" ? [l[0], l[1], 585] : l));
    const found = findings(build.finalOverview(build.OVERVIEW_INCOME, expenditure));
    expect(found.map((f) => `${f.rule} ${f.cell}`)).toEqual(["overview/year-total F21"]);
    // The 总计 that no longer adds up is the same slip, named as corroboration.
    expect(found[0].corroboration?.map((c) => `${c.rule} ${c.cell}`)).toEqual(["overview/grand-total F25"]);
  });

  it("takes a column of small rising integers as line numbers even without a 行次 header", () => {
    const sheet = build.finalOverview();
    const rows = sheet.rows as unknown as Array<Array<{ type: string; value: unknown } | undefined>>;
    rows[4][1] = { type: "string", value: "序" };
    rows[4][4] = { type: "string", value: "序" };
    const model = modelOf(sheet);
    expect(model.overview!.flatMap((side) => side.amountColumns.map((c) => c.col))).toEqual([3, 6]);
    expect(brief(sheet)).toEqual([]);
  });
});

describe("one code column of 3/5/7-digit codes", () => {
  it("reads levels from the code length under a 项目 header, with 合计 first", () => {
    const model = modelOf(build.finalExpenditure());
    expect(model.layout).toBe("classified");
    expect(model.codeColumns).toEqual({ single: 1 });
    expect(model.rows.slice(0, 4).map((r) => `${r.role} ${r.code ?? ""} ${r.level ?? ""}`.trim())).toEqual(["total", "classified 208 类", "classified 20805 款", "classified 2080505 项"]);
    expect(model.amountColumns.map((c) => c.path.join("/"))).toEqual(["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]);
  });

  it("compares 合计 with the 类 rows only, and finds a 类 that is not the sum of its 款 at the 类 cell", () => {
    expect(brief(build.finalExpenditure())).toEqual([]);
    const lines = build.EXPENDITURE_LINES.map((l) => (l.code === "213" ? { ...l, values: [460, 70, 400, 0, 0, 0] } : l));
    const found = findings(build.finalExpenditure(undefined, lines));
    expect(found.map((f) => `${f.rule} ${f.cell} ${f.severity}`)).toEqual(["totals/hierarchy-sum D15 error"]);
    expect(found[0].corroboration!.map((c) => `${c.rule} ${c.cell}`).sort()).toEqual(["composition/row C15", "totals/total-row D7"]);
  });

  it("reads codes written at the head of the name when no column holds them (2010101 行政运行)", () => {
    const lines = build.EXPENDITURE_LINES.map((l) => ({ ...l, name: `${l.code} ${l.name}`, code: "" }));
    const sheet = build.finalExpenditure(undefined, lines);
    const model = modelOf(sheet);
    expect(model.layout).toBe("classified");
    expect(model.rows.filter((r) => r.level === "类").map((r) => r.code)).toEqual(["208", "210", "213", "221"]);
    expect(brief(sheet)).toEqual([]);
  });
});

describe("header paths through merged headers", () => {
  it("reads 合计 = 基本支出 + 项目支出 under a merged 本年支出, whatever the 金额单位 line beside it", () => {
    const model = modelOf(build.finalGeneralPublic());
    expect(model.amountColumns.map((c) => c.path.join("/"))).toEqual(["本年支出/合计", "本年支出/基本支出", "本年支出/项目支出"]);
    expect(brief(build.finalGeneralPublic())).toEqual([]);
  });

  it("finds a 项 whose 合计 is not 基本 + 项目 at its 合计 cell", () => {
    const lines = build.EXPENDITURE_LINES.map((l) => ({ ...l, values: l.code === "2130122" ? [400, 0, 390] : l.values.slice(0, 3) }));
    const found = findings(build.finalGeneralPublic(undefined, lines));
    // E18 lowered: its 款 no longer adds up and its row neither; E18 mends both.
    expect(found.map((f) => `${f.rule} ${f.cell}`)).toEqual(["totals/hierarchy-sum E18"]);
  });
});

describe("side-by-side lists", () => {
  it("reads 人员经费 and 公用经费 as separate lists, 公用经费 running on in the third triple", () => {
    const model = modelOf(build.finalBasic());
    expect(model.layout).toBe("panels");
    const lists = model.panels!;
    expect(lists.map((l) => l.group)).toEqual(["人员经费", "公用经费"]);
    expect(lists[1].rows.filter((r) => r.level === "类").map((r) => r.code)).toEqual(["302", "310"]);
    expect(lists.map((l) => l.rows.find((r) => r.role === "total")?.label)).toEqual(["人员经费合计", "公用经费合计"]);
    expect(brief(build.finalBasic())).toEqual([]);
  });

  it("checks each list's total against its own 类 rows, and their sum against 公开05 基本支出", () => {
    expect(brief(build.finalBasic(156))).toEqual(["totals/total-row 公开06表!C15 error"]);
    const wrongPublic: Array<[string, string, number]> = [["310", "资本性支出", 6], ["31002", "办公设备购置", 6]];
    expect(brief(build.finalGeneralPublic(), build.finalBasic(155, 21, build.PERSONNEL, build.PUBLIC_1, wrongPublic))).toEqual(["cross-table/budget-figures 公开06表!C15 error"]);
    expect(brief(build.finalGeneralPublic(), build.finalBasic())).toEqual([]);
  });
});

describe("三公 tables", () => {
  it("reads the 公开07 预算数 | 决算数 blocks below the 栏次 numbers, 合计 = 出国 + 车 小计 + 接待", () => {
    expect(brief(build.finalThreePublic())).toEqual([]);
    const found = findings(build.finalThreePublic(undefined, [5, 0, 4, 0, 3, 2]));
    expect(found.map((f) => `${f.rule} ${f.cell}`)).toEqual(["composition/row I8"]);
    expect(found[0].corroboration!.map((c) => c.cell)).toEqual(["G8"]);
  });

  it("reads 三公 items as numbered rows: 会议费 and 培训费 are siblings, 单位不需填列 is no amount, 小计 | 其中 not addends", () => {
    const model = modelOf(build.jiangsuThreePublic());
    expect(model.rows.map((r) => `${r.role}:${r.depth ?? "-"}`)).toEqual(["total:0", "line:1", "line:1", "line:1", "line:2", "line:2", "line:0", "line:0"]);
    expect(brief(build.jiangsuThreePublic())).toEqual([]);
    const rows = build.JIANGSU_ROWS.map((r): [string, build.Value, build.Value] => (r[0] === "(二)公务接待费" ? [r[0], 14.38, 14.83] : r));
    expect(brief(build.jiangsuThreePublic(rows))).toEqual(["totals/total-row 三公经费预算表!B5 error"]);
  });

  it("reads 合计 first with 其中 parts, and checks 增减金额 and 增减幅度 on every row", () => {
    const model = modelOf(build.yunnanThreePublic());
    expect(model.rows.filter((r) => r.partial).map((r) => r.label)).toEqual(["其中:(1)公务用车购置费", "(2)公务用车运行费"]);
    expect(model.rateColumns!.map((c) => c.path.join("/"))).toEqual(["比上年增、减情况/增、减幅度"]);
    expect(brief(build.yunnanThreePublic())).toEqual([]);
    const rate = build.YUNNAN_ROWS.map((r) => (r[0] === "2.公务接待费" ? [r[0], 1679.69, 1590.94, -88.75, "-5.82%"] : r));
    expect(brief(build.yunnanThreePublic(rate))).toEqual(["composition/change-rate 三公经费决算!E7 error"]);
    const change = build.YUNNAN_ROWS.map((r) => (r[0] === "2.公务接待费" ? [r[0], 1679.69, 1590.94, -98.75, "-5.28%"] : r));
    // The wrong 增减金额 breaks its row and its column's 合计: one finding at the cell that mends both.
    const found = findings(build.yunnanThreePublic(change));
    expect(found.map((f) => `${f.sheet}!${f.cell} ${f.severity}`)).toEqual(["三公经费决算!D7 error"]);
    expect([found[0].rule, ...found[0].corroboration!.map((c) => c.rule)].sort()).toEqual(["composition/change-amount", "totals/total-row"]);
    expect(found[0].message.zh).toContain("D7 若增加 10.00");
  });

  it("keeps count lines out of the money: 公务用车保有量(辆) and 接待人数(人) are not summed", () => {
    const rows = [...build.YUNNAN_ROWS, ["公务用车保有量(辆)", 120, 118, -2, "-1.67%"], ["公务接待人数(人)", 5000, 4800, -200, "-4%"]];
    const model = modelOf(build.yunnanThreePublic(rows));
    expect(model.rows.filter((r) => r.count).map((r) => r.label)).toEqual(["公务用车保有量(辆)", "公务接待人数(人)"]);
    expect(brief(build.yunnanThreePublic(rows))).toEqual([]);
  });

  it("accepts a rate printed with one decimal (-21.9%) as the rounding of the exact rate", () => {
    expect(brief(build.yunnanThreePublic())).toEqual([]);
  });
});

describe("units, zeros and placeholders", () => {
  it("reads the unit its head states and compares 元 with 万元 in 万元", () => {
    const inYuan = build.finalExpenditure([5_750_000, 1_750_000, 4_000_000, 0, 0, 0], build.EXPENDITURE_LINES.map((l) => ({ ...l, values: l.values.map((v) => (typeof v === "number" ? v * 10_000 : v)) })));
    const rows = inYuan.rows as unknown as Array<Array<{ type: string; value: unknown } | undefined>>;
    rows[2][7] = { type: "string", value: "金额单位：元" };
    expect(modelOf(inYuan).unit).toBe("元");
    expect(brief(build.finalOverview(), inYuan)).toEqual([]);
  });

  it("reads zeros written as 0, - or left blank as zero, and a placeholder as no amount", () => {
    const lines = build.EXPENDITURE_LINES.map((l) => ({ ...l, values: l.values.map((v, i) => (v === 0 ? (["-", null, 0, "/", "—", "单位不需填列"][i] as build.Value) : v)) }));
    expect(brief(build.finalExpenditure(undefined, lines))).toEqual([]);
  });

  it("reports a cell showing an error value at that cell, and the sums it blocks as not checked", () => {
    const sheet = build.finalGeneralPublic();
    const rows = sheet.rows as unknown as Array<Array<{ type: string; value: unknown } | undefined>>;
    rows[10][3] = { type: "error", value: "#REF!" };
    const result = checkWorkbook(build.workbookOf(sheet));
    expect(result.findings.map((f) => `${f.rule} ${f.category} ${f.cell} ${f.severity}`)).toEqual(["cells/error-value missing-value D11 error"]);
    expect(result.notChecked.map((n) => n.cell).sort()).toEqual(["C11", "D9"]);
  });
});

describe("certainty", () => {
  it("gives a warning, not an error, when a listing's hierarchy has to be guessed", () => {
    const rows = build.JIANGSU_ROWS.map((r): [string, build.Value, build.Value] => (r[0] === "(二)公务接待费" ? ["公务接待费", 14.38, 14.38] : r));
    const found = findings(build.jiangsuThreePublic(rows));
    expect(found.map((f) => f.severity)).not.toContain("error");
  });
});

describe("columns and lines that are not money, and second breakdowns", () => {
  const m = (a1: string) => parseRange(a1);

  it("does not sum the 数量 and 单价 columns of a 政府采购预算表", () => {
    const grid: build.Value[][] = [
      ["政府采购预算表", null, null, null, null],
      ["部门：测试县农业农村局", null, null, null, "金额单位：万元"],
      ["项目名称", "采购品目", "数量", "单价", "金额"],
      ["合计", null, null, null, 13],
      ["办公设备购置", "台式计算机", 10, 0.5, 5],
      ["办公设备购置", "打印机", 4, 2, 8],
    ];
    const sheet = sheetFromGrid("政府采购", grid, [m("A1:E1")]);
    expect(modelOf(sheet).amountColumns.map((c) => c.path.join("/"))).toEqual(["金额"]);
    expect(brief(sheet)).toEqual([]);
  });

  it("checks each breakdown of an overview's expenditure (按功能分类, then 按经济分类) against the total on its own", () => {
    const expenditure: Array<[string, number | null, build.Value]> = [
      ["一、社会保障和就业支出", 31, 80],
      ["二、农林水支出", 32, 495],
      ["一、工资福利支出", 33, 148],
      ["二、商品和服务支出", 34, 427],
      ["本年支出合计", 35, 575],
      ["结余分配", 36, 0],
      ["年末结转和结余", 37, 20],
      ["总计", 38, 595],
    ];
    expect(brief(build.finalOverview(build.OVERVIEW_INCOME, expenditure))).toEqual([]);
    const wrong = expenditure.map((l): [string, number | null, build.Value] => (l[0] === "二、商品和服务支出" ? [l[0], l[1], 437] : l));
    expect(brief(build.finalOverview(build.OVERVIEW_INCOME, wrong))).toEqual(["overview/year-total 公开01表!F11 error"]);
  });

  it("reads a project listing with 小计 lines per unit: 合计 = Σ projects, each 小计 = its unit's projects", () => {
    const grid: build.Value[][] = [
      ["项目支出预算表", null, null],
      ["部门：测试县农业农村局", null, "金额单位：万元"],
      ["单位名称", "项目名称", "合计"],
      ["合计", null, 100],
      ["局机关", "小计", 60],
      [null, "农业技术推广", 40],
      [null, "动物防疫", 20],
      ["农技中心", "小计", 40],
      [null, "种子检测", 40],
    ];
    const sheet = sheetFromGrid("项目支出", grid, [m("A1:C1")]);
    expect(modelOf(sheet).rows.filter((r) => r.subtotal).map((r) => r.row)).toEqual([5, 8]);
    expect(brief(sheet)).toEqual([]);
    grid[4][2] = 65;
    expect(brief(sheetFromGrid("项目支出", grid, [m("A1:C1")]))).toEqual(["totals/subtotal 项目支出!C5 warning"]);
  });
});

describe("final-accounts tables against each other", () => {
  it("finds nothing on a consistent 公开01–07 set", () => {
    expect(brief(build.finalOverview(), build.finalIncome(), build.finalExpenditure(), build.finalFiscalOverview(), build.finalGeneralPublic(), build.finalBasic(), build.finalThreePublic())).toEqual([]);
  });

  it("compares each source column of 公开02 with the 公开01 income line of its name", () => {
    const found = findings(build.finalOverview(), build.finalIncome([575, 575, 5, 0, 0, 0, 0]));
    expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["公开02表!E7"]);
    expect([found[0].rule, ...found[0].corroboration!.map((c) => c.rule)]).toContain("cross-table/budget-figures");
  });

  it("compares 公开05 with the 一般公共预算财政拨款 column of 公开04, line by line and in total", () => {
    const lines = build.EXPENDITURE_LINES.map((l) => ({ ...l, values: l.values.slice(0, 3) }));
    const found = findings(build.finalFiscalOverview(), build.finalGeneralPublic([585, 175, 410], lines));
    const atTotal = found.find((f) => f.sheet === "公开05表" && f.cell === "C7")!;
    // The 合计 differs from its 类 rows and from 公开04: one slip at C7, the cross-table check corroborating.
    expect([atTotal.rule, ...(atTotal.corroboration ?? []).map((c) => c.rule)].sort()).toEqual(["cross-table/budget-figures", "totals/total-row"]);
  });
});

describe("side-by-side lists without group headers", () => {
  /** 公开06 without its 人员经费 | 公用经费 header row. */
  function withoutGroups(personnelTotal: build.Value = 155, publicTotal: build.Value = 20, public2 = build.PUBLIC_2): SheetSnapshot {
    const sheet = build.finalBasic(personnelTotal, publicTotal, build.PERSONNEL, build.PUBLIC_1, public2);
    const rows = [...sheet.rows];
    rows.splice(3, 1);
    const merges = sheet.merges.filter((m) => m.top !== 4).map((m) => (m.top > 4 ? { ...m, top: m.top - 1, bottom: m.bottom - 1 } : m));
    return { ...sheet, rows, merges };
  }

  it("runs a panel without a total of its own on into the next (公用经费 over two triples)", () => {
    const model = modelOf(withoutGroups());
    expect(model.panels!.map((l) => l.rows.filter((r) => r.level === "类").map((r) => r.code))).toEqual([["301", "303"], ["302", "310"]]);
    expect(brief(withoutGroups())).toEqual([]);
  });

  it("gives a warning, not an error, when such an inferred list does not add up", () => {
    expect(brief(withoutGroups(155, 21))).toEqual(["totals/total-row 公开06表!I14 warning"]);
  });
});

describe("readings found on other templates", () => {
  const m = (a1: string) => parseRange(a1);

  it("compares a 决算 table that prints 年初预算数 | 调整预算数 | 决算数 through its 决算数 block only", () => {
    const grid: build.Value[][] = [
      ["一般公共预算财政拨款支出决算表", null, null, null, null, null, null, null],
      ["部门：测试县农业农村局", null, null, null, null, null, null, "金额单位：万元"],
      ["科目编码", "科目名称", "年初预算数", null, null, "决算数", null, null],
      [null, null, "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"],
      ["合计", null, 500, 160, 340, 575, 175, 400],
      ["208", "社会保障和就业支出", 70, 70, 0, 80, 80, 0],
      ["210", "卫生健康支出", 20, 20, 0, 20, 20, 0],
      ["213", "农林水支出", 395, 55, 340, 460, 60, 400],
      ["221", "住房保障支出", 15, 15, 0, 15, 15, 0],
    ];
    const sheet = sheetFromGrid("公开05表", grid, [m("A1:H1"), m("A3:A4"), m("B3:B4"), m("C3:E3"), m("F3:H3")]);
    expect(brief(build.finalFiscalOverview(), sheet)).toEqual([]);
  });

  it("adds a side's numbered lines up to its 总计 when it has no 本年 total line", () => {
    const income: Array<[string, number | null, build.Value]> = [
      ["一、一般公共预算财政拨款收入", 1, 575],
      ["二、上年结转", 2, 20],
      ["收入总计", 3, 595],
    ];
    expect(brief(build.finalOverview(income))).toEqual([]);
    const wrong = income.map((l): [string, number | null, build.Value] => (l[1] === 1 ? [l[0], l[1], 585] : l));
    expect(brief(build.finalOverview(wrong))).toEqual(["overview/grand-total 公开01表!C9 error"]);
  });

  it("keeps a 合计 line printed after a blank spacer row", () => {
    const sheet = build.finalGeneralPublic();
    const rows = [...sheet.rows];
    const total = rows.splice(6, 1)[0];
    rows.push(undefined as never, total);
    const merges = sheet.merges.filter((mm) => mm.top !== 7);
    const moved: SheetSnapshot = { ...sheet, rows, merges };
    const [table] = detectTables(build.workbookOf(moved));
    expect(table.range.bottom).toBe(rows.length);
    expect(brief(moved)).toEqual([]);
  });
});

describe("overview lines between the year total and the grand total", () => {
  it("adds 用事业基金弥补收支差额 (the older name of 使用非财政拨款结余) to 收入总计", () => {
    const income = build.OVERVIEW_INCOME.map((l): [string, number | null, build.Value] => (l[0] === "使用非财政拨款结余" ? ["用事业基金弥补收支差额", l[1], 5] : l[0] === "总计" ? [l[0], l[1], 600] : l));
    const expenditure = build.OVERVIEW_EXPENDITURE.map((l): [string, number | null, build.Value] => (l[0] === "年末结转和结余" ? [l[0], l[1], 25] : l[0] === "总计" ? [l[0], l[1], 600] : l));
    expect(brief(build.finalOverview(income, expenditure))).toEqual([]);
  });

  it("gives a warning, not an error, when a line no template names sits between them", () => {
    const income = build.OVERVIEW_INCOME.map((l): [string, number | null, build.Value] => (l[1] === 14 ? ["收回以前年度支出", 14, 5] : l[0] === "总计" ? [l[0], l[1], 600] : l));
    const expenditure = build.OVERVIEW_EXPENDITURE.map((l): [string, number | null, build.Value] => (l[0] === "年末结转和结余" ? [l[0], l[1], 25] : l[0] === "总计" ? [l[0], l[1], 600] : l));
    expect(brief(build.finalOverview(income, expenditure))).toEqual(["overview/grand-total 公开01表!C21 warning"]);
  });
});

describe("readings found on a third set of templates", () => {
  const m = (a1: string) => parseRange(a1);
  const head = (title: string, tag: string, width: number): build.Value[][] => [
    [title, ...new Array<build.Value>(width - 1).fill(null)],
    [...new Array<build.Value>(width - 1).fill(null), tag],
    ["部门名称：测试县农业农村局", ...new Array<build.Value>(width - 2).fill(null), "单位：万元"],
  ];

  it("reads a table with names only by their indentation, and sums 合计 over the outermost lines (表二 is a tag, not a header)", () => {
    const grid: build.Value[][] = [
      ...head("部门支出总表", "表二", 4),
      ["功能分类科目名称", "合计", "基本支出", "项目支出"],
      ["合计", 100, 60, 40],
      ["社会保障和就业支出", 60, 60, null],
      ["\u3000\u3000行政事业单位养老支出", 60, 60, null],
      ["农林水支出", 40, null, 40],
      ["\u3000\u3000农业农村", 40, null, 40],
    ];
    const sheet = sheetFromGrid("部门支出总表", grid, [m("A1:D1")]);
    const model = modelOf(sheet);
    expect(model.amountColumns.map((c) => c.path.join("/"))).toEqual(["合计", "基本支出", "项目支出"]);
    expect(model.reading).toBe("inferred");
    expect(brief(sheet)).toEqual([]);
    grid[6][1] = 70;
    grid[6][2] = 70;
    // Indentation is a second signal only: the 款 that no longer adds up to its 类 is a warning.
    expect(brief(sheetFromGrid("部门支出总表", grid, [m("A1:D1")]))).toEqual(["totals/item-sum 部门支出总表!B6 warning", "totals/item-sum 部门支出总表!C6 warning"]);
  });

  it("takes a heading without figures (一、局机关) as standing for its numbered projects", () => {
    const grid: build.Value[][] = [
      ...head("项目支出表", "表三", 3),
      ["项目名称", "合计", "一般公共预算"],
      ["合计", 100, 100],
      ["一、局机关", null, null],
      ["\u3000\u30001、农业综合执法", 60, 60],
      ["\u3000\u30002、高标准农田", 20, 20],
      ["小计", 80, 80],
      ["二、下属单位", null, null],
      ["\u3000\u30001、植保站统防统治", 20, 20],
      ["小计", 20, 20],
    ];
    expect(brief(sheetFromGrid("项目支出表", grid, [m("A1:C1")]))).toEqual([]);
  });

  it("checks 比上年增减额 and 比上年增减率 lines under 上年 | 本年 blocks, column by column", () => {
    const grid = (rate: build.Value): build.Value[][] => [
      ...head("一般公共预算财政拨款“三公”经费支出决算表", "公开07表", 7),
      ["项目", "上年决算数", null, null, "本年决算数", null, null],
      [null, "合计", "公务用车运行费", "公务接待费", "合计", "公务用车运行费", "公务接待费"],
      ["决算金额", 9.66, 6.46, 3.2, 9.15, 6.8, 2.35],
      ["比上年增减额", null, null, null, -0.51, 0.34, -0.85],
      ["比上年增减率", null, null, null, "-5.28%", "5.26%", rate],
    ];
    const sheet = (rate: build.Value) => sheetFromGrid("公开07表", grid(rate), [m("A1:G1"), m("A4:A5"), m("B4:D4"), m("E4:G4")]);
    expect(modelOf(sheet("-26.56%")).rows.filter((r) => r.count).map((r) => r.label)).toEqual(["比上年增减率"]);
    expect(brief(sheet("-26.56%"))).toEqual([]);
    // Divided by this year instead of last year: (2.35 − 3.20) ÷ 2.35.
    expect(brief(sheet("-36.17%"))).toEqual(["composition/change-rate 公开07表!G8 error"]);
  });
});

describe("a 三公 table laid out a row per year", () => {
  const m = (a1: string) => parseRange(a1);
  const grid = (change: build.Value): build.Value[][] => [
    ["“三公”经费预算表", null, null, null, null],
    ["部门：测试县水利局", null, null, null, "单位：万元"],
    ["项目", "合计", "公务用车购置费", "公务用车运行维护费", "公务接待费"],
    ["2024年预算", 14.2, 0, 10, 4.2],
    ["2025年预算", 12.5, 0, 8.9, 3.6],
    ["增减", -1.7, 0, -1.1, change],
  ];
  const sheet = (change: build.Value) => sheetFromGrid("三公经费表", grid(change), [m("A1:E1")]);

  it("checks 增减 = the later year − the earlier one in every column, one finding at the wrong cell", () => {
    expect(brief(sheet(-0.6))).toEqual([]);
    expect(brief(sheet(-0.06))).toEqual(["composition/row 三公经费表!E6 error"]);
  });

  it("compares the latest year's 公务用车运行维护费 with 30231 (not the first row's)", () => {
    expect(brief(sheet(-0.6), build.generalPublicBasic30231(8.9)).filter((f) => f.startsWith("economic/"))).toEqual([]);
    // Against the 2025 figure, not 2024's 10.00: a 30231 of 9.50 differs.
    expect(brief(sheet(-0.6), build.generalPublicBasic30231(9.5)).filter((f) => f.startsWith("economic/"))).toHaveLength(1);
  });
});
