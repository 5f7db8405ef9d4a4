// A simulated Excel JavaScript API over a SimulatedWorkbook: the subset the adapter (src/excel) uses,
// with Office.js's batching rules. Calls only queue work; context.sync() runs the queue in order
// against the workbook, fills in loaded properties and counts the traffic. Reading a property that
// was not loaded and synced throws, and nothing reaches the workbook (or the grid) before sync.
//
// office-addin-mock's OfficeMockObject covers seeded object paths, but reads of unloaded properties
// return a string instead of throwing and methods such as getRanges or conditionalFormats.add would
// all have to be hand-seeded, so this host implements the subset directly.
import { parseRange, rangeAddress, rangeContains, rangesOverlap, type CellRange } from "../core/workbook/address";
import type { ExcelBatchRunner } from "../excel/excel-host";
import { evaluateFormula, FormulaError } from "./formula";
import {
  cellKey,
  emptySheet,
  PLAIN_STYLE,
  type CellStyle,
  type SimulatedCell,
  type SimulatedConditionalFormat,
  type SimulatedSheet,
  type SimulatedValidation,
  type SimulatedWorkbook,
} from "./simulated-workbook";

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

export class SimulatedApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

interface QueuedOperation {
  readonly request: unknown;
  /** Runs against the workbook; a load returns its response and what to keep once the response arrives. */
  readonly run: () => unknown;
}

function isLoadRequest(request: unknown): boolean {
  return typeof request === "object" && request !== null && "load" in request;
}

/** What a load operation hands back: the response payload, and the step that makes it readable. */
class LoadResult {
  constructor(
    readonly response: Record<string, unknown>,
    readonly commit: () => void,
  ) {}
}

class SimulatedContext {
  private queue: QueuedOperation[] = [];
  readonly workbook: WorkbookProxy;
  constructor(
    readonly state: SimulatedWorkbook,
    private readonly options: { delayForCellEdit?: boolean },
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(request: unknown, run: () => unknown): void {
    this.queue.push({ request, run });
  }

  /**
   * Runs the queue in order, as Excel does: a batch is not a transaction, so the operations before a
   * failing one stay applied and the rest never run. Excel on the web refuses a request or a response
   * above its payload limit; a refused response delivers nothing (writes of that batch are done).
   */
  async sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    const state = this.state;
    const traffic = state.traffic;
    traffic.syncs += 1;
    const requestBytes = byteLength(operations.map((operation) => operation.request));
    state.requestLog?.push(...operations.map((operation) => operation.request));
    traffic.requestBytes += requestBytes;
    if (state.inCellEditMode) {
      // RunOptions.delayForCellEdit: without it "the batch automatically fails".
      if (!this.options.delayForCellEdit) throw new SimulatedApiError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      await state.cellEditEnded();
    }
    const limit = state.limits.payloadBytes;
    if (limit !== undefined && requestBytes > limit) {
      throw new SimulatedApiError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    const responses: unknown[] = [];
    const commits: (() => void)[] = [];
    let responseBytes = 0;
    try {
      for (const operation of operations) {
        const result = operation.run();
        if (result instanceof LoadResult) {
          responses.push(result.response);
          commits.push(result.commit);
        } else {
          responses.push(result ?? null);
        }
      }
    } finally {
      if (state.calculationMode !== "Manual") recalculate(state);
      responseBytes = byteLength(responses);
      traffic.responseBytes += responseBytes;
      // Only a batch that did more than load can change what the grid shows; redrawing the grid after
      // every read would count the harness's own rendering in the pane's read time.
      if (operations.some((operation) => !isLoadRequest(operation.request))) state.changed();
    }
    if (limit !== undefined && responseBytes > limit) {
      throw new SimulatedApiError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    for (const commit of commits) commit();
  }
}

function byteLength(payload: unknown): number {
  return new TextEncoder().encode(JSON.stringify(payload)).length;
}

function notLoaded(property: string): SimulatedApiError {
  return new SimulatedApiError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Base of every proxy: load() queues a read, properties come back only through sync(). */
abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(protected readonly context: SimulatedContext) {}

  load(properties?: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : (properties ?? "").split(","))
      .map((name) => name.trim())
      .filter((name) => name !== "");
    this.context.enqueue({ load: names }, () => {
      const values = this.fetch(names);
      return new LoadResult(values, () => {
        for (const [name, value] of Object.entries(values)) this.loaded.set(name, value);
      });
    });
    return this;
  }

  untrack(): this {
    return this;
  }

  /** What the response carries for this object: its loaded properties (counted as payload bytes). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** Loads properties at once: a collection's items arrive already loaded inside its sync. */
  preload(properties: readonly string[]): void {
    for (const [name, value] of Object.entries(this.fetch(properties))) this.loaded.set(name, value);
  }

  protected loadedValue<T>(property: string): T {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as T;
  }

  protected isLoaded(property: string): boolean {
    return this.loaded.has(property);
  }

  /** Current values of the named properties, read from the workbook at sync time. */
  protected abstract fetch(names: readonly string[]): Record<string, unknown>;
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(context: SimulatedContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.settings = new SettingCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context);
    this.application = new ApplicationProxy(context);
  }
}

