// The head of a 项目支出绩效目标表: required fields filled in (P15), and the 年度总体绩效目标 text
// whole and the form's own (RULES 1.7 truncated text, 3.5 a goal copied from another project).
import type { DetectedTable } from "../detect/types";
import type Decimal from "decimal.js";
import type { CellText } from "../forms/cells";
import { valueCell, type BudgetRow } from "../forms/budget-table";
import { foldName, matchByName } from "../forms/target-list";
import { type FundLine, type ProjectTargetForm } from "../forms/project-target";
import { cellAddress as columnAddress } from "../workbook/address";
import { foldText } from "../workbook/text";
import { projectTargetForm } from "./form-cache";
import { projectListingLines, type BudgetTableEntry } from "./totals-support";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";

export const missingField: RuleMeta = {
  id: "project-form/missing-field",
  category: "missing-value",
  severity: "warning",
  description: { zh: "项目名称、主管部门、实施单位、项目类别、资金和绩效目标须填写", en: "Project name, department, implementing unit, category, funds and goal must be filled in" },
};

export const truncatedGoal: RuleMeta = {
  id: "project-form/truncated-goal",
  category: "truncated-text",
  severity: "warning",
  description: { zh: "绩效目标文字疑似被截断", en: "The goal text looks cut off" },
};

export const copiedGoal: RuleMeta = {
  id: "project-form/copied-goal",
  category: "duplicate-entry",
  severity: "warning",
  description: { zh: "绩效目标与另一项目的完全相同", en: "The goal text is the same as another project's" },
};

export const categoryAgainstListing: RuleMeta = {
  id: "project-form/category-listing",
  category: "cross-table-mismatch",
  severity: "warning",
  description: { zh: "项目类别与项目支出预算表中的项目类型一致（运转类 / 特定目标类）", en: "The project category matches the 项目类型 of the project-expenditure listing (运转类 / 特定目标类)" },
};

export const nameAgainstListing: RuleMeta = {
  id: "project-form/name-listing",
  category: "cross-table-mismatch",
  severity: "warning",
  description: { zh: "绩效目标表的项目名称与项目支出预算表中同一项目的名称一致", en: "A target form's project name matches the name of the same project in the project-expenditure listing" },
};

