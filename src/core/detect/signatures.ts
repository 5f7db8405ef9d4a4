// How each table kind announces itself, as data: the words of its title, and the header words that
// must be present for a block to count as that kind. All text is folded (NFKC, no whitespace), so
// （ is (, and "合 计" is 合计.
import type { TableKind } from "../report/vocabulary";

export type KindFamily = "performance" | "budget";

export interface TitleSignature {
  readonly family: KindFamily;
  /** The kind the title names; for the performance family the structure decides between forms and lists. */
  readonly kind: TableKind;
  readonly pattern: RegExp;
}

/** Checked in order: the first pattern that matches a title names the kind. */
export const TITLE_SIGNATURES: readonly TitleSignature[] = [
  { family: "performance", kind: "self-evaluation-summary", pattern: /自评(情况|结果|得分)?(汇总|统计|一览)表/ },
  { family: "performance", kind: "project-self-evaluation", pattern: /绩效自评(表|情况表)|自评表/ },
  { family: "performance", kind: "department-performance-target", pattern: /整体(支出)?绩效目标/ },
  { family: "performance", kind: "project-performance-target", pattern: /项目(支出)?绩效目标(申报|审核)?表/ },
  { family: "performance", kind: "performance-target-list", pattern: /绩效目标(情况|申报|汇总|审核)?(表|清单)/ },
  { family: "budget", kind: "three-public-expenses", pattern: /三公.{0,3}经费/ },
  { family: "budget", kind: "fiscal-appropriation-overview", pattern: /财政拨款收(入)?支(出)?(预算)?(总体情况|决算总|总|情况)表/ },
  { family: "budget", kind: "budget-overview", pattern: /收(入)?支(出)?(预算)?(总体情况|决算总|总)表/ },
  { family: "budget", kind: "general-public-basic-expenditure", pattern: /一般公共预算(财政拨款)?基本支出/ },
  { family: "budget", kind: "general-public-budget-expenditure", pattern: /一般公共预算(财政拨款)?(收入)?支出/ },
  { family: "budget", kind: "government-fund-expenditure", pattern: /政府性基金(预算)?(财政拨款)?(收入)?支出/ },
  { family: "budget", kind: "state-capital-expenditure", pattern: /国有资本经营(预算)?(财政拨款)?(收入)?支出/ },
  { family: "budget", kind: "basic-expenditure", pattern: /基本支出(预算|决算)?(情况|明细)?表/ },
  { family: "budget", kind: "project-expenditure", pattern: /项目支出(预算|决算)?(情况|明细)?表/ },
  { family: "budget", kind: "government-procurement", pattern: /政府采购(预算|支出)?(情况|明细)?表/ },
  { family: "budget", kind: "income-summary", pattern: /收入(总体情况|决算|预算|总|情况)表/ },
  { family: "budget", kind: "expenditure-summary", pattern: /支出(总体情况|决算|预算|总|情况)表/ },
];

/** Header words any budget table shows somewhere in its header rows. */
export const BUDGET_HEADER_WORDS: readonly string[] = [
  "科目编码", "科目名称", "科目", "功能分类", "经济分类", "合计", "总计", "小计", "预算数", "决算数", "项目",
  "收入", "支出", "因公出国(境)费", "因公出国(境)经费", "公务接待费", "资金来源", "项目名称",
  "金额", "单位名称", "基本支出", "项目支出", "人员经费", "公用经费", "一般公共预算", "财政拨款",
  // The columns of a 政府采购预算表, with or without 科目 and 资金来源 columns.
  "采购项目", "采购品目", "采购目录", "采购预算",
];

/** Labels that start a project form which has no title row of its own (e.g. 聊城's 项目编码 row). */
export const FORM_HEAD_LABELS: readonly string[] = ["项目编码", "项目编号", "项目代码"];

/** Words in a form's indicator header row. */
export const INDICATOR_HEADER = {
  level1: ["一级指标"],
  level3OrValue: ["三级指标", "指标值", "年度指标值", "目标值", "指标内容"],
  selfEvaluation: ["实际完成值", "实际完成指标值", "全年实际值", "实际值", "全年执行数", "全年执行数(B)"],
  score: ["得分", "分值"],
};

/** A line above or inside a table's head that names its unit, department or year, not a column. */
export const UNIT_LINE = /单位[:：]|^部门\(单位\)|^(部门|单位|编制单位|填报单位|预算单位)(名称)?[:：]|^(编制|预算|填报)(部门|单位)|^金额单位|^\(?\d{4}年度?\)?$|^公开\d+表$|^附表|^表[\d一二三四五六七八九十]+$/;

/** A footnote just below a table; it is not part of the table's range. */
export const FOOTNOTE_LINE = /^(注|说明|备注)(\d|[一二三四五六七八九十]|[:：、.])|^填报说明/;

/** Who signs or answers for a form: 填表人, 项目负责人, 联系电话, 填报日期, 单位（盖章）. */
const SIGNATURE_LABEL = "(?:[\u4e00-\u9fff]{0,6}人|(?:联系)?电话|(?:联系)?方式|(?:填报|填表|编制|报送|审核)?日期|[\u4e00-\u9fff]{0,6}\\(盖章\\)|盖章|签字|签章)";
/** A signature label written bare, its value in the next cell (填表人 | 张三). */
const BARE_SIGNATURE_LABEL = /^(填表人|填报人|制表人|审核人|复核人|经办人|联系人|负责人|项目负责人|财务负责人|单位负责人|部门负责人|分管领导|联系电话|填报日期|填表日期)$/;
const SIGNED_PART = new RegExp(`^${SIGNATURE_LABEL}$`);
const SIGNED_TAIL = new RegExp(`${SIGNATURE_LABEL}$`);

/**
 * One folded text of a signature line: one or more `label: value` pairs whose labels name who signs
 * (填表人:审核人:填报日期:2025年3月, 项目负责人:, 单位(盖章)), or a bare stamp mark.
 */
function isSignatureText(text: string): boolean {
  if (/^\(?(单位)?盖章\)?$|^[\u4e00-\u9fff]{0,8}\(盖章\)$/.test(text)) return true;
  const parts = text.split(":");
  if (parts.length < 2 || !SIGNED_PART.test(parts[0]!)) return false;
  // Every value but the last runs into the next label: 张三审核人, 郑晓岚联系电话.
  return parts.slice(1, -1).every((part) => SIGNED_TAIL.test(part));
}

/**
 * A signature or contact line below a form (填表人：  审核人：  填报日期：…, 项目负责人： | 财务负责人：,
 * 联系人 | 张三 | 联系电话 | …): like a footnote, it is outside the table.
 */
export function isSignatureLine(texts: readonly string[]): boolean {
  if (texts.length === 0) return false;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (isSignatureText(text)) continue;
    if (BARE_SIGNATURE_LABEL.test(text)) {
      // Its value is the next cell, unless that cell is a label itself.
      const next = texts[i + 1];
      if (next !== undefined && !isSignatureText(next) && !BARE_SIGNATURE_LABEL.test(next)) i++;
      continue;
    }
    return false;
  }
  return true;
}

/** Row labels that open a table's data part (a totals row may be the first data row). */
export const TOTAL_LABEL = /^(合计|总计|小计|本年收入合计|本年支出合计|收入总计|支出总计)$/;
