// The cells of an .xlsx, read part by part as exceljs 4.4.0 reads them into a workbook: the shared
// strings (its SharedStringsXform), the number format of each style (StylesXform) and each sheet's
// cell data (the sheetData list, RowXform, CellXform, then the Row and Cell models it builds). The
// rules are exceljs's, down to its oddities, so that a workbook reads to the snapshot it read to
// when exceljs loaded it whole; the difference is that each part is streamed and nothing is kept but
// the snapshot's cells (exceljs holds every part's text, its model, and an object per cell).
import type { Cell } from "../core/workbook/snapshot";
import { BUILT_IN_NUMBER_FORMATS } from "./xlsx-number-formats";
import type { XmlPass, XmlTag } from "./xlsx-parts";

/** exceljs's cell value types (Enums.ValueType). */
const ValueType = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, RichText: 8, Boolean: 9, Error: 10 } as const;

/** The last row Excel has; a row past it is no row of a workbook (and would make a sheet's row list billions long). */
export const EXCEL_LAST_ROW = 1_048_576;

interface Reader {
  open(tag: XmlTag): boolean;
  text(text: string): void;
  close(name: string): boolean;
  readonly model: unknown;
}

/** `parser.model` where exceljs would read it off a parser that is not there (malformed input), failing as it does. */
function modelOf(reader: Reader | undefined): unknown {
  if (!reader) throw new TypeError("Cannot read properties of undefined (reading 'model')");
  return reader.model;
}

// ---------------------------------------------------------------------------------------------
// Text and rich text (TextXform, RichTextXform, PhoneticTextXform, SharedStringXform)

