// Sheet names for inserted templates: Excel's rules (≤ 31 characters, none of []:*?/\, no
// apostrophe at either end, "History" reserved, unique without regard to case). An existing sheet
// is never reused, overwritten or renamed: a clash gets a " (2)", " (3)" … suffix instead.

const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
const RESERVED = new Set(["history"]);

/** Cuts by code points so that a character outside the BMP is never split in half. */
function cut(text: string, length: number): string {
  return Array.from(text).slice(0, length).join("");
}

function cleanSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(FORBIDDEN, "-")
    .split("")
    .filter((character) => character.charCodeAt(0) >= 0x20) // control characters are not allowed in names
    .join("")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  return cut(cleaned, MAX_SHEET_NAME).replace(/'+$/, "").trim() || "Sheet";
}

export function uniqueSheetName(existingNames: readonly string[], wanted: string): string {
  const taken = new Set(existingNames.map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  const free = (name: string) => !taken.has(name.toLowerCase()) && !RESERVED.has(name.toLowerCase());
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = cut(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "") + suffix;
    if (free(candidate)) return candidate;
  }
}
