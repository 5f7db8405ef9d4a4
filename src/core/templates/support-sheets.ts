// The two hidden sheets behind inserted templates. `_bc_lists` (hidden) holds each template's
// dropdown lists under defined names; `_bc_meta` (very hidden) holds one row per template: which
// sheet, kind, template version, rule pack, the year input and the embedded pack JSON, so that
// detection and validation know what they are looking at without guessing (RULES 5.3).
import type { Edit } from "../edits";
import type { RulePack } from "../packs/schema";
import { cellAddress, columnLetters, quoteSheetName } from "../workbook/address";
import type { TemplateLists } from "./context";
import { PROJECT_CATEGORIES } from "./framework";

export const LISTS_SHEET = "_bc_lists";
export const MARKER_SHEET = "_bc_meta";
/** Rows reserved for markers under the workbook-level names (_bc_kind …). */
export const MAX_TEMPLATES = 500;
/** Columns of the lists sheet given to each template: categories, 是/否, the 一级 list, one per 一级. */
const LIST_STRIDE = 16;
/** A cell holds at most 32,767 characters; a longer pack JSON continues in the next columns. */
const JSON_CHUNK = 30000;

/** `inputs` lists the template's required input cells, so that validation knows which empty cells are missing values. */
export const MARKER_COLUMNS = { sheet: 1, kind: 2, version: 3, pack: 4, year: 5, inputs: 6, json: 7 } as const;

export const MARKER_NAMES: readonly (readonly [string, keyof typeof MARKER_COLUMNS])[] = [
  ["_bc_sheet", "sheet"],
  ["_bc_kind", "kind"],
  ["_bc_tplver", "version"],
  ["_bc_pack", "pack"],
  ["_bc_year", "year"],
];

function absolute(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!$${columnLetters(col)}$${row}`;
}

/** Always quoted: a sheet name starting with an underscore reads safely in every spreadsheet program. */
export function markerCellRef(row: number, column: keyof typeof MARKER_COLUMNS): string {
  return `'${MARKER_SHEET}'!$${columnLetters(MARKER_COLUMNS[column])}$${row}`;
}

export function templateLists(templateIndex: number): TemplateLists {
  const prefix = `bc_t${templateIndex}_`;
  return { category: `${prefix}category`, yesNo: `${prefix}yesno`, level1: `${prefix}l1`, level2Prefix: `${prefix}l2_` };
}

export function listsEdits(templateIndex: number, pack: RulePack, sheetExists: boolean): Edit[] {
  const sheet = LISTS_SHEET;
  const quoted = `'${sheet}'`;
  const lists = templateLists(templateIndex);
  const level1 = pack.framework.level1;
  if (level1.length > LIST_STRIDE - 3) throw new Error(`a rule pack with more than ${LIST_STRIDE - 3} 一级 cannot be laid out`);
  const left = 1 + (templateIndex - 1) * LIST_STRIDE;
  const edits: Edit[] = sheetExists ? [] : [{ op: "addSheet", sheet, visibility: "hidden" }];
  const column = (offset: number, header: string, values: readonly string[], name: string) => {
    const col = left + offset;
    edits.push({ op: "setValue", sheet, cell: cellAddress(1, col), value: header });
    values.forEach((value, i) => edits.push({ op: "setValue", sheet, cell: cellAddress(i + 2, col), value }));
    const range = `${quoted}!$${columnLetters(col)}$2:$${columnLetters(col)}$${values.length + 1}`;
    edits.push({ op: "defineName", name, reference: range, hidden: true });
  };
  column(0, "项目类别", PROJECT_CATEGORIES, lists.category);
  column(1, "是否", ["是", "否"], lists.yesNo);
  column(2, pack.id, level1.map((l) => l.name), lists.level1);
  level1.forEach((l, i) =>
    column(
      3 + i,
      l.name,
      l.level2.map((l2) => l2.name),
      `${lists.level2Prefix}${i + 1}`,
    ),
  );
  return edits;
}

function chunks(text: string): string[] {
  const points = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < points.length; i += JSON_CHUNK) out.push(points.slice(i, i + JSON_CHUNK).join(""));
  return out;
}

export interface MarkerEntry {
  readonly row: number;
  readonly sheet: string;
  readonly title: string;
  readonly kind: string;
  readonly version: string;
  readonly packId: string;
  readonly year: number;
  readonly packJson?: string;
  /** Required input cells of the form that start empty (A1 addresses). */
  readonly requiredInputs: readonly string[];
}

/**
 * `setup` creates the marker row; `link` points it at the template sheet and must come after that
 * sheet exists (a door that calculates would otherwise store #REF!).
 */
export function markerEdits(entry: MarkerEntry, sheetExists: boolean): { setup: Edit[]; link: Edit } {
  const sheet = MARKER_SHEET;
  const edits: Edit[] = [];
  if (!sheetExists) {
    edits.push({ op: "addSheet", sheet, visibility: "veryHidden" });
    const headers = ["sheet", "kind", "tplver", "pack", "year", "inputs", "packJson"];
    headers.forEach((header, i) => edits.push({ op: "setValue", sheet, cell: cellAddress(1, i + 1), value: header }));
    for (const [name, column] of MARKER_NAMES) {
      const col = MARKER_COLUMNS[column];
      edits.push({
        op: "defineName",
        name,
        reference: `'${sheet}'!$${columnLetters(col)}$2:$${columnLetters(col)}$${MAX_TEMPLATES + 1}`,
        hidden: true,
      });
    }
  }
  edits.push({ op: "setValue", sheet, cell: cellAddress(entry.row, MARKER_COLUMNS.kind), value: entry.kind });
  edits.push({ op: "setValue", sheet, cell: cellAddress(entry.row, MARKER_COLUMNS.version), value: entry.version });
  edits.push({ op: "setValue", sheet, cell: cellAddress(entry.row, MARKER_COLUMNS.pack), value: entry.packId });
  edits.push({ op: "setValue", sheet, cell: cellAddress(entry.row, MARKER_COLUMNS.year), value: entry.year });
  edits.push({ op: "setValue", sheet, cell: cellAddress(entry.row, MARKER_COLUMNS.inputs), value: entry.requiredInputs.join(",") });
  if (entry.packJson !== undefined) {
    chunks(entry.packJson).forEach((chunk, i) =>
      edits.push({ op: "setValue", sheet, cell: cellAddress(entry.row, MARKER_COLUMNS.json + i), value: chunk }),
    );
  }
  // A reference, not a copy of the name: Excel rewrites it when the template sheet is renamed.
  const link: Edit = { op: "setFormula", sheet, cell: cellAddress(entry.row, MARKER_COLUMNS.sheet), formula: `=${absolute(entry.sheet, 1, 1)}`, result: entry.title };
  return { setup: edits, link };
}
