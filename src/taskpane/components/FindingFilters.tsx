import { Select, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/report/i18n";
import type { FindingCategory, Severity } from "../../core/report/vocabulary";
import { SEVERITIES, type CategoryOption, type FindingFilter } from "../report-view";
import { SEVERITY_NAMES, UI, text } from "../strings";

export interface FindingFiltersProps {
  lang: Lang;
  filter: FindingFilter;
  categories: readonly CategoryOption[];
  onToggleSeverity: (severity: Severity) => void;
  onCategoryChange: (category: FindingCategory | undefined) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
  select: { minWidth: "140px", flexGrow: 1 },
});

export function FindingFilters(props: FindingFiltersProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label={text(UI.severityFilter, props.lang)}>
      {SEVERITIES.map((severity) => (
        <ToggleButton
          key={severity}
          size="small"
          checked={props.filter.severities.includes(severity)}
          onClick={() => props.onToggleSeverity(severity)}
          data-testid={`filter-${severity}`}
        >
          {text(SEVERITY_NAMES[severity], props.lang)}
        </ToggleButton>
      ))}
      <Select
        className={styles.select}
        size="small"
        aria-label={text(UI.categoryFilter, props.lang)}
        value={props.filter.category ?? ""}
        onChange={(_, data) => props.onCategoryChange(data.value === "" ? undefined : (data.value as FindingCategory))}
        data-testid="filter-category"
      >
        <option value="">{text(UI.allCategories, props.lang)}</option>
        {props.categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
