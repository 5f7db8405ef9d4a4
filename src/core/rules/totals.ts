// Column sums of the classification-coded and listing budget tables (RULES 3.1.1, 3.1.3, 3.4):
// 类 = Σ款, 款 = Σ项 and 合计 = Σ类 (or Σ project rows) in every amount column, and the code layout.
import Decimal from "decimal.js";
import { columnLabel, valueCell, type AmountColumn, type BudgetRow, type BudgetTable } from "../forms/budget-table";
import { compareTotal } from "./tolerance";
import { formatAmount } from "./format";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";
import type { Bilingual } from "../report/i18n";
import { foldText } from "../workbook/text";
import { budgetTables, checkSum, columnSumAgrees, continuedFrom, readValue, rowName, type BudgetTableEntry } from "./totals-support";

export const hierarchySum: RuleMeta = {
  id: "totals/hierarchy-sum",
  category: "sum-mismatch",
  severity: "error",
  description: { zh: "类 = 其下各款之和，款 = 其下各项之和（每个金额列）", en: "A 类 equals the sum of its 款, a 款 the sum of its 项 (every amount column)" },
};

export const totalRow: RuleMeta = {
  id: "totals/total-row",
  category: "sum-mismatch",
  severity: "error",
  description: { zh: "合计行 = 各类（或各项目）之和（每个金额列）", en: "The 合计 row equals the sum of the 类 rows (or project rows), column by column" },
};

export const codeLayout: RuleMeta = {
  id: "totals/code-layout",
  category: "sum-mismatch",
  severity: "warning",
  description: {
    zh: "科目编码填错列或与上级编码不符，按列读取时汇总关系会出错",
    en: "A 科目 code in the wrong column or not under its parent's code, so the sums read wrongly",
  },
};

export const shiftedRow: RuleMeta = {
  id: "totals/shifted-row",
  category: "missing-value",
  severity: "error",
  description: {
    zh: "合计行的数值整体错位一列，某一金额列因此为空",
    en: "A total row's figures sit one column to the left, leaving an amount column empty",
  },
};

export const economicGroup: RuleMeta = {
  id: "totals/economic-group",
  category: "sum-mismatch",
  severity: "error",
  description: {
    zh: "经济分类表中的“人员经费”“公用经费”行 = 其下各类之和（人员经费 = 301 + 303）",
    en: "An economic list's 人员经费 / 公用经费 line equals the sum of the 类 lines under it (人员经费 = 301 + 303)",
  },
};

const RANK: Record<string, number> = { 类: 1, 款: 2, 项: 3 };

/** Children of a coded row: the rows of the next level present in its block (款 under a 类, else its 项). */
export function childrenOf(rows: readonly BudgetRow[], index: number): BudgetRow[] {
  const parent = rows[index];
  const rank = RANK[parent.level ?? ""] ?? 0;
  // The rows under the parent, and the highest level among them: its rows are the children.
  let next = Infinity;
  let end = index + 1;
  for (; end < rows.length; end++) {
    const row = rows[end];
    if (row.role === "total") break;
    if (row.role !== "classified") continue;
    const level = RANK[row.level ?? ""] ?? 0;
    if (level <= rank) break;
    if (row.code!.startsWith(parent.code!) && RANK[row.level!] < next) next = RANK[row.level!];
  }
  const children: BudgetRow[] = [];
  if (next === Infinity) return children;
  for (let i = index + 1; i < end; i++) {
    const row = rows[i];
    if (row.role === "classified" && RANK[row.level!] === next && row.code!.startsWith(parent.code!)) children.push(row);
  }
  return children;
}

/** The rows a 合计 adds up: the top level of the coded rows (laid out in their own column), or the outermost listed lines. */
export function topRows(model: BudgetTable): BudgetRow[] {
  if (model.layout === "classified") {
    const coded = model.rows.filter((r) => r.role === "classified" && r.codeIssue !== "kuan-in-lei-column");
    if (coded.length === 0) return [];
    const top = Math.min(...coded.map((r) => RANK[r.level!]));
    return coded.filter((r) => RANK[r.level!] === top);
  }
  const lines = model.rows.filter((r) => r.role === "line" && !r.count && !r.subtotal);
  const depths = lines.map((r) => r.depth).filter((d): d is number => d !== undefined);
  if (depths.length === 0) return lines;
  const top = Math.min(...depths);
  return lines.filter((r) => (r.depth ?? top) === top && !r.partial);
}

