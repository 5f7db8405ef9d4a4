// One pass over a worksheet part: its cells (xlsx-cells.ts), its merged areas, its hyperlinks, and
// the part written again without its cell data and merges (a few KB however large the sheet), which
// is what exceljs is given to read the rest of the sheet from. The pass takes the elements exceljs's
// WorksheetXform takes: the first element of a kind it knows, wherever no other such element is open.
import { SheetCells, type SheetCellsContext } from "./xlsx-cells";
import type { XmlPass, XmlTag } from "./xlsx-parts";

/** The worksheet elements exceljs parses besides sheetData: what is inside them is theirs. */
const WORKSHEET_PARTS = new Set([
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "mergeCells",
  "rowBreaks",
  "hyperlinks",
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "conditionalFormatting",
  "extLst",
]);

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");

function startTag(tag: XmlTag, selfClosing: boolean): string {
  let text = `<${tag.name}`;
  for (const [name, value] of Object.entries(tag.attributes)) text += ` ${name}="${escapeAttribute(value)}"`;
  return text + (selfClosing ? "/>" : ">");
}

export interface HyperlinkRef {
  ref?: string;
  rId?: string;
}

export class WorksheetPass implements XmlPass {
  readonly cells: SheetCells;
  /** The ref of every mergeCell element, in file order (any prefix, wherever it stands). */
  readonly mergeRefs: string[] = [];
  hyperlinks: HyperlinkRef[] = [];
  finished = false;

  private readonly out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  private depth = 0;
  /** Depth inside an element left out of the rewritten part (0 when writing). */
  private skipped = 0;
  private selfClosed = false;
  private inSheetData = false;
  /** The other element exceljs is parsing (its name, and how deep inside it the pass is). */
  private other?: { name: string; depth: number };

  /** @param marker text the rewritten part carries in its headerFooter, to tell which part an exceljs worksheet came from */
  constructor(
    context: SheetCellsContext,
    private readonly marker: string,
  ) {
    this.cells = new SheetCells(context);
  }

  /** The part as exceljs is given it: no cell data, no merges, the marker. */
  get rewritten(): string {
    return this.out.join("");
  }

  open(tag: XmlTag): void {
    this.depth++;
    const takesCells = this.dispatchOpen(tag);
    if (localName(tag.name) === "mergeCell" && tag.attributes.ref !== undefined) this.mergeRefs.push(tag.attributes.ref);
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    if (takesCells || localName(tag.name) === "mergeCells") {
      // An empty list where the cell data was, so that exceljs still sees one; merges are read here.
      if (takesCells) this.out.push(startTag(tag, true));
      this.skipped = 1;
      return;
    }
    // The root is always written open, so that the marker goes inside it.
    this.selfClosed = tag.isSelfClosing && this.depth > 1;
    this.out.push(startTag(tag, this.selfClosed));
  }

  text(text: string): void {
    if (this.inSheetData) this.cells.sheetData.text(text);
    if (this.skipped === 0) this.out.push(escapeText(text));
  }

  close(name: string): void {
    this.dispatchClose(name);
    const depth = this.depth--;
    if (this.skipped > 0) {
      this.skipped--;
      return;
    }
    if (this.selfClosed) {
      this.selfClosed = false;
      return;
    }
    if (depth === 1) this.out.push(`<headerFooter><oddHeader>${escapeText(this.marker)}</oddHeader></headerFooter>`);
    this.out.push(`</${name}>`);
  }

  /** Follows WorksheetXform; true when this tag starts the cell data. */
  private dispatchOpen(tag: XmlTag): boolean {
    if (this.inSheetData) {
      this.cells.sheetData.open(tag);
      return false;
    }
    if (this.other) {
      this.other.depth++;
      if (this.other.name === "hyperlinks" && this.other.depth === 2 && tag.name === "hyperlink") this.hyperlinks.push({ ref: tag.attributes.ref, rId: tag.attributes["r:id"] });
      return false;
    }
    if (tag.name === "worksheet") {
      // exceljs starts every part of its model afresh here.
      this.cells.reset();
      this.hyperlinks = [];
      return false;
    }
    if (tag.name === "sheetData") {
      this.inSheetData = true;
      this.cells.sheetData.open(tag);
      return true;
    }
    if (WORKSHEET_PARTS.has(tag.name)) {
      this.other = { name: tag.name, depth: 1 };
      if (tag.name === "hyperlinks") this.hyperlinks = [];
    }
    return false;
  }

  private dispatchClose(name: string): void {
    if (this.inSheetData) {
      if (!this.cells.sheetData.close(name)) {
        this.inSheetData = false;
        this.cells.flush();
      }
      return;
    }
    if (this.other) {
      if (--this.other.depth === 0) this.other = undefined;
      return;
    }
    if (name === "worksheet") {
      this.cells.flush();
      this.finished = true;
    }
  }
}
