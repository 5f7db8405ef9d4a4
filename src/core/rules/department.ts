// Rule family "department": the arithmetic of a 部门（单位）整体支出绩效目标申报表 (RULES 3.5,
// department) and its plausibility checks P7 (在职人员 vs 编制 under a ≤100% 在职人员控制率 target)
// and P15 (contact and phone).
import Decimal from "decimal.js";
import type { DetectedTable } from "../detect/types";
import { cellTextAt, positionOf, type CellPosition } from "../forms/cells";
import type { DepartmentTargetForm, LabelledCell } from "../forms/department-target";
import { departmentTargetForm } from "./form-cache";
import { valueCellRightOf } from "../forms/labels";
import { parseIndicatorValue } from "../indicators/value-grammar";
import type { Bilingual } from "../report/i18n";
import { foldText } from "../workbook/text";
import type { SheetView } from "../workbook/sheet-view";
import { formatAmount, plainAmount } from "./format";
import { boundingRange, labelText, readFormAmount, valueOrZero, type FormAmount } from "./project-funds";
import { ruleMetaOf, type RuleContext, type RuleFamily, type RuleMeta } from "./rule";
import { compareTotal } from "./tolerance";
import { budgetTableOf, readValue } from "./totals-support";
import { group } from "./cross-table";
import { namedPackFor } from "./packs-in-use";
import { looksCutOff } from "../indicators/word-ends";
import { valueCell } from "../forms/budget-table";

const rule = ruleMetaOf("department");

export const departmentRules = {
  totalBySource: rule("total-by-source", "composition-mismatch", "error", "年度预算资金总额应等于财政拨款 + 其他资金", "The 年度预算 资金总额 must equal 财政拨款 + 其他资金"),
  typeVsSource: rule("type-vs-source", "composition-mismatch", "error", "基本支出 + 项目支出应等于财政拨款 + 其他资金", "基本支出 + 项目支出 must equal 财政拨款 + 其他资金"),
  projectByNature: rule("project-by-nature", "composition-mismatch", "error", "运转类支出 + 特定目标类支出应等于项目支出", "运转类 + 特定目标类 must equal 项目支出"),
  specialFunds: rule("special-funds", "composition-mismatch", "error", "区（县）本级安排 + 上级转移支付应等于区（县）级财政专项资金", "本级安排 + 上级转移支付 must equal the county special funds"),
  taskTotal: rule("task-total", "sum-mismatch", "error", "年度主要任务合计应等于各行之和", "The 年度主要任务 合计 must equal the sum of its rows"),
  taskComposition: rule("task-composition", "composition-mismatch", "error", "年度主要任务每行预算资金应等于财政拨款 + 其他资金", "Each task's 预算资金 must equal 财政拨款 + 其他资金"),
  taskWithinProject: rule("task-within-project", "composition-mismatch", "warning", "年度主要任务合计不应超过项目支出", "The tasks' total should not exceed 项目支出"),
  staffOverEstablishment: rule("staff-over-establishment", "indicator-value-implausible", "warning", "在职人员控制率目标 ≤100% 时，在职人员总数不应超过编制数", "Staff in post should not exceed the establishment when the control-rate target is ≤100%"),
  contact: rule("contact", "missing-value", "warning", "部门名称、联系人、联系电话应填写，电话格式应正确", "Department name, contact and a well-formed phone number are required"),
  truncatedTask: rule("truncated-task", "truncated-text", "warning", "年度主要任务的文字不应被截断", "The texts of the 年度主要任务 must not be cut off"),
  againstBudgetTables: rule(
    "against-budget-tables",
    "cross-table-mismatch",
    "warning",
    "部门整体表的基本支出、项目支出与同一工作簿中支出总体情况表的合计行一致",
    "The department form's 基本支出 and 项目支出 equal the 合计 row of the workbook's expenditure summary",
  ),
} as const;

/**
 * What 区（县）本级安排 + 上级转移支付 add up to (RULES open question 2): 项目支出 in some districts, the
 * whole 财政拨款 in others. A pack may fix one; otherwise the reading the forms satisfy is taken.
 */
