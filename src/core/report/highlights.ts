// Findings → highlight edits: which cells to mark, in which colour. Pure; each door applies the
// edits in its one edit-applying place and can take them away again without touching the cells.
import type { Edit } from "../edits";
import { parseCellAddress } from "../workbook/address";
import type { Finding } from "./finding";
import type { Severity } from "./vocabulary";

export type HighlightEdit = Extract<Edit, { op: "highlight" }>;

/** Excel's own built-in cell styles "Bad" and "Neutral", and a light accent for info, so the marks
 *  read the way finance staff already know from Excel. */
export const HIGHLIGHT_STYLES: Record<Severity, { readonly fill: string; readonly fontColor: string }> = {
  error: { fill: "#FFC7CE", fontColor: "#9C0006" },
  warning: { fill: "#FFEB9C", fontColor: "#9C5700" },
  info: { fill: "#DDEBF7", fontColor: "#1F4E78" },
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Excel rejects very long multi-area addresses; stay far below its limit per edit. */
export const MAX_ADDRESS_TEXT_PER_EDIT = 2000;

function byPosition(a: string, b: string): number {
  const pa = parseCellAddress(a);
  const pb = parseCellAddress(b);
  return pa.row - pb.row || pa.col - pb.col;
}

/**
 * One edit per sheet and severity (split when the address list gets long). A cell named by several
 * findings is marked once, with the most severe of them.
 */
export function highlightEdits(findings: readonly Finding[]): HighlightEdit[] {
  const severityOfCell = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const finding of findings) {
    for (const cell of [finding.cell, ...(finding.cells ?? [])]) {
      const key = `${finding.sheet}\u0000${cell}`;
      const known = severityOfCell.get(key);
      if (!known || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[known.severity]) {
        severityOfCell.set(key, { sheet: finding.sheet, cell, severity: finding.severity });
      }
    }
  }
  const cellsBySheetAndSeverity = new Map<string, { sheet: string; severity: Severity; cells: string[] }>();
  for (const { sheet, cell, severity } of severityOfCell.values()) {
    const key = `${sheet}\u0000${severity}`;
    let group = cellsBySheetAndSeverity.get(key);
    if (!group) {
      group = { sheet, severity, cells: [] };
      cellsBySheetAndSeverity.set(key, group);
    }
    group.cells.push(cell);
  }
  const edits: HighlightEdit[] = [];
  for (const { sheet, severity, cells } of cellsBySheetAndSeverity.values()) {
    cells.sort(byPosition);
    let batch: string[] = [];
    let batchLength = 0;
    const flush = (): void => {
      if (batch.length === 0) return;
      edits.push({ op: "highlight", sheet, ranges: batch, severity, ...HIGHLIGHT_STYLES[severity] });
      batch = [];
      batchLength = 0;
    };
    for (const cell of cells) {
      if (batchLength + cell.length + 2 > MAX_ADDRESS_TEXT_PER_EDIT) flush();
      batch.push(cell);
      batchLength += cell.length + 2;
    }
    flush();
  }
  return edits;
}
