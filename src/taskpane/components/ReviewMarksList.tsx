import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/report/i18n";
import type { MarkRow } from "../report-view";
import { UI, text } from "../strings";

export interface ReviewMarksListProps {
  lang: Lang;
  rows: readonly MarkRow[];
  kind: "accepted" | "stale";
  disabled: boolean;
  onReset: (row: MarkRow) => void;
  onSelect: (row: MarkRow) => void;
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

/** Accepted findings with their reasons, or marks gone stale with what changed; each can be reset. */
export function ReviewMarksList(props: ReviewMarksListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid={props.kind === "accepted" ? "accepted-list" : "stale-list"}>
      {props.rows.map((row) => (
        <li key={row.key} className={styles.item} data-testid={props.kind === "accepted" ? "accepted-item" : "stale-item"} data-location={row.location} data-rule={row.rule}>
          <Caption1 className={styles.muted}>
            {row.location} · {row.rule}
          </Caption1>
          <Text size={300}>{row.message}</Text>
          <Caption1 data-testid="mark-reason">
            {text(UI.reasonLabel, props.lang)}：{row.reason}
          </Caption1>
          {row.staleText && (
            <Caption1 className={styles.stale} data-testid="stale-why">
              {row.staleText}
            </Caption1>
          )}
          <div className={styles.buttons}>
            <Button size="small" appearance="transparent" onClick={() => props.onSelect(row)}>
              {row.location}
            </Button>
            <Button size="small" disabled={props.disabled} onClick={() => props.onReset(row)} data-testid="reset-mark">
              {text(UI.resetMark, props.lang)}
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
