import { useEffect } from 'react';
import type { TrendPoint } from '../api/types';
import { useApiQueries, useApiQuery } from '../api/use-api-query';
import { useSituation } from '../api/use-situation';
import { HeatMap } from '../components/heat-map';
import { ErrorMessage, Loaded, Page, Section } from '../components/page';
import { TrendChart } from '../components/trend-chart';
import { addMonths, formatDateTime, formatPeriod } from '../format';
import { Link, useRouter } from '../router';
import { PeriodPicker } from '../components/period-picker';

const AREAS = ['social-risk', 'crime-prevention', 'violent-extremism', 'andt'];

/** The trends of each area for the 24 months up to `period` (each municipality's value too). */
function useAreaTrends(county: string, period: string) {
  const from = addMonths(period, -23);
  const series = useApiQueries(AREAS.map((area) => [`/org-units/${county}/trends`, { area, from, to: period }]));
  return AREAS.map((area, i) => ({ area, state: series[i]! }));
}

export function useMunicipalities(county: string) {
  return useApiQuery('/org-units', { parent: county });
}

/** The county's month: completeness, heat map, rising trends, the assessment and 24 months of trends. */
export function CountyDashboardPage({ county, period }: { county: string; period: string }) {
  const { navigate } = useRouter();
  const situation = useSituation<'county'>(county, { period });
  const units = useMunicipalities(county);
  const template = useApiQuery('/templates/current');
  const trends = useAreaTrends(county, period);
  const openRequests = useApiQuery(`/org-units/${county}/support-requests`, { status: 'open' });
  const ready = situation.data && units.data && template.data && trends.every((t) => t.state.data);
  useEffect(() => {
    // The benchmark (bench/web.bench.ts) reads this mark: everything on the page has its data.
    if (ready) performance.mark('dashboard-ready');
  }, [ready]);
  const names = Object.fromEntries((units.data?.items ?? []).map((u) => [u.code, u.name]));
  const itemLabels = Object.fromEntries((template.data?.areas ?? []).flatMap((a) => a.items.map((i) => [i.id, i.label])));
  const areaLabels = (template.data?.areas ?? []).map((a) => a.label);

  return (
    <Page title={`Länsöversikt ${formatPeriod(period)}`} actions={<PeriodPicker value={period} onChange={(p) => navigate(`/lan/${county}/${p}`)} />}>
      <div data-ready={ready ? 'true' : undefined} className="dashboard">
        <Loaded state={situation} what="lägesbilden">
          {(s) => (
            <>
              <Section title="Status">
                <p className={s.approved ? 'approved' : 'not-approved'}>
                  {s.name}: {s.approved ? 'fastställd' : 'inte fastställd'}
                  {s.approval?.changedAt && ` (${s.approved ? 'fastställd' : 'öppnad igen'} ${formatDateTime(s.approval.changedAt)} av ${s.approval.changedBy})`}.
                </p>
                <p>
                  {s.completeness.reported.length} av {s.completeness.expected} kommuner har rapporterat, {s.completeness.late.length} sent, {s.completeness.missing.length} saknas.
                </p>
                <p>
                  <Link to={`/lan/${county}/${period}/bedomning`}>Regional bedömning, fastställande och återkoppling</Link> ·{' '}
                  <Link to={`/lan/${county}/${period}/rapporter`}>Kommunernas sammanfattningar, kommentarer och stödbehov</Link>
                </p>
                <p data-testid="open-requests">
                  {openRequests.data ? `${openRequests.data.items.length} stödbegäranden väntar på svar. ` : ''}
                  <Link to={`/lan/${county}/stodbegaran`}>Till inkorgen för stödbegäranden</Link>
                </p>
              </Section>
              <Section title="Rapportering per kommun">
                <div className="table-scroll">
                  <table className="completeness">
                    <caption>Rapportering för {formatPeriod(period)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Kommun</th>
                        <th scope="col">Status</th>
                        <th scope="col">Rapport</th>
                      </tr>
                    </thead>
                    <tbody>
                      {(units.data?.items ?? []).filter((u) => u.kind === 'municipality').map((u) => {
                        const late = s.completeness.late.includes(u.code);
                        const reported = s.completeness.reported.includes(u.code);
                        return (
                          <tr key={u.code}>
                            <th scope="row">{u.name}</th>
                            <td className={reported ? (late ? 'late' : 'ok') : 'missing'}>{reported ? (late ? 'Rapporterad sent' : 'Rapporterad i tid') : 'Saknas'}</td>
                            <td>{reported ? <Link to={`/rapport/${u.code}/${period}`}>Visa rapporten från {u.name}</Link> : '–'}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </Section>
              <Section title="Nivåer per kommun och område">
                {trends.every((t) => t.state.data) ? (
                  <HeatMap
                    caption={`Samlad bedömning per kommun och område, ${formatPeriod(period)}`}
                    rowHeader="Kommun"
                    columns={areaLabels.length ? areaLabels : AREAS}
                    rows={(units.data?.items ?? [])
                      .filter((u) => u.kind === 'municipality')
                      .map((u) => ({
                        code: u.code,
                        name: u.name,
                        values: trends.map((t) => childLevel(t.state.data!.series.at(-1), u.code)),
                      }))}
                  />
                ) : (
                  trends.find((t) => t.state.error) ? <ErrorMessage error={trends.find((t) => t.state.error)!.state.error} /> : <p role="status">Hämtar nivåer…</p>
                )}
              </Section>
              <Section title="Ökande trender">
                {s.rising.length === 0 ? (
                  <p>Inga ökande trender rapporterade.</p>
                ) : (
                  <ul className="rising">
                    {Object.entries(groupBy(s.rising, (r) => r.orgUnit)).map(([code, rows]) => (
                      <li key={code}>
                        <strong>{names[code] ?? code}:</strong> {rows.map((r) => itemLabels[r.item] ?? r.item).join('; ')}
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
              {s.assessment && (
                <Section title="Regional bedömning">
                  <p>{s.assessment.trends}</p>
                  <ul>
                    {s.assessment.areas.map((a) => (
                      <li key={a.area}>
                        <strong>{template.data?.areas.find((x) => x.id === a.area)?.label ?? a.area}</strong> (nivå {a.level}): {a.text}
                      </li>
                    ))}
                  </ul>
                </Section>
              )}
            </>
          )}
        </Loaded>
        <Section title="Trender de senaste 24 månaderna">
          <div className="charts">
            {trends.map(({ area, state }, i) =>
              state.data ? <TrendChart key={area} title={`${areaLabels[i] ?? area}: länets medelnivå`} points={state.data.series} /> : state.error ? <ErrorMessage key={area} error={state.error} /> : null,
            )}
          </div>
        </Section>
      </div>
    </Page>
  );
}

/** A municipality's level in the county's point (a yes/no item has none). */
function childLevel(point: TrendPoint | undefined, code: string): number | null | undefined {
  const child = point && 'children' in point ? point.children.find((c) => c.orgUnit === code) : undefined;
  if (!child) return undefined;
  return typeof child.value === 'number' ? child.value : null;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const row of rows) (groups[key(row)] ??= []).push(row);
  return groups;
}
