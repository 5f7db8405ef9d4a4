// The national 部门决算 公开表 layouts (../shared/domain/final-accounts.md) and the 三公 variants of other
// provinces (../shared/seeds/other-regions), built in memory with consistent figures, so each layout
// feature can be tested alone: 行次 columns, the 栏次 row, one code column of 3/5/7-digit codes, 合计
// first, merged 本年支出 headers, side-by-side halves, 三公 items as rows with 其中 and numbering.
import { parseRange } from "../../src/core/workbook/address";
import { sheetFromGrid, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/workbook/snapshot";

export type Value = number | string | null;
const m = parseRange;
const IND = "\u3000";

/** Title, 公开NN表 tag and 部门 / 金额单位 line, as the published sets print them. */
function head(title: string, tag: string, width: number, unit = "万元"): Value[][] {
  const pad = (cells: Value[]) => [...cells, ...new Array<Value>(Math.max(0, width - cells.length)).fill(null)];
  return [pad([title]), pad([...new Array<Value>(width - 1).fill(null), tag]), pad(["部门：测试县农业农村局", ...new Array<Value>(width - 2).fill(null), `金额单位：${unit}`])];
}

export interface OverviewFigures {
  readonly income: ReadonlyArray<[string, number | null, Value]>;
  readonly expenditure: ReadonlyArray<[string, number | null, Value]>;
}

export const OVERVIEW_INCOME: Array<[string, number | null, Value]> = [
  ["一、一般公共预算财政拨款收入", 1, 575],
  ["二、政府性基金预算财政拨款收入", 2, 0],
  ["三、国有资本经营预算财政拨款收入", 3, 0],
  ["四、上级补助收入", 4, 0],
  ["五、事业收入", 5, 0],
  ["六、经营收入", 6, 0],
  ["七、附属单位上缴收入", 7, 0],
  ["八、其他收入", 8, 0],
  ["", 9, null],
  ["", 10, null],
  ["本年收入合计", 11, 575],
  ["使用非财政拨款结余", 12, 0],
  ["年初结转和结余", 13, 20],
  ["", 14, null],
  ["总计", 15, 595],
];

export const OVERVIEW_EXPENDITURE: Array<[string, number | null, Value]> = [
  ["一、一般公共服务支出", 31, 0],
  ["二、外交支出", 32, 0],
  ["三、国防支出", 33, 0],
  ["四、公共安全支出", 34, 0],
  ["五、教育支出", 35, 0],
  ["六、科学技术支出", 36, 0],
  ["七、文化旅游体育与传媒支出", 37, 0],
  ["八、社会保障和就业支出", 38, 80],
  ["九、卫生健康支出", 39, 20],
  ["十、节能环保支出", 40, 0],
  ["十一、城乡社区支出", 41, 0],
  ["十二、农林水支出", 42, 460],
  ["十三、交通运输支出", 43, 0],
  ["十四、住房保障支出", 44, 15],
  ["本年支出合计", 45, 575],
  ["结余分配", 46, 0],
  ["年末结转和结余", 47, 20],
  ["", 48, null],
  ["总计", 49, 595],
];

/** 公开01表 收入支出决算总表: 收入 | 支出 halves, each 项目 | 行次 | 金额, with the 栏次 row. */
export function finalOverview(income = OVERVIEW_INCOME, expenditure = OVERVIEW_EXPENDITURE): SheetSnapshot {
  const grid: Value[][] = [...head("收入支出决算总表", "公开01表", 6), ["收入", null, null, "支出", null, null], ["项目", "行次", "金额", "项目", "行次", "金额"], ["栏次", null, 1, "栏次", null, 2]];
  const rows = Math.max(income.length, expenditure.length);
  for (let i = 0; i < rows; i++) {
    const a = income[i] ?? ["", null, null];
    const b = expenditure[i] ?? ["", null, null];
    grid.push([a[0] || null, a[1], a[2], b[0] || null, b[1], b[2]]);
  }
  return sheetFromGrid("公开01表", grid, [m("A1:F1"), m("A4:C4"), m("D4:F4")]);
}

export interface CodedLine {
  readonly code: string;
  readonly name: string;
  readonly values: readonly Value[];
}

const indent = (code: string, name: string) => IND.repeat(code.length === 3 ? 0 : code.length === 5 ? 1 : 2) + name;

/** 公开03表 支出决算表: one code column (3/5/7 digits), 合计 first under the 栏次 row. */
export const EXPENDITURE_LINES: CodedLine[] = [
  { code: "208", name: "社会保障和就业支出", values: [80, 80, 0, 0, 0, 0] },
  { code: "20805", name: "行政事业单位养老支出", values: [80, 80, 0, 0, 0, 0] },
  { code: "2080505", name: "机关事业单位基本养老保险缴费支出", values: [55, 55, 0, 0, 0, 0] },
  { code: "2080506", name: "机关事业单位职业年金缴费支出", values: [25, 25, 0, 0, 0, 0] },
  { code: "210", name: "卫生健康支出", values: [20, 20, 0, 0, 0, 0] },
  { code: "21011", name: "行政事业单位医疗", values: [20, 20, 0, 0, 0, 0] },
  { code: "2101101", name: "行政单位医疗", values: [20, 20, 0, 0, 0, 0] },
  { code: "213", name: "农林水支出", values: [460, 60, 400, 0, 0, 0] },
  { code: "21301", name: "农业农村", values: [460, 60, 400, 0, 0, 0] },
  { code: "2130101", name: "行政运行", values: [60, 60, 0, 0, 0, 0] },
  { code: "2130122", name: "农业生产发展", values: [400, 0, 400, 0, 0, 0] },
  { code: "221", name: "住房保障支出", values: [15, 15, 0, 0, 0, 0] },
  { code: "22102", name: "住房改革支出", values: [15, 15, 0, 0, 0, 0] },
  { code: "2210201", name: "住房公积金", values: [15, 15, 0, 0, 0, 0] },
];

export function finalExpenditure(total: readonly Value[] = [575, 175, 400, 0, 0, 0], lines: readonly CodedLine[] = EXPENDITURE_LINES): SheetSnapshot {
  const grid: Value[][] = [
    ...head("支出决算表", "公开03表", 8),
    ["项目", null, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
    ["科目编码", "科目名称", null, null, null, null, null, null],
    ["栏次", null, 1, 2, 3, 4, 5, 6],
    ["合计", null, ...total],
    ...lines.map((l) => [l.code, indent(l.code, l.name), ...l.values]),
  ];
  const merges = [m("A1:H1"), m("A4:B4"), m("A6:B6"), m("A7:B7"), ...["C", "D", "E", "F", "G", "H"].map((c) => m(`${c}4:${c}5`))];
  return sheetFromGrid("公开03表", grid, merges);
}

/** 公开05表 一般公共预算财政拨款支出决算表: 本年支出 merged over 合计 | 基本支出 | 项目支出. */
export function finalGeneralPublic(total: readonly Value[] = [575, 175, 400], lines: readonly CodedLine[] = EXPENDITURE_LINES.map((l) => ({ ...l, values: l.values.slice(0, 3) }))): SheetSnapshot {
  const grid: Value[][] = [
    ...head("一般公共预算财政拨款支出决算表", "公开05表", 5),
    ["项目", null, "本年支出", null, null],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["栏次", null, 1, 2, 3],
    ["合计", null, ...total],
    ...lines.map((l) => [l.code, indent(l.code, l.name), ...l.values]),
  ];
  return sheetFromGrid("公开05表", grid, [m("A1:E1"), m("A4:B4"), m("C4:E4"), m("A6:B6"), m("A7:B7")]);
}

/** 公开06表 基本支出决算明细表: 人员经费 in one triple, 公用经费 running on over two triples. */
export const PERSONNEL: Array<[string, string, number]> = [
  ["301", "工资福利支出", 148],
  ["30101", "基本工资", 25],
  ["30102", "津贴补贴", 8],
  ["30108", "机关事业单位基本养老保险缴费", 55],
  ["30109", "职业年金缴费", 25],
  ["30110", "职工基本医疗保险缴费", 20],
  ["30113", "住房公积金", 15],
  ["303", "对个人和家庭的补助", 7],
  ["30302", "退休费", 7],
];
export const PUBLIC_1: Array<[string, string, number]> = [
  ["302", "商品和服务支出", 15],
  ["30201", "办公费", 6],
  ["30211", "差旅费", 4],
  ["30217", "公务接待费", 2],
  ["30231", "公务用车运行维护费", 3],
];
export const PUBLIC_2: Array<[string, string, number]> = [
  ["310", "资本性支出", 5],
  ["31002", "办公设备购置", 5],
];

export function finalBasic(personnelTotal: Value = 155, publicTotal: Value = 20, personnel = PERSONNEL, public1 = PUBLIC_1, public2 = PUBLIC_2): SheetSnapshot {
  const grid: Value[][] = [
    ...head("一般公共预算财政拨款基本支出决算明细表", "公开06表", 9),
    ["人员经费", null, null, "公用经费", null, null, null, null, null],
    ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
  ];
  const rows = Math.max(personnel.length, public1.length, public2.length);
  const triple = (line: [string, string, number] | undefined): Value[] => (line ? [line[0], indent(line[0], line[1]), line[2]] : [null, null, null]);
  for (let i = 0; i < rows; i++) grid.push([...triple(personnel[i]), ...triple(public1[i]), ...triple(public2[i])]);
  const last = grid.length + 1;
  grid.push(["人员经费合计", null, personnelTotal, "公用经费合计", null, null, null, null, publicTotal]);
  return sheetFromGrid("公开06表", grid, [m("A1:I1"), m("A4:C4"), m("D4:I4"), m(`A${last}:B${last}`), m(`D${last}:H${last}`)]);
}

/** 公开07表 “三公”经费支出决算表: 预算数 and 决算数 blocks, one data row. */
export function finalThreePublic(budget: readonly Value[] = [6, 0, 4, 0, 4, 2], actual: readonly Value[] = [5, 0, 3, 0, 3, 2]): SheetSnapshot {
  const block = ["合计", "因公出国（境）费", "公务用车购置及运行费", null, null, "公务接待费"];
  const sub = [null, null, "小计", "公务用车购置费", "公务用车运行费", null];
  const grid: Value[][] = [
    ...head("一般公共预算财政拨款“三公”经费支出决算表", "公开07表", 12),
    ["预算数", null, null, null, null, null, "决算数", null, null, null, null, null],
    [...block, ...block],
    [...sub, ...sub],
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"].map(Number),
    [...budget, ...actual],
  ];
  const merges = [m("A1:L1"), m("A4:F4"), m("G4:L4"), m("C5:E5"), m("I5:K5"), ...["A", "B", "F", "G", "H", "L"].map((c) => m(`${c}5:${c}6`))];
  return sheetFromGrid("公开07表", grid, merges);
}

/** Seed 09 (江苏南通 2016): 三公 items as rows, 小计 | 其中:一般公共预算安排数, 会议费 and 培训费 as siblings. */
export function jiangsuThreePublic(rows: ReadonlyArray<[string, Value, Value]> = JIANGSU_ROWS): SheetSnapshot {
  const grid: Value[][] = [
    ["2016年市国资委财政拨款“三公”经费预算表", null, null],
    [null, null, "金额单位:万元"],
    ["项目", "2016年预算数", null],
    [null, "小计", "其中:一般公共预算安排数"],
    ...rows.map((r) => [...r]),
  ];
  return sheetFromGrid("三公经费预算表", grid, [m("A1:C1"), m("A3:A4"), m("B3:C3")]);
}

export const JIANGSU_ROWS: Array<[string, Value, Value]> = [
  ["一、“三公”经费合计", 21.63, 21.63],
  ["(一)因公出国(境)费", "单位不需填列", "单位不需填列"],
  ["(二)公务接待费", 14.83, 14.83],
  ["(三)公务用车费", 6.8, 6.8],
  ["      1.公务用车购置费", null, null],
  ["      2.公务用车运行维护费", 6.8, 6.8],
  ["二、会议费", 7.59, 7.59],
  ["三、培训费", 15.86, 15.86],
];

/** Seed 12 (云南施甸 2016): 上年决算数 | 本年决算数 | 增、减金额 | 增、减幅度, 合计 first, 其中 rows. */
export function yunnanThreePublic(rows: ReadonlyArray<Value[]> = YUNNAN_ROWS): SheetSnapshot {
  const grid: Value[][] = [
    ["施甸县2016年“三公”经费决算情况统计表", null, null, null, null],
    ["单位:万元", null, null, null, null],
    ["项目", "上年决算数", "本年决算数", "比上年增、减情况", null],
    [null, null, null, "增、减金额", "增、减幅度"],
    ...rows.map((r) => [...r]),
  ];
  return sheetFromGrid("三公经费决算", grid, [m("A1:E1"), m("A3:A4"), m("B3:B4"), m("C3:C4"), m("D3:E3")]);
}

export const YUNNAN_ROWS: Value[][] = [
  ["合计", 2911.47, 2706.86, -204.61, "-7.03%"],
  ["1.因公出国(境)费", 13.06, 10.2, -2.86, "-21.9%"],
  ["2.公务接待费", 1679.69, 1590.94, -88.75, "-5.28%"],
  ["3.公务用车购置及运行费", 1218.72, 1105.72, -113, "-9.27%"],
  ["其中:(1)公务用车购置费", 14.8, 0, -14.8, "-100%"],
  ["(2)公务用车运行费", 1203.92, 1105.72, -98.2, "-8.16%"],
];

export const workbookOf = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets });

