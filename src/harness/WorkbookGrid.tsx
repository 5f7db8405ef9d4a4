import { Caption1, Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo, useMemo, useSyncExternalStore } from "react";
import { sheetGrid } from "./grid-model";
import type { SimulatedWorkbook } from "./simulated-workbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, flexGrow: 1, flexBasis: 0 },
  tabs: { overflowX: "auto", flexShrink: 0 },
  scroller: { overflow: "auto", flexGrow: 1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  header: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  rowHeader: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "end",
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    maxWidth: "220px",
    minWidth: "48px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    verticalAlign: "top",
  },
  dropdown: { float: "right", marginLeft: tokens.spacingHorizontalXXS, color: tokens.colorNeutralForeground3 },
  selected: { outline: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

// Memoised: the harness page re-renders on every traffic figure, and a grid of thousands of cells
// would otherwise be rebuilt each time, inside the pane's measured render.
export const WorkbookGrid = memo(function WorkbookGrid({ workbook }: { workbook: SimulatedWorkbook }) {
  const styles = useStyles();
  const version = useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.version,
  );
  const sheet = workbook.sheet(workbook.activeSheet) ?? workbook.sheets[0];
  const grid = useMemo(() => (sheet ? sheetGrid(workbook, sheet) : undefined), [workbook, sheet, version]);
  return (
    <div className={styles.root} data-testid="grid">
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet?.name}
        onTabSelect={(_, data) => {
          workbook.activeSheet = String(data.value);
          workbook.changed();
        }}
      >
        {/* Hidden sheets have no tab in Excel either (the templates' lists and markers are hidden). */}
        {workbook.sheets
          .filter((entry) => entry.visibility === "Visible")
          .map((entry) => (
            <Tab key={entry.name} value={entry.name} data-testid="sheet-tab">
              {entry.name}
            </Tab>
          ))}
      </TabList>
      {grid && (
        <div className={styles.scroller}>
          <table className={styles.table} data-sheet={sheet?.name} data-testid="grid-table">
            <thead>
              <tr>
                <th className={styles.header} />
                {grid.columnLetters.map((letters) => (
                  <th key={letters} className={styles.header}>
                    {letters}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row.rowNumber}>
                  <th className={styles.rowHeader}>{row.rowNumber}</th>
                  {row.cells.map((cell) => (
                    <td
                      key={cell.address}
                      rowSpan={cell.rowSpan}
                      colSpan={cell.colSpan}
                      title={cell.text}
                      className={mergeClasses(styles.cell, cell.selected && styles.selected)}
                      style={{ backgroundColor: cell.fill, color: cell.fontColor, fontWeight: cell.bold ? 600 : undefined }}
                      data-cell={cell.address}
                      data-highlighted={cell.highlighted ? "true" : undefined}
                      data-selected={cell.selected ? "true" : undefined}
                      data-dropdown={cell.dropdown ? "true" : undefined}
                    >
                      {cell.dropdown && (
                        <span className={styles.dropdown} aria-hidden="true">
                          ▾
                        </span>
                      )}
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {grid.truncated && <Caption1>…</Caption1>}
        </div>
      )}
    </div>
  );
});