export type SpecialFundsTotal = "project-expenditure" | "fiscal-appropriation";

export interface DepartmentSettings {
  /** Unset: both readings are tried (see readingsOf). */
  readonly specialFundsTotal?: SpecialFundsTotal;
}

export const DEFAULT_DEPARTMENT_SETTINGS: DepartmentSettings = {};

/** An amount read only to weigh readings: what cannot be read is reported when the reading in force is checked. */
function readFormAmountQuietly(context: RuleContext, table: DetectedTable, at: CellPosition): FormAmount {
  const reading = context.amount(table, at.row, at.col);
  return reading.kind === "number" ? { kind: "number", value: reading.value } : reading.kind === "empty" ? { kind: "empty" } : { kind: "unreadable" };
}

const READINGS: readonly SpecialFundsTotal[] = ["project-expenditure", "fiscal-appropriation"];
const READING_NAMES: Record<SpecialFundsTotal, Bilingual> = {
  "project-expenditure": { zh: "项目支出", en: "项目支出 (project expenditure)" },
  "fiscal-appropriation": { zh: "财政拨款", en: "财政拨款 (fiscal appropriation)" },
};

/**
 * The reading a workbook's department forms use: a district fills its forms from one template, so a
 * form where only one reading holds shows the district's. When two or more other forms tell and agree,
 * that reading is the workbook's; otherwise a form is held to whichever reading it meets.
 */
function documentReading(readings: readonly ReadonlySet<SpecialFundsTotal>[]): SpecialFundsTotal | undefined {
  const telling = readings.filter((held) => held.size === 1).map((held) => [...held][0]!);
  // One sibling against one form is a disagreement, not a district's habit: at least two must tell.
  if (telling.length < 2) return undefined;
  return telling.every((reading) => reading === telling[0]) ? telling[0] : undefined;
}

const ZERO = new Decimal(0);

/** Fixed-line numbers with an optional area code, or a mobile number (P15). */
const PHONE = /^(0\d{2,3}-?)?\d{7,8}$|^1[3-9]\d{9}$/;

interface Amount {
  readonly name: string;
  readonly at: CellPosition;
  readonly value: Decimal;
}

class DepartmentCheck {
  private readonly view: SheetView;
  private readonly form: DepartmentTargetForm;

  constructor(
    private readonly context: RuleContext,
    private readonly table: DetectedTable,
    private readonly settings: DepartmentSettings,
  ) {
    this.view = context.view(table.sheetIndex);
    this.form = departmentTargetForm(context, table);
  }

  private report(
    rule: RuleMeta,
    at: CellPosition,
    message: Bilingual,
    extra: { expected?: Decimal; actual?: Decimal; range?: string; severity?: "error" | "warning" | "info"; relation?: { total: CellPosition; parts: readonly CellPosition[]; difference: Decimal } } = {},
  ) {
    const where = (cell: CellPosition) => `${this.table.sheet}!${cell.address}`;
    this.context.report(rule, {
      sheet: this.table.sheet,
      cell: at.address,
      tableId: this.table.id,
      message,
      ...(extra.range ? { range: extra.range } : {}),
      ...(extra.expected !== undefined ? { expected: plainAmount(extra.expected) } : {}),
      ...(extra.actual !== undefined ? { actual: plainAmount(extra.actual) } : {}),
      ...(extra.severity ? { severity: extra.severity } : {}),
      // Which correction mends the relation, so that one wrong cell is reported once (report/slips).
      ...(extra.relation ? { relation: { total: where(extra.relation.total), parts: extra.relation.parts.map(where), difference: extra.relation.difference } } : {}),
    });
  }

  private amount(rule: RuleMeta, line: LabelledCell | undefined): Amount | undefined | null {
    if (!line) return undefined;
    const value = valueOrZero(readFormAmount(this.context, rule, this.table, line.value));
    if (value === undefined) return null;
    return { name: labelText(this.view, line.label), at: line.value, value };
  }