/** The direct sub-items of a numbered line or total: the deeper lines right below it (一、 → (一) …). */
export function subItems(rows: readonly BudgetRow[], index: number): BudgetRow[] {
  const depth = rows[index].depth;
  if (depth === undefined) return [];
  const below: BudgetRow[] = [];
  for (let i = index + 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.depth === undefined) {
      if (row.role === "total") break;
      continue;
    }
    if (row.depth <= depth) break;
    if (row.role === "line" && !row.count && !row.subtotal) below.push(row);
  }
  if (below.length === 0) return [];
  const next = Math.min(...below.map((r) => r.depth!));
  return below.filter((r) => r.depth === next);
}

/**
 * The parts a total row adds up: a numbered total (一、“三公”经费合计) its own sub-items, else the top rows;
 * a heading with no figures of its own (一、局机关 over its numbered projects) stands for its sub-items.
 */
export function partsOfTotal(context: RuleContext, entry: BudgetTableEntry, total: BudgetRow): BudgetRow[] {
  const { model } = entry;
  const top = total.depth !== undefined ? subItems(model.rows, model.rows.indexOf(total)) : topRows(model);
  return top.flatMap(function expand(row: BudgetRow): BudgetRow[] {
    if (!isHeading(context, entry, row)) return [row];
    const items = subItems(model.rows, model.rows.indexOf(row));
    return items.length > 0 ? items.flatMap(expand) : [row];
  });
}

/** A listing line with no figure in any amount column: a heading over the lines below it. */
function isHeading(context: RuleContext, entry: BudgetTableEntry, row: BudgetRow): boolean {
  if (row.role !== "line" || row.depth === undefined) return false;
  return entry.model.amountColumns.every((column) => {
    const value = readValue(context, entry.detected, valueCell(row, column));
    return value.ok && value.empty;
  });
}

const INFERRED: Bilingual = {
  zh: "本表部分行没有编号，层级是推断的，故只作提示性核对",
  en: "some lines of this table carry no numbering, so its hierarchy is inferred and this is a warning only",
};

function columnName(column: AmountColumn) {
  const label = columnLabel(column);
  return { zh: `“${label}”`, en: `"${label}"` };
}

function checkHierarchy(context: RuleContext, entry: ReturnType<typeof budgetTables>[number]): void {
  const { model, detected } = entry;
  const rows = model.rows;
  rows.forEach((parent, index) => {
    if (parent.role !== "classified") return;
    const children = childrenOf(rows, index);
    if (children.length === 0) return;
    // As laid out, a 款 whose code sits in the 类 column reads as a new 类, not as a part of this one.
    const anyMisplaced = children.some((c) => c.codeIssue === "kuan-in-lei-column");
    const laidOut = anyMisplaced ? children.filter((c) => c.codeIssue !== "kuan-in-lei-column") : children;
    const misplaced = anyMisplaced ? children.filter((c) => c.codeIssue === "kuan-in-lei-column") : [];
    const childLevel = children[0].level!;
    for (const column of model.amountColumns) {
      if (columnSumAgrees(context, detected, parent, laidOut, column)) continue;
      const name = rowName(parent.label, parent.code, parent.level);
      checkSum(context, {
        rule: hierarchySum,
        table: detected,
        total: valueCell(parent, column),
        parts: laidOut.map((c) => valueCell(c, column)),
        what: () => {
          const col = columnName(column);
          return { zh: `${name.zh}${col.zh}`, en: `${name.en} ${col.en}` };
        },
        partsName: () => ({ zh: `其下各${childLevel}之和`, en: `the sum of its ${childLevel} rows` }),
        explain: misplaced.length === 0 ? undefined : () => misplacedNote(context, entry, misplaced, column),
      });
    }
  });
}

/** A line grouping an economic list's 类 (RULES 3.1.4): 人员经费 (301, 303), 公用经费 (302, 307, 310 …). */
const ECONOMIC_GROUP = /^(人员经费|公用经费|日常公用经费)(合计|小计)?$/;
const isEconomicClass = (row: BudgetRow) => row.role === "classified" && row.level === "类" && row.code !== undefined && /^[35]\d{2}$/.test(row.code);

