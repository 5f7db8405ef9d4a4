// Small budget tables built in memory for the arithmetic rule tests: the printed layout (title,
// 部门 row, merged header rows) so detection finds them as it finds real ones.
import Decimal from "decimal.js";
import { parseRange, type CellRange } from "../../src/core/workbook/address";
import { sheetFromGrid, type WorkbookSnapshot } from "../../src/core/workbook/snapshot";

export type Value = number | string | null;

export interface ClassifiedLine {
  readonly lei?: string;
  readonly kuan?: string;
  readonly xiang?: string;
  readonly name: string;
  readonly values: readonly Value[];
}

const m = (a1: string): CellRange => parseRange(a1);
const letter = (col: number) => String.fromCharCode(64 + col);

/** 支出总体情况表 with 类|款|项 code columns and the amount columns 合计 | 基本支出 | 项目支出. */
export function expenditureSummary(totals: readonly Value[], lines: readonly ClassifiedLine[], sheetName = "支出总体情况表"): WorkbookSnapshot {
  const grid: Value[][] = [
    ["支出总体情况表"],
    ["部门(单位): 测试部门", null, null, null, null, null, "单位: 万元"],
    ["科目编码", null, null, "科目名称", "合计", "基本支出", "项目支出"],
    ["类", "款", "项", null, null, null, null],
    ["合计", null, null, null, ...totals],
    ...lines.map((l) => [l.lei ?? null, l.kuan ?? null, l.xiang ?? null, l.name, ...l.values]),
  ];
  const merges = [m("A1:G1"), m("A3:C3"), m("D3:D4"), m("E3:E4"), m("F3:F4"), m("G3:G4")];
  return { sheets: [sheetFromGrid(sheetName, grid, merges)] };
}

/** 一般公共预算支出情况表: 合计 | 基本支出(小计, 人员支出, 日常公用支出) | 项目支出, three header rows. */
export function generalPublicExpenditure(totals: readonly Value[], lines: readonly ClassifiedLine[]): WorkbookSnapshot {
  const grid: Value[][] = [
    ["一般公共预算支出情况表"],
    ["部门(单位): 测试部门", null, null, null, null, null, null, null, "单位: 万元"],
    ["科目编码", null, null, "科目名称", "合计", "基本支出", null, null, "项目支出"],
    ["类", "款", "项", null, null, "小计", "人员支出", "日常公用支出", null],
    [],
    ["合 计", null, null, null, ...totals],
    ...lines.map((l) => [l.lei ?? null, l.kuan ?? null, l.xiang ?? null, l.name, ...l.values]),
  ];
  const merges = [m("A1:I1"), m("A3:C3"), m("D3:D5"), m("E3:E5"), m("F3:H3"), m("I3:I5"), m("A4:A5"), m("B4:B5"), m("C4:C5"), m("F4:F5"), m("G4:G5"), m("H4:H5")];
  return { sheets: [sheetFromGrid("一般公共预算支出情况表", grid, merges)] };
}

/** 收支总体情况表: 收入 (项目, 预算数) | 支出 (项目, 预算数), the line labels spaced as printed. */
export function budgetOverview(income: ReadonlyArray<[string, Value]>, expenditure: ReadonlyArray<[string, Value]>, tail: ReadonlyArray<[string, Value, string, Value]>): WorkbookSnapshot {
  const rows = Math.max(income.length, expenditure.length);
  const grid: Value[][] = [
    ["收支总体情况表"],
    ["部门(单位)：测试部门", null, null, "单位：万元"],
    ["收 入", null, "支 出", null],
    ["项目", "预算数", "项目", "预算数"],
  ];
  for (let i = 0; i < rows; i++) grid.push([income[i]?.[0] ?? null, income[i]?.[1] ?? null, expenditure[i]?.[0] ?? null, expenditure[i]?.[1] ?? null]);
  for (const line of tail) grid.push([...line]);
  return { sheets: [sheetFromGrid("收支总体情况表", grid, [m("A1:D1"), m("A3:B3"), m("C3:D3")])] };
}

/** 一般公共预算“三公”经费支出情况表 with two year blocks of six columns each. */
export function threePublic(previous: readonly Value[], current: readonly Value[]): WorkbookSnapshot {
  const block = ["合计", "因公出国(境)费", "公务用车购置及运行维护费", null, null, "公务接待费"];
  const sub = [null, null, "小计", "公务用车购置费", "公务用车运行维护费", null];
  const grid: Value[][] = [
    ["一般公共预算“三公”经费支出情况表"],
    ["部门(单位): 测试部门", null, null, null, null, null, null, null, null, null, null, "单位: 万元"],
    ["2023年预算数", null, null, null, null, null, "2024年预算数", null, null, null, null, null],
    [...block, ...block],
    [...sub, ...sub],
    [...previous, ...current],
  ];
  const merges = [m("A1:L1"), m("A3:F3"), m("G3:L3"), m("C4:E4"), m("I4:K4")];
  for (const c of [1, 2, 6, 7, 8, 12]) merges.push(m(`${letter(c)}4:${letter(c)}5`));
  return { sheets: [sheetFromGrid("三公经费", grid, merges)] };
}

/** 一般公共预算基本支出情况表: economic 类|款 codes and names beside the government economic codes, amounts 小计 | 人员支出 | 日常公用支出. */
export function generalPublicBasicExpenditure(totals: readonly Value[], lines: readonly ClassifiedLine[]): WorkbookSnapshot {
  const grid: Value[][] = [
    ["一般公共预算基本支出情况表"],
    ["部门(单位): 测试部门", null, null, null, null, null, null, null, "单位: 万元"],
    ["科目编码", null, "部门预算支出经济分类科目名称", "科目编码", null, "政府预算支出经济分类科目名称", "基本支出预算", null, null],
    ["类", "款", null, "类", "款", null, "小计", "人员支出", "日常公用支出"],
    ["合 计", null, null, null, null, null, ...totals],
    ...lines.map((l) => [l.lei ?? null, l.kuan ?? null, l.name, null, null, null, ...l.values]),
  ];
  const merges = [m("A1:I1"), m("A3:B3"), m("D3:E3"), m("G3:I3"), m("C3:C4"), m("F3:F4"), m("A5:F5")];
  return { sheets: [sheetFromGrid("一般公共预算基本支出情况表", grid, merges)] };
}

/** Rounds to cents the way a printed table shows an amount. */
export const cents = (value: Decimal.Value) => new Decimal(value).toDecimalPlaces(2).toNumber();