  /** The readings of 区（县）级财政专项资金 this form satisfies (undefined: the relation cannot be read here). */
  readingsHeld(): ReadonlySet<SpecialFundsTotal> | undefined {
    const b = this.form.budget;
    if (!b.localArrangement && !b.upperTransfer) return undefined;
    const parts = [b.localArrangement, b.upperTransfer].map((line) => (line ? valueOrZero(readFormAmountQuietly(this.context, this.table, line.value)) : new Decimal(0)));
    if (parts.some((part) => part === undefined)) return undefined;
    const sumOfParts = (parts as Decimal[]).reduce((total, part) => total.plus(part), ZERO);
    const held = new Set<SpecialFundsTotal>();
    for (const reading of READINGS) {
      const line = reading === "project-expenditure" ? b.project : b.fiscal;
      if (!line) continue;
      const total = valueOrZero(readFormAmountQuietly(this.context, this.table, line.value));
      if (total !== undefined && compareTotal(total, sumOfParts, 2, this.context.settings).ok) held.add(reading);
    }
    return held;
  }

  run(reading?: SpecialFundsTotal, tried?: readonly SpecialFundsTotal[]): void {
    this.checkTotalBySource();
    const typeVsSourceHolds = this.checkTypeVsSource();
    this.checkProjectParts(typeVsSourceHolds, reading, tried);
    this.checkTasks();
    this.checkStaff();
    this.checkContact();
    this.checkTaskTexts();
  }

  /** 年度主要任务 texts (职能, 政策或重点任务, 项目) cut mid-word or on a comma (RULES 1.7, 2.2). */
  private checkTaskTexts(): void {
    const tasks = this.form.tasks;
    if (!tasks) return;
    const amountColumns = [tasks.columns.budget, tasks.columns.fiscal, tasks.columns.other].filter((c): c is number => c !== undefined);
    const firstAmount = Math.min(...amountColumns);
    for (const row of tasks.rows) {
      for (let col = this.table.range.left + 1; col < firstAmount; col++) {
        const task = cellTextAt(this.view, row, col);
        if (!task || task.row !== row || task.col !== col || task.isNumber) continue;
        const folded = foldText(task.text);
        if (folded.length < 6 || !looksCutOff(folded)) continue;
        this.report(departmentRules.truncatedTask, task, {
          zh: `年度主要任务“${task.text}”在词语中间结束，疑似被截断`,
          en: `the task text "${task.text}" stops mid-word: it looks cut off`,
        });
      }
    }
  }

  /** A 年度预算 block that states its 资金总额: 资金总额 = 财政拨款 + 其他资金. */
  private checkTotalBySource(): void {
    const b = this.form.budget;
    if (!b.fiscal) return;
    const total = this.amount(departmentRules.totalBySource, b.total);
    if (total) this.checkParts(departmentRules.totalBySource, [b.fiscal, b.other], total, false);
  }

  /** 基本 + 项目 = 财政拨款 + 其他资金. Returns true when it holds (项目支出 is then corroborated). */
  private checkTypeVsSource(): boolean {
    const R = departmentRules.typeVsSource;
    const b = this.form.budget;
    const byType = [this.amount(R, b.basic), this.amount(R, b.project)];
    const bySource = [this.amount(R, b.fiscal), this.amount(R, b.other)];
    if ([...byType, ...bySource].some((a) => a === null) || !byType[0] || !byType[1] || !bySource[0]) return false;
    const typeParts = byType as Amount[];
    const sourceParts = bySource.filter((a): a is Amount => a !== undefined && a !== null);
    const typeSum = sum(typeParts);
    const sourceSum = sum(sourceParts);
    const verdict = compareTotal(sourceSum, typeSum, typeParts.length + sourceParts.length, this.context.settings);
    if (verdict.ok) return true;
    // A part equal to the gap is the likely slip (an 其他资金 left in after the totals were set).
    const gap = verdict.difference.abs();
    const culprit = [...sourceParts, ...typeParts].find((p) => !p.value.isZero() && p.value.minus(gap).abs().lte(this.context.settings.silentTolerance));
    // A 资金总额 equal to the sources vouches for them: the slip is on the side of the types (reported at
    // its first cell, the range covering both sides).
    const total = b.total ? this.amount(R, b.total) : undefined;
    const sourcesVouched = total != null && compareTotal(total.value, sourceSum, sourceParts.length, this.context.settings).ok;
    const at = culprit?.at ?? (sourcesVouched ? typeParts[0].at : sourceParts[0].at);
    this.report(
      R,
      at,
      {
        zh: `按来源类型 ${show(sourceParts)} = ${formatAmount(sourceSum)}，与按支出类型 ${show(typeParts)} = ${formatAmount(typeSum)} 不一致，相差 ${formatAmount(verdict.difference)}`,
        en: `by source ${showEn(sourceParts)} = ${formatAmount(sourceSum)}, but by type (basic + project) ${showEn(typeParts)} = ${formatAmount(typeSum)}; difference ${formatAmount(verdict.difference)}`,
      },
      { expected: typeSum, actual: sourceSum, range: boundingRange([...typeParts, ...sourceParts].map((p) => p.at)), severity: verdict.severity },
    );
    return false;
  }