/**
 * 人员经费 and 公用经费 lines written above their 类 in one long list (部门预算 基本支出表): each is the
 * sum of the 类 lines under it, down to the next group line or the 合计. Read so only when every
 * classified line in that span is an economic 类 or one of its 款 (the span is then the group itself).
 */
function checkEconomicGroups(context: RuleContext, entry: ReturnType<typeof budgetTables>[number]): void {
  const { model, detected } = entry;
  const rows = model.rows;
  rows.forEach((row, index) => {
    if (row.role !== "line" || row.code !== undefined || !ECONOMIC_GROUP.test(foldText(row.label))) return;
    const span: BudgetRow[] = [];
    for (let i = index + 1; i < rows.length; i++) {
      const next = rows[i];
      if (next.role === "total" || (next.role === "line" && ECONOMIC_GROUP.test(foldText(next.label)))) break;
      span.push(next);
    }
    const classes = span.filter(isEconomicClass);
    const certain = classes.length > 0 && span.every((r) => r.role === "classified" && r.code !== undefined && classes.some((c) => r.code!.startsWith(c.code!)));
    if (!certain) return;
    const name = rowName(row.label, undefined, undefined);
    for (const column of model.amountColumns) {
      if (columnSumAgrees(context, detected, row, classes, column)) continue;
      const col = columnName(column);
      checkSum(context, {
        rule: economicGroup,
        table: detected,
        total: valueCell(row, column),
        parts: classes.map((c) => valueCell(c, column)),
        what: { zh: `${name.zh}${col.zh}`, en: `${name.en} ${col.en}` },
        partsName: { zh: `其下各类之和（${classes.map((c) => c.code).join(" + ")}）`, en: `the sum of the 类 under it (${classes.map((c) => c.code).join(" + ")})` },
      });
    }
  });
}

function misplacedNote(context: RuleContext, entry: ReturnType<typeof budgetTables>[number], misplaced: readonly BudgetRow[], column: AmountColumn) {
  let sum = new Decimal(0);
  for (const row of misplaced) {
    const value = readValue(context, entry.detected, valueCell(row, column));
    if (value.ok) sum = sum.plus(value.value);
  }
  const codes = misplaced.map((r) => r.code!.slice(3, 5)).join("、");
  return {
    zh: `款 ${codes}（${formatAmount(sum)}）的编码填在“类”列，按列读取时不属于本类`,
    en: `the 款 rows ${codes.replace(/、/g, ", ")} (${formatAmount(sum)}) have their codes in the 类 column, so as laid out they do not belong to this 类`,
  };
}

/**
 * A continued table's 合计 row adds up the 类 rows of both parts (the first part carries none): checked
 * over both, with the cells of both in the relation; without its first part it is not checked.
 */
function checkContinuedTotal(context: RuleContext, entry: BudgetTableEntry, first: BudgetTableEntry | undefined, total: BudgetRow, parts: readonly BudgetRow[]): void {
  const { model, detected } = entry;
  if (!first) {
    context.notChecked(totalRow, {
      sheet: detected.sheet,
      cell: total.labelCell?.address ?? `A${total.row}`,
      tableId: detected.id,
      reason: { zh: "本表为续表，未找到其前表，合计行无法核对", en: "this table continues another that was not found, so its total row is not checked" },
    });
    return;
  }
  const firstParts = topRows(first.model);
  for (const column of model.amountColumns) {
    const firstColumn = first.model.amountColumns.find((c) => columnLabel(c) === columnLabel(column));
    if (!firstColumn) continue;
    const cells = [
      ...firstParts.map((p) => ({ entry: first, cell: valueCell(p, firstColumn) })),
      ...parts.map((p) => ({ entry, cell: valueCell(p, column) })),
    ];
    const shown = readValue(context, detected, valueCell(total, column));
    if (!shown.ok) continue;
    let sum = new Decimal(0);
    let readable = true;
    for (const { entry: part, cell } of cells) {
      const value = readValue(context, part.detected, cell);
      if (!value.ok) readable = false;
      else sum = sum.plus(value.value);
    }
    if (!readable) continue;
    const verdict = compareTotal(shown.value, sum, cells.length, context.settings);
    if (verdict.ok) continue;
    const at = valueCell(total, column);
    const col = columnName(column);
    context.report(totalRow, {
      sheet: detected.sheet,
      cell: at.address,
      tableId: detected.id,
      ...(verdict.severity !== "error" ? { severity: verdict.severity } : {}),
      message: {
        zh: `${total.label}行${col.zh}应为 ${formatAmount(sum)}（本续表及前表“${first.detected.sheet}”各类之和），实为 ${formatAmount(shown.value)}（差 ${formatAmount(verdict.difference.abs())}）`,
        en: `${total.label} row ${col.en} should be ${formatAmount(sum)} (the 类 rows of this continuation and of its first part on "${first.detected.sheet}"), but is ${formatAmount(shown.value)} (difference ${formatAmount(verdict.difference.abs())})`,
      },
      expected: sum.toFixed(2),
      actual: shown.value.toFixed(2),
      relation: { total: `${detected.sheet}!${at.address}`, parts: cells.map(({ entry: part, cell }) => `${part.detected.sheet}!${cell.address}`), difference: verdict.difference },
    });
  }
}

