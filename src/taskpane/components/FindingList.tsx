import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from "react";
import type { Lang } from "../../core/report/i18n";
import { findingListRows, type FindingGroup, type FindingListRow, type FindingRow } from "../report-view";
import { UI, text } from "../strings";

export interface FindingListProps {
  lang: Lang;
  groups: readonly FindingGroup[];
  activeId?: string;
  positionText: string;
  onSelect: (finding: FindingRow, cell?: string) => void;
  onStep: (direction: "next" | "previous") => void;
  /** Shown under each finding (the pane's 接受… control). */
  renderActions?: (finding: FindingRow) => ReactNode;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  navigation: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  position: { color: tokens.colorNeutralForeground3, flexGrow: 1 },
  // The list scrolls in its own box, so that only the rows in view (and a few around) are in the
  // document however many findings there are; a short list is as tall as its rows.
  scroller: { maxHeight: "70vh", overflowY: "auto", overflowX: "hidden", position: "relative" },
  list: { listStyleType: "none", margin: 0, padding: 0, position: "relative", width: "100%" },
  row: { position: "absolute", top: 0, left: 0, width: "100%", boxSizing: "border-box", paddingBottom: tokens.spacingVerticalXXS },
  groupHeading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, margin: 0, padding: `${tokens.spacingVerticalXS} 0`, overflowWrap: "anywhere" },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    width: "100%",
    boxSizing: "border-box",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    // Inside the row, so that the scrolling box does not clip it.
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
  },
  error: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  info: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteBlueBorderActive}` },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  location: { color: tokens.colorNeutralForeground3 },
  message: { overflowWrap: "anywhere" },
  values: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  cells: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXXS, padding: `0 ${tokens.spacingHorizontalS}` },
  cellButton: { minWidth: "auto", padding: `0 ${tokens.spacingHorizontalXS}`, textDecorationLine: "underline" },
});

/** Characters of a message per line in a pane about 320 px wide: a first guess, corrected once the row is measured. */
const CHARACTERS_PER_LINE = 19;

/** A row's height before it has been measured: close guesses keep the scrollbar from jumping. */
function estimatedHeight(row: FindingListRow): number {
  if (row.kind === "heading") return 8 + 16 * Math.ceil(row.group.heading.length / 24);
  const finding = row.finding;
  const messageLines = Math.max(1, Math.ceil(finding.message.length / CHARACTERS_PER_LINE));
  const values = finding.expected !== undefined || finding.actual !== undefined ? 16 : 0;
  const cells = finding.cells.length > 1 ? 24 : 0;
  return 12 + 16 + 20 * messageLines + values + cells + 24 + 2;
}

export function FindingList(props: FindingListProps) {
  const styles = useStyles();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef(new Map<string, HTMLButtonElement>());
  const rows = useMemo(() => findingListRows(props.groups), [props.groups]);
  const activeIndex = useMemo(() => rows.findIndex((row) => row.kind === "finding" && row.finding.id === props.activeId), [rows, props.activeId]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => estimatedHeight(rows[index]),
    getItemKey: (index) => rows[index].key,
    overscan: 6,
    // The current finding stays in the document while scrolled away, so that it keeps the focus
    // and ↑/↓ go on from it.
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
  });

  useEffect(() => {
    if (activeIndex < 0) return;
    virtualizer.scrollToIndex(activeIndex, { align: "auto" });
    itemRefs.current.get(props.activeId!)?.focus({ preventScroll: true });
    // Only a new current finding scrolls the list; a re-check or a filter leaves it where the user put it.
  }, [props.activeId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "ArrowDown" || event.key === "F8") {
      event.preventDefault();
      props.onStep("next");
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      props.onStep("previous");
    }
  };

  const renderFinding = (finding: FindingRow) => (
    <>
      <button
        type="button"
        ref={(element) => {
          if (element) itemRefs.current.set(finding.id, element);
          else itemRefs.current.delete(finding.id);
        }}
        className={mergeClasses(styles.item, styles[finding.severity], finding.id === props.activeId && styles.active)}
        aria-current={finding.id === props.activeId ? "true" : undefined}
        onClick={() => props.onSelect(finding)}
        data-testid="finding-item"
        data-finding-id={finding.id}
        data-location={finding.location}
      >
        <Caption1 className={styles.location}>
          {finding.location} · {finding.severityName} · {finding.categoryName}
        </Caption1>
        <Text size={300} className={styles.message}>
          {finding.message}
        </Text>
        {(finding.expected !== undefined || finding.actual !== undefined) && (
          <Caption1 className={styles.values}>
            {finding.expected !== undefined && `${text(UI.expected, props.lang)}：${finding.expected} `}
            {finding.actual !== undefined && `${text(UI.actual, props.lang)}：${finding.actual}`}
          </Caption1>
        )}
      </button>
      {finding.cells.length > 1 && (
        <div className={styles.cells} role="group" aria-label={text(UI.cellsOfFinding, props.lang)} data-testid="finding-cells">
          <Caption1 className={styles.location}>{text(UI.cellsOfFinding, props.lang)}</Caption1>
          {finding.cells.map((cell) => (
            <Button key={cell} size="small" appearance="transparent" className={styles.cellButton} onClick={() => props.onSelect(finding, cell)} data-testid="finding-cell" data-cell={cell}>
              {cell}
            </Button>
          ))}
        </div>
      )}
      {props.renderActions?.(finding)}
    </>
  );

  return (
    <div className={styles.root}>
      <div className={styles.navigation}>
        <Caption1 className={styles.position} data-testid="finding-position">
          {props.positionText}
        </Caption1>
        <Button size="small" onClick={() => props.onStep("previous")} data-testid="previous-finding">
          {text(UI.previous, props.lang)}
        </Button>
        <Button size="small" onClick={() => props.onStep("next")} data-testid="next-finding">
          {text(UI.next, props.lang)}
        </Button>
      </div>
      <Caption1 className={styles.location}>{text(UI.listHint, props.lang)}</Caption1>
      <div ref={scrollerRef} className={styles.scroller} onKeyDown={onKeyDown} data-testid="finding-list" data-rows={rows.length}>
        <ul className={styles.list} style={{ height: virtualizer.getTotalSize() }} aria-label={text(UI.findings, props.lang)}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            // aria-setsize and aria-posinset tell a screen reader the whole list's length, most of which is not in the document.
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className={styles.row}
                style={{ transform: `translateY(${item.start}px)` }}
                aria-setsize={rows.length}
                aria-posinset={item.index + 1}
                {...(row.kind === "heading" ? { "data-testid": "finding-group", "data-severity": row.group.severity } : {})}
              >
                {row.kind === "heading" ? <h3 className={styles.groupHeading}>{row.group.heading}</h3> : renderFinding(row.finding)}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