  /**
   * 运转类 + 特定目标类 = 项目支出, and 本级安排 + 上级转移支付 = the total of the reading in force: the
   * pack's, the workbook's, or (none held) the first tried, the message naming every reading tried.
   */
  private checkProjectParts(projectCorroborated: boolean, reading?: SpecialFundsTotal, tried?: readonly SpecialFundsTotal[]): void {
    const b = this.form.budget;
    const project = this.amount(departmentRules.projectByNature, b.project);
    if (project) this.checkParts(departmentRules.projectByNature, [b.operating, b.specificPurpose], project, projectCorroborated);
    const inForce = this.settings.specialFundsTotal ?? reading;
    if (inForce === undefined) return; // some reading holds, and nothing says which the district uses
    const reference = inForce === "project-expenditure" ? project : this.amount(departmentRules.specialFunds, b.fiscal);
    const note =
      this.settings.specialFundsTotal !== undefined
        ? undefined
        : tried && tried.length > 1
          ? { zh: `（按${tried.map((r) => READING_NAMES[r].zh).join("、")}两种口径均不成立）`, en: ` (neither reading holds: ${tried.map((r) => READING_NAMES[r].en).join(", ")})` }
          : { zh: `（本工作簿其他部门表按${READING_NAMES[inForce].zh}口径填列）`, en: ` (the workbook's other department forms read it as ${READING_NAMES[inForce].en})` };
    if (reference) this.checkParts(departmentRules.specialFunds, [b.localArrangement, b.upperTransfer], reference, projectCorroborated || inForce === "fiscal-appropriation", note);
  }

  private checkParts(rule: RuleMeta, lines: (LabelledCell | undefined)[], total: Amount, totalCorroborated: boolean, note?: Bilingual): void {
    const read = lines.map((l) => this.amount(rule, l));
    if (read.some((a) => a === null) || read.every((a) => a === undefined)) return;
    const parts = read.filter((a): a is Amount => a !== undefined && a !== null);
    const computed = sum(parts);
    const verdict = compareTotal(total.value, computed, parts.length, this.context.settings);
    if (verdict.ok) return;
    // When 项目支出 agrees with the rest of the form, the parts carry the slip: point at the largest.
    const largest = parts.reduce((m, p) => (p.value.abs().gt(m.value.abs()) ? p : m), parts[0]);
    const at = totalCorroborated ? largest.at : total.at;
    this.report(
      rule,
      at,
      {
        zh: `${show(parts)} = ${formatAmount(computed)}，应等于${total.name} ${formatAmount(total.value)}，相差 ${formatAmount(computed.minus(total.value))}${note?.zh ?? ""}`,
        en: `${showEn(parts)} = ${formatAmount(computed)} should equal ${total.name} ${formatAmount(total.value)}; difference ${formatAmount(computed.minus(total.value))}${note?.en ?? ""}`,
      },
      { expected: total.value, actual: computed, range: boundingRange([total.at, ...parts.map((p) => p.at)]), severity: verdict.severity },
    );
  }

