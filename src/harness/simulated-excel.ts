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
import { cellKey, type SimulatedConditionalFormat, type SimulatedSheet, type SimulatedWorkbook } from "./simulated-workbook";

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
  constructor(context: SimulatedContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.settings = new SettingCollectionProxy(context);
  }
}

class WorksheetCollectionProxy extends ClientObject {
  get items(): WorksheetProxy[] {
    return this.loadedValue("items");
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
