// Runs the indicator rules (src/core/indicators) on every form's indicator block: project targets,
// department targets and self-evaluations. This module only translates parsed forms into the
// indicator layer's input: the pack for each form, its funds, and the 三级 names of its neighbours.
import Decimal from "decimal.js";
import type { DetectedTable } from "../detect/types";
import type { CellText } from "../forms/cells";
import { isBudgetExecutionRow, type IndicatorBlock, type IndicatorRow } from "../forms/indicator-block";
import type { UnitSheet } from "../forms/project-target";
import { valueCell } from "../forms/budget-table";
import { checkIndicatorBlocks, INDICATOR_RULES, type IndicatorBlockInput } from "../indicators/check";
import type { IndicatorFormKind, IndicatorRowInput, IndicatorValueCell } from "../indicators/types";
import { choosePack, departmentReading, departmentSelfEvaluationReading, DEPT_OVERALL_JINAN, namesDepartmentFramework, SELF_EVAL, selfEvaluationReading, type RulePack } from "../packs";
import { cellAddress } from "../workbook/address";
import type { SheetView } from "../workbook/sheet-view";
import { foldText } from "../workbook/text";
import { departmentTargetForm, projectTargetForm, selfEvaluationForm } from "./form-cache";
import { projectListingLines } from "./totals-support";
import { namedPackFor } from "./packs-in-use";
import { compareTotal } from "./tolerance";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";

const RULE_METAS: readonly RuleMeta[] = INDICATOR_RULES.map((rule) => ({
  id: rule.meta.id,
  category: rule.meta.category,
  severity: rule.meta.defaultSeverity,
  description: rule.meta.description,
}));
const META_BY_ID = new Map(RULE_METAS.map((meta) => [meta.id, meta]));

const FORM_KINDS: Partial<Record<DetectedTable["kind"], IndicatorFormKind>> = {
  "project-performance-target": "project",
  "department-performance-target": "department",
  "project-self-evaluation": "self-eval",
};

interface FormBlock {
  readonly table: DetectedTable;
  readonly kind: IndicatorFormKind;
  readonly block: IndicatorBlock;
  readonly funds?: { readonly value: Decimal; readonly cell: string };
  readonly fundsUncertain?: { readonly zh: string; readonly en: string };
}

/** True unless the form's funds lines are all read and their sum differs from the total (RULES 3.0 tolerance). */
function fundsAddUp(context: RuleContext, table: DetectedTable, form: ReturnType<typeof projectTargetForm>, total: Decimal): boolean {
  const lines = [form.funds.fiscal, form.funds.carryOver, form.funds.other].filter((line): line is NonNullable<typeof line> => line !== undefined);
  if (lines.length === 0) return true;
  let sum = new Decimal(0);
  for (const line of lines) {
    const reading = context.amount(table, line.value.row, line.value.col);
    if (reading.kind === "number") sum = sum.plus(reading.value);
    else if (reading.kind !== "empty") return true; // a part that cannot be read: the total stands as written
  }
  return compareTotal(total, sum, lines.length, context.settings).ok;
}

/** The text a clerk sees in a cell: a 0.95 formatted as a percentage reads "95%". */
function displayedText(view: SheetView, row: number, col: number): string {
  const master = view.masterOf(row, col);
  const cell = view.raw(master.row, master.col);
  if (cell.type === "number" && cell.numberFormat?.includes("%")) return `${Number(((cell.value as number) * 100).toPrecision(12))}%`;
  return cell.type === "empty" ? "" : String(cell.value).trim();
}

/**
 * The named cells of a block's rows: a 一级/二级 merged down many rows is one cell, passed as one object
 * (the rows below it repeat the one above, so remembering the last of each is enough).
 */
interface NamedCells {
  level1?: { from: CellText; input: { text: string; cell: string } };
  level2?: { from: CellText; input: { text: string; cell: string } };
}

function toInput(view: SheetView, block: IndicatorBlock, row: IndicatorRow, shared: NamedCells = {}): IndicatorRowInput {
  const named = (text: IndicatorRow["level1"], level: "level1" | "level2") => {
    if (!text) return null;
    const last = shared[level];
    if (last && last.from === text) return last.input;
    const input = { text: text.text, cell: text.address };
    shared[level] = { from: text, input };
    return input;
  };
  // An empty 三级 or 指标值 cell is passed as empty text at its own cell, so that a missing value lands there.
  const orEmpty = (text: IndicatorRow["level3"], col: number | undefined) => {
    if (text) return { text: text.text, cell: text.address };
    if (col === undefined) return null;
    const master = view.masterOf(row.row, col);
    return { text: "", cell: cellAddress(master.row, master.col) };
  };
  const targetCol = block.columns.target;
  const value: IndicatorValueCell | null =
    row.target && targetCol !== undefined
      ? { text: displayedText(view, row.target.row, row.target.col), cell: row.target.address, isNumberCell: row.target.isNumber }
      : orEmpty(row.target, targetCol);
  return {
    row: row.row,
    level1: named(row.level1, "level1"),
    level2: named(row.level2, "level2"),
    level3: orEmpty(row.level3, block.columns.level3),
    value,
    ...(block.columns.nature !== undefined ? { nature: row.nature ? { text: row.nature.text, cell: row.nature.address } : null } : {}),
    ...(block.columns.unit !== undefined ? { unit: orEmpty(row.unit ?? null, block.columns.unit) } : {}),
  };
}

