import { useState } from 'react';

import { useApiQuery } from '../api/use-api-query';
import { useCommand } from '../api/use-command';
import { useSession } from '../auth/session';
import { CommandForm, Field } from '../components/command-form';
import { Loaded, Page, Section } from '../components/page';
import { formatDate } from '../format';
import { Link, useRouter } from '../router';
import { countyOf } from '../roles';
import { useMunicipalities } from './county-dashboard-page';

export const CATEGORIES: Record<string, string> = {
  'violent-extremism': 'Våldsbejakande extremism',
  'radicalisation-concern': 'Oro för radikalisering',
  'threats-and-hate': 'Hot och hat',
  'return-from-conflict-zone': 'Återvändare från konfliktområde',
  other: 'Övrigt',
};

/** The county's support cases (no personal data in the list) and a form to open one. */
export function SupportCasesPage() {
  const command = useCommand();
  const { navigate } = useRouter();
  const { session } = useSession();
  const county = countyOf(session!.user.org);
  const cases = useApiQuery('/support-cases');
  const units = useMunicipalities(county);
  const names = Object.fromEntries((units.data?.items ?? []).map((u) => [u.code, u.name]));
  const [form, setForm] = useState({ municipality: '', category: 'radicalisation-concern', requestedSupport: '', name: '', personalIdentityNumber: '', notes: '' });

  const open = async () => {
    const subject = form.name.trim()
      ? { name: form.name.trim(), ...(form.personalIdentityNumber.trim() ? { personalIdentityNumber: form.personalIdentityNumber.trim() } : {}), ...(form.notes.trim() ? { notes: form.notes.trim() } : {}) }
      : undefined;
    const body = {
      municipality: form.municipality || units.data?.items[0]?.code,
      category: form.category,
      requestedSupport: form.requestedSupport,
      ...(subject ? { subject } : {}),
    };
    const { answer } = await command('POST', '/support-cases', body, [['/support-cases']]);
    navigate(`/arenden/${answer.id}`);
  };

  return (
    <Page title="Individärenden">
      <Section title="Länets ärenden">
        <Loaded state={cases} what="ärendena">
          {(c) =>
            c.items.length === 0 ? (
              <p>Inga ärenden.</p>
            ) : (
              <table className="compact">
                <caption>Ärenden (utan personuppgifter)</caption>
                <thead>
                  <tr>
                    <th scope="col">Öppnat</th>
                    <th scope="col">Kommun</th>
                    <th scope="col">Kategori</th>
                    <th scope="col">Status</th>
                    <th scope="col">Ärende</th>
                  </tr>
                </thead>
                <tbody>
                  {c.items.map((x) => (
                    <tr key={x.caseId}>
                      <td>{formatDate(x.openedOn)}</td>
                      <td>{names[x.orgUnit] ?? x.orgUnit}</td>
                      <td>{CATEGORIES[x.category] ?? x.category}</td>
                      <td>{x.status === 'open' ? 'Öppet' : 'Avslutat'}</td>
                      <td>
                        <Link to={`/arenden/${x.caseId}`}>Öppna ärendet ({names[x.orgUnit] ?? x.orgUnit}, {formatDate(x.openedOn)})</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loaded>
      </Section>
      <Section title="Nytt ärende">
        <CommandForm role="support_worker" label="Nytt ärende" submitLabel="Öppna ärendet" onSubmit={open}>
          <div className="form-grid">
            <Field id="case-municipality" label="Kommun">
              <select id="case-municipality" value={form.municipality} onChange={(e) => setForm({ ...form, municipality: e.target.value })}>
                {(units.data?.items ?? []).map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="case-category" label="Kategori">
              <select id="case-category" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
                {Object.entries(CATEGORIES).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="case-support" label="Begärt stöd">
              <textarea id="case-support" rows={2} value={form.requestedSupport} onChange={(e) => setForm({ ...form, requestedSupport: e.target.value })} />
            </Field>
            <Field id="case-name" label="Den enskildes namn (frivilligt, krypteras)">
              <input id="case-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} autoComplete="off" />
            </Field>
            <Field id="case-pin" label="Personnummer (frivilligt)">
              <input id="case-pin" value={form.personalIdentityNumber} onChange={(e) => setForm({ ...form, personalIdentityNumber: e.target.value })} autoComplete="off" />
            </Field>
          </div>
        </CommandForm>
      </Section>
    </Page>
  );
}