function checkTotalRows(context: RuleContext, entry: ReturnType<typeof budgetTables>[number]): void {
  const { model, detected } = entry;
  const first = continuedFrom(context, entry);
  for (const total of model.rows.filter((r) => r.role === "total")) {
    const parts = partsOfTotal(context, entry, total);
    if (parts.length === 0) continue;
    if (first !== null) {
      checkContinuedTotal(context, entry, first, total, parts);
      continue;
    }
    const level = parts[0].level;
    for (const column of model.amountColumns) {
      if (columnSumAgrees(context, detected, total, parts, column)) continue;
      const col = columnName(column);
      checkSum(context, {
        rule: totalRow,
        table: detected,
        total: valueCell(total, column),
        parts: parts.map((p) => valueCell(p, column)),
        what: { zh: `${total.label}行${col.zh}`, en: `${total.label} row ${col.en}` },
        partsName: level ? { zh: `各${level}之和`, en: `the sum of the ${level} rows` } : { zh: "各行之和", en: "the sum of the rows" },
        explain:
          total.valueOffset !== 0
            ? () => ({ zh: "该合计行的数值整体左移了一列，已按错位后的位置读取", en: "this total row's values sit one column to the left and were read there" })
            : undefined,
        ...(model.reading === "inferred" ? { uncertain: INFERRED } : {}),
      });
    }
  }
}

export const itemSum: RuleMeta = {
  id: "totals/item-sum",
  category: "sum-mismatch",
  severity: "error",
  description: {
    zh: "有下级编号的项 = 其下各项之和（一、= Σ（一）…；“三公”公务用车费 = 购置费 + 运行维护费）",
    en: "A numbered line with sub-items equals their sum (一、 = Σ (一) …; the 三公 car costs = purchase + running)",
  },
};

export const partialExceeds: RuleMeta = {
  id: "totals/partial-exceeds",
  category: "sum-mismatch",
  severity: "error",
  description: { zh: "“其中”各项之和不超过所属的项", en: "The 其中 parts of a line do not add up to more than the line" },
};

export const subtotalRow: RuleMeta = {
  id: "totals/subtotal",
  category: "sum-mismatch",
  severity: "warning",
  description: {
    zh: "小计行 = 其所属一组各行之和（组在小计之前或之后）",
    en: "A 小计 line equals the sum of the lines of its group (the group above or below it)",
  },
};

/**
 * A 小计 closes the group above it, or opens the one below it (a unit's projects): the reading the
 * figures satisfy is taken; when neither does, a warning names both (which group was meant is a guess).
 */
