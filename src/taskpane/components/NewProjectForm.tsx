// 新建项目: the fields of a new form and one button that inserts it. Validation, planning and
// insertion are new-project.ts; this component only renders the draft and the outcome.
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { Lang } from "../../core/report/i18n";
import type { TemplateKind } from "../../core/templates";
import { errorText } from "../check-workflow";
import { createProject, emptyDraft, fieldMessage, fieldsOf, type FieldMessages, type NewProjectDraft, type NewProjectField, type NewProjectHost } from "../new-project";
import { TEMPLATE_KIND_NAMES, UI, insertedText, text } from "../strings";

export interface NewProjectFormProps extends NewProjectHost {
  lang: Lang;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  funds: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

const KINDS: readonly TemplateKind[] = ["project-performance-target", "department-performance-target", "project-self-evaluation"];

type Outcome = { kind: "inserted"; sheet: string; cell: string } | { kind: "failed"; message: string };

export function NewProjectForm({ lang, readContext, insert }: NewProjectFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<NewProjectDraft>(() => emptyDraft(new Date()));
  const [messages, setMessages] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const shown = fieldsOf(draft.kind);

  const change = (field: keyof NewProjectDraft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setMessages((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(undefined);
    setBusy(true);
    try {
      const result = await createProject(draft, { readContext, insert });
      if (result.kind === "invalid") {
        setMessages(result.messages);
        setOutcome({ kind: "failed", message: text(UI.fixFields, lang) });
      } else {
        setMessages({});
        setOutcome(result);
      }
    } catch (error) {
      setOutcome({ kind: "failed", message: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  };

  const textField = (field: NewProjectField, label: string, options: { required?: boolean; inputMode?: "decimal" | "numeric" } = {}) => {
    const message = fieldMessage(messages, field, lang);
    return (
      <Field label={label} required={options.required} validationState={message ? "error" : "none"} validationMessage={message}>
        <Input
          value={draft[field]}
          inputMode={options.inputMode}
          onChange={(_, data) => change(field)(data.value)}
          data-testid={`new-project-${field}`}
        />
      </Field>
    );
  };

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate data-testid="new-project-form">
      <Body1 className={styles.intro}>{text(UI.newProjectIntro, lang)}</Body1>
      <Field label={text(UI.templateKind, lang)}>
        <Select value={draft.kind} onChange={(_, data) => change("kind")(data.value)} data-testid="new-project-kind">
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {text(TEMPLATE_KIND_NAMES[kind], lang)}
            </option>
          ))}
        </Select>
      </Field>
      {shown.project && textField("projectName", text(UI.projectName, lang), { required: true })}
      {textField("department", text(shown.project ? UI.department : UI.departmentName, lang), { required: true })}
      {shown.project && textField("implementingUnit", text(UI.implementingUnit, lang))}
      {textField("year", text(UI.year, lang), { required: true, inputMode: "numeric" })}
      {shown.funds && (
        <fieldset className={styles.funds}>
          <legend className={styles.legend}>{text(UI.fundsLegend, lang)}</legend>
          {textField("fiscal", text(UI.fiscal, lang), { inputMode: "decimal" })}
          {textField("carryOver", text(UI.carryOver, lang), { inputMode: "decimal" })}
          {textField("other", text(UI.otherFunds, lang), { inputMode: "decimal" })}
        </fieldset>
      )}
      {shown.variant && (
        <Field label={text(UI.variant, lang)}>
          <RadioGroup value={draft.variant} onChange={(_, data) => change("variant")(data.value)} data-testid="new-project-variant">
            <Radio value="cost-first" label={text(UI.variantCostFirst, lang)} />
            <Radio value="legacy" label={text(UI.variantLegacy, lang)} />
          </RadioGroup>
        </Field>
      )}
      {textField("indicatorRows", text(UI.indicatorRows, lang), { inputMode: "numeric" })}
      <Body1 className={styles.intro} data-testid="undo-note">
        {text(UI.undoNote, lang)}
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="new-project-submit">
          {text(UI.insert, lang)}
        </Button>
        {busy && <Spinner size="tiny" label={text(UI.inserting, lang)} />}
      </div>
      {outcome?.kind === "inserted" && (
        <MessageBar intent="success" data-testid="new-project-success" data-sheet={outcome.sheet}>
          <MessageBarBody>
            <MessageBarTitle>{text(UI.insertedTitle, lang)}</MessageBarTitle>
            {insertedText(lang, outcome.sheet, outcome.cell)}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "failed" && (
        <MessageBar intent="error" data-testid="new-project-error">
          <MessageBarBody>
            <MessageBarTitle>{text(UI.insertFailedTitle, lang)}</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
