// Parsed forms of the workbook under check, read once per check and shared by every family.
import type { DetectedTable } from "../detect/types";
import { parseProjectTargetForm, type ProjectTargetForm } from "../forms/project-target";
import type { RuleContext } from "./rule";

const projectFormsByContext = new WeakMap<RuleContext, Map<string, ProjectTargetForm>>();

export function projectTargetForm(context: RuleContext, table: DetectedTable): ProjectTargetForm {
  let forms = projectFormsByContext.get(context);
  if (!forms) projectFormsByContext.set(context, (forms = new Map()));
  let form = forms.get(table.id);
  if (!form) forms.set(table.id, (form = parseProjectTargetForm(context.view(table.sheetIndex), table)));
  return form;
}
