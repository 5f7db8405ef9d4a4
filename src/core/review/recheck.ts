// Re-checking after edits: which parts of a workbook to read again, from the change signals a door
// collected, and how to put what was read back into the snapshot the pane holds.
//
// Excel's change events are a dirty signal, not a full account: they name the edited area, but a
// paste can reach past it, structural changes (rows or columns inserted or deleted) move everything
// below or to the right and are reported with odd addresses (office-js issues 669, 728), some edits
// fire nothing at all (a value picked from a validation list, issue 420; Text to Columns, 3729), and
// a formula elsewhere that depends on an edited cell recalculates without any event. So:
// - an edit inside a known table re-reads that table;
// - an edit outside every table, a structural change, or a change the door could not place re-reads
//   the whole sheet (a table may have grown, appeared or moved);
// - a table holding formulas that refer to a re-read area (on its own sheet, or by sheet name) is
//   re-read too, until nothing more is added;
// - a sheet the snapshot does not know (added, renamed) means a full read.
// The 重新检查 button stays for what no event reports.
import type { DetectedTable } from "../detect/types";
import { parseRange, rangesOverlap, type CellRange } from "../workbook/address";
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";

export interface ChangeSignal {
  readonly sheet: string;
  /** The changed area ("B4", "B4:C9"); undefined when the door could not tell. */
  readonly address?: string;
  /** Rows, columns or cells inserted or deleted, sorting, or anything else that moves cells. */
  readonly structural: boolean;
  /** Made by a coauthor (Excel's EventSource "Remote"), not in this Excel. */
  readonly remote?: boolean;
}

export interface AreaRequest {
  readonly sheet: string;
  /** undefined: the whole sheet (its used area, as it is now). */
  readonly range?: CellRange;
}

export type ReReadPlan = { readonly kind: "full"; readonly why: string } | { readonly kind: "areas"; readonly areas: readonly AreaRequest[]; readonly tables: readonly string[] };

const REFERENCE = /(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.\u4e00-\u9fff]+))!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

/** The areas a formula refers to, each with its sheet (the formula's own when unqualified). */
export function formulaReferences(formula: string, ownSheet: string): { sheet: string; range: CellRange }[] {
  const references: { sheet: string; range: CellRange }[] = [];
  // Text in quotes is not a reference.
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const match of code.matchAll(REFERENCE)) {
    const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] ?? ownSheet);
    const start = `${match[3]}${match[4]}`;
    const end = match[5] !== undefined ? `${match[5]}${match[6]}` : start;
    try {
      references.push({ sheet, range: parseRange(`${start}:${end}`) });
    } catch {
      // Not an address after all (a function name such as LOG10): ignored.
    }
  }
  return references;
}

function tableReferences(table: DetectedTable, sheet: SheetSnapshot): { sheet: string; range: CellRange }[] {
  const references: { sheet: string; range: CellRange }[] = [];
  for (let row = table.range.top; row <= table.range.bottom; row++) {
    const line = sheet.rows[row - 1];
    if (!line) continue;
    for (let col = table.range.left; col <= Math.min(table.range.right, line.length); col++) {
      const formula = line[col - 1]?.formula;
      if (formula !== undefined) references.push(...formulaReferences(formula, sheet.name));
    }
  }
  return references;
}

const EVERYWHERE: CellRange = { top: 1, left: 1, bottom: 1_048_576, right: 16_384 };

