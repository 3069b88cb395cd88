import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { SituationReport, Template } from '../api/types';
import { useApiQuery } from '../api/use-api-query';
import { NewReportForm } from '../components/new-report-form';
import { ErrorMessage, Page } from '../components/page';
import { PeriodPicker } from '../components/period-picker';
import { SubmittedReport } from '../components/submitted-report';
import { formatDateTime, formatPeriod } from '../format';
import { useRouter } from '../router';

/** A municipality's report for a month: the form (new), or the report with its receipt, amendments and history. */
export function ReportPage({ org, period }: { org: string; period: string }) {
  const report = useApiQuery<SituationReport>(`/org-units/${org}/reports/${period}`);
  const missing = report.error instanceof ApiError && report.error.status === 404;
  const version = report.data?.templateVersion;
  // The template the report was sent on; the current one for a new report (once it is known there is none).
  const template = useApiQuery<Template>(report.isLoading ? null : version ? `/templates/${version}` : '/templates/current');
  const [receipt, setReceipt] = useState<string>();
  const { navigate } = useRouter();

  return (
    <Page title={`Lägesbild ${formatPeriod(period)} – ${org}`} actions={<PeriodPicker value={period} onChange={(p) => navigate(`/rapport/${org}/${p}`)} />}>
      {receipt && <Receipt text={receipt} />}
      {report.error && !missing && <ErrorMessage error={report.error} />}
      {template.error && <ErrorMessage error={template.error} />}
      {template.data && missing && (
        <NewReportForm key={`${org}-${period}`} org={org} period={period} template={template.data} onSubmitted={(r) => setReceipt(receiptText(r, 'Rapporten är inskickad'))} />
      )}
      {template.data && report.data && (
        <SubmittedReport report={report.data} template={template.data} onAmended={(r) => setReceipt(receiptText(r, 'Ändringen är sparad'))} />
      )}
      {(report.isLoading || template.isLoading) && !report.data && !missing && <p role="status">Hämtar rapporten…</p>}
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
