import { useState } from 'react';
import type { SupportRequestStatus } from '../api/types';
import { useApiQuery } from '../api/use-api-query';
import { useOrgUnitName, useOrgUnitsUnder } from '../api/use-org-units';
import { hasRole, useSession } from '../auth/session';
import { Field } from '../components/command-form';
import { Loaded, Page, Section } from '../components/page';
import { SupportRequestAnswerForm } from '../components/support-request-answer-form';
import { SupportRequestList } from '../components/support-request-list';
import { SUPPORT_REQUEST_STATUS_LABELS } from '../format';

/** The county's inbox of support requests: filtered by status and municipality, each answered here. */
export function SupportRequestsPage({ county }: { county: string }) {
  const { session } = useSession();
  const [status, setStatus] = useState<SupportRequestStatus | ''>('');
  const [municipality, setMunicipality] = useState('');
  const countyName = useOrgUnitName(county);
  const units = useOrgUnitsUnder(county);
  const requests = useApiQuery(`/org-units/${county}/support-requests`, { status, municipality });
  const municipalities = (units.data?.items ?? []).filter((u) => u.kind === 'municipality');
  const names = Object.fromEntries(municipalities.map((u) => [u.code, u.name]));
  const mayAnswer = !!session && (hasRole(session.user, 'county_analyst') || hasRole(session.user, 'support_worker'));

  return (
    <Page title={`Stödbegäranden${countyName ? ` – ${countyName}` : ''}`}>
      <Section title="Urval">
        <div className="filters">
          <Field id="filter-status" label="Status">
            <select id="filter-status" value={status} onChange={(e) => setStatus(e.target.value as SupportRequestStatus | '')}>
              <option value="">Alla</option>
              {Object.entries(SUPPORT_REQUEST_STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="filter-municipality" label="Kommun">
            <select id="filter-municipality" value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
              <option value="">Alla kommuner</option>
              {municipalities.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </Section>
      <Loaded state={requests} what="stödbegärandena">
        {(r) => (
          <>
            <p role="status">{r.items.length === 1 ? '1 stödbegäran' : `${r.items.length} stödbegäranden`} i urvalet.</p>
            <SupportRequestList
              requests={r.items}
              names={names}
              actions={mayAnswer ? (request) => <SupportRequestAnswerForm request={request} county={county} name={names[request.orgUnit] ?? 'kommunen'} /> : undefined}
            />
          </>
        )}
      </Loaded>
    </Page>
  );
}