class TextReader implements Reader {
  private pieces: string[] = [];
  open(tag: XmlTag): boolean {
    if (tag.name !== "t") return false;
    this.pieces = [];
    return true;
  }
  text(text: string): void {
    this.pieces.push(text);
  }
  close(): boolean {
    return false;
  }
  get model(): string {
    return this.pieces.join("").replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** A run's font: exceljs parses it, a snapshot has no use for it; its model is an object as exceljs's is. */
class FontReader implements Reader {
  readonly model = {};
  open(): boolean {
    return true;
  }
  text(): void {}
  close(): boolean {
    return true;
  }
}

interface RichTextRun {
  text?: unknown;
  font?: unknown;
}

class RichTextRunReader implements Reader {
  model: RichTextRun = {};
  private parser?: Reader;
  private readonly textReader = new TextReader();
  private readonly fontReader = new FontReader();
  open(tag: XmlTag): boolean {
    if (this.parser) {
      this.parser.open(tag);
      return true;
    }
    switch (tag.name) {
      case "r":
        this.model = {};
        return true;
      case "t":
        this.parser = this.textReader;
        this.parser.open(tag);
        return true;
      case "rPr":
        this.parser = this.fontReader;
        this.parser.open(tag);
        return true;
      default:
        return false;
    }
  }
  text(text: string): void {
    this.parser?.text(text);
  }
  close(name: string): boolean {
    switch (name) {
      case "r":
        return false;
      case "t":
        this.model.text = modelOf(this.parser);
        this.parser = undefined;
        return true;
      case "rPr":
        this.model.font = modelOf(this.parser);
        this.parser = undefined;
        return true;
      default:
        this.parser?.close(name);
        return true;
    }
  }
}

/**
 * A reader of one element whose children are read by readers of their own (the shape of exceljs's
 * xforms): the element's own tag starts a fresh model, a child's tags go to that child's reader until it
 * closes, and then childDone takes what it read.
 */
abstract class ElementReader implements Reader {
  model: unknown;
  private parser?: Reader;
  constructor(
    private readonly element: string,
    private readonly readers: ReadonlyMap<string, Reader>,
  ) {}
  open(tag: XmlTag): boolean {
    if (this.parser) {
      this.parser.open(tag);
      return true;
    }
    if (tag.name === this.element) {
      this.model = {};
      return true;
    }
    this.parser = this.readers.get(tag.name);
    if (this.parser) {
      this.parser.open(tag);
      return true;
    }
    return false;
  }
  text(text: string): void {
    this.parser?.text(text);
  }
  close(name: string): boolean {
    if (this.parser) {
      if (!this.parser.close(name)) {
        this.childDone(name, this.parser);
        this.parser = undefined;
      }
      return true;
    }
    return name !== this.element;
  }
  /** What the element keeps of a child once the child's reader is done (nothing, unless overridden). */
  protected childDone(_name: string, _child: Reader): void {}
}

/** `<rPh>` phonetic runs: read through, nothing kept. */
class PhoneticTextReader extends ElementReader {
  constructor() {
    super("rPh", new Map<string, Reader>([["r", new RichTextRunReader()], ["t", new TextReader()]]));
  }
}

/** A shared string: plain text, rich text, or an object with neither (an `<si>` with no text). */
export type SharedString = string | { richText: RichTextRun[] } | Record<string, never>;

class SharedStringReader extends ElementReader {
  constructor() {
    super("si", new Map<string, Reader>([["r", new RichTextRunReader()], ["t", new TextReader()], ["rPh", new PhoneticTextReader()]]));
  }
  protected override childDone(name: string, child: Reader): void {
    if (name === "r") {
      if (typeof this.model === "string") throw new TypeError(`Cannot create property 'richText' on string '${this.model}'`);
      const model = this.model as { richText?: unknown[] };
      (model.richText ??= []).push(child.model);
    } else if (name === "t") this.model = child.model;
  }
}

const NO_TEXT: Record<string, never> = Object.freeze({}) as Record<string, never>;

/**
 * Rich text is kept as one run of its joined text (all a snapshot reads of it), and an entry with no
 * text as one shared empty object: a part of many strings then costs little more than its texts.
 */
function compactSharedString(model: unknown): SharedString {
  if (typeof model === "string") return model;
  const runs = (model as { richText?: RichTextRun[] } | undefined)?.richText;
  if (runs) return { richText: [{ text: runs.map((run) => run.text).join("") }] };
  return model !== null && typeof model === "object" && Object.keys(model).length === 0 ? NO_TEXT : (model as SharedString);
}

/** The shared-strings part (SharedStringsXform): every `<si>` in order. */
export class SharedStringsPass implements XmlPass {
  readonly values: SharedString[] = [];
  finished = false;
  private parser?: Reader;
  private readonly item = new SharedStringReader();
  open(tag: XmlTag): void {
    if (this.parser) {
      this.parser.open(tag);
      return;
    }
    if (tag.name === "sst") return;
    if (tag.name === "si") {
      this.parser = this.item;
      this.parser.open(tag);
      return;
    }
    throw new Error(`Unexpected xml node in parseOpen: ${JSON.stringify(tag)}`);
  }
  text(text: string): void {
    this.parser?.text(text);
  }
  close(name: string): void {
    if (this.parser) {
      if (!this.parser.close(name)) {
        this.values.push(compactSharedString(this.parser.model));
        this.parser = undefined;
      }
      return;
    }
    if (name === "sst") this.finished = true;
    else throw new Error(`Unexpected xml node in parseClose: ${name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Number formats (StylesXform: cellXfs, numFmts)

export interface CellStyle {
  numFmt?: string;
}

/** Top-level elements of styles.xml that exceljs hands to a parser of their own (their insides are theirs). */
const STYLE_PARTS = new Set(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs", "numFmt", "font", "fill", "border", "style", "cellStyles", "tableStyles", "extLst"]);

export class NumberFormatsPass implements XmlPass {
  finished = false;
  private part?: string;
  private depth = 0;
  private xfs: number[] = [];
  private formats: [number, string][] = [];
  /** Set at the end of styleSheet, as exceljs builds its model there; undefined until then. */
  private model?: { styles?: number[]; formats: Map<number, string> };
  private readonly cache = new Map<number, CellStyle | null>();

  open(tag: XmlTag): void {
    if (this.part !== undefined) {
      this.depth++;
      if (this.depth !== 2) return;
      if (this.part === "cellXfs" && tag.name === "xf") this.xfs.push(parseInt(tag.attributes.numFmtId, 10));
      else if (this.part === "numFmts" && tag.name === "numFmt") this.formats.push([parseInt(tag.attributes.numFmtId, 10), tag.attributes.formatCode.replace(/[\\](.)/g, "$1")]);
      return;
    }
    if (!STYLE_PARTS.has(tag.name)) return;
    this.part = tag.name;
    this.depth = 1;
    if (tag.name === "cellXfs") this.xfs = [];
    else if (tag.name === "numFmts") this.formats = [];
  }
  text(): void {}
  close(name: string): void {
    if (this.part !== undefined) {
      if (--this.depth === 0) this.part = undefined;
      return;
    }
    if (name === "styleSheet") {
      this.model = { styles: this.xfs.length > 0 ? this.xfs : undefined, formats: new Map(this.formats) };
      this.finished = true;
    }
  }

  /** exceljs's getStyleModel(id), as far as the number format: null for an id with no style. */
  styleOf(id: number): CellStyle | null {
    if (!this.model) throw new TypeError("Cannot read properties of undefined (reading 'styles')");
    const styles = this.model.styles;
    if (!styles) throw new TypeError(`Cannot read properties of undefined (reading '${id}')`);
    if (!(Number.isInteger(id) && id >= 0 && id < styles.length)) return null;
    let style = this.cache.get(id);
    if (style === undefined) {
      const numFmtId = styles[id];
      const numFmt = numFmtId ? this.model.formats.get(numFmtId) || BUILT_IN_NUMBER_FORMATS[numFmtId] : undefined;
      style = numFmt ? { numFmt } : {};
      this.cache.set(id, style);
    }
    return style;
  }
}

/** Whether the workbook counts dates from 1904 (workbookPr date1904="1", as exceljs reads it). */
export class WorkbookPropertiesPass implements XmlPass {
  date1904 = false;
  finished = false;
  open(tag: XmlTag): void {
    if (tag.name === "workbookPr") this.date1904 = tag.attributes.date1904 === "1";
  }
  text(): void {}
  close(name: string): void {
    if (name === "workbook") this.finished = true;
  }
}

// ---------------------------------------------------------------------------------------------
// A sheet's cells (CellXform, RowXform, the sheetData list; then Row.model and Cell.model)

interface CellModel {
  address?: string;
  styleId?: number;
  type?: number;
  value?: unknown;
  formula?: string;
  si?: string;
  shareType?: string;
  ref?: string;
  result?: unknown;
  sharedFormula?: string;
  style?: CellStyle;
  text?: unknown;
  hyperlink?: string;
}

interface RowModel {
  number: number;
  styleId?: number;
  cells: (CellModel | undefined)[];
}

const xmlDecode = (text: string) =>
  text.replace(/&([a-z]*);/g, (entity) => {
    switch (entity) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return entity;
    }
  });

class CellReader implements Reader {
  model: CellModel = {};
  private t?: string;
  private currentNode?: string;
  private parser?: Reader;
  private readonly richText = new RichTextRunReader();

  open(tag: XmlTag): boolean {
    if (this.parser) {
      this.parser.open(tag);
      return true;
    }
    const attributes = tag.attributes;
    switch (tag.name) {
      case "c":
        this.model = { address: attributes.r };
        this.t = attributes.t;
        if (attributes.s) this.model.styleId = parseInt(attributes.s, 10);
        return true;
      case "f":
        this.currentNode = "f";
        this.model.si = attributes.si;
        this.model.shareType = attributes.t;
        this.model.ref = attributes.ref;
        return true;
      case "v":
      case "t":
        this.currentNode = tag.name;
        return true;
      case "r":
        this.parser = this.richText;
        this.parser.open(tag);
        return true;
      default:
        return false;
    }
  }

  text(text: string): void {
    if (this.parser) {
      this.parser.text(text);
      return;
    }
    const model = this.model;
    switch (this.currentNode) {
      case "f":
        model.formula = model.formula ? model.formula + text : text;
        break;
      case "v":
      case "t": {
        const richText = (model.value as { richText?: { text?: string } } | undefined)?.richText;
        if (model.value && richText) richText.text = richText.text ? richText.text + text : text;
        else model.value = model.value ? (model.value as string) + text : text;
        break;
      }
    }
  }

  close(name: string): boolean {
    const model = this.model;
    switch (name) {
      case "c":
        this.settleType();
        return false;
      case "f":
      case "v":
      case "is":
        this.currentNode = undefined;
        return true;
      case "t":
        if (this.parser) {
          this.parser.close(name);
          return true;
        }
        this.currentNode = undefined;
        return true;
      case "r": {
        model.value = model.value || {};
        if (typeof model.value === "string") throw new TypeError(`Cannot create property 'richText' on string '${model.value}'`);
        const value = model.value as { richText?: unknown[] };
        value.richText = value.richText || [];
        value.richText.push(modelOf(this.parser));
        this.parser = undefined;
        this.currentNode = undefined;
        return true;
      }
      default:
        if (this.parser) {
          this.parser.close(name);
          return true;
        }
        return false;
    }
  }

  /** The first guess at the cell's type, from its t attribute and what it holds (CellXform.parseClose). */
  private settleType(): void {
    const model = this.model;
    const value = model.value as string;
    if (model.formula || model.shareType) {
      model.type = ValueType.Formula;
      if (model.value) {
        if (this.t === "str") model.result = xmlDecode(value);
        else if (this.t === "b") model.result = parseInt(value, 10) !== 0;
        else if (this.t === "e") model.result = { error: value };
        else model.result = parseFloat(value);
        model.value = undefined;
      }
    } else if (model.value !== undefined) {
      switch (this.t) {
        case "s":
          model.type = ValueType.String;
          model.value = parseInt(value, 10);
          break;
        case "str":
          model.type = ValueType.String;
          model.value = xmlDecode(value);
          break;
        case "inlineStr":
          model.type = ValueType.String;
          break;
        case "b":
          model.type = ValueType.Boolean;
          model.value = parseInt(value, 10) !== 0;
          break;
        case "e":
          model.type = ValueType.Error;
          model.value = { error: value };
          break;
        default:
          model.type = ValueType.Number;
          model.value = parseFloat(value);
      }
    } else if (model.styleId) model.type = ValueType.Null;
    else model.type = ValueType.Merge;
  }
}

class RowReader {
  model?: RowModel;
  private parser?: Reader;
  private readonly cell = new CellReader();
  open(tag: XmlTag): boolean {
    if (this.parser) {
      this.parser.open(tag);
      return true;
    }
    if (tag.name === "row") {
      const attributes = tag.attributes;
      this.model = { number: parseInt(attributes.r, 10), cells: [] };
      if (attributes.s) this.model.styleId = parseInt(attributes.s, 10);
      return true;
    }
    this.parser = tag.name === "c" ? this.cell : undefined;
    if (this.parser) {
      this.parser.open(tag);
      return true;
    }
    return false;
  }
  text(text: string): void {
    this.parser?.text(text);
  }
  close(name: string): boolean {
    if (this.parser) {
      if (!this.parser.close(name)) {
        if (!this.model) throw new TypeError("Cannot read properties of undefined (reading 'cells')");
        this.model.cells.push(this.cell.model);
        this.parser = undefined;
      }
      return true;
    }
    return false;
  }
}

/** The sheetData list: `onRow` gets each row as the list takes it, `onReset` when the list starts again. */
class SheetDataReader {
  private parser?: RowReader;
  private readonly row = new RowReader();
  constructor(
    private readonly onRow: (row: RowModel | undefined) => void,
    private readonly onReset: () => void,
  ) {}
  open(tag: XmlTag): boolean {
    if (this.parser) {
      this.parser.open(tag);
      return true;
    }
    if (tag.name === "sheetData") {
      this.onReset();
      return true;
    }
    if (this.row.open(tag)) {
      this.parser = this.row;
      return true;
    }
    return false;
  }
  text(text: string): void {
    this.parser?.text(text);
  }
  close(name: string): boolean {
    if (this.parser) {
      if (!this.parser.close(name)) {
        this.onRow(this.parser.model);
        this.parser = undefined;
      }
      return true;
    }
    return false;
  }
}

const isDateFormat = (format: string | undefined): boolean =>
  !!format && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

const excelToDate = (serial: unknown, date1904: boolean): Date =>
  new Date(Math.round(((serial as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

function excelSerialFromDate(date: Date): number {
  // Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug folded in).
  return date.getTime() / 86400000 + 25569;
}

function errorText(value: unknown): string {
  const err = (value as { error?: unknown })?.error;
  return typeof err === "string" ? err : "#VALUE!";
}

type FormulaValue = { formula?: string; sharedFormula?: string; result?: unknown };

/**
 * A formula's value with its cached result. exceljs leaves a falsy cached result out of a cell's
 * value (exceljs issue 2943) though the file holds it (`<v>0</v>`); its model still has it. A cached 0
 * or FALSE is taken back; an empty text result stays as exceljs gives it (a formula showing nothing).
 */
function withCachedResult(value: unknown, cached: unknown): unknown {
  if (value === null || typeof value !== "object" || !("formula" in value || "sharedFormula" in value) || "result" in value) return value;
  return cached === 0 || cached === false ? { ...value, result: cached } : value;
}

/** Translates one exceljs value into a snapshot cell. Returns undefined for an empty cell. */
function toCell(raw: unknown, numberFormat: string | undefined): Cell | undefined {
  const fmt = numberFormat && numberFormat !== "General" ? { numberFormat } : {};
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "number") return { type: "number", value: raw, ...fmt };
  if (typeof raw === "string") return raw === "" ? undefined : { type: "string", value: raw, ...fmt };
  if (typeof raw === "boolean") return { type: "boolean", value: raw, ...fmt };
  if (raw instanceof Date) return { type: "number", value: excelSerialFromDate(raw), ...fmt };
  if (typeof raw === "object") {
    if ("formula" in raw || "sharedFormula" in raw) {
      const formulaValue = raw as FormulaValue;
      const formula = formulaValue.formula ?? formulaValue.sharedFormula ?? "";
      const result = formulaValue.result;
      // A cached result of 0 is a real value; only undefined means "never calculated".
      if (result === undefined || result === null) {
        return { type: "empty", value: null, formula, uncalculated: true, ...fmt };
      }
      const inner = toCell(result, numberFormat);
      return { ...(inner ?? { type: "empty", value: null }), formula };
    }
    if ("error" in raw) return { type: "error", value: errorText(raw), ...fmt };
    if ("richText" in raw) {
      const text = (raw as { richText: RichTextRun[] }).richText.map((run) => run.text).join("");
      return text === "" ? undefined : { type: "string", value: text, ...fmt };
    }
    if ("text" in raw) {
      const text = (raw as { text: unknown }).text;
      const plain = typeof text === "string" ? text : String((text as { richText?: RichTextRun[] })?.richText?.map((r) => r.text).join("") ?? "");
      return plain === "" ? undefined : { type: "string", value: plain, ...fmt };
    }
  }
  return undefined;
}

/** `cell.value` for a cell of this model (the Value class its type picks; a formula keeps its truthy fields only). */
function exceljsValue(model: CellModel): unknown {
  // A cell whose element ended before its type was settled gets exceljs's JSON value, which holds nothing.
  if (model.type === undefined) return undefined;
  if (model.type === ValueType.Hyperlink) return { text: model.text, hyperlink: model.hyperlink };
  if (model.type !== ValueType.Formula) return model.value;
  const copy: Record<string, unknown> = {};
  for (const key of ["formula", "result", "ref", "shareType", "sharedFormula"] as const) if (model[key]) copy[key] = model[key];
  return copy;
}

interface DecodedAddress {
  address: string;
  col?: number;
  row?: number;
}

/** exceljs's colCache.decodeAddress: the letters before the digits are the column, `$` skipped. */
function decodeAddress(value: string): DecodedAddress {
  let hasCol = false;
  let col = "";
  let colNumber: number | undefined = 0;
  let hasRow = false;
  let row = "";
  let rowNumber: number | undefined = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value.charCodeAt(i);
    if (!hasRow && char >= 65 && char <= 90) {
      hasCol = true;
      col += value[i];
      colNumber = colNumber * 26 + char - 64;
    } else if (char >= 48 && char <= 57) {
      hasRow = true;
      row += value[i];
      rowNumber = rowNumber * 10 + char - 48;
    } else if (hasRow && hasCol && char !== 36) break;
  }
  if (!hasCol) colNumber = undefined;
  else if (colNumber > 16384) throw new Error(`Out of bounds. Invalid column letter: ${col}`);
  if (!hasRow) rowNumber = undefined;
  return { address: col + row, col: colNumber, row: rowNumber };
}

function columnLetters(col: number): string {
  if (col < 1 || col > 16384) throw new Error(`${col} is out of bounds. Excel supports columns from 1 to 16384`);
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export interface SheetCellsContext {
  readonly sharedStrings?: readonly SharedString[];
  readonly styles?: NumberFormatsPass;
  readonly date1904: boolean;
  /** Hyperlink target by the cell address it is written on (a cell with one reads as its text only). */
  readonly hyperlinks: ReadonlyMap<string, string>;
  /** Thrown for a row past Excel's last. */
  readonly rowPastLimit: (row: number) => Error;
  /** How many non-empty cells this sheet may hold, and what is thrown past that. */
  readonly cellsLeft: number;
  readonly tooManyCells: () => Error;
}

/** One sheet's cell data as a sparse array of rows (row number − 1), each a sparse array of cells. */
export class SheetCells {
  rows: (Cell | undefined)[][] = [];
  /** Non-empty cells in `rows`. */
  count = 0;
  private formulae = new Map<string, string | undefined>();
  /** The row the list took last: exceljs builds rows after the whole part, and a stray <c> joins that one. */
  private pending?: RowModel;
  readonly sheetData = new SheetDataReader(
    (row) => this.take(row),
    () => this.reset(),
  );
  constructor(private readonly context: SheetCellsContext) {}

  reset(): void {
    this.rows = [];
    this.count = 0;
    this.formulae = new Map();
    this.pending = undefined;
  }

  /** Builds the row the list took last; called when the list takes another and at the end. */
  flush(): void {
    const row = this.pending;
    this.pending = undefined;
    if (row) this.build(row);
  }

  private take(row: RowModel | undefined): void {
    if (row === this.pending) return;
    this.flush();
    this.pending = row;
  }

  private build(row: RowModel): void {
    const { styles } = this.context;
    // RowXform.reconcile: a row's style is looked up (and fails as exceljs fails without styles).
    if (row.styleId) {
      if (!styles) throw new TypeError("Cannot read properties of undefined (reading 'getStyleModel')");
      styles.styleOf(row.styleId);
    }
    const cells = row.cells.filter((cell): cell is CellModel => !!cell);
    for (const cell of cells) this.reconcile(cell);
    // Row.model: a row without a number fails; each cell lands in its column, the last one there wins.
    if (Number.isNaN(row.number)) throw new Error("Invalid row number in model");
    if (row.number > EXCEL_LAST_ROW) throw this.context.rowPastLimit(row.number);
    const line: (Cell | undefined)[] = [];
    let filled = 0;
    const made: boolean[] = [];
    let previous: DecodedAddress | undefined;
    for (const cell of cells) {
      if (cell.type === ValueType.Merge) continue;
      let address: DecodedAddress | undefined;
      if (cell.address) address = decodeAddress(cell.address);
      else if (previous) {
        // A <c> without r is the cell right of the one before.
        const col = (previous.col as number) + 1;
        address = { row: previous.row, col, address: `${columnLetters(col)}${previous.row}` };
      }
      previous = address;
      if (!address) throw new TypeError("Cannot read properties of undefined (reading 'col')");
      if (address.col === undefined) throw new Error("A Cell needs a Row");
      const index = address.col - 1;
      if (!made[index]) {
        if (!/^[A-Z]+\d+$/.test(address.address)) throw new Error(`Invalid Address: ${address.address}`);
        made[index] = true;
      }
      const snapshotCell = cell.type === ValueType.Null ? undefined : toCell(withCachedResult(exceljsValue(cell), cell.result), cell.style?.numFmt);
      if (line[index]) filled--;
      if (snapshotCell) {
        line[index] = snapshotCell;
        filled++;
      } else delete line[index];
    }
    while (line.length > 0 && line[line.length - 1] === undefined) line.length--;
    // A row number that is no array index (0, negative) is a row exceljs never lists.
    const rowIndex = row.number - 1;
    if (rowIndex < 0) return;
    const replaced = this.rows[rowIndex];
    if (replaced) this.count -= replaced.filter(Boolean).length;
    this.count += filled;
    if (this.count > this.context.cellsLeft) throw this.context.tooManyCells();
    if (line.length > 0) this.rows[rowIndex] = line;
    else delete this.rows[rowIndex];
  }

  /** CellXform.reconcile: style, shared string, date, shared formula, hyperlink. */
  private reconcile(model: CellModel): void {
    const { styles, sharedStrings, date1904, hyperlinks } = this.context;
    const style = model.styleId && styles ? styles.styleOf(model.styleId) : undefined;
    if (style) model.style = style;
    if (model.styleId !== undefined) model.styleId = undefined;
    switch (model.type) {
      case ValueType.String:
        if (typeof model.value === "number" && sharedStrings) model.value = sharedStrings[model.value];
        if (model.value === undefined || model.value === null) throw new TypeError(`Cannot read properties of ${model.value} (reading 'richText')`);
        if ((model.value as { richText?: unknown }).richText) model.type = ValueType.RichText;
        break;
      case ValueType.Number:
        if (style && isDateFormat(style.numFmt)) {
          model.type = ValueType.Date;
          model.value = excelToDate(model.value, date1904);
        }
        break;
      case ValueType.Formula:
        if (model.result !== undefined && style && isDateFormat(style.numFmt)) model.result = excelToDate(model.result, date1904);
        if (model.shareType === "shared") {
          if (model.ref) this.formulae.set(String(model.si), model.address);
          else {
            model.sharedFormula = this.formulae.get(String(model.si));
            delete model.shareType;
          }
          delete model.si;
        }
        break;
    }
    const hyperlink = hyperlinks.get(String(model.address));
    if (hyperlink) {
      if (model.type === ValueType.Formula) {
        model.text = model.result;
        model.result = undefined;
      } else {
        model.text = model.value;
        model.value = undefined;
      }
      model.type = ValueType.Hyperlink;
      model.hyperlink = hyperlink;
    }
  }
}