/** 公开02表 收入决算表: 本年收入合计 and its sources, one code column, 合计 first. */
export function finalIncome(total: readonly Value[] = [575, 575, 0, 0, 0, 0, 0], lines: readonly CodedLine[] = EXPENDITURE_LINES.map((l) => ({ ...l, values: [l.values[0], l.values[0], 0, 0, 0, 0, 0] }))): SheetSnapshot {
  const grid: Value[][] = [
    ...head("收入决算表", "公开02表", 9),
    ["项目", null, "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
    ["科目编码", "科目名称", null, null, null, null, null, null, null],
    ["栏次", null, 1, 2, 3, 4, 5, 6, 7],
    ["合计", null, ...total],
    ...lines.map((l) => [l.code, indent(l.code, l.name), ...l.values]),
  ];
  const merges = [m("A1:I1"), m("A4:B4"), m("A6:B6"), m("A7:B7"), ...["C", "D", "E", "F", "G", "H", "I"].map((c) => m(`${c}4:${c}5`))];
  return sheetFromGrid("公开02表", grid, merges);
}

export const FISCAL_INCOME: Array<[string, number | null, Value]> = [
  ["一、一般公共预算财政拨款", 1, 575],
  ["二、政府性基金预算财政拨款", 2, 0],
  ["三、国有资本经营预算财政拨款", 3, 0],
  ["", 4, null],
  ["本年收入合计", 5, 575],
  ["年初财政拨款结转和结余", 6, 20],
  ["", 7, null],
  ["总计", 8, 595],
];

export const FISCAL_EXPENDITURE: Array<[string, number, Value, Value, Value, Value]> = [
  ["一、一般公共服务支出", 31, 0, 0, 0, 0],
  ["二、社会保障和就业支出", 32, 80, 80, 0, 0],
  ["三、卫生健康支出", 33, 20, 20, 0, 0],
  ["四、农林水支出", 34, 460, 460, 0, 0],
  ["五、住房保障支出", 35, 15, 15, 0, 0],
  ["本年支出合计", 36, 575, 575, 0, 0],
  ["年末财政拨款结转和结余", 37, 20, 20, 0, 0],
  ["总计", 38, 595, 595, 0, 0],
];

/** 公开04表 财政拨款收入支出决算总表: 收入 项目|行次|金额; 支出 项目|行次|合计|three fund types. */
export function finalFiscalOverview(income = FISCAL_INCOME, expenditure = FISCAL_EXPENDITURE): SheetSnapshot {
  const grid: Value[][] = [
    ...head("财政拨款收入支出决算总表", "公开04表", 9),
    ["收入", null, null, "支出", null, null, null, null, null],
    ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
    ["栏次", null, 1, "栏次", null, 2, 3, 4, 5],
  ];
  const rows = Math.max(income.length, expenditure.length);
  for (let i = 0; i < rows; i++) {
    const a = income[i] ?? ["", null, null];
    const b = expenditure[i] ?? ["", null, null, null, null, null];
    grid.push([a[0] || null, a[1], a[2], b[0] || null, ...b.slice(1)]);
  }
  return sheetFromGrid("公开04表", grid, [m("A1:I1"), m("A4:C4"), m("D4:I4")]);
}

/** 一般公共预算基本支出情况表 with one 302 class holding 30231 公务用车运行维护费 (for the 三公 cross-check). */
export function generalPublicBasic30231(amount: number): SheetSnapshot {
  const grid: Value[][] = [
    ["一般公共预算基本支出情况表", null, null, null, null, null],
    ["部门：测试县水利局", null, null, null, null, "单位：万元"],
    ["科目编码", null, "科目名称", "基本支出预算", null, null],
    ["类", "款", null, "小计", "人员支出", "日常公用支出"],
    ["302", null, "商品和服务支出", amount, 0, amount],
    ["302", "31", "公务用车运行维护费", amount, 0, amount],
  ];
  return sheetFromGrid("基本支出", grid, [m("A1:F1"), m("A3:B3"), m("D3:F3"), m("C3:C4")]);
}
