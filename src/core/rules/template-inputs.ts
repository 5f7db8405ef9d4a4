// A form inserted from a template knows its own required inputs (listed in its marker): each one
// still empty is a missing value, whatever the form's kind, so an empty template reads as exactly
// the list of cells to fill in.
import { readTemplateMarkers } from "../templates/markers";
import { parseCellAddress } from "../workbook/address";
import type { RuleFamily, RuleMeta } from "./rule";

export const emptyTemplateInput: RuleMeta = {
  id: "template/required-input",
  category: "missing-value",
  severity: "warning",
  description: { zh: "模板中的必填项须填写", en: "A required input of a template must be filled in" },
};

/** The label a clerk sees for an input: the nearest text to its left on the same row. */
function labelLeftOf(context: Parameters<RuleFamily["check"]>[0], sheetIndex: number, row: number, col: number): string {
  const view = context.view(sheetIndex);
  for (let c = col - 1; c >= 1; c--) {
    const master = view.masterOf(row, c);
    const cell = view.raw(master.row, master.col);
    if (cell.type === "string" && String(cell.value).trim() !== "") return String(cell.value).trim().replace(/[:：]$/, "");
  }
  return "";
}

export const templateInputFamily: RuleFamily = {
  name: "template",
  rules: [emptyTemplateInput],
  check(context) {
    for (const marker of readTemplateMarkers(context.workbook)) {
      const table = context.tables.find((t) => t.sheet === marker.sheet);
      if (!table) continue;
      const view = context.view(table.sheetIndex);
      for (const address of marker.requiredInputs) {
        const { row, col } = parseCellAddress(address);
        const master = view.masterOf(row, col);
        const cell = view.raw(master.row, master.col);
        if (cell.type !== "empty" || cell.formula !== undefined) continue;
        const label = labelLeftOf(context, table.sheetIndex, row, col);
        context.report(emptyTemplateInput, {
          sheet: marker.sheet,
          cell: address,
          tableId: table.id,
          message: label
            ? { zh: `必填项“${label}”未填写`, en: `the required input "${label}" is empty` }
            : { zh: "必填项未填写", en: "a required input is empty" },
        });
      }
    }
  },
};
