import { useEffect, useState } from 'react';
import type { SupportCase } from '../api/types';
import { useApi } from '../api/use-api';
import { CommandForm, Field } from '../components/command-form';
import { ErrorMessage, Page, Section } from '../components/page';
import { formatDate, formatDateTime } from '../format';
import { CATEGORIES } from './support-cases-page';

interface AccessLog {
  items: Array<{ at: string; actor?: { name: string }; read: string; purpose?: string }>;
}

/**
 * One support case with the subject's personal data: shown only here, and every opening
 * is logged (the page says so). Erasure makes the subject unreadable for good.
 */
export function SupportCasePage({ id }: { id: string }) {
  const api = useApi();
  const [data, setData] = useState<SupportCase>();
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);
  const [log, setLog] = useState<AccessLog>();
  const [consultation, setConsultation] = useState({ date: new Date().toISOString().slice(0, 10), summary: '' });
  const [legalBasis, setLegalBasis] = useState('Dataskyddsförordningen art. 17.1 a');
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    // Deliberately not as of the time machine: the case is read from its own stream, and each read is recorded.
    api.get<SupportCase>(`/support-cases/${id}`, { purpose: 'Handläggning i webbappen' }).then(setData, setError);
  }, [api, id, round]);

  const subject = data?.subject;
  return (
    <Page title="Individärende">
      <p className="notice" role="note">
        Varje gång ärendet öppnas loggas det: vem, när och varför. Den här visningen är loggad.
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
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
                          setRound((r) => r + 1);
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
                setRound((r) => r + 1);
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
            <button type="button" onClick={() => api.get<AccessLog>(`/support-cases/${id}/access-log`, { purpose: 'Kontroll av åtkomst' }).then(setLog, setError)}>
              Visa vem som har läst ärendet
            </button>
            {log && (
              <ul>
                {log.items.map((e, i) => (
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
