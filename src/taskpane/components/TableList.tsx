import { Badge, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TableRow } from "../report-view";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  kind: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  counts: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

export function TableList({ tables }: { tables: readonly TableRow[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid="table-list">
      {tables.map((table) => (
        <li key={table.id} className={styles.item} data-testid="table-item" data-table-id={table.id}>
          <Text className={styles.kind}>{table.kindName}</Text>
          {table.title && <Text size={200}>{table.title}</Text>}
          <Caption1 className={styles.meta} data-testid="table-location">
            {table.location}
          </Caption1>
          <span className={styles.counts}>
            {table.errorCount > 0 && <Badge color="danger" size="small" />}
            {table.warningCount > 0 && <Badge color="warning" size="small" />}
            <Caption1 data-testid="table-counts">{table.countsText}</Caption1>
          </span>
        </li>
      ))}
    </ul>
  );
}