function checkSubtotals(context: RuleContext, entry: ReturnType<typeof budgetTables>[number]): void {
  const { model, detected } = entry;
  const rows = model.rows;
  const isBoundary = (r: BudgetRow) => r.subtotal || r.role === "total";
  const groups = rows.map((row, index) => {
    if (!row.subtotal) return undefined;
    const above: BudgetRow[] = [];
    for (let i = index - 1; i >= 0 && !isBoundary(rows[i]); i--) if (rows[i].role === "line" && !rows[i].count) above.unshift(rows[i]);
    const below: BudgetRow[] = [];
    for (let i = index + 1; i < rows.length && !isBoundary(rows[i]); i++) if (rows[i].role === "line" && !rows[i].count) below.push(rows[i]);
    return { row, above, below };
  });
  // The table's own way: its other 小计 lines add up the group above them, or the one below.
  let aboveHolds = 0;
  let belowHolds = 0;
  for (const group of groups) {
    if (!group) continue;
    for (const column of model.amountColumns) {
      const up = group.above.length > 0 && sumHolds(context, entry, group.row, group.above, column);
      const down = group.below.length > 0 && sumHolds(context, entry, group.row, group.below, column);
      if (up && !down) aboveHolds++;
      if (down && !up) belowHolds++;
    }
  }
  const side = aboveHolds > 0 && belowHolds === 0 ? "above" : belowHolds > 0 && aboveHolds === 0 ? "below" : undefined;
  for (const group of groups) {
    if (!group) continue;
    const { row, above, below } = group;
    for (const column of model.amountColumns) {
      const readings = [above, below].filter((lines) => lines.length > 0);
      if (readings.length === 0) continue;
      if (readings.some((lines) => sumHolds(context, entry, row, lines, column))) continue;
      const own = side === "above" && above.length > 0 ? above : side === "below" && below.length > 0 ? below : undefined;
      checkSum(context, {
        rule: subtotalRow,
        table: detected,
        total: valueCell(row, column),
        parts: (own ?? readings[0]).map((r) => valueCell(r, column)),
        what: { zh: `小计行“${columnLabel(column)}”`, en: `小计 row "${columnLabel(column)}"` },
        partsName: own
          ? side === "above"
            ? { zh: "其上一组各行之和（本表其他小计行均为其上一组之和）", en: "the sum of the group above it (the table's other 小计 lines add up the group above them)" }
            : { zh: "其下一组各行之和（本表其他小计行均为其下一组之和）", en: "the sum of the group below it (the table's other 小计 lines add up the group below them)" }
          : readings.length > 1
            ? { zh: "其上一组各行之和（其下一组之和也不符）", en: "the sum of the group above it (the group below does not match either)" }
            : { zh: "其所属一组各行之和", en: "the sum of its group" },
      });
    }
  }
}

function sumHolds(context: RuleContext, entry: ReturnType<typeof budgetTables>[number], total: BudgetRow, parts: readonly BudgetRow[], column: AmountColumn): boolean {
  const shown = readValue(context, entry.detected, valueCell(total, column));
  if (!shown.ok) return true; // unreadable: not checked here, the column's own checks say so
  let sum = new Decimal(0);
  for (const part of parts) {
    const value = readValue(context, entry.detected, valueCell(part, column));
    if (!value.ok) return true;
    sum = sum.plus(value.value);
  }
  return shown.value.minus(sum).abs().lte(Decimal.min(context.settings.roundingPerPart.times(parts.length), context.settings.roundingCap).plus(context.settings.silentTolerance));
}

/** 三公 names whose 其中 parts are the whole of them (RULES 3.3: 小计 = 购置费 + 运行维护费). */
const WHOLE_BY_PARTS = /公务用车/;

function checkItemSums(context: RuleContext, entry: ReturnType<typeof budgetTables>[number]): void {
  const { model, detected } = entry;
  model.rows.forEach((row, index) => {
    if (row.role !== "line" || row.count || isHeading(context, entry, row)) return;
    const items = subItems(model.rows, index);
    if (items.length === 0) return;
    const name = rowName(row.label, undefined, undefined);
    const partial = items.every((i) => i.partial);
    const whole = !partial || (model.kind === "three-public-expenses" && WHOLE_BY_PARTS.test(row.label) && items.every((i) => WHOLE_BY_PARTS.test(i.label)));
    for (const column of model.amountColumns) {
      const col = columnName(column);
      if (whole) {
        checkSum(context, {
          rule: itemSum,
          table: detected,
          total: valueCell(row, column),
          parts: items.map((i) => valueCell(i, column)),
          what: { zh: `${name.zh}${col.zh}`, en: `${name.en} ${col.en}` },
          partsName: { zh: partial ? "其中各项之和" : "其下各项之和", en: partial ? "the sum of its 其中 parts" : "the sum of its sub-items" },
          ...(model.reading === "inferred" ? { uncertain: INFERRED } : {}),
        });
      } else checkPartsWithin(context, entry, row, items, column);
    }
  });
}

