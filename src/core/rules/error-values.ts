// A cell of a table that shows an error value (#REF!, #DIV/0!, #VALUE!, #N/A, #NAME?) has lost its
// figure: reported at that cell, while the sums and scores it takes part in are listed as not checked.
import { cellAddress } from "../workbook/address";
import type { RuleFamily, RuleMeta } from "./rule";

export const errorValue: RuleMeta = {
  id: "cells/error-value",
  category: "missing-value",
  severity: "error",
  description: { zh: "表格单元格显示错误值（#REF!、#DIV/0! 等）", en: "A table cell shows an error value (#REF!, #DIV/0! …)" },
};

const WHY: Record<string, { zh: string; en: string }> = {
  "#REF!": { zh: "公式引用的单元格已被删除", en: "the formula refers to cells that were deleted" },
  "#DIV/0!": { zh: "公式除以了零或空白单元格", en: "the formula divides by zero or an empty cell" },
  "#VALUE!": { zh: "公式把文字当作数字运算", en: "the formula computes with text as if it were a number" },
  "#N/A": { zh: "查找公式没有找到对应值", en: "a lookup formula found no match" },
  "#NAME?": { zh: "公式中有无法识别的函数或名称", en: "the formula uses an unknown function or name" },
};

export const errorValueFamily: RuleFamily = {
  name: "error-values",
  rules: [errorValue],
  check(context) {
    for (const table of context.tables) {
      const view = context.view(table.sheetIndex);
      if (view.errorCells === 0) continue;
      const { top, bottom, left, right } = table.range;
      for (let r = top; r <= bottom; r++) {
        const line = view.sheet.rows[r - 1];
        if (!line) continue;
        const last = Math.min(right, line.length);
        for (let c = Math.max(left, 1); c <= last; c++) {
          const cell = line[c - 1];
          if (!cell || cell.type !== "error") continue;
          const shown = String(cell.value);
          const why = WHY[shown.toUpperCase()];
          const address = cellAddress(r, c);
          context.report(errorValue, {
            sheet: table.sheet,
            cell: address,
            tableId: table.id,
            message: {
              zh: `${address} 显示错误值 ${shown}${why ? `（${why.zh}）` : ""}，该处没有可用的数字；涉及它的核对未能进行`,
              en: `${address} shows the error ${shown}${why ? ` (${why.en})` : ""}: there is no figure here, and the checks that need it could not run`,
            },
            ...(cell.formula ? { actual: `=${cell.formula}` } : {}),
          });
        }
      }
    }
  },
};
