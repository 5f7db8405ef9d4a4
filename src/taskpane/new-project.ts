// The pane's 新建项目 flow as plain steps: the form's fields (as typed) → template options checked
// with the core's TemplateOptionsSchema → the workbook's insertion context → planned edits → the
// host inserts them and shows the first input cell. NewProjectForm only renders this.
import type { Edit } from "../core/edits";
import { bilingual, pick, type Bilingual, type Lang } from "../core/report/i18n";
import { inputCells, planTemplate, TemplateOptionsSchema, type TemplateKind, type TemplateOptionsInput } from "../core/templates";

export type NewProjectField = "projectName" | "department" | "implementingUnit" | "year" | "fiscal" | "carryOver" | "other" | "indicatorRows";

/** The form as the user typed it: text everywhere, so that nothing is lost before validation. */
export interface NewProjectDraft {
  kind: TemplateKind;
  variant: "cost-first" | "legacy";
  projectName: string;
  department: string;
  implementingUnit: string;
  year: string;
  fiscal: string;
  carryOver: string;
  other: string;
  indicatorRows: string;
}

export type FieldMessages = Partial<Record<NewProjectField, Bilingual>>;

export interface InsertionContext {
  readonly sheetNames: string[];
  readonly templateCount: number;
}

/** Budgets are drawn up for the coming year. */
export function emptyDraft(today: Date): NewProjectDraft {
  return {
    kind: "project-performance-target",
    variant: "cost-first",
    projectName: "",
    department: "",
    implementingUnit: "",
    year: String(today.getFullYear() + 1),
    fiscal: "",
    carryOver: "",
    other: "",
    indicatorRows: "1",
  };
}

/** Which fields a kind of form asks for: a department form has no project, unit or project funds. */
export function fieldsOf(kind: TemplateKind): { project: boolean; funds: boolean; variant: boolean } {
  const project = kind !== "department-performance-target";
  return { project, funds: project, variant: project };
}

const MESSAGES: Readonly<Record<NewProjectField, Bilingual>> = {
  projectName: bilingual("请填写项目名称", "Enter the project name"),
  department: bilingual("请填写主管部门", "Enter the department"),
  implementingUnit: bilingual("实施单位过长", "The implementing unit is too long"),
  year: bilingual("年度应为 2000–2100 之间的四位年份", "The year must be a four-digit year from 2000 to 2100"),
  fiscal: bilingual("金额应为不小于 0 的数字（万元，最多两位小数）", "An amount must be a number ≥ 0 (万元, at most two decimals)"),
  carryOver: bilingual("金额应为不小于 0 的数字（万元，最多两位小数）", "An amount must be a number ≥ 0 (万元, at most two decimals)"),
  other: bilingual("金额应为不小于 0 的数字（万元，最多两位小数）", "An amount must be a number ≥ 0 (万元, at most two decimals)"),
  indicatorRows: bilingual("每类指标行数应为 1–50 的整数", "Rows per category must be a whole number from 1 to 50"),
};

const FIELD_OF_PATH: Readonly<Record<string, NewProjectField>> = {
  projectName: "projectName",
  department: "department",
  implementingUnit: "implementingUnit",
  year: "year",
  "funds.fiscal": "fiscal",
  "funds.carryOver": "carryOver",
  "funds.other": "other",
  indicatorRows: "indicatorRows",
};

/** A whole number as typed, or the text itself (so that the schema reports it as not a number). */
function wholeNumber(text: string): number | string {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text;
}

/** The draft as template options; empty amounts are left out (the form then shows 0.00). */
export function draftOptions(draft: NewProjectDraft): TemplateOptionsInput {
  const { project, funds, variant } = fieldsOf(draft.kind);
  const amount = (text: string) => (text.trim() === "" ? undefined : text.trim());
  return {
    ...(project ? { projectName: draft.projectName, implementingUnit: draft.implementingUnit } : {}),
    department: draft.department,
    year: wholeNumber(draft.year) as number,
    ...(variant ? { variant: draft.variant } : {}),
    ...(funds ? { funds: { fiscal: amount(draft.fiscal), carryOver: amount(draft.carryOver), other: amount(draft.other) } } : {}),
    indicatorRows: wholeNumber(draft.indicatorRows) as number,
  };
}

/** Field-level messages: the schema's verdict on each field, plus what the form itself requires
 *  (a name to title the form, amounts in 万元 with at most two decimals rather than silently rounded). */
export function validateDraft(draft: NewProjectDraft): FieldMessages {
  const messages: FieldMessages = {};
  const parsed = TemplateOptionsSchema.safeParse(draftOptions(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_PATH[issue.path.map(String).join(".")] ?? FIELD_OF_PATH[String(issue.path[0])];
      if (field) messages[field] = MESSAGES[field];
    }
  }
  const { project, funds } = fieldsOf(draft.kind);
  if (project && draft.projectName.trim() === "") messages.projectName = MESSAGES.projectName;
  if (draft.department.trim() === "") messages.department = MESSAGES.department;
  if (funds) {
    for (const field of ["fiscal", "carryOver", "other"] as const) {
      if (/\.\d{3,}\s*$/.test(draft[field])) messages[field] = MESSAGES[field];
    }
  }
  return messages;
}

export function fieldMessage(messages: FieldMessages, field: NewProjectField, lang: Lang): string | undefined {
  const message = messages[field];
  return message && pick(message, lang);
}

export interface NewProjectHost {
  /** The workbook's sheet names and inserted templates, read just before planning. */
  readContext(): Promise<InsertionContext>;
  /** Applies the edits and selects the given cell. */
  insert(edits: readonly Edit[], select: { sheet: string; cell: string }): Promise<void>;
}

export type NewProjectOutcome = { readonly kind: "invalid"; readonly messages: FieldMessages } | { readonly kind: "inserted"; readonly sheet: string; readonly cell: string };

/** Validates, plans against the workbook as it is now (so names never clash) and inserts. */
export async function createProject(draft: NewProjectDraft, host: NewProjectHost): Promise<NewProjectOutcome> {
  const messages = validateDraft(draft);
  if (Object.keys(messages).length > 0) return { kind: "invalid", messages };
  const existing = await host.readContext();
  const plan = planTemplate(draft.kind, { ...draftOptions(draft), existing });
  const first = inputCells(plan.layout)[0];
  const select = { sheet: plan.layout.sheet, cell: first?.at ?? "A1" };
  await host.insert(plan.edits, select);
  return { kind: "inserted", ...select };
}
