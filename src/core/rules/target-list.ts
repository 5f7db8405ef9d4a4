// Rule family "target-list": a 预算支出绩效目标情况表 / 绩效目标申报表 against the forms in the same
// workbook (RULES 3.5): every listed item has its form and every form is listed, the amounts agree,
// and the names (and the department) agree after whitespace normalisation. Rows are paired with
// forms by name similarity, never by position.
import type { DetectedTable } from "../detect/types";
import type { CellText } from "../forms/cells";
import { foldName, matchByName, nameSimilarity, parseListing, type ListingRow } from "../forms/target-list";
import { formatAmount, plainAmount } from "./format";
import { readFormAmount } from "./project-funds";
import { departmentTargetForm, projectTargetForm } from "./form-cache";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";
import { compareTotal } from "./tolerance";

export const targetListRules = {
  coverage: {
    id: "target-list/coverage",
    category: "missing-value",
    severity: "warning",
    description: { zh: "情况表所列项目应有绩效目标表，绩效目标表也应列入情况表", en: "Every listed item has its form, and every form is listed" },
  },
  amount: {
    id: "target-list/amount",
    category: "cross-table-mismatch",
    severity: "error",
    description: { zh: "情况表中的项目金额应等于该项目绩效目标表的年度预算资金总额", en: "A listed amount must equal the form's annual budget total" },
  },
  name: {
    id: "target-list/name",
    category: "cross-table-mismatch",
    severity: "warning",
    description: { zh: "绩效目标表的项目名称、主管部门应与情况表一致", en: "A form's project name and department should match the listing" },
  },
  duplicate: {
    id: "target-list/duplicate",
    category: "duplicate-entry",
    severity: "warning",
    description: { zh: "同一项目在情况表中重复列出", en: "The same item is listed twice" },
  },
} as const satisfies Record<string, RuleMeta>;

interface FormEntry {
  readonly table: DetectedTable;
  readonly kind: "project" | "department";
  readonly name: CellText;
  readonly department: CellText | null;
  readonly total?: { row: number; col: number; address: string };
}

function formsOf(context: RuleContext): FormEntry[] {
  const entries: FormEntry[] = [];
  for (const table of context.tables) {
    if (table.kind === "project-performance-target") {
      const form = projectTargetForm(context, table);
      if (form.name) entries.push({ table, kind: "project", name: form.name, department: form.department, ...(form.funds.total ? { total: form.funds.total.value } : {}) });
    } else if (table.kind === "department-performance-target") {
      const form = departmentTargetForm(context, table);
      if (form.name) entries.push({ table, kind: "department", name: form.name, department: null });
    }
  }
  return entries;
}

/** A listing row stands for a department form when its 类别 says 部门整体. */
const isDepartmentRow = (row: ListingRow) => row.group !== null && /部门|整体|单位整体/.test(foldName(row.group)) && !/项目/.test(foldName(row.group));

function checkListing(context: RuleContext, table: DetectedTable, forms: readonly FormEntry[], listedForms: Set<FormEntry>, listedKinds: Set<FormEntry["kind"]>): boolean {
  const view = context.view(table.sheetIndex);
  const listing = parseListing(view, table);
  if (!listing || listing.rows.length === 0) return false;
  const R = targetListRules;
  const seen = new Map<string, ListingRow>();
  for (const row of listing.rows) {
    const key = `${row.group ?? ""}|${foldName(row.name.text)}`;
    const first = seen.get(key);
    if (first) {
      context.report(R.duplicate, {
        sheet: table.sheet,
        cell: row.name.address,
        tableId: table.id,
        message: { zh: `“${row.name.text}”已在第 ${first.row} 行列出`, en: `"${row.name.text}" is already listed on row ${first.row}` },
      });
    } else seen.set(key, row);
  }
  const unique = [...seen.values()];
  let matchedAny = false;
  const unmatchedRows: ListingRow[] = [];
  for (const kind of ["department", "project"] as const) {
    const rows = unique.filter((r) => (kind === "department") === isDepartmentRow(r));
    if (rows.length > 0) listedKinds.add(kind);
    const candidates = forms.filter((f) => f.kind === kind);
    const { pairs, unmatchedLeft } = matchByName(rows, candidates, (r) => r.name.text, (f) => f.name.text);
    unmatchedRows.push(...unmatchedLeft);
    for (const { left: row, right: form } of pairs) {
      matchedAny = true;
      listedForms.add(form);
      checkPair(context, table, row, form);
    }
  }
  if (!matchedAny) return false; // a listing of forms kept elsewhere: nothing to compare
  for (const row of unmatchedRows) {
    context.report(R.coverage, {
      sheet: table.sheet,
      cell: row.name.address,
      tableId: table.id,
      message: { zh: `情况表列出的“${row.name.text}”在本工作簿中没有对应的绩效目标表`, en: `"${row.name.text}" is listed, but no target form for it is in this workbook` },
    });
  }
  return true;
}

