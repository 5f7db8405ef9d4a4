// Templates to insert (RULES 5): a new project's or department's forms, valid by construction,
// as a list of declarative edits that any door applies.
import type { Edit } from "../edits";
import { loadRulePack } from "../packs";
import type { RulePack } from "../packs/schema";
import { bilingual, type Bilingual } from "../report/i18n";
import type { LayoutContext } from "./context";
import { defaultPackFor, packFormKind, type ChosenPack } from "./framework";
import { departmentTargetLayout } from "./department-target";
import { inputCells, layoutToEdits, type TemplateLayout } from "./layout";
import { TemplateOptionsSchema, type TemplateKind, type TemplateOptions, type TemplateOptionsInput } from "./options";
import { projectTargetLayout } from "./project-target";
import { selfEvaluationLayout } from "./self-evaluation";
import { uniqueSheetName } from "./sheet-name";
import { LISTS_SHEET, listsEdits, MARKER_SHEET, markerCellRef, markerEdits, MAX_TEMPLATES, templateLists } from "./support-sheets";

export { inputCells, INPUT_FILL, TEMPLATE_VERSION, type LayoutCell, type TemplateLayout } from "./layout";
export { insertionContext, readTemplateMarkers, referencedSheet, type TemplateMarker } from "./markers";
export { TemplateKindSchema, TemplateOptionsSchema, type TemplateKind, type TemplateOptions, type TemplateOptionsInput } from "./options";
export { uniqueSheetName } from "./sheet-name";
export { LISTS_SHEET, MARKER_SHEET, MAX_TEMPLATES } from "./support-sheets";

/** The required inputs a new form leaves empty: the cells a clerk must fill before it is valid. */
export function requiredEmptyInputs(layout: TemplateLayout): string[] {
  return inputCells(layout)
    .filter((c) => c.input!.required && (c.input!.initial === undefined || c.input!.initial === null) && (c.formula === undefined || c.formula.result === ""))
    .map((c) => c.at);
}

/** Options that cannot make a form: says what is wrong in both languages. */
export class TemplateOptionsError extends Error {
  readonly text: Bilingual;
  constructor(text: Bilingual) {
    super(text.en);
    this.name = "TemplateOptionsError";
    this.text = text;
  }
}

const DEFAULT_SHEET_NAMES: Readonly<Record<TemplateKind, (o: TemplateOptions) => string>> = {
  "project-performance-target": (o) => (o.projectName ? `项目绩效目标-${o.projectName}` : "项目支出绩效目标表"),
  "department-performance-target": (o) => (o.department ? `部门整体绩效目标-${o.department}` : "部门整体支出绩效目标申报表"),
  "project-self-evaluation": (o) => (o.projectName ? `项目自评-${o.projectName}` : "项目支出绩效自评表"),
};

const LAYOUTS: Readonly<Record<TemplateKind, (context: LayoutContext) => TemplateLayout>> = {
  "project-performance-target": projectTargetLayout,
  "department-performance-target": departmentTargetLayout,
  "project-self-evaluation": selfEvaluationLayout,
};

function parseOptions(input: TemplateOptionsInput): TemplateOptions {
  const parsed = TemplateOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue.path.map(String).join(".") || "options";
  throw new TemplateOptionsError(bilingual(`模板选项无效：${where}：${issue.message}`, `invalid template options: ${where}: ${issue.message}`));
}

/** The bureau's pack when given (it must be for this kind of form), otherwise the kind's shipped pack. */
function choosePack(kind: TemplateKind, options: TemplateOptions): ChosenPack {
  if (options.rulePackJson === undefined) return defaultPackFor(kind, options.variant);
  let json: unknown;
  try {
    json = JSON.parse(options.rulePackJson);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TemplateOptionsError(bilingual(`规则包不是有效的 JSON（${detail}）`, `the rule pack is not valid JSON (${detail})`));
  }
  const pack: RulePack = loadRulePack(json); // throws RulePackError naming the bad fields
  if (pack.formKind !== packFormKind(kind)) {
    throw new TemplateOptionsError(
      bilingual(
        `规则包 ${pack.id} 用于 ${pack.formKind} 表，不能用于 ${kind} 模板`,
        `rule pack ${pack.id} is for ${pack.formKind} forms, not for a ${kind} template`,
      ),
    );
  }
  return { pack, embeddedJson: options.rulePackJson };
}

export interface TemplatePlan {
  readonly layout: TemplateLayout;
  readonly edits: Edit[];
}

/** The layout (for callers that fill or inspect the form) together with the edits that insert it. */
export function planTemplate(kind: TemplateKind, input: TemplateOptionsInput): TemplatePlan {
  const options = parseOptions(input);
  const chosen = choosePack(kind, options);
  const existing = options.existing;
  const templateIndex = existing.templateCount + 1;
  if (templateIndex > MAX_TEMPLATES) {
    throw new TemplateOptionsError(bilingual(`一个工作簿最多插入 ${MAX_TEMPLATES} 个模板`, `a workbook holds at most ${MAX_TEMPLATES} inserted templates`));
  }
  const sheet = uniqueSheetName([...existing.sheetNames, LISTS_SHEET, MARKER_SHEET], options.sheetName ?? DEFAULT_SHEET_NAMES[kind](options));
  const markerRow = templateIndex + 1;
  const context: LayoutContext = {
    sheet,
    options,
    pack: chosen.pack,
    lists: templateLists(templateIndex),
    yearRef: markerCellRef(markerRow, "year"),
  };
  const layout = LAYOUTS[kind](context);
  const hasSheet = (name: string) => existing.sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
  const titleCell = layout.cells.find((c) => c.at === "A1");
  const marker = markerEdits(
    {
      row: markerRow,
      sheet,
      title: typeof titleCell?.text === "string" ? titleCell.text : "",
      kind,
      version: layout.version,
      packId: chosen.pack.id,
      year: options.year,
      ...(chosen.embeddedJson !== undefined ? { packJson: chosen.embeddedJson } : {}),
      requiredInputs: requiredEmptyInputs(layout),
    },
    hasSheet(MARKER_SHEET),
  );
  // Support sheets and names before the form: its formulas and dropdowns refer to them.
  const ordered: Edit[] = [
    ...marker.setup,
    ...listsEdits(templateIndex, chosen.pack, hasSheet(LISTS_SHEET)),
    ...layoutToEdits(layout),
    marker.link,
    // Last, so that every door can still write the sheet before it is protected; no password, so users can unprotect.
    { op: "protectSheet", sheet },
  ];
  // Every sheet exists before anything refers to it; the form's sheet comes first, so it is the one shown.
  const edits = [...ordered.filter((e) => e.op === "addSheet" && e.sheet === sheet), ...ordered.filter((e) => e.op === "addSheet" && e.sheet !== sheet), ...ordered.filter((e) => e.op !== "addSheet")];
  return { layout, edits };
}

export function buildTemplate(kind: TemplateKind, options: TemplateOptionsInput): Edit[] {
  return planTemplate(kind, options).edits;
}