  /** 年度主要任务: 合计 = Σ rows per column, 预算资金 = 财政拨款 + 其他资金 per row, 合计 ≤ 项目支出. */
  private checkTasks(): void {
    const tasks = this.form.tasks;
    if (!tasks) return;
    const R = departmentRules;
    const columns = (["budget", "fiscal", "other"] as const).filter((k) => tasks.columns[k] !== undefined);
    const read = (rule: RuleMeta, row: number, col: number) => valueOrZero(readFormAmount(this.context, rule, this.table, positionOf(row, col)));
    // A 合计 row built from rows that do not compose cannot compose either: report the rows only.
    let rowFailed = false;
    for (const row of [...tasks.rows, ...(tasks.totalRow !== undefined ? [tasks.totalRow] : [])]) {
      if (tasks.columns.budget === undefined || tasks.columns.fiscal === undefined) break;
      if (row === tasks.totalRow && rowFailed) break;
      const budgetAt = positionOf(row, tasks.columns.budget);
      const budget = read(R.taskComposition, row, tasks.columns.budget);
      const fiscal = read(R.taskComposition, row, tasks.columns.fiscal);
      const other = tasks.columns.other !== undefined ? read(R.taskComposition, row, tasks.columns.other) : ZERO;
      if (budget === undefined || fiscal === undefined || other === undefined) continue;
      const computed = fiscal.plus(other);
      const verdict = compareTotal(budget, computed, 2, this.context.settings);
      if (verdict.ok) continue;
      rowFailed = true;
      this.report(
        R.taskComposition,
        budgetAt,
        {
          zh: `预算资金应为 ${formatAmount(computed)}（财政拨款 ${formatAmount(fiscal)} + 其他资金 ${formatAmount(other)}），实为 ${formatAmount(budget)}`,
          en: `预算资金 should be ${formatAmount(computed)} (fiscal ${formatAmount(fiscal)} + other ${formatAmount(other)}), but shows ${formatAmount(budget)}`,
        },
        {
          expected: computed,
          actual: budget,
          severity: verdict.severity,
          relation: { total: budgetAt, parts: [positionOf(row, tasks.columns.fiscal), ...(tasks.columns.other !== undefined ? [positionOf(row, tasks.columns.other)] : [])], difference: verdict.difference },
        },
      );
    }
    if (tasks.totalRow === undefined) return;
    const totalRow = tasks.totalRow;
    for (const key of columns) {
      const col = tasks.columns[key] as number;
      const totalAt = positionOf(totalRow, col);
      const shown = readFormAmount(this.context, R.taskTotal, this.table, totalAt);
      if (shown.kind !== "number") continue;
      const values = tasks.rows.map((r) => read(R.taskTotal, r, col));
      if (values.some((v) => v === undefined)) continue;
      const computed = (values as Decimal[]).reduce((s, v) => s.plus(v), ZERO);
      const verdict = compareTotal(shown.value, computed, values.length, this.context.settings);
      if (verdict.ok) continue;
      const column = labelText(this.view, positionOf(tasks.headerBottom, col)) || labelText(this.view, positionOf(tasks.headerTop, col));
      this.report(
        R.taskTotal,
        totalAt,
        {
          zh: `${column}合计应为 ${formatAmount(computed)}（${values.length} 项任务之和），实为 ${formatAmount(shown.value)}，相差 ${formatAmount(verdict.difference)}`,
          en: `the ${column} total should be ${formatAmount(computed)} (sum of ${values.length} tasks), but shows ${formatAmount(shown.value)}; difference ${formatAmount(verdict.difference)}`,
        },
        { expected: computed, actual: shown.value, severity: verdict.severity, relation: { total: totalAt, parts: tasks.rows.map((r) => positionOf(r, col)), difference: verdict.difference } },
      );
    }
    const project = this.amount(R.taskWithinProject, this.form.budget.project);
    if (!project || tasks.columns.budget === undefined) return;
    const totalAt = positionOf(totalRow, tasks.columns.budget);
    const total = readFormAmount(this.context, R.taskWithinProject, this.table, totalAt);
    if (total.kind === "number" && total.value.minus(project.value).gt(this.context.settings.silentTolerance)) {
      this.report(
        R.taskWithinProject,
        totalAt,
        {
          zh: `年度主要任务预算资金合计 ${formatAmount(total.value)} 超过${project.name} ${formatAmount(project.value)}`,
          en: `the tasks' total ${formatAmount(total.value)} exceeds 项目支出 ${formatAmount(project.value)}`,
        },
        { expected: project.value, actual: total.value },
      );
    }
  }