function checkPair(context: RuleContext, listingTable: DetectedTable, row: ListingRow, form: FormEntry): void {
  const R = targetListRules;
  const where = `${listingTable.sheet}!${row.name.address}`;
  if (foldName(row.name.text) !== foldName(form.name.text)) {
    context.report(R.name, {
      sheet: form.table.sheet,
      cell: form.name.address,
      tableId: form.table.id,
      message: {
        zh: `名称“${form.name.text}”与绩效目标情况表中的“${row.name.text}”（${where}）不一致`,
        en: `the name "${form.name.text}" differs from the listing's "${row.name.text}" (${where})`,
      },
      expected: row.name.text,
      actual: form.name.text,
    });
  }
  // A department with a character or two swapped is a typo (平阳县 for 平阴县); a longer or shorter
  // one is usually the full or short form of the same office (平阴县人民政府办公室 / 平阴县政府办公室).
  if (row.department && form.department) {
    const listed = foldName(row.department.text);
    const onForm = foldName(form.department.text);
    if (listed !== onForm && listed.length === onForm.length && nameSimilarity(listed, onForm) >= 1 - 2 / listed.length) {
      context.report(R.name, {
        sheet: form.table.sheet,
        cell: form.department.address,
        tableId: form.table.id,
        message: {
          zh: `主管部门“${form.department.text}”与绩效目标情况表中的“${row.department.text}”（${listingTable.sheet}!${row.department.address}）不一致`,
          en: `the department "${form.department.text}" differs from the listing's "${row.department.text}" (${listingTable.sheet}!${row.department.address})`,
        },
        expected: row.department.text,
        actual: form.department.text,
      });
    }
  }
  if (!row.amount || !form.total) return;
  const listed = readFormAmount(context, R.amount, listingTable, row.amount);
  const onForm = readFormAmount(context, R.amount, form.table, form.total);
  if (listed.kind !== "number" || onForm.kind !== "number") return;
  const verdict = compareTotal(listed.value, onForm.value, 1, context.settings);
  if (verdict.ok) return;
  context.report(R.amount, {
    sheet: listingTable.sheet,
    cell: row.amount.address,
    tableId: listingTable.id,
    message: {
      zh: `“${row.name.text}”项目金额 ${formatAmount(listed.value)} 与其绩效目标表的年度预算资金总额 ${formatAmount(onForm.value)}（${form.table.sheet}!${form.total.address}）不一致，相差 ${formatAmount(verdict.difference)}`,
      en: `"${row.name.text}": the listed amount ${formatAmount(listed.value)} differs from the form's annual budget total ${formatAmount(onForm.value)} (${form.table.sheet}!${form.total.address}) by ${formatAmount(verdict.difference)}`,
    },
    expected: plainAmount(onForm.value),
    actual: plainAmount(listed.value),
    severity: verdict.severity,
    // Mended by the listed amount, or by the form's total when that is the cell typed wrong.
    relation: { total: `${listingTable.sheet}!${row.amount.address}`, parts: [`${form.table.sheet}!${form.total.address}`], difference: verdict.difference },
  });
}

export const targetListFamily: RuleFamily = {
  name: "target-list",
  rules: Object.values(targetListRules),
  check(context) {
    const listings = context.tables.filter((t) => t.kind === "performance-target-list");
    if (listings.length === 0) return;
    const forms = formsOf(context);
    const listedForms = new Set<FormEntry>();
    // A listing of projects only says nothing about department forms, and the other way round.
    const listedKinds = new Set<FormEntry["kind"]>();
    let compared = false;
    for (const table of listings) compared = checkListing(context, table, forms, listedForms, listedKinds) || compared;
    if (!compared) return;
    const listing = listings[0];
    for (const form of forms) {
      if (listedForms.has(form) || !listedKinds.has(form.kind)) continue;
      context.report(targetListRules.coverage, {
        sheet: form.table.sheet,
        cell: form.name.address,
        tableId: form.table.id,
        message: {
          zh: `绩效目标表“${form.name.text}”未列入绩效目标情况表（${listing.sheet}）`,
          en: `the target form "${form.name.text}" is not in the listing (${listing.sheet})`,
        },
      });
    }
  },
};
