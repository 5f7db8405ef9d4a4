import { Button, ProgressBar, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/report/i18n";
import { UI, text } from "../strings";

export interface CheckActionsProps {
  lang: Lang;
  busyText?: string;
  hasResult: boolean;
  highlightOn: boolean;
  onCheck: () => void;
  onClear: () => void;
  onHighlightChange: (on: boolean) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  progressText: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function CheckActions(props: CheckActionsProps) {
  const styles = useStyles();
  const busy = props.busyText !== undefined;
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={props.onCheck} data-testid="check-button">
          {text(props.hasResult ? UI.recheck : UI.check, props.lang)}
        </Button>
        {props.hasResult && (
          <Button disabled={busy} onClick={props.onClear} data-testid="clear-button">
            {text(UI.clear, props.lang)}
          </Button>
        )}
      </div>
      <Switch
        checked={props.highlightOn}
        disabled={busy}
        label={text(UI.highlight, props.lang)}
        onChange={(_, data) => props.onHighlightChange(data.checked)}
        data-testid="highlight-switch"
      />
      {busy && (
        <div role="status" aria-live="polite" data-testid="progress">
          <ProgressBar />
          <span className={styles.progressText}>{props.busyText}</span>
        </div>
      )}
    </div>
  );
}
