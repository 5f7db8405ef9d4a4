// Reading back what inserted templates recorded about themselves (support-sheets.ts): for
// detection and validation, which sheet holds which template kind, version and rule pack.
import { cellAt, type WorkbookSnapshot } from "../workbook/snapshot";
import { TemplateKindSchema, type TemplateKind } from "./options";
import { LISTS_SHEET, MARKER_COLUMNS, MARKER_SHEET } from "./support-sheets";

export interface TemplateMarker {
  readonly sheet: string;
  readonly kind: TemplateKind;
  readonly version: string;
  readonly packId: string;
  readonly year: number | null;
  /** The rule pack embedded by the bureau, verbatim; absent for a pack shipped with the checker. */
  readonly packJson?: string;
  /** Required input cells of the form that a clerk must fill (empty when the template was written). */
  readonly requiredInputs: readonly string[];
}

/** The sheet a marker row points at, from its reference formula ('项目绩效目标-X'!$A$1). Excel
 *  rewrites the reference when the sheet is renamed, so it names the template sheet as it is now. */
export function referencedSheet(formula: string | undefined): string | undefined {
  if (formula === undefined) return undefined;
  const quoted = /^'((?:[^']|'')+)'!/.exec(formula);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!]+)!/.exec(formula);
  return plain?.[1];
}

export function readTemplateMarkers(workbook: WorkbookSnapshot): TemplateMarker[] {
  const meta = workbook.sheets.find((s) => s.name === MARKER_SHEET);
  if (!meta) return [];
  const markers: TemplateMarker[] = [];
  for (let row = 2; row <= meta.rows.length; row++) {
    const sheet = referencedSheet(cellAt(meta, row, MARKER_COLUMNS.sheet).formula);
    const kind = TemplateKindSchema.safeParse(cellAt(meta, row, MARKER_COLUMNS.kind).value);
    if (sheet === undefined || !kind.success || !workbook.sheets.some((s) => s.name === sheet)) continue;
    const year = cellAt(meta, row, MARKER_COLUMNS.year).value;
    let packJson = "";
    for (let col = MARKER_COLUMNS.json; ; col++) {
      const chunk = cellAt(meta, row, col).value;
      if (typeof chunk !== "string") break;
      packJson += chunk;
    }
    markers.push({
      sheet,
      kind: kind.data,
      version: String(cellAt(meta, row, MARKER_COLUMNS.version).value ?? ""),
      packId: String(cellAt(meta, row, MARKER_COLUMNS.pack).value ?? ""),
      year: typeof year === "number" ? year : null,
      requiredInputs: String(cellAt(meta, row, MARKER_COLUMNS.inputs).value ?? "")
        .split(",")
        .map((a) => a.trim())
        .filter((a) => /^[A-Z]+\d+$/.test(a)),
      ...(packJson !== "" ? { packJson } : {}),
    });
  }
  return markers;
}

/** What buildTemplate must know about a workbook before inserting into it. */
export function insertionContext(workbook: WorkbookSnapshot): { sheetNames: string[]; templateCount: number } {
  const meta = workbook.sheets.find((s) => s.name === MARKER_SHEET);
  return {
    sheetNames: workbook.sheets.map((s) => s.name),
    // Every used marker row counts, valid or not, so a new row never lands on an old one.
    templateCount: meta ? Math.max(0, meta.rows.length - 1) : 0,
  };
}

export const SUPPORT_SHEETS: readonly string[] = [LISTS_SHEET, MARKER_SHEET];
