import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { Answer, CommandAnswer, SituationReport, Template } from '../api/types';
import { useApi, useQuery } from '../api/use-api';
import { hasRole, useSession } from '../auth/session';
import { ErrorMessage, Page, Section } from '../components/page';
import { ErrorSummary, ReportFields, SourcePicker, answersOf, draftsFrom, fieldErrors, type Drafts } from '../components/report-form';
import { ReportHistory, answerText } from '../components/report-history';
import { formatDateTime, formatPeriod } from '../format';
import { useRouter } from '../router';
import { thisMonth } from '../roles';
import { useTimeMachine } from '../time-machine';

/** A municipality's report for a month: the form (new), or the report with its receipt, amendments and history. */
export function ReportPage({ org, period }: { org: string; period: string }) {
  const report = useQuery<SituationReport>(`/org-units/${org}/reports/${period}`, {}, [org, period]);
  const missing = report.error instanceof ApiError && report.error.status === 404;
  const version = report.data?.templateVersion;
  const template = useQuery<Template>(report.loading && !report.data ? null : version ? `/templates/${version}` : '/templates/current', {}, [version]);
  const [receipt, setReceipt] = useState<string>();
  const { navigate } = useRouter();

  return (
    <Page title={`Lägesbild ${formatPeriod(period)} – ${org}`} actions={<PeriodPicker value={period} onChange={(p) => navigate(`/rapport/${org}/${p}`)} />}>
      {receipt && <Receipt text={receipt} />}
      {report.error !== undefined && !missing && <ErrorMessage error={report.error} />}
      {template.error !== undefined && <ErrorMessage error={template.error} />}
      {template.data && missing && (
        <NewReport
          key={`${org}-${period}`}
          org={org}
          period={period}
          template={template.data}
          onSubmitted={(r) => {
            setReceipt(receiptText(r, 'Rapporten är inskickad'));
            report.reload();
          }}
        />
      )}
      {template.data && report.data && (
        <ExistingReport
          report={report.data}
          template={template.data}
          onAmended={(r) => {
            setReceipt(receiptText(r, 'Ändringen är sparad'));
            report.reload();
          }}
        />
      )}
      {(report.loading || template.loading) && !report.data && !missing && <p role="status">Hämtar rapporten…</p>}
    </Page>
  );
}

function receiptText(report: SituationReport, what: string): string {
  const timing = report.late ? `sent – efter sista dag ${formatDateTime(report.deadline)}` : `i tid (sista dag ${formatDateTime(report.deadline)})`;
  return `${what}: ${report.orgUnit}, ${formatPeriod(report.period)}, version ${report.revision + 1}. Inskickad ${formatDateTime(report.submittedAt)}, ${timing}.`;
}

function Receipt({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <div className="receipt" role="status" tabIndex={-1} ref={ref} data-testid="receipt">
      <h2>Kvitto</h2>
      <p>{text}</p>
    </div>
  );
}

export function PeriodPicker({ value, onChange, label = 'Månad' }: { value: string; onChange(period: string): void; label?: string }) {
  return (
    <label className="period-picker">
      {label}{' '}
      <input type="month" value={value} max={thisMonth()} onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && onChange(e.target.value)} />
    </label>
  );
}

/** Waits for the views to include a write, then reads the report (read your writes: minPosition). */
async function readBack(api: ReturnType<typeof useApi>, org: string, period: string, answer: CommandAnswer): Promise<SituationReport> {
  return api.get<SituationReport>(`/org-units/${org}/reports/${period}`, { minPosition: answer.position });
}