  /** P7: 在职人员总数 > 编制数 while the form targets 在职人员控制率 ≤100%. */
  private checkStaff(): void {
    const { establishment, staffInPost, indicators } = this.form;
    if (!establishment?.currentYear || !staffInPost?.currentYear || !indicators) return;
    const controlRow = indicators.rows.find((r) => /在职人员控制率/.test(foldText(r.level3?.text ?? "")));
    if (!controlRow?.target) return;
    const target = parseIndicatorValue(controlRow.target.text);
    if (target.unitFamily !== "percent" || target.value === undefined || !target.value.lte(100) || (target.operator !== "≤" && target.operator !== "<" && target.operator !== "=")) return;
    const allowed = readFormAmount(this.context, departmentRules.staffOverEstablishment, this.table, establishment.currentYear);
    const inPost = readFormAmount(this.context, departmentRules.staffOverEstablishment, this.table, staffInPost.currentYear);
    if (allowed.kind !== "number" || inPost.kind !== "number" || allowed.value.isZero()) return;
    const rate = inPost.value.div(allowed.value).times(100);
    if (rate.lte(target.value)) return;
    this.report(
      departmentRules.staffOverEstablishment,
      staffInPost.currentYear,
      {
        zh: `当年在职人员总数 ${inPost.value.toString()} 超过人员编制数 ${allowed.value.toString()}（在职人员控制率 ${rate.toFixed(1)}%），与本表目标“在职人员控制率 ${controlRow.target.text}”不符`,
        en: `staff in post ${inPost.value.toString()} exceed the establishment ${allowed.value.toString()} (control rate ${rate.toFixed(1)}%), against the form's own target ${controlRow.target.text}`,
      },
      { expected: allowed.value, actual: inPost.value, range: boundingRange([establishment.currentYear, staffInPost.currentYear]) },
    );
  }

  /** P15: 部门名称, 联系人 and a well-formed 联系电话. */
  private checkContact(): void {
    const R = departmentRules.contact;
    const f = this.form;
    const missing = (label: CellPosition | undefined, what: string, whatEn: string) => {
      if (!label) return;
      // The finding lands where the value is to be typed: just right of the label (past its merge).
      const at = valueCellRightOf(this.view, label);
      this.report(R, positionOf(at.row, at.col), { zh: `${what}未填写`, en: `${whatEn} is not filled in` });
    };
    if (!f.name) missing(f.nameLabel, "部门名称", "the department name");
    if (!f.contact) missing(f.contactLabel, "联系人", "the contact person");
    if (!f.phone) {
      missing(f.phoneLabel, "联系电话", "the phone number");
      return;
    }
    // Several numbers may be listed; each must be a phone number.
    const numbers = f.phone.text
      .normalize("NFKC")
      .split(/[;；,，、/\s]+/)
      .map((n) => n.replace(/[()（）]/g, "").replace(/—|–/g, "-"))
      .filter((n) => n !== "");
    const bad = numbers.filter((n) => !PHONE.test(n));
    if (bad.length === 0) return;
    this.report(R, positionOf(f.phone.row, f.phone.col), {
      zh: `联系电话“${f.phone.text}”格式不正确（应为 7–8 位号码，可带区号，如 0531-86568760，或 11 位手机号）`,
      en: `the phone number "${f.phone.text}" is not well-formed (7–8 digits with an optional area code, e.g. 0531-86568760, or an 11-digit mobile)`,
    });
  }
}

