// The 合计 row of a listing of projects (项目支出绩效目标情况表, 项目支出绩效自评结果汇总表): in each amount
// column it is the sum of the projects listed above it (RULES 3.0), checked like any total.
import type { DetectedTable } from "../detect/types";
import { budgetCell, isTotalLabel } from "../forms/budget-table";
import { parseListing } from "../forms/target-list";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";
import { checkSum } from "./totals-support";

export const listingTotal: RuleMeta = {
  id: "listing/total-row",
  category: "sum-mismatch",
  severity: "error",
  description: { zh: "项目清单（绩效目标情况表、自评结果汇总表）的合计行 = 所列各项目之和", en: "The 合计 row of a project listing (target list, self-evaluation summary) equals the sum of the projects listed" },
};

const LISTING_KINDS = new Set(["performance-target-list", "self-evaluation-summary"]);
/** Headers of amount columns (全年预算数, 全年执行数, 项目金额 …); rates, scores and grades are no amounts. */
const AMOUNT_HEADER = /预算数|执行数|决算数|金额|资金/;
const NOT_AMOUNT = /率|得分|分值|总分|等级|序号|比例|[%％]/;

function checkListing(context: RuleContext, table: DetectedTable): void {
  const view = context.view(table.sheetIndex);
  const listing = parseListing(view, table);
  if (!listing || listing.rows.length === 0) return;
  // A listing grouped into 部门整体 and 项目 rows, or with 小计 lines, has no one reading of its 合计: left alone.
  if (listing.rows.some((row) => row.group !== null)) return;
  let totalRow: number | undefined;
  for (let r = listing.headerRow + 1; r <= table.range.bottom && totalRow === undefined; r++) {
    for (let c = table.range.left; c <= Math.min(table.range.right, table.range.left + 1); c++) {
      const text = view.text(r, c);
      if (/小计$/.test(text)) return;
      if (isTotalLabel(text)) {
        totalRow = r;
        break;
      }
    }
  }
  if (totalRow === undefined) return;
  const parts = listing.rows.filter((row) => row.row < totalRow!);
  if (parts.length === 0) return;
  for (let c = table.range.left; c <= table.range.right; c++) {
    const header = view.text(listing.headerRow, c);
    if (!AMOUNT_HEADER.test(header) || NOT_AMOUNT.test(header)) continue;
    if (view.cell(totalRow, c).type !== "number") continue;
    checkSum(context, {
      rule: listingTotal,
      table,
      total: budgetCell(totalRow, c),
      parts: parts.map((row) => budgetCell(row.row, c)),
      what: { zh: `合计行“${header}”`, en: `the 合计 row's "${header}"` },
      partsName: { zh: "所列各项目之和", en: "the sum of the projects listed" },
    });
  }
}

export const listingTotalsFamily: RuleFamily = {
  name: "listing-totals",
  rules: [listingTotal],
  check(context) {
    for (const table of context.tables) if (LISTING_KINDS.has(table.kind)) checkListing(context, table);
  },
};