function NewReport({ org, period, template, onSubmitted }: { org: string; period: string; template: Template; onSubmitted(r: SituationReport): void }) {
  const api = useApi();
  const { session } = useSession();
  const { asOf } = useTimeMachine();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsFrom(template));
  const [sources, setSources] = useState<string[]>([]);
  const [summary, setSummary] = useState('');
  const [supportNeeded, setSupportNeeded] = useState(false);
  const [supportText, setSupportText] = useState('');
  const [failure, setFailure] = useState<{ error: unknown; sent: Answer[] }>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const mayReport = !!session && hasRole(session.user, 'municipal_reporter') && !asOf;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answers = answersOf(template, drafts);
    setBusy(true);
    try {
      const body = {
        templateVersion: template.version,
        answers,
        sources,
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        supportNeeded: { needed: supportNeeded, ...(supportNeeded && supportText.trim() ? { description: supportText.trim() } : {}) },
      };
      const answer = await api.send<CommandAnswer>('PUT', `/org-units/${org}/reports/${period}`, body);
      setFailure(undefined);
      onSubmitted(await readBack(api, org, period, answer));
    } catch (error) {
      setFailure({ error, sent: answers });
      setTimeout(() => summaryRef.current?.querySelector<HTMLElement>('.error-summary, .error-message')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };
  const errors = failure ? fieldErrors(failure.error, failure.sent, template) : { byItem: {}, other: [] };
  if (!mayReport)
    return <p className="notice">{asOf ? 'Ingen rapport var inskickad vid den valda tidpunkten.' : 'Ingen rapport är inskickad för den här månaden.'}</p>;
  return (
    <form onSubmit={submit} noValidate className="report-form" aria-label="Månadsrapport">
      <p>Fyll i lägesbilden för {formatPeriod(period)} enligt mallens version {template.version}. Fält du lämnar tomma skickas inte.</p>
      <div ref={summaryRef}>
        <ErrorSummary byItem={errors.byItem} other={errors.other} template={template} />
        {failure && !(failure.error instanceof ApiError && failure.error.status === 400) && <ErrorMessage error={failure.error} />}
      </div>
      <ReportFields template={template} drafts={drafts} onChange={setDrafts} errors={errors.byItem} />
      <fieldset className="area">
        <legend>Hela rapporten</legend>
        <SourcePicker legend="Källor till lägesbilden" options={template.sources} value={sources} onChange={setSources} />
        <label htmlFor="report-summary">Sammanfattning</label>
        <textarea id="report-summary" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        <label className="checkbox">
          <input type="checkbox" checked={supportNeeded} onChange={(e) => setSupportNeeded(e.target.checked)} /> Kommunen behöver stöd från länsstyrelsen
        </label>
        {supportNeeded && (
          <>
            <label htmlFor="support-text">Vilket stöd?</label>
            <textarea id="support-text" rows={2} value={supportText} onChange={(e) => setSupportText(e.target.value)} />
          </>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Skickar…' : 'Skicka in rapporten'}
      </button>
    </form>
  );
}

function ExistingReport({ report, template, onAmended }: { report: SituationReport; template: Template; onAmended(r: SituationReport): void }) {
  const { session } = useSession();
  const { asOf } = useTimeMachine();
  const [amending, setAmending] = useState(false);
  const mayAmend = !!session && hasRole(session.user, 'municipal_reporter') && !asOf;
  return (
    <>
      <Section title="Rapporten">
        <dl className="facts">
          <dt>Inskickad</dt>
          <dd>
            {formatDateTime(report.submittedAt)} {report.late ? <strong className="late">(sen)</strong> : <span>(i tid)</span>}
          </dd>
          <dt>Sista dag</dt>
          <dd>{formatDateTime(report.deadline)}</dd>
          <dt>Version</dt>
          <dd>
            {report.revision + 1} (mall {report.templateVersion})
          </dd>
          {report.summary && (
            <>
              <dt>Sammanfattning</dt>
              <dd>{report.summary}</dd>
            </>
          )}
        </dl>
        {mayAmend && !amending && (
          <button type="button" onClick={() => setAmending(true)}>
            Ändra rapporten
          </button>
        )}
      </Section>
      {amending ? (
        <Amendment
          report={report}
          template={template}
          onCancel={() => setAmending(false)}
          onDone={(r) => {
            setAmending(false);
            onAmended(r);
          }}
        />
      ) : (
        <AnswersTable report={report} template={template} />
      )}
      <ReportHistory report={report} template={template} />
    </>
  );
}

function AnswersTable({ report, template }: { report: SituationReport; template: Template }) {
  return (
    <Section title="Svar">
      {template.areas.map((area) => (
        <div className="table-scroll" key={area.id}>
          <table className="answers">
            <caption>{area.label}</caption>
            <thead>
              <tr>
                <th scope="col">Fråga</th>
                <th scope="col">Svar</th>
                <th scope="col">Trend</th>
                <th scope="col">Kommentar</th>
              </tr>
            </thead>
            <tbody>
              {area.items.map((item) => {
                const a = report.answers.find((x) => x.item === item.id);
                return (
                  <tr key={item.id} data-item={item.id}>
                    <th scope="row">{item.label}</th>
                    <td className="value">{answerText(template, item.id, a?.value)}</td>
                    <td>{a?.trend ? template.trends.find((t) => t.value === a.trend)?.label : ''}</td>
                    <td>{a?.comment ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </Section>
  );
}

function Amendment({ report, template, onCancel, onDone }: { report: SituationReport; template: Template; onCancel(): void; onDone(r: SituationReport): void }) {
  const api = useApi();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsFrom(template, report.answers));
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<{ error: unknown; sent: Answer[] }>();
  const [local, setLocal] = useState<{ reason?: string; nothing?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answers = answersOf(template, drafts, report.answers);
    const problems = { reason: reason.trim() ? undefined : 'Ange varför rapporten ändras.', nothing: answers.length ? undefined : 'Ändra minst ett svar.' };
    setLocal(problems);
    if (problems.reason || problems.nothing) return;
    setBusy(true);
    try {
      const answer = await api.send<CommandAnswer>('POST', `/org-units/${report.orgUnit}/reports/${report.period}/amendments`, { answers, reason: reason.trim() });
      onDone(await readBack(api, report.orgUnit, report.period, answer));
    } catch (error) {
      setFailure({ error, sent: answers });
    } finally {
      setBusy(false);
    }
  };
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
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Sparar…' : 'Spara ändringen'}
          </button>
          <button type="button" onClick={onCancel}>
            Avbryt
          </button>
        </div>
      </form>
    </Section>
  );
}