function sum(parts: readonly Amount[]): Decimal {
  return parts.reduce((s, p) => s.plus(p.value), ZERO);
}

const show = (parts: readonly Amount[]) => parts.map((p) => `${p.name} ${formatAmount(p.value)}`).join(" + ");
const showEn = (parts: readonly Amount[]) => parts.map((p) => formatAmount(p.value)).join(" + ");

/**
 * P12: with one department form and the department's budget tables in one workbook, the form's
 * 基本支出 and 项目支出 are the 合计 row of the 支出总体情况表. Several department forms in one file are
 * a district's collection, not one department's budget: nothing to compare then.
 */
function checkAgainstBudgetTables(context: RuleContext): void {
  const forms = context.tables.filter((table) => table.kind === "department-performance-target");
  const summary = budgetTableOf(context, "expenditure-summary");
  if (forms.length !== 1 || !summary) return;
  const table = forms[0]!;
  const form = departmentTargetForm(context, table);
  const totalRow = summary.model.rows.find((row) => row.role === "total");
  if (!totalRow) return;
  const R = departmentRules.againstBudgetTables;
  for (const [key, header] of [["basic", "基本支出"], ["project", "项目支出"]] as const) {
    const line = form.budget[key];
    const column = summary.model.amountColumns.find((c) => group(new RegExp(`^${header}$`))(c.path));
    if (!line || !column) continue;
    const own = context.amount(table, line.value.row, line.value.col);
    const at = valueCell(totalRow, column);
    const listed = readValue(context, summary.detected, at);
    if (own.kind !== "number" || !listed.ok) continue;
    const verdict = compareTotal(own.value, listed.value, 1, context.settings, R.severity);
    if (verdict.ok) continue;
    context.report(R, {
      sheet: table.sheet,
      cell: line.value.address,
      tableId: table.id,
      message: {
        zh: `部门整体表的${header}为 ${formatAmount(own.value)}，而${summary.model.title}（${summary.model.sheet}!${at.address}）为 ${formatAmount(listed.value)}（差 ${formatAmount(verdict.difference.abs())}）`,
        en: `the department form's ${header} is ${formatAmount(own.value)} but ${summary.model.title} (${summary.model.sheet}!${at.address}) says ${formatAmount(listed.value)} (difference ${formatAmount(verdict.difference.abs())})`,
      },
      expected: plainAmount(listed.value),
      actual: plainAmount(own.value),
    });
  }
}

/**
 * Without settings, each form is read as its pack says: the user's (check --rules), the bureau
 * template's, else the default reading (项目支出).
 */
export function departmentFamily(settings?: DepartmentSettings): RuleFamily {
  return {
    name: "department",
    rules: Object.values(departmentRules),
    check(context: RuleContext) {
      const checks: DepartmentCheck[] = [];
      for (const table of context.tables) {
        if (table.kind !== "department-performance-target") continue;
        const fromPack = namedPackFor(context, table.sheet, "department")?.department;
        const formSettings = settings ?? (fromPack?.specialFundsTotal ? { specialFundsTotal: fromPack.specialFundsTotal } : DEFAULT_DEPARTMENT_SETTINGS);
        checks.push(new DepartmentCheck(context, table, formSettings));
      }
      const held = checks.map((check) => check.readingsHeld());
      checks.forEach((check, index) => {
        // Each form against the reading its siblings show (its own form cannot vouch for itself).
        const workbookReading = documentReading(held.filter((h, other): h is ReadonlySet<SpecialFundsTotal> => h !== undefined && other !== index));
        const own = held[index];
        if (own === undefined) return check.run(workbookReading ?? READINGS[0]);
        if (workbookReading !== undefined) return check.run(workbookReading);
        // No reading the workbook shows: a form meeting either is consistent; one meeting neither is reported.
        if (own.size > 0) return check.run(undefined);
        check.run(READINGS[0], READINGS);
      });
      checkAgainstBudgetTables(context);
    },
  };
}
