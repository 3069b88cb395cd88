import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { Answer, ReportDraft, SituationReport, Template } from '../api/types';
import { useCommand } from '../api/use-command';
import { hasRole, useSession } from '../auth/session';
import { formatPeriod } from '../format';
import { useTimeMachine } from '../time-machine';
import { DraftStatus } from './draft-status';
import { ErrorMessage } from './page';
import { ErrorSummary, ReportFields, SourcePicker, answersOf, draftsFrom, fieldErrors, type Drafts } from './report-form';
import { useDraftAutosave } from './use-draft-autosave';

interface Props {
  org: string;
  period: string;
  template: Template;
  /** The draft saved so far (by this user or a colleague), to go on from. */
  draft?: ReportDraft;
  onSubmitted(r: SituationReport): void;
}

/**
 * The month's report, not yet sent: the template's fields, sources, a summary and whether
 * support is needed. What is typed is saved as a draft once the user pauses, so a reload or a
 * colleague goes on from it.
 */
export function NewReportForm({ org, period, template, draft, onSubmitted }: Props) {
  const command = useCommand();
  const { session } = useSession();
  const { asOf } = useTimeMachine();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsFrom(template, draft?.answers));
  const [sources, setSources] = useState<string[]>(draft?.sources ?? []);
  const [summary, setSummary] = useState(draft?.summary ?? '');
  const [supportNeeded, setSupportNeeded] = useState(draft?.supportNeeded?.needed ?? false);
  const [supportText, setSupportText] = useState(draft?.supportNeeded?.description ?? '');
  const [changed, setChanged] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const mayReport = !!session && hasRole(session.user, 'municipal_reporter') && !asOf;
  const path = `/org-units/${org}/reports/${period}` as const;
  const content = (answers: Answer[]) => ({
    templateVersion: template.version,
    answers,
    sources,
    ...(summary.trim() ? { summary: summary.trim() } : {}),
    supportNeeded: { needed: supportNeeded, ...(supportNeeded && supportText.trim() ? { description: supportText.trim() } : {}) },
  });
  const autosave = useDraftAutosave(`/org-units/${org}/drafts/${period}`, content(answersOf(template, drafts)), changed && mayReport);
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setChanged(true);
    };

  const send = useMutation({
    mutationFn: async (answers: Answer[]) => {
      // A draft save landing after the submission would be refused (the draft is closed by then).
      await autosave.pause();
      const { view } = await command('PUT', path, content(answers), [[path]]);
      onSubmitted(view!);
    },
    onError: () => {
      autosave.resume();
      setTimeout(() => summaryRef.current?.querySelector<HTMLElement>('.error-summary, .error-message')?.focus(), 0);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(answersOf(template, drafts));
  };
  const failure = send.error ? { error: send.error, sent: send.variables ?? [] } : undefined;
  const errors = failure ? fieldErrors(failure.error, failure.sent, template) : { byItem: {}, other: [] };
  if (!mayReport)
    return <p className="notice">{asOf ? 'Ingen rapport var inskickad vid den valda tidpunkten.' : 'Ingen rapport är inskickad för den här månaden.'}</p>;
  return (
    <form onSubmit={submit} noValidate className="report-form" aria-label="Månadsrapport">
      <p>Fyll i lägesbilden för {formatPeriod(period)} enligt mallens version {template.version}. Fält du lämnar tomma skickas inte.</p>
      <DraftStatus state={autosave.state} opened={draft} template={template} />
      <div ref={summaryRef}>
        <ErrorSummary byItem={errors.byItem} other={errors.other} template={template} />
        {failure && !(failure.error instanceof ApiError && failure.error.status === 400) && <ErrorMessage error={failure.error} />}
      </div>
      <ReportFields template={template} drafts={drafts} onChange={edit(setDrafts)} errors={errors.byItem} />
      <fieldset className="area">
        <legend>Hela rapporten</legend>
        <SourcePicker legend="Källor till lägesbilden" options={template.sources} value={sources} onChange={edit(setSources)} />
        <label htmlFor="report-summary">Sammanfattning</label>
        <textarea id="report-summary" rows={3} value={summary} onChange={(e) => edit(setSummary)(e.target.value)} />
        <label className="checkbox">
          <input type="checkbox" checked={supportNeeded} onChange={(e) => edit(setSupportNeeded)(e.target.checked)} /> Kommunen behöver stöd från länsstyrelsen
        </label>
        {supportNeeded && (
          <>
            <label htmlFor="support-text">Vilket stöd?</label>
            <textarea id="support-text" rows={2} value={supportText} onChange={(e) => edit(setSupportText)(e.target.value)} />
          </>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={send.isPending}>
        {send.isPending ? 'Skickar…' : 'Skicka in rapporten'}
      </button>
    </form>
  );
}
