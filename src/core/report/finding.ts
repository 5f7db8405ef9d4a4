// What the engine reports: findings at a cell, and checks it could not make ("not checked"), so that
// a clean result means clean, not unread.
import { z } from "zod";
import { FindingCategorySchema, SeveritySchema, TableKindSchema } from "./vocabulary";

export const BilingualSchema = z.object({ zh: z.string(), en: z.string() });

export const FindingSchema = z.object({
  id: z.string(),
  rule: z.string(),
  category: FindingCategorySchema,
  severity: SeveritySchema,
  sheet: z.string(),
  /** A1 address of the cell the finding lands on (the master cell of a merge). */
  cell: z.string(),
  /** The cells involved, when more than one (e.g. the parts of a sum). */
  range: z.string().optional(),
  /** Further cells of a grouped finding (one habit repeated across a form), highlighted with it. */
  cells: z.array(z.string()).optional(),
  tableId: z.string().optional(),
  message: BilingualSchema,
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** Other checks the same slip breaks (one wrong cell fails its column sum, its row and a cross-table match): one finding, these as corroboration. */
  corroboration: z.array(z.object({ rule: z.string(), sheet: z.string(), cell: z.string(), message: BilingualSchema })).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const NotCheckedSchema = z.object({
  rule: z.string(),
  sheet: z.string(),
  cell: z.string().optional(),
  tableId: z.string().optional(),
  reason: BilingualSchema,
});
export type NotChecked = z.infer<typeof NotCheckedSchema>;

export const TableSummarySchema = z.object({
  id: z.string(),
  sheet: z.string(),
  range: z.string(),
  kind: TableKindSchema,
  title: z.string(),
});
export type TableSummary = z.infer<typeof TableSummarySchema>;
