import type { ReactNode } from 'react';
import type { SupportRequest } from '../api/types';
import { SUPPORT_REQUEST_STATUS_LABELS, formatDateTime, formatPeriod } from '../format';

/**
 * Support requests with their status and every answer's text, newest first: what the
 * municipality asked and what the county said back. `names` gives each municipality's name
 * (shown when the list spans several); `actions` adds what a reader may do with one.
 */
export function SupportRequestList({ requests, names, actions }: { requests: SupportRequest[]; names?: Record<string, string>; actions?: (r: SupportRequest) => ReactNode }) {
  if (requests.length === 0) return <p>Inga stödbegäranden.</p>;
  return (
    <ul className="support-requests">
      {requests.map((r) => (
        <li key={r.id} className="card" data-request={r.id}>
          <h3>
            {names ? `${names[r.orgUnit] ?? 'Okänd kommun'}: ` : ''}
            <span className={`status status-${r.status}`}>{SUPPORT_REQUEST_STATUS_LABELS[r.status]}</span>
          </h3>
          <p className="description">{r.description}</p>
          <p className="muted">
            {'report' in r.source ? `Från rapporten för ${formatPeriod(r.source.report.period)}` : 'Begärd direkt'}, {formatDateTime(r.openedAt)}.
          </p>
          <dl className="facts answers-given">
            {r.acknowledgement && <Answer label={`Länets svar ${formatDateTime(r.acknowledgement.at)}`} text={r.acknowledgement.reply} />}
            {r.resolution && <Answer label={`Avslutad ${formatDateTime(r.resolution.at)}`} text={r.resolution.outcome} />}
            {r.decline && <Answer label={`Avböjd ${formatDateTime(r.decline.at)}`} text={r.decline.reason} />}
          </dl>
          {actions?.(r)}
        </li>
      ))}
    </ul>
  );
}

function Answer({ label, text }: { label: string; text: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{text}</dd>
    </>
  );
}