/** 其中 parts need not cover the whole line, but never exceed it (amounts that are all ≥ 0). */
function checkPartsWithin(context: RuleContext, entry: ReturnType<typeof budgetTables>[number], row: BudgetRow, items: readonly BudgetRow[], column: AmountColumn): void {
  const whole = readValue(context, entry.detected, valueCell(row, column));
  if (!whole.ok || whole.empty || whole.value.isNegative()) return;
  let sum = new Decimal(0);
  for (const item of items) {
    const value = readValue(context, entry.detected, valueCell(item, column));
    if (!value.ok || value.value.isNegative()) return;
    sum = sum.plus(value.value);
  }
  if (sum.minus(whole.value).lte(context.settings.silentTolerance)) return;
  const cell = valueCell(row, column);
  context.report(partialExceeds, {
    sheet: entry.model.sheet,
    cell: cell.address,
    tableId: entry.detected.id,
    message: {
      zh: `“${row.label}”行“${columnLabel(column)}”为 ${formatAmount(whole.value)}，其中各项之和却为 ${formatAmount(sum)}（多 ${formatAmount(sum.minus(whole.value))}）`,
      en: `row "${row.label}" "${columnLabel(column)}" is ${formatAmount(whole.value)} but its 其中 parts add up to ${formatAmount(sum)} (${formatAmount(sum.minus(whole.value))} more)`,
    },
    expected: `≥ ${sum.toFixed(2)}`,
    actual: whole.value.toFixed(2),
  });
}

/** A row read one column to the left leaves the cell its last figure belongs in empty: report that cell. */
function checkShiftedRows(context: RuleContext, entry: ReturnType<typeof budgetTables>[number]): void {
  const { model, detected } = entry;
  for (const row of model.rows) {
    if (row.valueOffset === 0) continue;
    for (const column of model.amountColumns) {
      const laidOut = readValue(context, detected, { row: row.row, col: column.col, address: "" });
      const meant = readValue(context, detected, valueCell(row, column));
      if (!laidOut.ok || !laidOut.empty || !meant.ok || meant.empty) continue;
      const target = valueCell({ ...row, valueOffset: 0 }, column);
      const source = valueCell(row, column);
      context.report(shiftedRow, {
        sheet: model.sheet,
        cell: target.address,
        tableId: detected.id,
        message: {
          zh: `${row.label}行“${columnLabel(column)}”为空；该行数值整体左移了一列，本列的 ${formatAmount(meant.value)} 写在了 ${source.address}`,
          en: `${row.label} row "${columnLabel(column)}" is empty: the row's figures sit one column to the left, and this column's ${formatAmount(meant.value)} is in ${source.address}`,
        },
        expected: meant.value.toFixed(2),
      });
    }
  }
}

function checkCodeLayout(context: RuleContext, entry: ReturnType<typeof budgetTables>[number]): void {
  const { model, detected } = entry;
  for (const row of model.rows) {
    if (!row.codeIssue || !row.codeCell) continue;
    const shown = row.codeIssue === "kuan-in-lei-column" ? row.code!.slice(3, 5) : row.code!;
    context.report(codeLayout, {
      sheet: model.sheet,
      cell: row.codeCell.address,
      tableId: detected.id,
      message:
        row.codeIssue === "kuan-in-lei-column"
          ? {
              zh: `款编码 ${shown}（${row.label}）填在“类”列；按编码长度应为 ${row.code} 的款，属于类 ${row.code!.slice(0, 3)}`,
              en: `the 款 code ${shown} (${row.label}) is in the 类 column; by its length it is 款 ${row.code} under 类 ${row.code!.slice(0, 3)}`,
            }
          : {
              zh: `科目编码 ${row.code}（${row.label}）与其上级编码不符`,
              en: `the code ${row.code} (${row.label}) does not start with the code of the row it sits under`,
            },
    });
  }
}

export const totalsFamily: RuleFamily = {
  name: "totals",
  rules: [hierarchySum, totalRow, codeLayout, shiftedRow, itemSum, partialExceeds, subtotalRow, economicGroup],
  check(context) {
    for (const entry of budgetTables(context)) {
      if (entry.model.layout === "overview") continue;
      if (entry.model.layout === "classified") {
        checkCodeLayout(context, entry);
        checkHierarchy(context, entry);
        checkEconomicGroups(context, entry);
      }
      checkShiftedRows(context, entry);
      checkTotalRows(context, entry);
      if (entry.model.layout === "listing") {
        checkItemSums(context, entry);
        checkSubtotals(context, entry);
      }
    }
  },
};
