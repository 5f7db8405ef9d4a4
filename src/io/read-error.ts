// Why a workbook could not be read: a code for other tools and a one-line message in both languages.
import type { Bilingual } from "../core/report/i18n";

export type ReadErrorCode = "unsupported-format" | "corrupt-file" | "empty-file" | "not-found" | "too-large";

export class WorkbookReadError extends Error {
  readonly code: ReadErrorCode;
  readonly text: Bilingual;
  constructor(code: ReadErrorCode, text: Bilingual) {
    super(text.en);
    this.code = code;
    this.text = text;
  }
}
