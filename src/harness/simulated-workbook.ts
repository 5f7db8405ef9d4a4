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

/** Excel's conditional format types; the add-in only ever adds "Custom". */
export type ConditionalFormatType = "Custom" | "CellValue" | "ColorScale" | "DataBar" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText";

export interface SimulatedConditionalFormat {
  /** Excel documents the id as the format's priority in its collection: renumbered on reopen (see reopen.ts). */
  id: string;
  readonly type: ConditionalFormatType;
  readonly ranges: readonly CellRange[];
  /** The rule's formula for Custom (and CellValue) formats, "" for the others. */
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

/** Sheet protection as Excel keeps it: on or off, the options it was given, and a password if any. */
export interface SimulatedProtection {
  protected: boolean;
  options: Readonly<Record<string, boolean>>;
  password?: string;
}

export interface SimulatedSheet {
  /** Worksheet.id: stable within a session only (office-js-docs issue 297); renumbered on reopen. */
  id: string;
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
  protection: SimulatedProtection;
}

let sheetsCreated = 0;

/** A session-style worksheet id, as Excel gives a sheet added in this session. */
function sessionSheetId(): string {
  sheetsCreated += 1;
  return `{${(0x3a000000 + sheetsCreated).toString(16).toUpperCase()}-5B2A-4C61-9A47-${String(sheetsCreated).padStart(12, "0")}}`;
}

/** A sheet with nothing in it, as Excel adds one. */
export function emptySheet(name: string, visibility: ExcelSheetVisibility = "Visible"): SimulatedSheet {
  return {
    id: sessionSheetId(),
    name,
    visibility,
    cells: new Map(),
    merges: [],
    conditionalFormats: [],
    validations: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    pageLayout: {},
    protection: { protected: false, options: {} },
  };
}

/** How strict the simulated host is about Office.js's limits; Excel on the web by default. */
export interface SimulatedHostLimits {
  /** Bytes per request and per response of one sync: 5 MB on Excel on the web, none on the desktop. */
  payloadBytes: number | undefined;
}

/** Excel on the web's limit: "a payload size limit for requests and responses of 5MB". */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SimulatedName {
  readonly reference: string;
  visible: boolean;
}

/** What went over the wire in the simulated API, as Excel on the web would count it. */
export interface ApiTraffic {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  /** Cells whose values were read (Range.values loads): what proves a re-check read only its table. */
  cellsRead?: number;
}

/** What a WorksheetCollection.onChanged handler receives (Excel.WorksheetChangedEventArgs, ExcelApi 1.7). */
export interface SimulatedChangeEvent {
  readonly type: "WorksheetChanged";
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted" | "CellInserted" | "CellDeleted";
  readonly source: "Local" | "Remote";
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
  readonly traffic: ApiTraffic = { syncs: 0, requestBytes: 0, responseBytes: 0, cellsRead: 0 };
  /** Handlers registered through worksheets.onChanged (they live as long as the workbook is open). */
  readonly changeHandlers = new Set<(event: SimulatedChangeEvent) => Promise<unknown> | unknown>();
  limits: SimulatedHostLimits = { payloadBytes: WEB_PAYLOAD_LIMIT_BYTES };
  /** Every request sent, when a test wants to see what the adapter asked for. */
  requestLog: unknown[] | undefined;
  /** Application.calculationMode; in Manual, formulas keep their values until a recalculation. */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** Bumped on every change, so views know when to redraw. */
  version = 0;
  private nextFormatId = 1;
  private readonly listeners = new Set<() => void>();
  private cellEdit: { ended: Promise<void>; end: () => void } | undefined;

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

  /** The user typing in a cell: batches fail meanwhile unless run with delayForCellEdit. */
  get inCellEditMode(): boolean {
    return this.cellEdit !== undefined;
  }

  userStartCellEdit(): void {
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { ended, end };
  }

  userEndCellEdit(): void {
    const edit = this.cellEdit;
    this.cellEdit = undefined;
    edit?.end();
  }

