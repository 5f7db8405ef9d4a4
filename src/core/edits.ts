// Writes go one way: the core produces a list of declarative edits (highlights, inserted templates,
// report sheets) and each door has exactly one place that applies them to its workbook.
import { z } from "zod";
import { SeveritySchema } from "./report/vocabulary";

const CellValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const BorderStyleSchema = z.enum(["thin", "medium", "thick", "dashed", "dotted", "double"]);

export const CellFormatSchema = z.object({
  /** Fill colour as #RRGGBB; null removes the fill. */
  fill: z.string().nullable().optional(),
  fontColor: z.string().optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  fontSize: z.number().optional(),
  numberFormat: z.string().optional(),
  horizontalAlignment: z.enum(["left", "center", "right"]).optional(),
  verticalAlignment: z.enum(["top", "center", "bottom"]).optional(),
  wrapText: z.boolean().optional(),
  /** Outline and inner borders of the range. */
  borders: BorderStyleSchema.optional(),
  locked: z.boolean().optional(),
});
export type CellFormat = z.infer<typeof CellFormatSchema>;

export const EditSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("addSheet"), sheet: z.string(), visibility: z.enum(["visible", "hidden", "veryHidden"]).optional() }),
  z.object({ op: z.literal("setValue"), sheet: z.string(), cell: z.string(), value: CellValueSchema }),
  z.object({
    op: z.literal("setFormula"),
    sheet: z.string(),
    cell: z.string(),
    formula: z.string(),
    /** The value the formula yields as written, when the core can tell; doors that calculate ignore it. */
    result: CellValueSchema.optional(),
  }),
  z.object({ op: z.literal("setFormat"), sheet: z.string(), range: z.string(), format: CellFormatSchema }),
  z.object({ op: z.literal("merge"), sheet: z.string(), range: z.string() }),
  z.object({ op: z.literal("setColumnWidth"), sheet: z.string(), column: z.number().int().positive(), width: z.number().positive() }),
  z.object({ op: z.literal("setRowHeight"), sheet: z.string(), row: z.number().int().positive(), height: z.number().positive() }),
  z.object({
    op: z.literal("addListValidation"),
    sheet: z.string(),
    range: z.string(),
    /** A formula reference such as =lists!$A$1:$A$4, or an inline list. */
    source: z.union([z.string(), z.array(z.string())]),
    prompt: z.string().optional(),
  }),
  z.object({
    op: z.literal("addNumberValidation"),
    sheet: z.string(),
    range: z.string(),
    /** Whole numbers only (head counts), otherwise decimals (amounts, scores). */
    integer: z.boolean(),
    min: z.number().optional(),
    max: z.number().optional(),
    prompt: z.string().optional(),
  }),
  z.object({ op: z.literal("addNote"), sheet: z.string(), cell: z.string(), text: z.string() }),
  z.object({ op: z.literal("defineName"), name: z.string(), reference: z.string(), hidden: z.boolean().optional() }),
  z.object({
    op: z.literal("setPrintSetup"),
    sheet: z.string(),
    paperSize: z.literal("A4"),
    orientation: z.enum(["portrait", "landscape"]),
    /** Rows repeated at the top of every printed page, e.g. "1:2". */
    printTitleRows: z.string().optional(),
    fitToWidth: z.boolean().optional(),
  }),
  z.object({ op: z.literal("protectSheet"), sheet: z.string() }),
  /** Marks cells for a finding's severity without touching their own formatting: each door shows it
   *  as a layer it can remove again (a conditional format in Excel), never as a change of the cells. */
  z.object({
    op: z.literal("highlight"),
    sheet: z.string(),
    /** A1 addresses of cells or ranges on that sheet. */
    ranges: z.array(z.string()).min(1),
    severity: SeveritySchema,
    fill: z.string(),
    fontColor: z.string(),
  }),
]);
export type Edit = z.infer<typeof EditSchema>;
