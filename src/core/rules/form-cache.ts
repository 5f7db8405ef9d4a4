// Parsed forms of the workbook under check, read once per check and shared by every family.
import type { DetectedTable } from "../detect/types";
import { parseDepartmentTargetForm, type DepartmentTargetForm } from "../forms/department-target";
import { parseProjectTargetForm, type ProjectTargetForm } from "../forms/project-target";
import { parseSelfEvaluationForm, type SelfEvaluationForm } from "../forms/self-evaluation";
import type { SheetView } from "../workbook/sheet-view";
import type { RuleContext } from "./rule";

const formsByContext = new WeakMap<RuleContext, Map<string, unknown>>();

function cached<T>(context: RuleContext, table: DetectedTable, parse: (view: SheetView, table: DetectedTable) => T): T {
  let forms = formsByContext.get(context);
  if (!forms) formsByContext.set(context, (forms = new Map()));
  // A table has one kind, so its id alone keys the parsed form.
  if (!forms.has(table.id)) forms.set(table.id, parse(context.view(table.sheetIndex), table));
  return forms.get(table.id) as T;
}

export function projectTargetForm(context: RuleContext, table: DetectedTable): ProjectTargetForm {
  return cached(context, table, parseProjectTargetForm);
}

export function departmentTargetForm(context: RuleContext, table: DetectedTable): DepartmentTargetForm {
  return cached(context, table, parseDepartmentTargetForm);
}

export function selfEvaluationForm(context: RuleContext, table: DetectedTable): SelfEvaluationForm {
  return cached(context, table, parseSelfEvaluationForm);
}
