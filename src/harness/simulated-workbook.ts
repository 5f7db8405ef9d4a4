// The harness's stand-in for a workbook open in Excel: cells with their own formatting, merges,
// conditional formats, selection and document settings. Only the simulated Excel API
// (simulated-excel.ts) changes it, and only inside a sync, as real Excel would.
import { cellAddress, type CellRange } from "../core/workbook/address";

export type ExcelValueType = "Double" | "String" | "Boolean" | "Error" | "Empty";
export type ExcelSheetVisibility = "Visible" | "Hidden" | "VeryHidden";

/** A cell's own formatting, as the user or the file set it; colours as #RRGGBB or "theme:N". */
export interface CellStyle {
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean;
  /** Border description per side ("thin #000000"), null for none. */
  readonly borders: { readonly top: string | null; readonly bottom: string | null; readonly left: string | null; readonly right: string | null };
  // Set only by the simulated API (inserted templates); cells read from a file leave them out.
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly horizontalAlignment?: string;
  readonly verticalAlignment?: string;
  readonly wrapText?: boolean;
  /** Excel's default is locked; false marks an input of a protected sheet. */
  readonly locked?: boolean;
}

export const PLAIN_STYLE: CellStyle = Object.freeze({
  fill: null,
  fontColor: null,
  bold: false,
  borders: Object.freeze({ top: null, bottom: null, left: null, right: null }),
});

export interface SimulatedCell {
  value: number | string | boolean;
  valueType: ExcelValueType;
  /** "=SUM(A1:A3)" for a formula cell. */
  formula?: string;
  numberFormat: string;
  style: CellStyle;
  /** A formula written through the API, which the harness calculates (a file's formulas keep their cached values). */
  calculated?: boolean;
}

/** A data validation rule as the Excel API takes it: list (source formula or inline) or number bounds. */
export interface SimulatedValidation {
  readonly range: CellRange;
  readonly type: "list" | "decimal" | "wholeNumber";
  /** List source ("=name", "=INDIRECT(...)" or "a,b,c"); for numbers, the bounds. */
  readonly source?: string;
  readonly operator?: string;
  readonly formula1?: number | string;
  readonly formula2?: number | string;
  prompt?: string;
}

export interface SimulatedPageLayout {
  paperSize?: string;
  orientation?: string;
  printTitleRows?: string;
  centerHorizontally?: boolean;
  fitToPagesWide?: number;
}

export interface SimulatedConditionalFormat {
  readonly id: string;
  readonly ranges: readonly CellRange[];
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface SimulatedSheet {
  name: string;
  visibility: ExcelSheetVisibility;
  /** Key: cellKey(row, col), 1-based. */
  readonly cells: Map<string, SimulatedCell>;
  readonly merges: CellRange[];
  readonly conditionalFormats: SimulatedConditionalFormat[];
  readonly validations: SimulatedValidation[];
  /** Points, by 1-based column / row; absent means Excel's default. */
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  pageLayout: SimulatedPageLayout;
  protected: boolean;
}

/** A sheet with nothing in it, as Excel adds one. */
export function emptySheet(name: string, visibility: ExcelSheetVisibility = "Visible"): SimulatedSheet {
  return { name, visibility, cells: new Map(), merges: [], conditionalFormats: [], validations: [], columnWidths: new Map(), rowHeights: new Map(), pageLayout: {}, protected: false };
}

export interface SimulatedName {
  readonly reference: string;
  visible: boolean;
}

/** What went over the wire in the simulated API, as Excel on the web would count it. */
export interface ApiTraffic {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
}

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

export class SimulatedWorkbook {
  readonly sheets: SimulatedSheet[];
  readonly settings = new Map<string, string>();
  /** Workbook-level defined names, by name. */
  readonly names = new Map<string, SimulatedName>();
  activeSheet: string;
  selection: { sheet: string; range: CellRange } | undefined;
  readonly traffic: ApiTraffic = { syncs: 0, requestBytes: 0, responseBytes: 0 };
  /** Bumped on every change, so views know when to redraw. */
  version = 0;
  private nextFormatId = 1;
  private readonly listeners = new Set<() => void>();

  constructor(sheets: SimulatedSheet[]) {
    this.sheets = sheets;
    this.activeSheet = sheets.find((sheet) => sheet.visibility === "Visible")?.name ?? sheets[0]?.name ?? "";
  }

  sheet(name: string): SimulatedSheet | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  newConditionalFormatId(): string {
    return `{BC-${this.nextFormatId++}}`;
  }

  /** Called by the simulated API after every sync, and by the harness for the user's own actions. */
  changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The user formatting a cell by hand (as in Excel's Home tab), outside any add-in call. */
  userSetFill(sheetName: string, row: number, col: number, fill: string | null): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const key = cellKey(row, col);
    const cell = sheet.cells.get(key) ?? { value: "", valueType: "Empty", numberFormat: "General", style: PLAIN_STYLE };
    sheet.cells.set(key, { ...cell, style: { ...cell.style, fill } });
    this.changed();
  }

  /** Every cell's value, formula, number format and own formatting, plus the add-in-visible layers;
   *  for comparing the workbook before and after a check. */
  dump(): WorkbookDump {
    return {
      sheets: this.sheets.map((sheet) => ({
        name: sheet.name,
        visibility: sheet.visibility,
        merges: sheet.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
        cells: [...sheet.cells.entries()]
          .sort(([a], [b]) => compareKeys(a, b))
          .map(([key, cell]) => {
            const [row, col] = key.split(":").map(Number);
            return { address: cellAddress(row, col), ...cell };
          }),
        conditionalFormats: sheet.conditionalFormats.length,
      })),
      settings: Object.fromEntries(this.settings),
    };
  }
}

export interface WorkbookDump {
  sheets: {
    name: string;
    visibility: ExcelSheetVisibility;
    merges: string[];
    cells: (SimulatedCell & { address: string })[];
    conditionalFormats: number;
  }[];
  settings: Record<string, string>;
}

function compareKeys(a: string, b: string): number {
  const [ra, ca] = a.split(":").map(Number);
  const [rb, cb] = b.split(":").map(Number);
  return ra - rb || ca - cb;
}
