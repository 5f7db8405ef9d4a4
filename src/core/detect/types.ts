// A detected table: where it is, what kind it is, and how its header maps to columns.
import type { CellRange } from "../workbook/address";
import type { TableKind } from "../report/vocabulary";

export interface HeaderColumn {
  readonly col: number;
  /** Folded header texts of this column, outermost first (a merged group header, then its sub-header). */
  readonly path: readonly string[];
}

export interface DetectedTable {
  /** Stable within a workbook: sheet position and range, e.g. "s2!A1:E27". */
  readonly id: string;
  readonly sheet: string;
  readonly sheetIndex: number;
  readonly range: CellRange;
  readonly kind: TableKind;
  /** The project's or department's name for a form; the table's own title for a budget table. */
  readonly title: string;
  /** Row of the title line, when the table has one. */
  readonly titleRow?: number;
  /** The rows holding the column headers (for tabular kinds and for a form's indicator block). */
  readonly headerRows?: { readonly top: number; readonly bottom: number };
  /** The header map: each column under the header with its header path. */
  readonly columns: readonly HeaderColumn[];
}