  /** Resolves when the user leaves cell edit mode (at once if not editing). */
  cellEditEnded(): Promise<void> {
    return this.cellEdit?.ended ?? Promise.resolve();
  }

  /** A conditional format the user made in Excel's Home → Conditional Formatting. */
  userAddConditionalFormat(sheetName: string, format: Omit<SimulatedConditionalFormat, "id">): SimulatedConditionalFormat {
    const added = { ...format, id: this.newConditionalFormatId() };
    this.requireSheet(sheetName).conditionalFormats.push(added);
    this.changed();
    return added;
  }

  /** The user renaming a sheet: Excel rewrites every formula that refers to it. */
  userRenameSheet(from: string, to: string): void {
    const sheet = this.requireSheet(from);
    sheet.name = to;
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'!`;
    for (const each of this.sheets) {
      for (const cell of each.cells.values()) {
        if (cell.formula?.includes(quoted(from))) cell.formula = cell.formula.split(quoted(from)).join(quoted(to));
      }
    }
    if (this.activeSheet === from) this.activeSheet = to;
    this.changed();
  }

  /** The user's 移动或复制 → 建立副本: everything on the sheet, conditional formats and protection included. */
  userCopySheet(from: string): SimulatedSheet {
    const source = this.requireSheet(from);
    let name = `${from} (2)`;
    for (let n = 3; this.sheet(name); n++) name = `${from} (${n})`;
    const copy: SimulatedSheet = {
      ...emptySheet(name, source.visibility),
      merges: source.merges.map((merge) => ({ ...merge })),
      conditionalFormats: source.conditionalFormats.map((format) => ({ ...format, id: this.newConditionalFormatId() })),
      validations: source.validations.map((validation) => ({ ...validation })),
      pageLayout: { ...source.pageLayout },
      protection: { ...source.protection, options: { ...source.protection.options } },
    };
    for (const [key, cell] of source.cells) copy.cells.set(key, { ...cell });
    this.sheets.splice(this.sheets.indexOf(source) + 1, 0, copy);
    this.changed();
    return copy;
  }

  /** 审阅 → 保护工作表, with or without a password. */
  userProtectSheet(sheetName: string, password?: string): void {
    this.requireSheet(sheetName).protection = { protected: true, options: {}, ...(password ? { password } : {}) };
    this.changed();
  }

  private requireSheet(name: string): SimulatedSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** Excel raises change events after the change, asynchronously: handlers run on a later task. */
  raiseChange(sheet: SimulatedSheet, area: CellRange, changeType: SimulatedChangeEvent["changeType"] = "RangeEdited"): void {
    const address = rangeAddressOf(area, changeType);
    const event: SimulatedChangeEvent = { type: "WorksheetChanged", worksheetId: sheet.id, address, changeType, source: "Local" };
    for (const handler of [...this.changeHandlers]) setTimeout(() => void handler(event), 0);
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
        protected: sheet.protection.protected,
      })),
      settings: Object.fromEntries(this.settings),
      names: [...this.names.keys()].sort(),
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
    protected: boolean;
  }[];
  settings: Record<string, string>;
  names: string[];
}

function rangeAddressOf(area: CellRange, changeType: SimulatedChangeEvent["changeType"]): string {
  // Excel names whole rows or columns for structural changes ("5:6", "C:C").
  if (changeType === "RowInserted" || changeType === "RowDeleted") return `${area.top}:${area.bottom}`;
  if (changeType === "ColumnInserted" || changeType === "ColumnDeleted") return `${cellAddress(1, area.left).replace(/\d+$/, "")}:${cellAddress(1, area.right).replace(/\d+$/, "")}`;
  const start = cellAddress(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? start : `${start}:${cellAddress(area.bottom, area.right)}`;
}

function compareKeys(a: string, b: string): number {
  const [ra, ca] = a.split(":").map(Number);
  const [rb, cb] = b.split(":").map(Number);
  return ra - rb || ca - cb;
}
