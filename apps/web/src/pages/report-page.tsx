import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { SituationReport } from '../api/types';
import { useApiQuery } from '../api/use-api-query';
import { useOrgUnitName } from '../api/use-org-units';
import { hasRole, useSession } from '../auth/session';
import { NewReportForm } from '../components/new-report-form';
import { ErrorMessage, Page } from '../components/page';
import { PeriodPicker } from '../components/period-picker';
import { SubmittedReport } from '../components/submitted-report';
import { formatDateTime, formatPeriod } from '../format';
import { useRouter } from '../router';
import { useTimeMachine } from '../time-machine';

/** A municipality's report for a month: the form (new), or the report with its receipt, amendments and history. */
export function ReportPage({ org, period }: { org: string; period: string }) {
  const report = useApiQuery(`/org-units/${org}/reports/${period}`);
  const missing = report.error instanceof ApiError && report.error.status === 404;
  const version = report.data?.templateVersion;
  // The template the report was sent on; the current one for a new report (once it is known there is none).
  const template = useApiQuery(report.isLoading ? null : version ? `/templates/${version}` : '/templates/current');
  const [receipt, setReceipt] = useState<string>();
  const { navigate } = useRouter();
  const name = useOrgUnitName(org);
  const { session } = useSession();
  const { asOf } = useTimeMachine();
  // Only the unit's own reporters keep a draft; others are told no report is in.
  const drafting = missing && !asOf && !!session && hasRole(session.user, 'municipal_reporter');
  const draft = useApiQuery(drafting ? `/org-units/${org}/drafts/${period}` : null);
  const noDraft = draft.error instanceof ApiError && draft.error.status === 404;
  // The form starts from the draft as it is now, never a copy cached earlier in the session.
  const draftKnown = !drafting || draft.isFetchedAfterMount;

  return (
    <Page title={`Lägesbild ${formatPeriod(period)}${name ? ` – ${name}` : ''}`} actions={<PeriodPicker value={period} onChange={(p) => navigate(`/rapport/${org}/${p}`)} />}>
      {receipt && <Receipt text={receipt} />}
      {report.error && !missing && <ErrorMessage error={report.error} />}
      {template.error && <ErrorMessage error={template.error} />}
      {draft.error && !noDraft && <ErrorMessage error={draft.error} />}
      {template.data && missing && draftKnown && (
        <NewReportForm
          key={`${org}-${period}`}
          org={org}
          period={period}
          template={template.data}
          draft={draft.data?.status === 'open' ? draft.data : undefined}
          onSubmitted={(r) => setReceipt(receiptText(r, name ?? '', 'Rapporten är inskickad'))}
        />
      )}
      {template.data && report.data && (
        <SubmittedReport report={report.data} template={template.data} onAmended={(r) => setReceipt(receiptText(r, name ?? '', 'Ändringen är sparad'))} />
      )}
      {(report.isLoading || template.isLoading || !draftKnown) && !report.data && <p role="status">Hämtar rapporten…</p>}
    </Page>
  );
}

function receiptText(report: SituationReport, name: string, what: string): string {
  const timing = report.late ? `sent – efter sista dag ${formatDateTime(report.deadline)}` : `i tid (sista dag ${formatDateTime(report.deadline)})`;
  return `${what}: ${name}, ${formatPeriod(report.period)}, version ${report.revision + 1}. Inskickad ${formatDateTime(report.submittedAt)}, ${timing}.`;
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
