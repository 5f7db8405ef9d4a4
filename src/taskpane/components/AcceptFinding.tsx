import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../core/report/i18n";
import { UI, text } from "../strings";

export interface AcceptFindingProps {
  lang: Lang;
  findingId: string;
  disabled: boolean;
  onAccept: (reason: string) => void;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

/** "接受…" under a finding: a reason is required, so that every accepted finding says why. */
export function AcceptFinding(props: AcceptFindingProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (!open) {
    return (
      <Button size="small" appearance="subtle" disabled={props.disabled} onClick={() => setOpen(true)} data-testid="accept-button" data-finding-id={props.findingId}>
        {text(UI.accept, props.lang)}
      </Button>
    );
  }
  const trimmed = reason.trim();
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed === "") return;
        props.onAccept(trimmed);
        setOpen(false);
        setReason("");
      }}
    >
      <Field label={text(UI.acceptReason, props.lang)} size="small">
        <Input size="small" value={reason} onChange={(_, data) => setReason(data.value)} data-testid="accept-reason" autoFocus />
      </Field>
      <div className={styles.buttons}>
        <Button size="small" appearance="primary" type="submit" disabled={trimmed === "" || props.disabled} data-testid="accept-confirm">
          {text(UI.acceptConfirm, props.lang)}
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          {text(UI.cancel, props.lang)}
        </Button>
      </div>
    </form>
  );
}