const UNCALCULATED_TARGET: RuleMeta = {
  id: "indicators/uncalculated-target",
  category: "indicator-value-format",
  severity: "info",
  description: { zh: "指标值公式没有计算结果", en: "A target formula has no calculated result" },
};

function uncalculatedTarget(view: SheetView, block: IndicatorBlock, row: IndicatorRow): boolean {
  if (block.columns.target === undefined || row.target) return false;
  const master = view.masterOf(row.row, block.columns.target);
  const cell = view.raw(master.row, master.col);
  return cell.formula !== undefined && cell.uncalculated === true;
}

/** Amounts of the 项目支出预算情况表 by folded project name: funds for forms that state none (聊城). */
function listedProjectAmounts(context: RuleContext): Map<string, { value: Decimal; cell: string }> {
  const amounts = new Map<string, { value: Decimal; cell: string }>();
  for (const { entry, row, name } of projectListingLines(context)) {
    const totalColumn = entry.model.amountColumns.find((column) => column.path.some((p) => p === "合计"));
    if (!totalColumn) continue;
    const at = valueCell(row, totalColumn);
    const reading = context.amount(entry.detected, at.row, at.col);
    if (reading.kind === "number") amounts.set(name, { value: reading.value, cell: `${entry.detected.sheet}!${at.address}` });
  }
  return amounts;
}

/**
 * A sheet of all a unit's projects is one form per project: each project's rows, with its own amount
 * as the funds (元 turned into 万元 when the sheet says 单位：元).
 */
function unitSheetBlocks(context: RuleContext, table: DetectedTable, block: IndicatorBlock, sheet: UnitSheet): FormBlock[] {
  return sheet.projects.map((project) => {
    const rows = block.rows.filter((row) => row.row >= project.top && row.row <= project.bottom);
    let funds: FormBlock["funds"];
    if (project.budget) {
      const reading = context.amount(table, project.budget.row, project.budget.col);
      if (reading.kind === "number") funds = { value: sheet.amountsInYuan ? reading.value.div(10000) : reading.value, cell: project.budget.address };
    }
    return { table, kind: "project" as const, block: { ...block, rows }, ...(funds ? { funds } : {}) };
  });
}

function formBlocks(context: RuleContext): FormBlock[] {
  const listed = listedProjectAmounts(context);
  const blocks: FormBlock[] = [];
  for (const table of context.tables) {
    const kind = FORM_KINDS[table.kind];
    if (!kind) continue;
    if (kind === "project") {
      const form = projectTargetForm(context, table);
      if (!form.indicators) continue;
      if (form.unitSheet) {
        blocks.push(...unitSheetBlocks(context, table, form.indicators, form.unitSheet));
        continue;
      }
      let funds: FormBlock["funds"];
      let fundsUncertain: FormBlock["fundsUncertain"];
      const total = form.funds.total;
      if (total) {
        const reading = context.amount(table, total.value.row, total.value.col);
        // A 年度资金总额 that is not the sum of its own sources is itself in doubt: costs are not held to it.
        if (reading.kind === "number" && fundsAddUp(context, table, form, reading.value)) funds = { value: reading.value, cell: total.value.address };
        else if (reading.kind === "number")
          fundsUncertain = {
            zh: `年度资金总额（${total.value.address}）与其资金来源之和不符，成本指标未按它核对`,
            en: `the annual funds total (${total.value.address}) is not the sum of its sources, so the cost indicators were not checked against it`,
          };
      } else if (form.name) {
        funds = listed.get(foldText(form.name.text));
      }
      blocks.push({ table, kind, block: form.indicators, ...(funds ? { funds } : {}), ...(fundsUncertain ? { fundsUncertain } : {}) });
      continue;
    }
    // Department and self-evaluation parsers bound their indicator blocks (above 总分, 等级 …) themselves.
    if (kind === "department") {
      const form = departmentTargetForm(context, table);
      if (!form.indicators) continue;
      // The 年度预算 block's 资金总额 is the department's funds, which its cost indicators must fit.
      let funds: FormBlock["funds"];
      const total = form.budget.total;
      if (total) {
        const reading = context.amount(table, total.value.row, total.value.col);
        if (reading.kind === "number") funds = { value: reading.value, cell: total.value.address };
      }
      blocks.push({ table, kind, block: form.indicators, ...(funds ? { funds } : {}) });
      continue;
    }
    const block = selfEvaluationForm(context, table).indicators;
    // A 预算执行率 row at the head of the indicator table is the form's budget row (RULES 3.6: 分值 10,
    // scored from the execution rate), not an indicator of the framework.
    if (block) blocks.push({ table, kind, block: { ...block, rows: block.rows.filter((row) => !isBudgetExecutionRow(row)) } });
  }
  return blocks;
}


