import type { Activity, Goal, Listing, TimeSummary } from '../api/types';
import { useQuery } from '../api/use-api';
import { Loaded, Page, Section } from '../components/page';
import { formatDate, formatDateTime, formatNumber } from '../format';

const KINDS: Record<string, string> = {
  collection: 'Insamling',
  analysis: 'Analys',
  feedback: 'Återkoppling',
  training: 'Utbildning',
  'case-support': 'Ärendestöd',
  other: 'Övrigt',
};
const GOAL_STATUS: Record<string, string> = { 'on-track': 'Enligt plan', 'off-track': 'Avviker', achieved: 'Uppnått', 'not-started': 'Ej påbörjat' };
const GOAL_KINDS: Record<string, string> = { effect: 'Effektmål', project: 'Projektmål', indicator: 'Indikator' };

/** The county's activities, time spent and goals (the report-back's sections on work done). */
export function WorkPage({ county }: { county: string }) {
  const activities = useQuery<Listing<Activity>>('/activities', { orgUnit: county });
  const time = useQuery<TimeSummary>('/time-entries/summary', { orgUnit: county });
  const goals = useQuery<Listing<Goal>>('/goals', { orgUnit: county });
  return (
    <Page title="Aktiviteter, tid och mål">
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
