// The indicator block shared by the forms: 一级 and 二级 cells merged over their rows (as in the
// seed forms), with dropdowns that offer the framework's 一级 and, for 二级, only the 二级 of the
// group's 一级 (INDIRECT over per-一级 named lists on the hidden lists sheet).
import type { CellValue, InputValueType, LayoutCell, StyleName } from "./layout";

export interface IndicatorRowSeed {
  /** Initial 三级 name. */
  readonly name?: CellValue;
  /** Initial 指标值, or a formula the user may overwrite. */
  readonly target?: CellValue;
  readonly targetFormula?: { readonly text: string; readonly result: CellValue };
  /** Initial values of the extra columns, by role. */
  readonly extras?: Readonly<Record<string, CellValue>>;
}

export interface IndicatorGroupSeed {
  readonly level2: string;
  readonly rows: readonly IndicatorRowSeed[];
}

export interface IndicatorCategorySeed {
  readonly level1: string;
  readonly groups: readonly IndicatorGroupSeed[];
  /** Names and 一级/二级 are fixed by the framework (department 投入管理): locked, no dropdown. */
  readonly fixed?: boolean;
}

export interface ExtraColumn {
  readonly column: string;
  readonly role: string;
  readonly valueType: InputValueType;
  readonly style: StyleName;
  readonly required: boolean;
  readonly bounds?: LayoutCell["bounds"];
}

export interface IndicatorColumns {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  /** Last column of the 三级 cell when it is merged across (department form D:F). */
  readonly nameTo?: string;
  readonly target: string;
  readonly extras: readonly ExtraColumn[];
}

/** Defined names of the dropdown lists of one template (see support-sheets.ts). */
export interface IndicatorLists {
  /** Name of the 一级 list. */
  readonly level1: string;
  /** Prefix of the per-一级 二级 lists: prefix + position of the 一级 in its list (1-based). */
  readonly level2Prefix: string;
}

function level2ListFormula(lists: IndicatorLists, level1Cell: string): string {
  const absolute = level1Cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `=INDIRECT("${lists.level2Prefix}"&MATCH(${absolute},${lists.level1},0))`;
}

/** Lays out the indicator rows from `top` down; returns the cells and the last row used. */
export function indicatorBlock(
  top: number,
  categories: readonly IndicatorCategorySeed[],
  columns: IndicatorColumns,
  lists: IndicatorLists,
): { cells: LayoutCell[]; bottom: number } {
  const cells: LayoutCell[] = [];
  let row = top;
  for (const category of categories) {
    const categoryTop = row;
    const categoryRows = category.groups.reduce((n, g) => n + g.rows.length, 0);
    const level1Cell = `${columns.level1}${categoryTop}`;
    cells.push({
      at: level1Cell,
      ...(categoryRows > 1 ? { to: `${columns.level1}${categoryTop + categoryRows - 1}` } : {}),
      style: category.fixed ? "label" : "choiceInput",
      ...(category.fixed
        ? { text: category.level1 }
        : {
            input: { role: "indicator.level1", valueType: "choice" as const, required: true, initial: category.level1 },
            list: { formula: `=${lists.level1}` },
            prompt: "一级指标",
          }),
    });
    for (const group of category.groups) {
      const groupTop = row;
      cells.push({
        at: `${columns.level2}${groupTop}`,
        ...(group.rows.length > 1 ? { to: `${columns.level2}${groupTop + group.rows.length - 1}` } : {}),
        style: category.fixed ? "label" : "choiceInput",
        ...(category.fixed
          ? { text: group.level2 }
          : {
              input: { role: "indicator.level2", valueType: "choice" as const, required: true, initial: group.level2 },
              list: { formula: level2ListFormula(lists, level1Cell) },
              prompt: "二级指标（随一级指标变化）",
            }),
      });
      for (const seed of group.rows) {
        cells.push({
          at: `${columns.name}${row}`,
          ...(columns.nameTo ? { to: `${columns.nameTo}${row}` } : {}),
          ...(category.fixed
            ? { style: "fixedText" as const, text: seed.name ?? null }
            : { style: "textInput" as const, input: { role: "indicator.name", valueType: "text" as const, required: true, initial: seed.name } }),
        });
        cells.push({
          at: `${columns.target}${row}`,
          style: "choiceInput",
          input: { role: "indicator.target", valueType: "indicator-value", required: true, initial: seed.target },
          ...(seed.targetFormula ? { formula: seed.targetFormula } : {}),
        });
        for (const extra of columns.extras) {
          cells.push({
            at: `${extra.column}${row}`,
            style: extra.style,
            input: { role: extra.role, valueType: extra.valueType, required: extra.required, initial: seed.extras?.[extra.role] },
            ...(extra.bounds ? { bounds: extra.bounds } : {}),
          });
        }
        row++;
      }
    }
  }
  return { cells, bottom: row - 1 };
}

/** Rows per 二级: an explicit count (one for all, or by name) wins over the template's default. */
export function rowsFor(level2: string, fallback: number, requested: number | Readonly<Record<string, number>> | undefined): number {
  if (typeof requested === "number") return requested;
  return requested?.[level2] ?? fallback;
}

