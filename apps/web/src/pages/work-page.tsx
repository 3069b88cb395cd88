import { useState } from 'react';

import { useApiQuery } from '../api/use-api-query';
import { useCommand } from '../api/use-command';
import { CommandForm, Field } from '../components/command-form';
import { Loaded, Page, Section } from '../components/page';
import { formatDate, formatDateTime, formatNumber } from '../format';
import { ACTIVITY_KIND, GOAL_KIND, GOAL_STATUS, TIME_KIND } from '@lagesbild/reporting/labels';

// The same Swedish words as the report-back's (one list, in libs/reporting).
const KINDS = TIME_KIND;
const ACTIVITY_KINDS = ACTIVITY_KIND;
const GOAL_KINDS = GOAL_KIND;
const today = () => new Date().toISOString().slice(0, 10);

/** The county's activities, time spent and goals (the report-back's sections on work done). */
export function WorkPage({ county }: { county: string }) {
  const activities = useApiQuery('/activities', { orgUnit: county });
  const time = useApiQuery('/time-entries/summary', { orgUnit: county });
  const goals = useApiQuery('/goals', { orgUnit: county });
  const command = useCommand();
  const [entry, setEntry] = useState({ date: today(), hours: '', kind: 'analysis', note: '' });
  const [activity, setActivity] = useState({ date: today(), kind: 'network-meeting', title: '', partners: '', participants: '' });
  const recordTime = async () => {
    const body = { date: entry.date, hours: Number(entry.hours.replace(',', '.')), kind: entry.kind, ...(entry.note.trim() ? { note: entry.note.trim() } : {}) };
    await command('POST', '/time-entries', body, [['/time-entries/summary', { orgUnit: county }]]);
  };
  const recordActivity = async () => {
    const body = {
      kind: activity.kind,
      date: activity.date,
      title: activity.title,
      orgUnits: [county],
      partners: activity.partners.split(',').map((p) => p.trim()).filter(Boolean),
      ...(activity.participants.trim() ? { participants: Number(activity.participants) } : {}),
    };
    await command('POST', '/activities', body, [['/activities', { orgUnit: county }]]);
  };
  return (
    <Page title="Aktiviteter, tid och mål">
      <div className="two-columns">
        <Section title="Registrera tid">
          <CommandForm role="county_analyst" label="Registrera tid" submitLabel="Registrera tiden" onSubmit={recordTime} done="Tiden är registrerad.">
            <Field id="time-date" label="Datum">
              <input id="time-date" type="date" value={entry.date} onChange={(e) => setEntry({ ...entry, date: e.target.value })} />
            </Field>
            <Field id="time-hours" label="Timmar">
              <input id="time-hours" inputMode="decimal" value={entry.hours} onChange={(e) => setEntry({ ...entry, hours: e.target.value })} />
            </Field>
            <Field id="time-kind" label="Slag av arbete">
              <select id="time-kind" value={entry.kind} onChange={(e) => setEntry({ ...entry, kind: e.target.value })}>
                {Object.entries(KINDS).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="time-note" label="Anteckning (frivillig)">
              <input id="time-note" value={entry.note} onChange={(e) => setEntry({ ...entry, note: e.target.value })} />
            </Field>
          </CommandForm>
        </Section>
        <Section title="Ny aktivitet">
          <CommandForm role="county_analyst" label="Ny aktivitet" submitLabel="Registrera aktiviteten" onSubmit={recordActivity} done="Aktiviteten är registrerad.">
            <Field id="act-date" label="Datum">
              <input id="act-date" type="date" value={activity.date} onChange={(e) => setActivity({ ...activity, date: e.target.value })} />
            </Field>
            <Field id="act-kind" label="Slag">
              <select id="act-kind" value={activity.kind} onChange={(e) => setActivity({ ...activity, kind: e.target.value })}>
                {Object.entries(ACTIVITY_KINDS).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="act-title" label="Rubrik">
              <input id="act-title" value={activity.title} onChange={(e) => setActivity({ ...activity, title: e.target.value })} />
            </Field>
            <Field id="act-partners" label="Samarbetspartner (kommaseparerade)">
              <input id="act-partners" value={activity.partners} onChange={(e) => setActivity({ ...activity, partners: e.target.value })} />
            </Field>
            <Field id="act-participants" label="Antal deltagare (frivilligt)">
              <input id="act-participants" inputMode="numeric" value={activity.participants} onChange={(e) => setActivity({ ...activity, participants: e.target.value })} />
            </Field>
          </CommandForm>
        </Section>
      </div>
      <Section title="Tidsåtgång">
        <Loaded state={time} what="tidsåtgången">
          {(t) => (
            <table className="compact">
              <caption>
                Timmar per slag av arbete: totalt {formatNumber(t.total)} timmar i {t.entries} poster
              </caption>
              <thead>
                <tr>
                  <th scope="col">Slag av arbete</th>
                  <th scope="col">Timmar</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(t.byKind).map(([k, h]) => (
                  <tr key={k}>
                    <th scope="row">{KINDS[k] ?? k}</th>
                    <td>{formatNumber(h)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
      <Section title="Mål och måluppfyllelse">
        <Loaded state={goals} what="målen">
          {(g) => (
            <ul className="goals">
              {g.items.map((goal) => {
                const last = goal.statusHistory.at(-1);
                return (
                  <li key={goal.goalId}>
                    <strong>
                      {GOAL_KINDS[goal.kind] ?? goal.kind} {goal.number}
                    </strong>
                    : {goal.text}{' '}
                    {last && (
                      <span className="muted">
                        – {GOAL_STATUS[last.status] ?? last.status} ({formatDateTime(last.at)}): {last.narrative}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Loaded>
      </Section>
      <Section title="Aktiviteter">
        <Loaded state={activities} what="aktiviteterna">
          {(a) => (
            <div className="table-scroll">
              <table className="compact">
                <caption>De senaste aktiviteterna ({a.items.length} totalt)</caption>
                <thead>
                  <tr>
                    <th scope="col">Datum</th>
                    <th scope="col">Aktivitet</th>
                    <th scope="col">Slag</th>
                    <th scope="col">Deltagare</th>
                    <th scope="col">Samarbetspartner</th>
                  </tr>
                </thead>
                <tbody>
                  {[...a.items]
                    .sort((x, y) => y.date.localeCompare(x.date))
                    .slice(0, 30)
                    .map((x) => (
                      <tr key={x.activityId}>
                        <td>{formatDate(x.date)}</td>
                        <th scope="row">{x.title}</th>
                        <td>{ACTIVITY_KINDS[x.kind] ?? x.kind}</td>
                        <td>{x.participants ?? '–'}</td>
                        <td>{x.partners.join(', ') || '–'}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}
