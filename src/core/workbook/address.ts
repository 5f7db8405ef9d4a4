// A1 addresses and rectangular ranges. Rows and columns are 1-based, as in Excel.

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnLetters(col: number): string {
  let letters = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

const CELL_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseCellAddress(address: string): { row: number; col: number } {
  const m = CELL_PATTERN.exec(address.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** Parses "A1:C3", "A1" or "Sheet!A1:C3" (the sheet part is dropped). */
export function parseRange(address: string): CellRange {
  const withoutSheet = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [first, second] = withoutSheet.split(":");
  const a = parseCellAddress(first);
  const b = second ? parseCellAddress(second) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeAddress(range: CellRange): string {
  const start = cellAddress(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${cellAddress(range.bottom, range.right)}`;
}

export function rangeContains(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Quotes a sheet name for use in a formula or address when it needs quoting. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