export function planReRead(tables: readonly DetectedTable[], workbook: WorkbookSnapshot, signals: readonly ChangeSignal[]): ReReadPlan {
  const known = new Set(workbook.sheets.map((sheet) => sheet.name));
  const wholeSheets = new Set<string>();
  const dirtyTables = new Set<DetectedTable>();
  for (const signal of signals) {
    if (!known.has(signal.sheet)) return { kind: "full", why: `sheet ${signal.sheet} is not in the snapshot` };
    if (signal.structural || signal.address === undefined) {
      wholeSheets.add(signal.sheet);
      continue;
    }
    const onSheet = tables.filter((table) => table.sheet === signal.sheet);
    for (const part of signal.address.split(",")) {
      let area: CellRange;
      try {
        area = /^\$?[A-Z]+:\$?[A-Z]+$/i.test(part.replace(/^.*!/, "").trim()) || /^\$?\d+:\$?\d+$/.test(part.replace(/^.*!/, "").trim()) ? EVERYWHERE : parseRange(part.trim());
      } catch {
        wholeSheets.add(signal.sheet);
        continue;
      }
      const inside = onSheet.filter((table) => rangesOverlap(table.range, area));
      inside.forEach((table) => dirtyTables.add(table));
      const covered = inside.some((table) => table.range.top <= area.top && table.range.left <= area.left && table.range.bottom >= area.bottom && table.range.right >= area.right);
      if (!covered) wholeSheets.add(signal.sheet);
    }
  }
  // Tables whose formulas read a re-read area are re-read too, until nothing more is added.
  const referencesOf = new Map<DetectedTable, { sheet: string; range: CellRange }[]>();
  const sheetByName = new Map(workbook.sheets.map((sheet) => [sheet.name, sheet]));
  for (const table of tables) {
    const sheet = sheetByName.get(table.sheet);
    if (sheet) referencesOf.set(table, tableReferences(table, sheet));
  }
  const reReads = (sheet: string, range: CellRange) => wholeSheets.has(sheet) || [...dirtyTables].some((table) => table.sheet === sheet && rangesOverlap(table.range, range));
  for (let added = true; added; ) {
    added = false;
    for (const table of tables) {
      if (dirtyTables.has(table) || wholeSheets.has(table.sheet)) continue;
      if ((referencesOf.get(table) ?? []).some((reference) => reReads(reference.sheet, reference.range))) {
        dirtyTables.add(table);
        added = true;
      }
    }
  }
  const areas: AreaRequest[] = [...wholeSheets].map((sheet) => ({ sheet }));
  for (const table of dirtyTables) if (!wholeSheets.has(table.sheet)) areas.push({ sheet: table.sheet, range: table.range });
  const tableIds = tables.filter((table) => dirtyTables.has(table) || wholeSheets.has(table.sheet)).map((table) => table.id);
  return { kind: "areas", areas, tables: tableIds };
}

/** What a door read for one request: the cells of the area (rows from 1, as in a sheet snapshot),
 *  the merges starting in it, and for a whole sheet its visibility and used area. */
export interface AreaRead {
  readonly request: AreaRequest;
  readonly sheet: SheetSnapshot;
}

/**
 * The snapshot with the areas read again put in: a whole sheet replaces its old self; a table's range
 * replaces the cells and the merges inside it, everything else of the sheet is kept as it was.
 */
export function patchSnapshot(workbook: WorkbookSnapshot, reads: readonly AreaRead[]): WorkbookSnapshot {
  const sheets = workbook.sheets.map((sheet) => {
    let patched = sheet;
    for (const { request, sheet: read } of reads) {
      if (request.sheet !== sheet.name) continue;
      if (request.range === undefined) {
        patched = read;
        continue;
      }
      patched = patchRange(patched, request.range, read);
    }
    return patched;
  });
  return { ...workbook, sheets };
}

function patchRange(sheet: SheetSnapshot, range: CellRange, read: SheetSnapshot): SheetSnapshot {
  const rows: (ReadonlyArray<Cell | undefined> | undefined)[] = sheet.rows.slice();
  for (let row = range.top; row <= range.bottom; row++) {
    const line: (Cell | undefined)[] = (rows[row - 1] ?? []).slice();
    const fresh = read.rows[row - 1];
    for (let col = range.left; col <= range.right; col++) line[col - 1] = fresh?.[col - 1];
    // Trailing empties are dropped so that the row keeps its usual shape.
    while (line.length > 0 && line[line.length - 1] === undefined) line.pop();
    rows[row - 1] = line.length > 0 ? line : undefined;
  }
  while (rows.length > 0 && rows[rows.length - 1] === undefined) rows.pop();
  const inside = (merge: CellRange) => merge.top >= range.top && merge.left >= range.left && merge.bottom <= range.bottom && merge.right <= range.right;
  const merges = [...sheet.merges.filter((merge) => !inside(merge)), ...read.merges.filter(inside)];
  return { ...sheet, rows, merges };
}
