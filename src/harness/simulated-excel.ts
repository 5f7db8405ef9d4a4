// A simulated Excel JavaScript API over a SimulatedWorkbook: the subset the adapter (src/excel) uses,
// with Office.js's batching rules. Calls only queue work; context.sync() runs the queue in order
// against the workbook, fills in loaded properties and counts the traffic. Reading a property that
// was not loaded and synced throws, and nothing reaches the workbook (or the grid) before sync.
//
// office-addin-mock's OfficeMockObject covers seeded object paths, but reads of unloaded properties
// return a string instead of throwing and methods such as getRanges or conditionalFormats.add would
// all have to be hand-seeded, so this host implements the subset directly.
import { parseRange, rangeAddress, rangesOverlap, type CellRange } from "../core/workbook/address";
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
  readonly run: () => unknown;
}

class SimulatedContext {
  private queue: QueuedOperation[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly state: SimulatedWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(request: unknown, run: () => unknown): void {
    this.queue.push({ request, run });
  }

  async sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    const traffic = this.state.traffic;
    traffic.syncs += 1;
    traffic.requestBytes += byteLength(operations.map((operation) => operation.request));
    const responses: unknown[] = [];
    try {
      for (const operation of operations) responses.push(operation.run() ?? null);
    } finally {
      recalculate(this.state);
      traffic.responseBytes += byteLength(responses);
      this.state.changed();
    }
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
      const response: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(this.fetch(names))) {
        this.loaded.set(name, value);
        response[name] = value;
      }
      return response;
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

  /** Current values of the named properties, read from the workbook at sync time. */
  protected abstract fetch(names: readonly string[]): Record<string, unknown>;
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  constructor(context: SimulatedContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.settings = new SettingCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context);
  }
}

/** Formulas written through the API are worked out after every sync, as Excel calculates on entry;
 *  a few passes settle formulas that refer to other new formulas. */
function recalculate(state: SimulatedWorkbook): void {
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
  ) {
    super(context);
  }

  get name(): string {
    return this.loadedValue("name");
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

  get protection() {
    return {
      protect: (options?: unknown) =>
        this.context.enqueue({ method: "protection.protect", options }, () => {
          this.locate().protected = true;
        }),
    };
  }

  activate(): void {
    this.context.enqueue({ method: "activate" }, () => {
      this.context.state.activeSheet = this.locate().name;
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, this.locate, () => usedArea(this.locate(), valuesOnly === true));
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
    const sheet = this.locate();
    const values: Record<string, unknown> = {};
    for (const name of names) {
      if (name === "name") values.name = sheet.name;
      else if (name === "visibility") values.visibility = sheet.visibility;
      else throw new SimulatedApiError("InvalidArgument", `Worksheet has no property ${name} in this host`);
    }
    return values;
  }
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
  ) {
    super(context);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, locateSheet, () => [locateArea()]);
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
    });
  }

  private writableSheet(): SimulatedSheet {
    const sheet = this.locateSheet();
    // Excel refuses API writes to a protected sheet; templates therefore protect last.
    if (sheet.protected) throw new SimulatedApiError("AccessDenied", `The sheet ${sheet.name} is protected.`);
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

  select(): void {
    this.context.enqueue({ method: "select" }, () => {
      const sheet = this.locateSheet();
      this.context.state.activeSheet = sheet.name;
      this.context.state.selection = { sheet: sheet.name, range: this.locateArea() };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this.locateSheet, () => {
      const area = this.locateArea();
      return this.locateSheet().merges.filter((merge) => rangesOverlap(merge, area));
    }, true);
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const sheet = this.locateSheet();
    const area = this.locateArea();
    const cellCount = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    const at = (row: number, col: number) => sheet.cells.get(cellKey(row, col));
    const values: Record<string, unknown> = {};
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
  add(name: string, reference: string, comment?: string): NamedItemProxy {
    this.context.enqueue({ method: "names.add", name, reference, comment }, () => {
      const names = this.context.state.names;
      if ([...names.keys()].some((existing) => existing.toLowerCase() === name.toLowerCase())) throw new SimulatedApiError("ItemAlreadyExists", `The name ${name} already exists`);
      names.set(name, { reference, visible: true });
    });
    return new NamedItemProxy(this.context, name);
  }

  protected fetch(): Record<string, unknown> {
    return {};
  }
}

class NamedItemProxy extends ClientObject {
  constructor(
    context: SimulatedContext,
    private readonly name: string,
  ) {
    super(context);
  }

  set visible(visible: boolean) {
    this.context.enqueue({ set: "visible", name: this.name, visible }, () => {
      const item = this.context.state.names.get(this.name);
      if (!item) throw new SimulatedApiError("ItemNotFound", `No name ${this.name}`);
      item.visible = visible;
    });
  }

  protected fetch(): Record<string, unknown> {
    return {};
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

  add(type: string): ConditionalFormatProxy {
    let created: SimulatedConditionalFormat | undefined;
    this.context.enqueue({ method: "conditionalFormats.add", type }, () => {
      if (type !== "Custom") throw new SimulatedApiError("InvalidArgument", `Only custom conditional formats exist in this host, not ${type}`);
      created = { id: this.context.state.newConditionalFormatId(), ranges: this.locateAreas(), formula: "", fill: null, fontColor: null };
      this.locateSheet().conditionalFormats.push(created);
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
    const items = sheet.conditionalFormats
      .filter((format) => format.ranges.some((range) => areas.some((area) => rangesOverlap(range, area))))
      .map((format) => {
        const proxy = new ConditionalFormatProxy(this.context, this.locateSheet, () => format);
        proxy.preload(itemProperties);
        return proxy;
      });
    return { items };
  }
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

  /** custom.rule.formula, custom.format.fill.color, custom.format.font.color: writes queue until sync. */
  get custom() {
    const write = (field: "formula" | "fill" | "fontColor", value: string) =>
      this.context.enqueue({ set: field, value }, () => {
        this.locate()[field] = value;
      });
    return {
      rule: {
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
      const formats = this.locateSheet().conditionalFormats;
      const index = formats.indexOf(this.locate());
      if (index >= 0) formats.splice(index, 1);
    });
  }

  protected fetch(names: readonly string[]): Record<string, unknown> {
    const format = this.locate();
    const values: Record<string, unknown> = {};
    for (const name of names) {
      if (name === "id") values.id = format.id;
      else throw new SimulatedApiError("InvalidArgument", `ConditionalFormat has no property ${name} in this host`);
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

/** Excel.run over the simulated workbook: a fresh request context per batch, as in Office.js. */
export function simulatedExcelRun(workbook: SimulatedWorkbook): ExcelBatchRunner {
  return async (batch) => {
    const context = new SimulatedContext(workbook);
    return batch(context as unknown as Excel.RequestContext);
  };
}
