import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../core/report/i18n";
import { UI, text } from "../strings";

export interface AcceptFindingProps {
  lang: Lang;
  findingId: string;
  disabled: boolean;
  onAccept: (reason: string) => void;
  /** The reason typed so far, undefined while the form is closed. The pane keeps it, because the
   *  findings list unmounts a row scrolled out of view. */
  draft: string | undefined;
  onDraftChange: (draft: string | undefined) => void;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

/** "接受…" under a finding: a reason is required, so that every accepted finding says why. */
export function AcceptFinding(props: AcceptFindingProps) {
  const styles = useStyles();
  // Focus goes to the reason when the form is opened, not when a row scrolled back into view remounts it.
  const [openedHere, setOpenedHere] = useState(false);
  const reason = props.draft;
  if (reason === undefined) {
    const open = () => {
      setOpenedHere(true);
      props.onDraftChange("");
    };
    return (
      <Button size="small" appearance="subtle" disabled={props.disabled} onClick={open} data-testid="accept-button" data-finding-id={props.findingId}>
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
        props.onDraftChange(undefined);
      }}
    >
      <Field label={text(UI.acceptReason, props.lang)} size="small">
        <Input size="small" value={reason} onChange={(_, data) => props.onDraftChange(data.value)} data-testid="accept-reason" autoFocus={openedHere} />
      </Field>
      <div className={styles.buttons}>
        <Button size="small" appearance="primary" type="submit" disabled={trimmed === "" || props.disabled} data-testid="accept-confirm">
          {text(UI.acceptConfirm, props.lang)}
        </Button>
        <Button size="small" onClick={() => props.onDraftChange(undefined)}>
          {text(UI.cancel, props.lang)}
        </Button>
      </div>
    </form>
  );
}
