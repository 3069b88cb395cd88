import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import type { Answer, SituationReport, Template } from '../api/types';
import { useCommand } from '../api/use-command';
import { ErrorMessage, Section } from './page';
import { ErrorSummary, ReportFields, answersOf, draftsFrom, fieldErrors, type Drafts } from './report-form';

/** An amendment of a sent report: the changed answers and why (the reason is required). */
export function ReportAmendmentForm({ report, template, onCancel, onDone }: { report: SituationReport; template: Template; onCancel(): void; onDone(r: SituationReport): void }) {
  const command = useCommand();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsFrom(template, report.answers));
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<{ reason?: string; nothing?: string }>({});
  const path = `/org-units/${report.orgUnit}/reports/${report.period}` as const;
  const send = useMutation({
    mutationFn: async (answers: Answer[]) => {
      const { view } = await command('POST', `${path}/amendments`, { answers, reason: reason.trim() }, [[path]]);
      onDone(view!);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answers = answersOf(template, drafts, report.answers);
    const problems = { reason: reason.trim() ? undefined : 'Ange varför rapporten ändras.', nothing: answers.length ? undefined : 'Ändra minst ett svar.' };
    setLocal(problems);
    if (problems.reason || problems.nothing) return;
    send.mutate(answers);
  };
  const failure = send.error ? { error: send.error, sent: send.variables ?? [] } : undefined;
  const errors = failure ? fieldErrors(failure.error, failure.sent, template) : { byItem: {}, other: [] };
  return (
    <Section title="Ändra rapporten">
      <form onSubmit={submit} noValidate className="report-form" aria-label="Ändring av rapporten">
        <ErrorSummary byItem={errors.byItem} other={errors.other} template={template} />
        {failure && !(failure.error instanceof ApiError && failure.error.status === 400) && <ErrorMessage error={failure.error} />}
        {local.nothing && (
          <p className="field-error" role="alert">
            {local.nothing}
          </p>
        )}
        <ReportFields template={template} drafts={drafts} onChange={setDrafts} errors={errors.byItem} />
        <label htmlFor="amend-reason">Skäl till ändringen (obligatoriskt)</label>
        <textarea
          id="amend-reason"
          rows={2}
          required
          aria-required="true"
          value={reason}
          aria-invalid={local.reason ? true : undefined}
          aria-describedby={local.reason ? 'amend-reason-error' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {local.reason && (
          <p id="amend-reason-error" className="field-error" role="alert">
            {local.reason}
          </p>
        )}
        <div className="buttons">
          <button type="submit" className="primary" disabled={send.isPending}>
            {send.isPending ? 'Sparar…' : 'Spara ändringen'}
          </button>
          <button type="button" onClick={onCancel}>
            Avbryt
          </button>
        </div>
      </form>
    </Section>
  );
}
