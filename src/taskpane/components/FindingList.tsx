import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import type { Lang } from "../../core/report/i18n";
import type { FindingGroup, FindingRow } from "../report-view";
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
  groupHeading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0`, overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
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

export function FindingList(props: FindingListProps) {
  const styles = useStyles();
  const itemRefs = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (props.activeId) itemRefs.current.get(props.activeId)?.focus();
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
      <div onKeyDown={onKeyDown} data-testid="finding-list">
        {props.groups.map((group) => (
          <section key={group.key} aria-label={group.heading} data-testid="finding-group" data-severity={group.severity}>
            <h3 className={styles.groupHeading}>{group.heading}</h3>
            <ul className={styles.list}>
              {group.findings.map((finding) => (
                <li key={finding.id}>
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
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
