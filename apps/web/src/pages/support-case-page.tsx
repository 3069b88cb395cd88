import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { useApi } from '../api/use-api';
import { CommandForm, Field } from '../components/command-form';
import { ErrorMessage, Page, Section } from '../components/page';
import { formatDate, formatDateTime } from '../format';
import { CATEGORIES } from './support-cases-page';

/**
 * One support case with the subject's personal data: shown only here, and every opening
 * is logged (the page says so). Erasure makes the subject unreadable for good.
 */
export function SupportCasePage({ id }: { id: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  // Each read of the case is recorded, with its purpose: so it is read once when the page opens
  // and after a change here, not again when the time machine moves, and not kept once the page
  // closes (gcTime 0: it holds personal data). The access log is read when asked for.
  const caseQuery = { purpose: 'Handläggning i webbappen' };
  const read = useQuery({ queryKey: [`/support-cases/${id}`, caseQuery], queryFn: () => api.get(`/support-cases/${id}`, caseQuery), gcTime: 0 });
  const logQuery = { purpose: 'Kontroll av åtkomst' };
  const log = useQuery({ queryKey: [`/support-cases/${id}/access-log`, logQuery], queryFn: () => api.get(`/support-cases/${id}/access-log`, logQuery), gcTime: 0, enabled: false });
  const reread = () => queryClient.invalidateQueries({ queryKey: [`/support-cases/${id}`] });
  const { data } = read;
  const error = read.error ?? log.error;
  const [consultation, setConsultation] = useState({ date: new Date().toISOString().slice(0, 10), summary: '' });
  const [legalBasis, setLegalBasis] = useState('Dataskyddsförordningen art. 17.1 a');
  const [confirming, setConfirming] = useState(false);

  const subject = data?.subject;
  return (
    <Page title="Individärende">
      <p className="notice" role="note">
        Varje gång ärendet öppnas loggas det: vem, när och varför. Den här visningen är loggad.
      </p>
      {error && <ErrorMessage error={error} />}
      {data && (
        <>
          <Section title="Ärendet">
            <dl className="facts">
              <dt>Kommun</dt>
              <dd>{data.orgUnit}</dd>
              <dt>Kategori</dt>
              <dd>{CATEGORIES[data.category] ?? data.category}</dd>
              <dt>Begärt stöd</dt>
              <dd>{data.requestedSupport}</dd>
              <dt>Öppnat</dt>
              <dd>{formatDate(data.openedOn)}</dd>
              <dt>Status</dt>
              <dd>{data.status === 'open' ? 'Öppet' : `Avslutat: ${data.outcome ?? ''}`}</dd>
            </dl>
          </Section>
          <Section title="Den enskilde">
            {subject === null ? (
              <p>Inga personuppgifter registrerade.</p>
            ) : subject && 'withheld' in subject ? (
              <p data-testid="subject-withheld">Personuppgifterna visas bara för länets handläggare av individärenden.</p>
            ) : subject && 'erased' in subject ? (
              <p data-testid="subject-erased">
                Personuppgifterna är raderade{subject.erasedAt ? ` ${formatDateTime(subject.erasedAt)}` : ''}
                {subject.legalBasis ? ` (${subject.legalBasis})` : ''}. De kan inte återskapas.
              </p>
            ) : (
              subject && (
                <>
                  <dl className="facts" data-testid="subject">
                    <dt>Namn</dt>
                    <dd>{subject.name}</dd>
                    {subject.personalIdentityNumber && (
                      <>
                        <dt>Personnummer</dt>
                        <dd>{subject.personalIdentityNumber}</dd>
                      </>
                    )}
                    {subject.notes && (
                      <>
                        <dt>Anteckningar</dt>
                        <dd>{subject.notes}</dd>
                      </>
                    )}
                  </dl>
                  {!confirming ? (
                    <button type="button" className="danger" onClick={() => setConfirming(true)}>
                      Radera personuppgifterna…
                    </button>
                  ) : (
                    <div className="confirm" role="group" aria-labelledby="erase-heading">
                      <h3 id="erase-heading">Bekräfta radering</h3>
                      <p>Namn, personnummer och anteckningar blir oläsbara för alltid, överallt. Ärendets övriga uppgifter finns kvar.</p>
                      <CommandForm
                        role="support_worker"
                        label="Radera personuppgifterna"
                        submitLabel="Ja, radera för gott"
                        onSubmit={async () => {
                          await api.send('POST', `/support-cases/${id}/subject/erasure`, { legalBasis });
                          setConfirming(false);
                          await reread();
                        }}
                      >
                        <Field id="legal-basis" label="Rättslig grund">
                          <input id="legal-basis" value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />
                        </Field>
                      </CommandForm>
                      <button type="button" onClick={() => setConfirming(false)}>
                        Avbryt
                      </button>
                    </div>
                  )}
                </>
              )
            )}
          </Section>
          <Section title="Konsultationer och hänvisningar">
            <ul>
              {data.consultations.map((c, i) => (
                <li key={i}>
                  {formatDate(c.date)}: {c.summary}
                </li>
              ))}
              {data.referrals.map((r, i) => (
                <li key={`r${i}`}>
                  Hänvisat till {r.to} {formatDate(r.referredOn)}: {r.note}
                </li>
              ))}
              {data.consultations.length + data.referrals.length === 0 && <li>Inga ännu.</li>}
            </ul>
            <CommandForm
              role="support_worker"
              label="Ny konsultation"
              submitLabel="Registrera konsultationen"
              done="Konsultationen är registrerad."
              onSubmit={async () => {
                await api.send('POST', `/support-cases/${id}/consultations`, consultation);
                await reread();
              }}
            >
              <Field id="consult-date" label="Datum">
                <input id="consult-date" type="date" value={consultation.date} onChange={(e) => setConsultation({ ...consultation, date: e.target.value })} />
              </Field>
              <Field id="consult-summary" label="Sammanfattning">
                <textarea id="consult-summary" rows={2} value={consultation.summary} onChange={(e) => setConsultation({ ...consultation, summary: e.target.value })} />
              </Field>
            </CommandForm>
          </Section>
          <Section title="Åtkomstlogg">
            <button type="button" onClick={() => void log.refetch()}>
              Visa vem som har läst ärendet
            </button>
            {log.data && (
              <ul>
                {log.data.items.map((e, i) => (
                  <li key={i}>
                    {formatDateTime(e.at)}: {e.actor?.name ?? 'okänd'} ({e.read === 'details' ? 'öppnade ärendet' : 'läste loggen'}){e.purpose ? ` – ${e.purpose}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}
