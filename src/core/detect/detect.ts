import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { DetectedTable } from "./types";

export function detectTables(_workbook: WorkbookSnapshot): DetectedTable[] {
  return [];
}
