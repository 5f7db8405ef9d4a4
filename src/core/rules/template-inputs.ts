// A form inserted from a template knows its own required inputs (listed in its marker): each one
// still empty is a missing value, whatever the form's kind, so an empty template reads as exactly
// the list of cells to fill in.
import { readTemplateMarkers } from "../templates/markers";
import { cellAddress, parseCellAddress } from "../workbook/address";
import type { RuleFamily, RuleMeta } from "./rule";
import type { SheetView } from "../workbook/sheet-view";

export const emptyTemplateInput: RuleMeta = {
  id: "template/required-input",
  category: "missing-value",
  severity: "warning",
  description: { zh: "模板中的必填项须填写", en: "A required input of a template must be filled in" },
};

type CheckContext = Parameters<RuleFamily["check"]>[0];

/** Text that is a value rather than a label: a target (≥90%, =2 人), a number typed as text, 不涉及. */
const VALUE_LIKE = /^[≥≤=<>＝＜＞≧≦]|^\d|^不涉及$/;
/** Column headers that say which of a row's inputs is meant (三级指标, 实际完成指标值, 得分 …). */
const COLUMN_HEADER = /指标值|实际完成|分值|得分|偏差|年初预算|全年预算|全年执行|执行率|^[一二三]级指标$/;

function labelText(view: SheetView, row: number, col: number): string | undefined {
  const master = view.masterOf(row, col);
  const cell = view.raw(master.row, master.col);
  if (cell.type !== "string") return undefined;
  const text = String(cell.value).trim().replace(/[:：]$/, "");
  return text === "" || VALUE_LIKE.test(text) ? undefined : text;
}

/**
 * The label a clerk sees for an input: the nearest label to its left on the same row (a 三级 name, a
 * field name), and, inside a table, the column header above it (实际完成指标值, 得分).
 */
function inputLabel(context: CheckContext, sheetIndex: number, top: number, row: number, col: number, inputs: ReadonlySet<string>): string {
  const view = context.view(sheetIndex);
  const isInput = (r: number, c: number) => {
    const master = view.masterOf(r, c);
    return inputs.has(cellAddress(master.row, master.col));
  };
  let rowLabel: string | undefined;
  for (let c = col - 1; c >= 1 && rowLabel === undefined; c--) {
    if (!isInput(row, c)) rowLabel = labelText(view, row, c);
  }
  // The first label above the input (past other inputs and values) heads its column, if it is a header.
  let columnHeader: string | undefined;
  for (let r = row - 1; r >= top; r--) {
    if (isInput(r, col)) continue;
    const text = labelText(view, r, col);
    if (text === undefined) continue;
    if (COLUMN_HEADER.test(text) && text !== rowLabel) columnHeader = text;
    break;
  }
  return [rowLabel, columnHeader].filter((part) => part !== undefined).join(" / ");
}

export const templateInputFamily: RuleFamily = {
  name: "template",
  rules: [emptyTemplateInput],
  check(context) {
    for (const marker of readTemplateMarkers(context.workbook)) {
      const table = context.tables.find((t) => t.sheet === marker.sheet);
      if (!table) continue;
      const view = context.view(table.sheetIndex);
      const inputs = new Set(marker.requiredInputs);
      for (const address of marker.requiredInputs) {
        const { row, col } = parseCellAddress(address);
        const master = view.masterOf(row, col);
        const cell = view.raw(master.row, master.col);
        if (cell.type !== "empty" || cell.formula !== undefined) continue;
        const label = inputLabel(context, table.sheetIndex, table.range.top, row, col, inputs);
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