/** Application.calculationMode (read, ExcelApi 1.1) and calculate() (ExcelApi 1.1). */
class ApplicationProxy extends ClientObject {
  get calculationMode(): string {
    return this.loadedValue("calculationMode");
  }

  calculate(calculationType: string): void {
    this.context.enqueue({ method: "application.calculate", calculationType }, () => recalculate(this.context.state));
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const name of names) {
      if (name === "calculationMode") values.calculationMode = this.context.state.calculationMode;
      else throw new SimulatedApiError("InvalidArgument", `Application has no property ${name} in this host`);
    }
    return values;
  }
}

/** Formulas written through the API are worked out after every sync, as Excel calculates on entry;
 *  a few passes settle formulas that refer to other new formulas. */
export function recalculate(state: SimulatedWorkbook): void {
  const live = state.sheets.flatMap((sheet) => [...sheet.cells.values()].filter((cell) => cell.calculated && cell.formula).map((cell) => ({ sheet, cell })));
  const read = (sheetName: string, row: number, col: number) => {
    const cell = state.sheet(sheetName)?.cells.get(cellKey(row, col));
    if (!state.sheet(sheetName)) return new FormulaError("#REF!");
    if (!cell || cell.valueType === "Empty") return "";
    return cell.valueType === "Error" ? new FormulaError(String(cell.value)) : cell.value;
  };
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (const { sheet, cell } of live) {
      const result = evaluateFormula(cell.formula!, sheet.name, read);
      const next = result instanceof FormulaError ? { value: result.code, valueType: "Error" as const } : { value: result, valueType: valueTypeOf(result) };
      if (next.value !== cell.value || next.valueType !== cell.valueType) {
        cell.value = next.value;
        cell.valueType = next.valueType;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

function valueTypeOf(value: number | string | boolean): SimulatedCell["valueType"] {
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return value === "" ? "Empty" : "String";
}

class WorksheetCollectionProxy extends ClientObject {
  get items(): WorksheetProxy[] {
    return this.loadedValue("items");
  }

  /** WorksheetCollection.onChanged (ExcelApi 1.9): the handler is registered when the batch syncs. */
  get onChanged() {
    const context = this.context;
    return {
      add: (handler: (event: unknown) => Promise<unknown>) => {
        context.enqueue({ method: "worksheets.onChanged.add" }, () => context.state.changeHandlers.add(handler));
        return {
          context,
          remove: () => context.enqueue({ method: "worksheets.onChanged.remove" }, () => context.state.changeHandlers.delete(handler)),
        };
      },
    };
  }

  /** Adds a visible sheet at the end, as Excel does; a taken name (any case) is an error. */
  add(name: string): WorksheetProxy {
    let created: SimulatedSheet | undefined;
    this.context.enqueue({ method: "worksheets.add", name }, () => {
      if (this.context.state.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) {
        throw new SimulatedApiError("ItemAlreadyExists", `A worksheet named ${name} already exists`);
      }
      created = emptySheet(name);
      this.context.state.sheets.push(created);
    });
    return new WorksheetProxy(this.context, () => {
      if (!created) throw new SimulatedApiError("InvalidOperation", "The worksheet was not added");
      return created;
    });
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const sheet = this.context.state.sheet(name);
      if (!sheet) throw new SimulatedApiError("ItemNotFound", `The requested resource doesn't exist: worksheet ${name}`);
      return sheet;
    });
  }

  /** ExcelApi 1.4: a null object (isNullObject) instead of an error when there is no such sheet. */
  getItemOrNullObject(name: string): WorksheetProxy {
    // Office.js takes a worksheet's name or its id here.
    const find = () => this.context.state.sheet(name) ?? this.context.state.sheets.find((sheet) => sheet.id === name);
    return new WorksheetProxy(
      this.context,
      () => {
        const sheet = find();
        if (!sheet) throw new SimulatedApiError("InvalidOperation", `The worksheet ${name} is a null object`);
        return sheet;
      },
      () => find() === undefined,
    );
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const itemProperties = names.filter((name) => name.startsWith("items/")).map((name) => name.slice("items/".length));
    const items = this.context.state.sheets.map((sheet) => {
      const proxy = new WorksheetProxy(this.context, () => sheet);
      proxy.preload(itemProperties);
      return proxy;
    });
    return { items };
  }
}

class WorksheetProxy extends ClientObject {
  constructor(
    context: SimulatedContext,
    private readonly locate: () => SimulatedSheet,
    /** For getItemOrNullObject: whether the sheet is missing (then only isNullObject loads). */
    private readonly missing?: () => boolean,
  ) {
    super(context);
  }

  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }

  get id(): string {
    return this.loadedValue("id");
  }

  get name(): string {
    return this.loadedValue("name");
  }

  /** Deleting a very hidden sheet fails: it must be made hidden first (office-js issue 365). */
  delete(): void {
    this.context.enqueue({ method: "worksheet.delete" }, () => {
      const sheet = this.locate();
      if (sheet.visibility === "VeryHidden") throw new SimulatedApiError("GeneralException", "There was an internal error while processing the request.");
      const sheets = this.context.state.sheets;
      if (sheets.filter((each) => each.visibility === "Visible" && each !== sheet).length === 0) {
        throw new SimulatedApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      sheets.splice(sheets.indexOf(sheet), 1);
      if (this.context.state.activeSheet === sheet.name) this.context.state.activeSheet = sheets.find((each) => each.visibility === "Visible")!.name;
    });
  }

  get visibility(): string {
    return this.loadedValue("visibility");
  }

  set visibility(visibility: string) {
    this.context.enqueue({ set: "visibility", visibility }, () => {
      if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") throw new SimulatedApiError("InvalidArgument", `visibility ${visibility}`);
      this.locate().visibility = visibility;
    });
  }

  /** pageLayout: paper, orientation, centring, fit to pages wide, print title rows (ExcelApi 1.9). */
  get pageLayout() {
    const write = (field: string, apply: (sheet: SimulatedSheet) => void, value: unknown) =>
      this.context.enqueue({ set: `pageLayout.${field}`, value }, () => apply(this.locate()));
    return {
      set paperSize(value: string) {
        write("paperSize", (sheet) => (sheet.pageLayout.paperSize = value), value);
      },
      set orientation(value: string) {
        write("orientation", (sheet) => (sheet.pageLayout.orientation = value), value);
      },
      set centerHorizontally(value: boolean) {
        write("centerHorizontally", (sheet) => (sheet.pageLayout.centerHorizontally = value), value);
      },
      set zoom(value: { horizontalFitToPages?: number }) {
        write("zoom", (sheet) => (sheet.pageLayout.fitToPagesWide = value.horizontalFitToPages), value);
      },
      setPrintTitleRows: (rows: string) => write("printTitleRows", (sheet) => (sheet.pageLayout.printTitleRows = rows), rows),
    };
  }

  /** Worksheet.protection (ExcelApi 1.2): protected, options; protect(options, password), unprotect(password). */
  get protection() {
    const loaded = <T>(name: string) => this.loadedValue<T>(`protection/${name}`);
    return {
      get protected(): boolean {
        return loaded("protected");
      },
      get options(): Record<string, boolean> {
        return loaded("options");
      },
      protect: (options?: Record<string, boolean>, password?: string) =>
        this.context.enqueue({ method: "protection.protect", options, password: password ? "***" : undefined }, () => {
          const sheet = this.locate();
          if (sheet.protection.protected) throw new SimulatedApiError("InvalidOperation", `The sheet ${sheet.name} is already protected.`);
          sheet.protection = { protected: true, options: { ...(options ?? {}) }, ...(password ? { password } : {}) };
        }),
      unprotect: (password?: string) =>
        this.context.enqueue({ method: "protection.unprotect", password: password ? "***" : undefined }, () => {
          const sheet = this.locate();
          if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
            throw new SimulatedApiError("InvalidArgument", "The password is incorrect.");
          }
          sheet.protection = { protected: false, options: {} };
        }),
    };
  }

  /** A hidden sheet cannot be the active one: Excel refuses to activate it. */
  activate(): void {
    this.context.enqueue({ method: "activate" }, () => {
      const sheet = this.locate();
      if (sheet.visibility !== "Visible") throw new SimulatedApiError("InvalidOperation", `The sheet ${sheet.name} is hidden and cannot be activated.`);
      this.context.state.activeSheet = sheet.name;
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, this.locate, () => usedArea(this.locate(), valuesOnly === true));
  }

  /** ExcelApi 1.4: a null object for a sheet with nothing in it. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, this.locate, () => usedArea(this.locate(), valuesOnly === true), () => isEmptySheet(this.locate(), valuesOnly === true));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this.locate, () =>
      address ? parseRange(address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS },
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, this.locate, () => ({
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rowCount,
      right: startColumn + columnCount,
    }));
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this.locate, () => address.split(",").map((part) => parseRange(part.trim())));
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    if (this.missing?.()) return { isNullObject: true };
    const sheet = this.locate();
    const values: Record<string, unknown> = this.missing ? { isNullObject: false } : {};
    for (const name of names) {
      if (name === "name") values.name = sheet.name;
      else if (name === "id") values.id = sheet.id;
      else if (name === "visibility") values.visibility = sheet.visibility;
      else if (name === "protection/protected") values[name] = sheet.protection.protected;
      else if (name === "protection/options") values[name] = { ...sheet.protection.options };
      else if (name !== "isNullObject") throw new SimulatedApiError("InvalidArgument", `Worksheet has no property ${name} in this host`);
    }
    return values;
  }
}

function isEmptySheet(sheet: SimulatedSheet, valuesOnly: boolean): boolean {
  return ![...sheet.cells.values()].some((cell) => !valuesOnly || cell.valueType !== "Empty" || cell.formula);
}

function usedArea(sheet: SimulatedSheet, valuesOnly: boolean): CellRange {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.valueType === "Empty" && !cell.formula) continue;
    const [row, col] = key.split(":").map(Number);
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
}

function grid<T>(area: CellRange, read: (row: number, col: number) => T): T[][] {
  const rows: T[][] = [];
  for (let row = area.top; row <= area.bottom; row++) {
    const line: T[] = [];
    for (let col = area.left; col <= area.right; col++) line.push(read(row, col));
    rows.push(line);
  }
  return rows;
}

class RangeProxy extends ClientObject {
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  constructor(
    context: SimulatedContext,
    private readonly locateSheet: () => SimulatedSheet,
    private readonly locateArea: () => CellRange,
    /** For the *OrNullObject methods: whether the range is a null object. */
    private readonly missing?: () => boolean,
  ) {
    super(context);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, locateSheet, () => [locateArea()]);
  }

  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }

  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get address(): string {
    return this.loadedValue("address");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  get valueTypes(): string[][] {
    return this.loadedValue("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }

  set values(values: unknown[][]) {
    this.write("values", values, (cell, value) => typedValue(cell, value));
  }

  set formulas(formulas: unknown[][]) {
    this.write("formulas", formulas, (cell, value) =>
      typeof value === "string" && value.startsWith("=") ? { ...cell, formula: value, calculated: true, value: "", valueType: "Empty" } : typedValue({ ...cell, formula: undefined, calculated: undefined }, value),
    );
  }

  set numberFormat(formats: unknown[][]) {
    this.write("numberFormat", formats, (cell, value) => ({ ...cell, numberFormat: String(value) }));
  }

  /** Writes a 2-D array of exactly the range's shape; null leaves a cell as it is (as in Office.js). */
  private write(property: string, grid: unknown[][], apply: (cell: SimulatedCell, value: unknown) => SimulatedCell): void {
    this.context.enqueue({ set: property, grid }, () => {
      const area = this.locateArea();
      const rows = area.bottom - area.top + 1;
      const columns = area.right - area.left + 1;
      if (!Array.isArray(grid) || grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== columns)) {
        throw new SimulatedApiError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size of the range (${rows}×${columns}).`);
      }
      const sheet = this.writableSheet();
      grid.forEach((line, r) =>
        line.forEach((value, c) => {
          if (value === null || value === undefined) return;
          const key = cellKey(area.top + r, area.left + c);
          sheet.cells.set(key, apply(sheet.cells.get(key) ?? blankCell(), value));
        }),
      );
      // Excel raises onChanged for an add-in's own writes too.
      if (property !== "numberFormat") this.context.state.raiseChange(sheet, area);
    });
  }

  private writableSheet(): SimulatedSheet {
    const sheet = this.locateSheet();
    // Excel refuses API writes to a protected sheet; templates therefore protect last.
    if (sheet.protection.protected) throw new SimulatedApiError("AccessDenied", `The sheet ${sheet.name} is protected.`);
    return sheet;
  }

  private restyle(field: string, value: unknown, change: (style: CellStyle, row: number, col: number) => CellStyle): void {
    this.context.enqueue({ set: `format.${field}`, value }, () => {
      const area = this.locateArea();
      const sheet = this.writableSheet();
      for (let row = area.top; row <= area.bottom; row++) {
        for (let col = area.left; col <= area.right; col++) {
          const key = cellKey(row, col);
          const cell = sheet.cells.get(key) ?? blankCell();
          sheet.cells.set(key, { ...cell, style: change(cell.style, row, col) });
        }
      }
    });
  }

  /** Range.format: fill, font, alignment, wrap, sizes, protection.locked and borders; writes queue until sync. */
  get format() {
    const restyle = (field: string, value: unknown, change: (style: CellStyle, row: number, col: number) => CellStyle) => this.restyle(field, value, change);
    const sizes = (field: "columnWidth" | "rowHeight", value: number) =>
      this.context.enqueue({ set: `format.${field}`, value }, () => {
        const area = this.locateArea();
        const sheet = this.writableSheet();
        if (field === "columnWidth") for (let col = area.left; col <= area.right; col++) sheet.columnWidths.set(col, value);
        else for (let row = area.top; row <= area.bottom; row++) sheet.rowHeights.set(row, value);
      });
    const area = () => this.locateArea();
    return {
      fill: {
        set color(value: string) {
          restyle("fill.color", value, (style) => ({ ...style, fill: value.toUpperCase() }));
        },
        clear: () => restyle("fill.clear", null, (style) => ({ ...style, fill: null })),
      },
      font: {
        set color(value: string) {
          restyle("font.color", value, (style) => ({ ...style, fontColor: value.toUpperCase() }));
        },
        set bold(value: boolean) {
          restyle("font.bold", value, (style) => ({ ...style, bold: value }));
        },
        set italic(value: boolean) {
          restyle("font.italic", value, (style) => ({ ...style, italic: value }));
        },
        set size(value: number) {
          restyle("font.size", value, (style) => ({ ...style, fontSize: value }));
        },
      },
      set horizontalAlignment(value: string) {
        restyle("horizontalAlignment", value, (style) => ({ ...style, horizontalAlignment: value }));
      },
      set verticalAlignment(value: string) {
        restyle("verticalAlignment", value, (style) => ({ ...style, verticalAlignment: value }));
      },
      set wrapText(value: boolean) {
        restyle("wrapText", value, (style) => ({ ...style, wrapText: value }));
      },
      set columnWidth(value: number) {
        sizes("columnWidth", value);
      },
      set rowHeight(value: number) {
        sizes("rowHeight", value);
      },
      protection: {
        set locked(value: boolean) {
          restyle("protection.locked", value, (style) => ({ ...style, locked: value }));
        },
      },
      borders: {
        getItem: (index: string) => {
          const side = (row: number, col: number): keyof CellStyle["borders"] | undefined => {
            const { top, bottom, left, right } = area();
            if (index === "EdgeTop" && row === top) return "top";
            if (index === "EdgeBottom" && row === bottom) return "bottom";
            if (index === "EdgeLeft" && col === left) return "left";
            if (index === "EdgeRight" && col === right) return "right";
            if (index === "InsideHorizontal" && row > top) return "top";
            if (index === "InsideVertical" && col > left) return "left";
            return undefined;
          };
          const line = (field: string, describe: (current: string | null) => string) =>
            restyle(`borders.${index}.${field}`, describe, (style, row, col) => {
              const which = side(row, col);
              return which ? { ...style, borders: { ...style.borders, [which]: describe(style.borders[which]) } } : style;
            });
          return {
            set style(value: string) {
              line("style", (current) => `${value}${current?.includes(" ") ? current.slice(current.indexOf(" ")) : " Thin"}`);
            },
            set weight(value: string) {
              line("weight", (current) => `${current?.split(" ")[0] ?? "Continuous"} ${value}`);
            },
          };
        },
      },
    };
  }

  merge(across?: boolean): void {
    this.context.enqueue({ method: "merge", across }, () => {
      const area = this.locateArea();
      const sheet = this.writableSheet();
      if (sheet.merges.some((merge) => rangesOverlap(merge, area))) throw new SimulatedApiError("InvalidOperation", `Cannot merge over another merged area at ${rangeAddress(area)}`);
      sheet.merges.push(area);
    });
  }

  /** Range.dataValidation: rule (list, decimal, wholeNumber), prompt; set on the whole range. */
  get dataValidation() {
    const enqueue = (field: string, value: unknown, run: (sheet: SimulatedSheet, area: CellRange) => void) =>
      this.context.enqueue({ set: `dataValidation.${field}`, value }, () => run(this.writableSheet(), this.locateArea()));
    return {
      set rule(rule: SimulatedRuleInput) {
        enqueue("rule", rule, (sheet, area) => {
          const validation = validationFrom(area, rule);
          const kept = sheet.validations.filter((existing) => !rangesOverlap(existing.range, area));
          sheet.validations.splice(0, sheet.validations.length, ...kept, validation);
        });
      },
      set prompt(prompt: { message?: string; showPrompt?: boolean }) {
        enqueue("prompt", prompt, (sheet, area) => {
          for (const validation of sheet.validations) if (rangesOverlap(validation.range, area)) validation.prompt = prompt.message;
        });
      },
      set errorAlert(alert: unknown) {
        enqueue("errorAlert", alert, () => undefined);
      },
    };
  }

  /** Range.clear("Contents"): values and formulas go, formats stay. */
  clear(applyTo?: string): void {
    this.context.enqueue({ method: "clear", applyTo }, () => {
      if (applyTo !== "Contents") throw new SimulatedApiError("InvalidArgument", "Only clear(\"Contents\") exists in this host");
      const area = this.locateArea();
      const sheet = this.writableSheet();
      for (const [key, cell] of [...sheet.cells]) {
        const [row, col] = key.split(":").map(Number);
        if (row < area.top || row > area.bottom || col < area.left || col > area.right) continue;
        // A cell with nothing but its content is gone; one with its own format keeps the format.
        if (cell.style === PLAIN_STYLE && cell.numberFormat === "General") sheet.cells.delete(key);
        else sheet.cells.set(key, { ...cell, value: "", valueType: "Empty", formula: undefined, calculated: undefined });
      }
    });
  }

  select(): void {
    this.context.enqueue({ method: "select" }, () => {
      const sheet = this.locateSheet();
      if (sheet.visibility !== "Visible") throw new SimulatedApiError("InvalidOperation", `The sheet ${sheet.name} is hidden; a range on it cannot be selected.`);
      this.context.state.activeSheet = sheet.name;
      this.context.state.selection = { sheet: sheet.name, range: this.locateArea() };
    });
  }

  /** Only merges whose top-left cell lies in the range (office-js issue 3611, "by design"), and an
   *  error above 512 of them (the method's documentation). */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this.locateSheet, () => {
      const area = this.locateArea();
      return this.locateSheet().merges.filter((merge) => rangeContains(area, merge.top, merge.left));
    }, true);
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    if (this.missing?.()) return { isNullObject: true };
    const sheet = this.locateSheet();
    const area = this.locateArea();
    const cellCount = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    const at = (row: number, col: number) => sheet.cells.get(cellKey(row, col));
    const values: Record<string, unknown> = this.missing ? { isNullObject: false } : {};
    for (const name of names) {
      if (["values", "valueTypes", "formulas", "numberFormat"].includes(name) && cellCount > 5_000_000) {
        throw new SimulatedApiError("ResponsePayloadSizeLimitExceeded", "A range read is limited to 5,000,000 cells.");
      }
      switch (name) {
        case "rowIndex":
          values.rowIndex = area.top - 1;
          break;
        case "columnIndex":
          values.columnIndex = area.left - 1;
          break;
        case "rowCount":
          values.rowCount = area.bottom - area.top + 1;
          break;
        case "columnCount":
          values.columnCount = area.right - area.left + 1;
          break;
        case "address":
          values.address = `${sheet.name}!${rangeAddress(area)}`;
          break;
        case "values":
          values.values = grid(area, (row, col) => at(row, col)?.value ?? "");
          this.context.state.traffic.cellsRead = (this.context.state.traffic.cellsRead ?? 0) + cellCount;
          break;
        case "valueTypes":
          values.valueTypes = grid(area, (row, col) => at(row, col)?.valueType ?? "Empty");
          break;
        case "formulas":
          values.formulas = grid(area, (row, col) => {
            const cell = at(row, col);
            return cell?.formula ?? cell?.value ?? "";
          });
          break;
        case "numberFormat":
          values.numberFormat = grid(area, (row, col) => at(row, col)?.numberFormat ?? "General");
          break;
        case "isNullObject":
          break;
        default:
          throw new SimulatedApiError("InvalidArgument", `Range has no property ${name} in this host`);
      }
    }
    return values;
  }
}

interface SimulatedRuleInput {
  list?: { inCellDropDown?: boolean; source: string };
  decimal?: { operator: string; formula1: number | string; formula2?: number | string };
  wholeNumber?: { operator: string; formula1: number | string; formula2?: number | string };
}

function validationFrom(range: CellRange, rule: SimulatedRuleInput): SimulatedValidation {
  if (rule.list) {
    if (typeof rule.list.source !== "string" || rule.list.source === "") throw new SimulatedApiError("InvalidArgument", "A list rule needs a source");
    return { range, type: "list", source: rule.list.source };
  }
  const number = rule.decimal ?? rule.wholeNumber;
  if (!number) throw new SimulatedApiError("InvalidArgument", "Only list, decimal and wholeNumber rules exist in this host");
  if (number.operator === "Between" && number.formula2 === undefined) throw new SimulatedApiError("InvalidArgument", "Between needs formula2");
  return { range, type: rule.decimal ? "decimal" : "wholeNumber", operator: number.operator, formula1: number.formula1, formula2: number.formula2 };
}

function blankCell(): SimulatedCell {
  return { value: "", valueType: "Empty", numberFormat: "General", style: PLAIN_STYLE };
}

/** A value written as a user would type it: a leading apostrophe keeps text, "=" starts a formula,
 *  a number in text becomes a number unless the cell is formatted as text. */
function typedValue(cell: SimulatedCell, value: unknown): SimulatedCell {
  const plain = { ...cell, formula: undefined, calculated: undefined };
  if (typeof value === "number") return { ...plain, value, valueType: "Double" };
  if (typeof value === "boolean") return { ...plain, value, valueType: "Boolean" };
  const text = String(value);
  if (text === "") return { ...plain, value: "", valueType: "Empty" };
  if (text.startsWith("'")) return { ...plain, value: text.slice(1), valueType: "String" };
  if (text.startsWith("=")) return { ...plain, formula: text, calculated: true, value: "", valueType: "Empty" };
  if (cell.numberFormat !== "@" && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text.trim())) return { ...plain, value: Number(text), valueType: "Double" };
  return { ...plain, value: text, valueType: "String" };
}

class NamedItemCollectionProxy extends ClientObject {
  get items(): NamedItemProxy[] {
    return this.loadedValue("items");
  }

  add(name: string, reference: string, comment?: string): NamedItemProxy {
    this.context.enqueue({ method: "names.add", name, reference, comment }, () => {
      const names = this.context.state.names;
      if ([...names.keys()].some((existing) => existing.toLowerCase() === name.toLowerCase())) throw new SimulatedApiError("ItemAlreadyExists", `The name ${name} already exists`);
      names.set(name, { reference, visible: true });
    });
    return new NamedItemProxy(this.context, name);
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, name, true);
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const itemProperties = names.filter((name) => name.startsWith("items/")).map((name) => name.slice("items/".length));
    const items = [...this.context.state.names.keys()].map((name) => {
      const proxy = new NamedItemProxy(this.context, name);
      proxy.preload(itemProperties);
      return proxy;
    });
    return { items };
  }
}

class NamedItemProxy extends ClientObject {
  constructor(
    context: SimulatedContext,
    private readonly key: string,
    private readonly nullable = false,
  ) {
    super(context);
  }

  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }

  get name(): string {
    return this.loadedValue("name");
  }

  set visible(visible: boolean) {
    this.context.enqueue({ set: "visible", name: this.key, visible }, () => {
      const item = this.context.state.names.get(this.key);
      if (!item) throw new SimulatedApiError("ItemNotFound", `No name ${this.key}`);
      item.visible = visible;
    });
  }

  /** NamedItem.delete, ExcelApi 1.4. */
  delete(): void {
    this.context.enqueue({ method: "name.delete", name: this.key }, () => {
      if (!this.context.state.names.delete(this.key)) throw new SimulatedApiError("ItemNotFound", `No name ${this.key}`);
    });
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const exists = this.context.state.names.has(this.key);
    if (this.nullable && !exists) return { isNullObject: true };
    const values: Record<string, unknown> = this.nullable ? { isNullObject: false } : {};
    for (const name of names) {
      if (name === "name") values.name = this.key;
      else if (name !== "isNullObject") throw new SimulatedApiError("InvalidArgument", `NamedItem has no property ${name} in this host`);
    }
    return values;
  }
}

class RangeAreasProxy extends ClientObject {
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  constructor(
    context: SimulatedContext,
    private readonly locateSheet: () => SimulatedSheet,
    private readonly locateAreas: () => CellRange[],
    private readonly nullWhenEmpty = false,
  ) {
    super(context);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, locateSheet, locateAreas);
  }

  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }
  get address(): string {
    return this.loadedValue("address");
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const sheet = this.locateSheet();
    const areas = this.locateAreas();
    const isNullObject = this.nullWhenEmpty && areas.length === 0;
    if (this.nullWhenEmpty && areas.length > 512) {
      throw new SimulatedApiError("GeneralException", "More than 512 merged areas in the range.");
    }
    const values: Record<string, unknown> = { isNullObject };
    for (const name of names) {
      if (name === "address") values.address = isNullObject ? null : areas.map((area) => `${quoteName(sheet.name)}!${rangeAddress(area)}`).join(", ");
      else if (name !== "isNullObject") throw new SimulatedApiError("InvalidArgument", `RangeAreas has no property ${name} in this host`);
    }
    return values;
  }
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class ConditionalFormatCollectionProxy extends ClientObject {
  constructor(
    context: SimulatedContext,
    private readonly locateSheet: () => SimulatedSheet,
    private readonly locateAreas: () => CellRange[],
  ) {
    super(context);
  }

  get items(): ConditionalFormatProxy[] {
    return this.loadedValue("items");
  }

  /** Refused on a protected sheet, as every API write there (Excel's UI greys conditional formatting out). */
  add(type: string): ConditionalFormatProxy {
    let created: SimulatedConditionalFormat | undefined;
    this.context.enqueue({ method: "conditionalFormats.add", type }, () => {
      if (type !== "Custom") throw new SimulatedApiError("InvalidArgument", `Only custom conditional formats can be added in this host, not ${type}`);
      const sheet = protectedCheck(this.locateSheet());
      created = { id: this.context.state.newConditionalFormatId(), type: "Custom", ranges: this.locateAreas(), formula: "", fill: null, fontColor: null };
      // Excel gives a new rule the top priority.
      sheet.conditionalFormats.unshift(created);
    });
    return new ConditionalFormatProxy(this.context, this.locateSheet, () => {
      if (!created) throw new SimulatedApiError("InvalidOperation", "The conditional format was not created");
      return created;
    });
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const sheet = this.locateSheet();
    const areas = this.locateAreas();
    const itemProperties = names.filter((name) => name.startsWith("items/")).map((name) => name.slice("items/".length));
    const formats = sheet.conditionalFormats.filter((format) => format.ranges.some((range) => areas.some((area) => rangesOverlap(range, area))));
    // office-js issue 2180: loading items/custom/... fails as soon as one item is of another type.
    if (itemProperties.some((name) => name.startsWith("custom/")) && formats.some((format) => format.type !== "Custom")) {
      throw new SimulatedApiError("InvalidOperation", "This operation is not permitted for the current object.");
    }
    const items = formats.map((format) => {
      const proxy = new ConditionalFormatProxy(this.context, this.locateSheet, () => format);
      proxy.preload(itemProperties);
      return proxy;
    });
    return { items };
  }
}

function protectedCheck(sheet: SimulatedSheet): SimulatedSheet {
  if (sheet.protection.protected) throw new SimulatedApiError("AccessDenied", `The sheet ${sheet.name} is protected.`);
  return sheet;
}

class ConditionalFormatProxy extends ClientObject {
  constructor(
    context: SimulatedContext,
    private readonly locateSheet: () => SimulatedSheet,
    private readonly locate: () => SimulatedConditionalFormat,
  ) {
    super(context);
  }

  get id(): string {
    return this.loadedValue("id");
  }

  get type(): string {
    return this.loadedValue("type");
  }

  /** customOrNullObject.rule.formula as loaded: a null object for formats of other types. */
  get customOrNullObject(): { readonly isNullObject: boolean; readonly rule: { readonly formula: string } } {
    const isNullObject = this.loadedValue<boolean>("customOrNullObject/isNullObject");
    const formula = () => this.loadedValue<string>("customOrNullObject/rule/formula");
    return {
      isNullObject,
      rule: {
        get formula() {
          return formula();
        },
      },
    };
  }

  /** custom.rule.formula, custom.format.fill.color, custom.format.font.color: writes queue until sync. */
  get custom() {
    const write = (field: "formula" | "fill" | "fontColor", value: string) =>
      this.context.enqueue({ set: field, value }, () => {
        protectedCheck(this.locateSheet());
        this.locate()[field] = value;
      });
    const formula = () => this.loadedValue<string>("custom/rule/formula");
    return {
      rule: {
        get formula(): string {
          return formula();
        },
        set formula(value: string) {
          write("formula", value);
        },
      },
      format: {
        fill: {
          set color(value: string) {
            write("fill", value);
          },
        },
        font: {
          set color(value: string) {
            write("fontColor", value);
          },
        },
      },
    };
  }

  delete(): void {
    this.context.enqueue({ method: "delete" }, () => {
      const formats = protectedCheck(this.locateSheet()).conditionalFormats;
      const index = formats.indexOf(this.locate());
      if (index >= 0) formats.splice(index, 1);
    });
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const format = this.locate();
    const values: Record<string, unknown> = {};
    for (const name of names) {
      if (name === "id") values.id = format.id;
      else if (name === "type") values.type = format.type;
      else if (name === "custom/rule/formula") values[name] = format.formula;
      else if (name === "customOrNullObject/rule/formula" || name === "customOrNullObject/isNullObject") {
        values["customOrNullObject/isNullObject"] = format.type !== "Custom";
        if (format.type === "Custom") values["customOrNullObject/rule/formula"] = format.formula;
      } else throw new SimulatedApiError("InvalidArgument", `ConditionalFormat has no property ${name} in this host`);
    }
    return values;
  }
}

class SettingCollectionProxy extends ClientObject {
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, key);
  }

  add(key: string, value: string): void {
    this.context.enqueue({ method: "settings.add", key, value }, () => {
      this.context.state.settings.set(key, value);
    });
  }

  protected fetch(): Record<string, unknown> {
    return {};
  }
}

class SettingProxy extends ClientObject {
  constructor(
    context: SimulatedContext,
    private readonly key: string,
  ) {
    super(context);
  }

  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }
  get value(): unknown {
    return this.loadedValue("value");
  }

  delete(): void {
    this.context.enqueue({ method: "setting.delete", key: this.key }, () => {
      this.context.state.settings.delete(this.key);
    });
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const stored = this.context.state.settings.get(this.key);
    const values: Record<string, unknown> = { isNullObject: stored === undefined };
    for (const name of names) {
      if (name === "value") values.value = stored === undefined ? null : stored;
      else if (name !== "isNullObject") throw new SimulatedApiError("InvalidArgument", `Setting has no property ${name}`);
    }
    return values;
  }
}

/** The user typing (or pasting) values into cells: as typed (a number is a number, "=" starts a
 *  formula), formulas recalculated, then one change event for the whole area, as Excel raises it. */
export function userEditCells(workbook: SimulatedWorkbook, sheetName: string, address: string, values: readonly (readonly (string | number)[])[]): void {
  const sheet = workbook.sheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const area = parseRange(address);
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      const key = cellKey(area.top + r, area.left + c);
      const typed = typedValue(sheet.cells.get(key) ?? blankCell(), value);
      sheet.cells.set(key, typed.formula ? { ...typed, calculated: true } : typed);
    }),
  );
  if (workbook.calculationMode !== "Manual") recalculate(workbook);
  const edited = { top: area.top, left: area.left, bottom: area.top + values.length - 1, right: area.left + Math.max(1, ...values.map((line) => line.length)) - 1 };
  workbook.changed();
  workbook.raiseChange(sheet, edited);
}

/** The user inserting whole rows above `row`: cells and merges below move down; Excel reports the
 *  inserted rows only, not what moved. */
export function userInsertRows(workbook: SimulatedWorkbook, sheetName: string, row: number, count = 1): void {
  const sheet = workbook.sheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const moved = [...sheet.cells.entries()].map(([key, cell]) => {
    const [r, c] = key.split(":").map(Number);
    return [r >= row ? cellKey(r + count, c) : key, cell] as const;
  });
  sheet.cells.clear();
  for (const [key, cell] of moved) sheet.cells.set(key, cell);
  sheet.merges.splice(0, sheet.merges.length, ...sheet.merges.map((m) => (m.top >= row ? { ...m, top: m.top + count, bottom: m.bottom + count } : m)));
  workbook.changed();
  workbook.raiseChange(sheet, { top: row, left: 1, bottom: row + count - 1, right: MAX_COLUMNS }, "RowInserted");
}

/** Excel.run(options, batch) over the simulated workbook: a fresh request context per batch, as in Office.js. */
export function simulatedExcelRun(workbook: SimulatedWorkbook): ExcelBatchRunner {
  return async (options, batch) => {
    const context = new SimulatedContext(workbook, options);
    return batch(context as unknown as Excel.RequestContext);
  };
}
