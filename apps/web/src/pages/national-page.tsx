import { useApiQueries, useApiQuery } from '../api/use-api-query';
import { useSituation } from '../api/use-situation';
import { HeatMap } from '../components/heat-map';
import { ErrorMessage, Loaded, Page, Section } from '../components/page';
import { TrendChart } from '../components/trend-chart';
import { addMonths, formatPeriod } from '../format';
import { Link, useRouter } from '../router';
import { PeriodPicker } from '../components/period-picker';

const AREAS = ['social-risk', 'crime-prevention', 'violent-extremism', 'andt'];

/** The mean level of a distribution [n0, n1, n2, n3, n4], or null when nothing was reported. */
const meanOf = (d: number[]): number | null => {
  const n = d.reduce((a, b) => a + b, 0);
  return n === 0 ? null : Math.round((d.reduce((a, c, level) => a + c * level, 0) / n) * 100) / 100;
};

/** Counties × areas, each county's approval and reporting, and the nation's trends. */
export function NationalPage({ period }: { period: string }) {
  const { navigate } = useRouter();
  const situation = useSituation<'nation'>('SE', { period });
  const template = useApiQuery('/templates/current');
  const from = addMonths(period, -23);
  const series = useApiQueries(AREAS.map((area) => ['/org-units/SE/trends', { area, from, to: period }]));
  const trends = AREAS.map((area, i) => ({ area, state: series[i]! }));
  const areaLabels = AREAS.map((id) => template.data?.areas.find((a) => a.id === id)?.label ?? id);
  return (
    <Page title={`Nationell översikt ${formatPeriod(period)}`} actions={<PeriodPicker value={period} onChange={(p) => navigate(`/nationellt/${p}`)} />}>
      <Loaded state={situation} what="den nationella lägesbilden">
        {(s) => (
          <>
            <Section title="Fastställande och rapportering per län">
              <div className="table-scroll">
                <table className="compact">
                  <caption>Län som fastställt {formatPeriod(period)}: {s.counties.filter((c) => c.approved).length} av {s.counties.length}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Län</th>
                      <th scope="col">Fastställd</th>
                      <th scope="col">Rapporterat</th>
                      <th scope="col">Sena</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.counties.map((c) => (
                      <tr key={c.county}>
                        <th scope="row">
                          <Link to={`/lan/${c.county}/${period}`}>{c.name}</Link>
                        </th>
                        <td className={c.approved ? 'ok' : 'missing'}>{c.approved ? 'Ja' : 'Nej'}</td>
                        <td>
                          {c.reported} av {c.expected}
                        </td>
                        <td>{c.late}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Section>
            <Section title="Medelnivå per län och område">
              <HeatMap
                caption={`Kommunernas medelnivå per län och område, ${formatPeriod(period)}`}
                rowHeader="Län"
                columns={areaLabels}
                rows={s.counties.map((c) => ({
                  code: c.county,
                  name: c.name,
                  note: c.approved ? '' : '(ej fastställd)',
                  values: AREAS.map((id) => {
                    const d = c.levels.find((l) => l.area === id)?.distribution;
                    return d ? meanOf(d) : null;
                  }),
                }))}
              />
            </Section>
          </>
        )}
      </Loaded>
      <Section title="Trender i landet de senaste 24 månaderna">
        <div className="charts">
          {trends.map(({ area, state }, i) =>
            state.data ? <TrendChart key={area} title={`${areaLabels[i]}: landets medelnivå`} points={state.data.series} /> : state.error ? <ErrorMessage key={area} error={state.error} /> : null,
          )}
        </div>
      </Section>
    </Page>
  );
}