/** A goal ends as a sentence does; a cut one stops mid-phrase or on a comma. */
const SENTENCE_END = /[。．.！!？?；;）)”"》%％]$/;
const DANGLING_END = /[，,、：:（(“]$/;
/** How close to the longest goal of the workbook a text must be to count as cut at the same width. */
const WIDTH_SLACK = 6;
/** The width cut only shows when many forms share a layout… */
const MIN_FORMS_FOR_WIDTH = 8;
/** …or, with a few forms, when the longest goal ends its inner sentences with 。 but not its last one. */
const INNER_SENTENCE_END = /[。！!？?；;]./;

function reportMissing(context: RuleContext, form: ProjectTargetForm, table: DetectedTable, cell: string, field: { zh: string; en: string }): void {
  context.report(missingField, {
    sheet: form.sheet,
    cell,
    tableId: table.id,
    message: { zh: `“${field.zh}”未填写`, en: `${field.en} is not filled in` },
  });
}

function checkFields(context: RuleContext, form: ProjectTargetForm, table: DetectedTable): void {
  const view = context.view(table.sheetIndex);
  const labelled: [CellText | null, { row: number; col: number; address: string } | undefined, { zh: string; en: string }][] = [
    [form.name, form.nameLabel, { zh: "项目名称", en: "The project name" }],
    [form.department, form.departmentLabel, { zh: "主管部门", en: "The supervising department" }],
    [form.goal, form.goalLabel, { zh: "年度总体绩效目标", en: "The annual goal" }],
  ];
  for (const [value, label] of labelled) {
    if (value || !label) continue;
    const merge = view.mergeAt(label.row, label.col);
    const col = (merge ? merge.right : label.col) + 1;
    const at = view.masterOf(label.row, col);
    reportMissing(context, form, table, `${columnAddress(at.row, at.col)}`, labelled.find((l) => l[1] === label)![2]);
  }
  for (const [key, line] of Object.entries(form.funds) as [string, FundLine | undefined][]) {
    if (!line || key === "total") continue; // the total is usually a formula; its parts are the inputs
    const reading = context.amount(table, line.value.row, line.value.col);
    if (reading.kind === "empty") {
      const name = view.cell(line.label.row, line.label.col).value;
      reportMissing(context, form, table, line.value.address, { zh: String(name ?? key).replace(/^其中[:：]\s*/, "").trim(), en: `The amount of ${String(name ?? key).trim()}` });
    }
  }
  // 项目类别 and 实施单位 only where the layout has them.
  for (const [value, pattern, field] of [
    [form.category, /^项目(类别|类型|属性)[:：]?$/, { zh: "项目类别", en: "The project category" }],
    [form.implementingUnit, /^(实施单位|项目实施单位)[:：]?$/, { zh: "实施单位", en: "The implementing unit" }],
  ] as const) {
    if (value) continue;
    for (let r = table.range.top; r <= table.range.bottom && r < (form.indicators?.headerRow ?? table.range.bottom); r++) {
      for (let c = table.range.left; c <= table.range.right; c++) {
        if (!pattern.test(view.text(r, c))) continue;
        const merge = view.mergeAt(r, c);
        const at = view.masterOf(r, (merge ? merge.right : c) + 1);
        if (at.col <= table.range.right) reportMissing(context, form, table, columnAddress(at.row, at.col), field);
      }
    }
  }
}

/** Goals of many forms cut at one width: the ones at that width that stop mid-sentence. */
function checkTruncatedGoals(context: RuleContext, forms: { form: ProjectTargetForm; table: DetectedTable }[]): void {
  const goals = forms.filter((f) => f.form.goal).map((f) => ({ ...f, text: f.form.goal!.text.trim() }));
  const longest = Math.max(0, ...goals.map((g) => [...g.text].length));
  for (const goal of goals) {
    const length = [...goal.text].length;
    const dangling = DANGLING_END.test(goal.text);
    const enoughForms = goals.length >= MIN_FORMS_FOR_WIDTH || (goals.length >= 2 && INNER_SENTENCE_END.test(goal.text));
    const atCutWidth = enoughForms && length >= longest - WIDTH_SLACK && !SENTENCE_END.test(goal.text);
    if (!dangling && !atCutWidth) continue;
    const tail = [...goal.text].slice(-8).join("");
    context.report(truncatedGoal, {
      sheet: goal.form.sheet,
      cell: goal.form.goal!.address,
      tableId: goal.table.id,
      message: dangling
        ? { zh: `绩效目标以“${tail}”结尾，文字不完整`, en: `the goal ends in "${tail}": the text is incomplete` }
        : {
            zh: `绩效目标在第 ${length} 个字处中断（“…${tail}”），与本工作簿最长的目标（${longest} 字）同宽，疑似被截断`,
            en: `the goal stops at character ${length} ("…${tail}"), the width of the longest goal in the workbook (${longest}): it looks cut off`,
          },
    });
  }
}

/** Character pairs of a project name without its unit prefix (社保中心-…), to see which project a text is about. */
function nameBigrams(name: string): string[] {
  const bare = foldText(name).replace(/^[^-－—]+[-－—]/, "");
  const pairs: string[] = [];
  for (let i = 0; i + 1 < bare.length; i++) pairs.push(bare.slice(i, i + 2));
  return pairs;
}

function aboutness(text: string, name: string | undefined): number {
  if (!name) return 0;
  const pairs = nameBigrams(name);
  return pairs.length === 0 ? 0 : pairs.filter((p) => text.includes(p)).length / pairs.length;
}

/** The same goal text in two forms: the copy is the form whose own name the text does not speak of. */
function checkCopiedGoals(context: RuleContext, forms: { form: ProjectTargetForm; table: DetectedTable }[]): void {
  const byText = new Map<string, { form: ProjectTargetForm; table: DetectedTable }[]>();
  for (const entry of forms) {
    const text = entry.form.goal ? foldText(entry.form.goal.text) : "";
    if (text.length < 15) continue; // short stock phrases (完成全年…工作) are legitimately shared
    byText.set(text, [...(byText.get(text) ?? []), entry]);
  }
  for (const [text, group] of byText) {
    const names = new Set(group.map((g) => foldText(g.form.name?.text ?? "")));
    if (group.length < 2 || names.size < 2) continue;
    const scored = group.map((g) => ({ ...g, score: aboutness(text, g.form.name?.text) }));
    const best = Math.max(...scored.map((s) => s.score));
    const owner = scored.find((s) => s.score === best)!;
    for (const copy of scored) {
      if (copy === owner || (copy.score === best && best > 0)) continue;
      context.report(copiedGoal, {
        sheet: copy.form.sheet,
        cell: copy.form.goal!.address,
        tableId: copy.table.id,
        message: {
          zh: `“${copy.form.name?.text ?? ""}”的绩效目标与“${owner.form.name?.text ?? ""}”（${owner.form.sheet}!${owner.form.goal!.address}）完全相同，且描述的是后者`,
          en: `the goal of "${copy.form.name?.text ?? ""}" is word for word that of "${owner.form.name?.text ?? ""}" (${owner.form.sheet}!${owner.form.goal!.address}), and describes the latter`,
        },
      });
    }
  }
}

/** 运转类 (其他运转类, 公用经费运转类 …) or 特定目标类 (RULES 3.4): the two kinds a category can name. */
function categoryKind(folded: string): "running" | "specific" | undefined {
  if (/运转类$/.test(folded)) return "running";
  if (/^特定目标类$/.test(folded)) return "specific";
  return undefined;
}

/** 项目类型 of each project in the project-expenditure listings, by folded project name. */
function listedCategories(context: RuleContext): Map<string, { text: string; where: string }> {
  const categories = new Map<string, { text: string; where: string }>();
  for (const { entry, row, name } of projectListingLines(context)) {
    const column = entry.detected.columns.find((c) => c.path.some((p) => /^项目(类型|类别)$/.test(p)));
    if (!column) continue;
    const text = context.view(entry.detected.sheetIndex).text(row.row, column.col);
    if (text !== "") categories.set(name, { text, where: `${entry.detected.sheet}!${columnAddress(row.row, column.col)}` });
  }
  return categories;
}

/** P13: a form's 项目类别 against the listing's 项目类型 of the same project. */
function checkCategories(context: RuleContext, forms: { form: ProjectTargetForm; table: DetectedTable }[]): void {
  const listed = listedCategories(context);
  if (listed.size === 0) return;
  for (const { form, table } of forms) {
    if (!form.category || !form.name) continue;
    const entry = listed.get(foldText(form.name.text));
    if (!entry) continue;
    const own = foldText(form.category.text);
    const a = categoryKind(own);
    const b = categoryKind(entry.text);
    if (own === entry.text || (a !== undefined && a === b)) continue;
    context.report(categoryAgainstListing, {
      sheet: form.sheet,
      cell: form.category.address,
      tableId: table.id,
      message: {
        zh: `项目类别为“${form.category.text.trim()}”，而项目支出预算表（${entry.where}）中为“${entry.text}”`,
        en: `the project category is "${form.category.text.trim()}" but the project-expenditure listing (${entry.where}) says "${entry.text}"`,
      },
      expected: entry.text,
      actual: form.category.text.trim(),
    });
  }
}

/** The 合计 amount of a project-expenditure listing line, when the listing has such a column. */
function listedAmount(context: RuleContext, entry: BudgetTableEntry, row: BudgetRow): Decimal | undefined {
  const column = entry.model.amountColumns.find((c) => c.path.some((p) => p === "合计"));
  if (!column) return undefined;
  const at = valueCell(row, column);
  const reading = context.amount(entry.detected, at.row, at.col);
  return reading.kind === "number" ? reading.value : undefined;
}

/**
 * RULES 3.5 (listing vs form): each form's 项目名称 names a line of the project-expenditure listing. A
 * form whose name is no listed name but close to one (临时救助专项资金 | 临时救助资金) is paired with it
 * only on evidence: the two amounts agree where both are stated; otherwise the names must be very close.
 * Forms with no such line say nothing (a listing may cover other units).
 */
function checkNamesAgainstListing(context: RuleContext, forms: { form: ProjectTargetForm; table: DetectedTable }[]): void {
  const lines = projectListingLines(context);
  if (lines.length === 0) return;
  const listed = new Set(lines.map((l) => foldName(l.row.label)));
  const named = forms.filter((f) => f.form.name !== null && !listed.has(foldName(f.form.name.text)));
  // Lines a form names exactly are taken; the others may pair with a form whose name differs.
  const taken = new Set(forms.filter((f) => f.form.name !== null).map((f) => foldName(f.form.name!.text)));
  const open = lines.filter((l) => !taken.has(foldName(l.row.label)));
  const { pairs } = matchByName(named, open, (f) => f.form.name!.text, (l) => l.row.label);
  for (const { left: { form, table }, right: line, similarity } of pairs) {
    const funds = form.funds.total ? context.amount(table, form.funds.total.value.row, form.funds.total.value.col) : undefined;
    const own = funds?.kind === "number" ? funds.value : undefined;
    const theirs = listedAmount(context, line.entry, line.row);
    const amountsAgree = own !== undefined && theirs !== undefined && own.minus(theirs).abs().lte(context.settings.silentTolerance);
    const amountsDiffer = own !== undefined && theirs !== undefined && !amountsAgree;
    if (amountsDiffer || (!amountsAgree && similarity < 0.8)) continue;
    const where = `${line.entry.detected.sheet}!${line.row.labelCell?.address ?? ""}`;
    context.report(nameAgainstListing, {
      sheet: form.sheet,
      cell: form.name!.address,
      tableId: table.id,
      message: {
        zh: `项目名称“${form.name!.text.trim()}”与项目支出预算表中的“${line.row.label}”（${where}）不一致`,
        en: `the project name "${form.name!.text.trim()}" differs from "${line.row.label}" in the project-expenditure listing (${where})`,
      },
      expected: line.row.label,
      actual: form.name!.text.trim(),
    });
  }
}

export const projectFormFamily: RuleFamily = {
  name: "project-form",
  rules: [missingField, truncatedGoal, copiedGoal, categoryAgainstListing, nameAgainstListing],
  check(context) {
    const forms = context.tables
      .filter((table) => table.kind === "project-performance-target")
      .map((table) => ({ table, form: projectTargetForm(context, table) }));
    for (const { form, table } of forms) checkFields(context, form, table);
    checkTruncatedGoals(context, forms);
    checkCopiedGoals(context, forms);
    checkCategories(context, forms);
    checkNamesAgainstListing(context, forms);
  },
};