function packFor(context: RuleContext, form: FormBlock, rows: readonly IndicatorRowInput[], headers: string[]): RulePack {
  const named = namedPackFor(context, form.table.sheet, form.kind);
  const evidence = { indicatorPairs: rows.map((r) => ({ level1: r.level1?.text ?? null, level2: r.level2?.text ?? null })), headers };
  // A self-evaluation is known by its table kind, whatever its headers are called (分值 or 权重, 实际完成值 or 完成值).
  if (form.kind === "self-eval") {
    if (!named && namesDepartmentFramework(evidence)) return departmentSelfEvaluationReading(DEPT_OVERALL_JINAN);
    return selfEvaluationReading(named ?? SELF_EVAL, evidence);
  }
  if (named) return named;
  const chosen = choosePack(evidence).pack;
  // A 部门整体 form filled with the project categories is no project: cost is not required of it (RULES 1.3).
  return form.kind === "department" ? departmentReading(chosen) : chosen;
}

export const indicatorFamily: RuleFamily = {
  name: "indicators",
  rules: [...RULE_METAS, UNCALCULATED_TARGET],
  check(context) {
      const blocks = formBlocks(context);
      // A name cut at a fixed width shows only across many names: a workbook's forms come from one
      // document, so every block is measured against all the 三级 names of its kind in the workbook.
      const level3ByKind = new Map<IndicatorFormKind, string[]>();
      for (const form of blocks) {
        const names = level3ByKind.get(form.kind) ?? [];
        for (const row of form.block.rows) if (row.level3) names.push(row.level3.text);
        level3ByKind.set(form.kind, names);
      }
      const inputs: IndicatorBlockInput[] = [];
      for (const form of blocks) {
        const view = context.view(form.table.sheetIndex);
        // A target computed by a formula that was never calculated is unknown, not missing: such a row is
        // said to be not checked, and stays in the block (its category is there) with its target unknown.
        const uncalculated = form.block.rows.filter((row) => uncalculatedTarget(view, form.block, row));
        for (const row of uncalculated) {
          const at = view.masterOf(row.row, form.block.columns.target!);
          context.notChecked(UNCALCULATED_TARGET, {
            sheet: form.table.sheet,
            cell: cellAddress(at.row, at.col),
            tableId: form.table.id,
            reason: {
              zh: `指标值由公式计算，但文件中没有计算结果，无法核对（在 Excel 中打开并保存后可检查）`,
              en: `the target is a formula with no calculated result in the file, so it cannot be checked (open and save it in Excel to check it)`,
            },
          });
        }
        const shared: NamedCells = {};
        const rows = form.block.rows.map((row) => {
          const input = toInput(view, form.block, row, shared);
          return uncalculated.length > 0 && uncalculated.includes(row) ? { ...input, valueUncalculated: true } : input;
        });
        const headers = form.table.columns.flatMap((c) => c.path);
        for (let c = form.table.range.left; c <= form.table.range.right; c++) headers.push(view.text(form.block.headerRow, c));
        inputs.push({
          rows,
          context: {
            sheet: form.table.sheet,
            tableId: form.table.id,
            kind: form.kind,
            pack: packFor(context, form, rows, headers),
            ...(form.funds ? { funds: form.funds.value, fundsCell: form.funds.cell } : {}),
            ...(form.fundsUncertain ? { fundsUncertain: form.fundsUncertain } : {}),
            peerLevel3Texts: level3ByKind.get(form.kind) ?? [],
          },
        });
      }
      const result = checkIndicatorBlocks(inputs);
      for (const finding of result.findings) {
        const meta = META_BY_ID.get(finding.rule);
        if (meta) context.report(meta, finding);
      }
      for (const item of result.notChecked) {
        const meta = META_BY_ID.get(item.rule);
        if (meta) context.notChecked(meta, item);
      }
  },
};
