import { useEffect, useState } from 'react';

import { useApiQuery } from '../api/use-api-query';
import { useSituation } from '../api/use-situation';
import { type ApiRead, useCommand } from '../api/use-command';
import { CommandForm, Field } from '../components/command-form';
import { Loaded, Page, Section } from '../components/page';
import { LEVEL_LABELS, formatDateTime, formatPeriod } from '../format';
import { Link, useRouter } from '../router';
import { useMunicipalities } from './county-dashboard-page';
import { PeriodPicker } from '../components/period-picker';

interface Draft {
  areas: Array<{ area: string; level: number; text: string }>;
  trends: string;
  feedback: Array<{ orgUnit: string; message: string }>;
}

/** The regional assessment for a month (level and text per area, trends, feedback to municipalities), and approve / reopen. */
export function AssessmentPage({ county, period }: { county: string; period: string }) {
  const command = useCommand();
  const { navigate } = useRouter();
  const situation = useSituation<'county'>(county, { period });
  const template = useApiQuery('/templates/current');
  const units = useMunicipalities(county);
  const [draft, setDraft] = useState<Draft>();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [reopenReason, setReopenReason] = useState('');
  const existing = situation.data?.assessment;

  useEffect(() => {
    if (!template.data || !situation.data) return;
    const a = situation.data.assessment;
    setDraft({
      areas: template.data.areas.map((area) => a?.areas.find((x) => x.area === area.id) ?? { area: area.id, level: 0, text: '' }),
      trends: a?.trends ?? '',
      feedback: a?.feedback ?? [],
    });
  }, [template.data, situation.data]);

  // Every command here shows in the county's situation (the assessment and the approval are part of it).
  const changes: ApiRead[] = [[`/org-units/${county}/situation`, { period }]];
  const save = async () => {
    if (existing) await command('POST', `/org-units/${county}/assessments/${period}/amendments`, { ...draft, ...(reason.trim() ? { reason: reason.trim() } : {}) }, changes);
    else await command('PUT', `/org-units/${county}/assessments/${period}`, draft, changes);
  };
  const approve = async () => {
    await command('POST', `/org-units/${county}/approvals/${period}`, note.trim() ? { note: note.trim() } : {}, changes);
  };
  const reopen = async () => {
    await command('POST', `/org-units/${county}/approvals/${period}/reopening`, { reason: reopenReason }, changes);
  };
  const municipalities = (units.data?.items ?? []).filter((u) => u.kind === 'municipality');

  return (
    <Page title={`Regional bedömning ${formatPeriod(period)}`} actions={<PeriodPicker value={period} onChange={(p) => navigate(`/lan/${county}/${p}/bedomning`)} />}>
      <p>
        <Link to={`/lan/${county}/${period}`}>Tillbaka till länsöversikten</Link>
      </p>
      <Loaded state={situation} what="lägesbilden">
        {(s) => (
          <>
            <Section title="Fastställande">
              <p className={s.approved ? 'approved' : 'not-approved'}>
                Perioden är {s.approved ? 'fastställd: kommunernas rapporter är låsta' : 'inte fastställd'}
                {s.approval?.changedAt && ` (senast ändrat ${formatDateTime(s.approval.changedAt)} av ${s.approval.changedBy})`}.
              </p>
              {s.approved ? (
                <CommandForm role="county_analyst" label="Öppna perioden igen" submitLabel="Öppna igen" onSubmit={reopen} done="Perioden är öppnad igen.">
                  <Field id="reopen-reason" label="Skäl (obligatoriskt)">
                    <textarea id="reopen-reason" rows={2} value={reopenReason} onChange={(e) => setReopenReason(e.target.value)} />
                  </Field>
                </CommandForm>
              ) : (
                <CommandForm role="county_analyst" label="Fastställ perioden" submitLabel="Fastställ" onSubmit={approve} done="Perioden är fastställd.">
                  <Field id="approve-note" label="Anteckning (frivillig)">
                    <input id="approve-note" value={note} onChange={(e) => setNote(e.target.value)} />
                  </Field>
                </CommandForm>
              )}
            </Section>
            {draft && template.data && (
              <Section title={existing ? `Bedömningen (version ${existing.revision + 1}, ${formatDateTime(existing.recordedAt)})` : 'Ny bedömning'}>
                <CommandForm role="county_analyst" label="Regional bedömning" submitLabel={existing ? 'Spara ändringen' : 'Spara bedömningen'} onSubmit={save} done="Bedömningen är sparad.">
                  {draft.areas.map((a, i) => {
                    const label = template.data!.areas.find((x) => x.id === a.area)?.label ?? a.area;
                    return (
                      <fieldset key={a.area} className="area">
                        <legend>{label}</legend>
                        <Field id={`level-${a.area}`} label="Nivå">
                          <select
                            id={`level-${a.area}`}
                            value={a.level}
                            onChange={(e) => setDraft({ ...draft, areas: draft.areas.map((x, j) => (j === i ? { ...x, level: Number(e.target.value) } : x)) })}
                          >
                            {LEVEL_LABELS.map((l, v) => (
                              <option key={l} value={v}>
                                {v} {l}
                              </option>
                            ))}
                          </select>
                        </Field>
                        <Field id={`text-${a.area}`} label="Bedömning">
                          <textarea id={`text-${a.area}`} rows={2} value={a.text} onChange={(e) => setDraft({ ...draft, areas: draft.areas.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })} />
                        </Field>
                      </fieldset>
                    );
                  })}
                  <Field id="trends" label="Trender i länet">
                    <textarea id="trends" rows={2} value={draft.trends} onChange={(e) => setDraft({ ...draft, trends: e.target.value })} />
                  </Field>
                  <fieldset className="area">
                    <legend>Återkoppling till kommuner</legend>
                    {draft.feedback.map((f, i) => (
                      <div key={i} className="feedback-row">
                        <Field id={`fb-unit-${i}`} label="Kommun">
                          <select id={`fb-unit-${i}`} value={f.orgUnit} onChange={(e) => setDraft({ ...draft, feedback: draft.feedback.map((x, j) => (j === i ? { ...x, orgUnit: e.target.value } : x)) })}>
                            {municipalities.map((u) => (
                              <option key={u.code} value={u.code}>
                                {u.name}
                              </option>
                            ))}
                          </select>
                        </Field>
                        <Field id={`fb-msg-${i}`} label="Meddelande">
                          <textarea id={`fb-msg-${i}`} rows={2} value={f.message} onChange={(e) => setDraft({ ...draft, feedback: draft.feedback.map((x, j) => (j === i ? { ...x, message: e.target.value } : x)) })} />
                        </Field>
                        <button type="button" onClick={() => setDraft({ ...draft, feedback: draft.feedback.filter((_, j) => j !== i) })}>
                          Ta bort återkopplingen till {units.data?.items.find((u) => u.code === f.orgUnit)?.name ?? f.orgUnit}
                        </button>
                      </div>
                    ))}
                    <button type="button" onClick={() => setDraft({ ...draft, feedback: [...draft.feedback, { orgUnit: municipalities[0]?.code ?? '', message: '' }] })}>
                      Lägg till återkoppling
                    </button>
                  </fieldset>
                  {existing && (
                    <Field id="assessment-reason" label="Skäl till ändringen (frivilligt)">
                      <input id="assessment-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
                    </Field>
                  )}
                </CommandForm>
              </Section>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
