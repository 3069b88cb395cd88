import { useState } from 'react';
import type { SituationReport, Template } from '../api/types';
import { hasRole, useSession } from '../auth/session';
import { formatDateTime } from '../format';
import { useTimeMachine } from '../time-machine';
import { Section } from './page';
import { ReportAmendmentForm } from './report-amendment-form';
import { ReportHistory, answerText } from './report-history';

/** A sent report: when and by which deadline, its answers (or the amendment form), and its history. */
export function SubmittedReport({ report, template, onAmended }: { report: SituationReport; template: Template; onAmended(r: SituationReport): void }) {
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
        <ReportAmendmentForm
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
