import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { NotCheckedRow } from "../report-view";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export function NotCheckedList({ items }: { items: readonly NotCheckedRow[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid="not-checked-list">
      {items.map((item) => (
        <li key={item.key} className={styles.item} data-testid="not-checked-item">
          <Text size={200}>{item.reason}</Text>
          <Caption1 className={styles.meta}>
            {item.location} · {item.rule}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
