import { ApiError } from '../api/client';

import { useApiQueries, useApiQuery } from '../api/use-api-query';
import { useOrgUnitName, useOrgUnitsUnder } from '../api/use-org-units';
import { ErrorMessage, Page, Section } from '../components/page';
import { PeriodPicker } from '../components/period-picker';
import { formatPeriod } from '../format';
import { Link, useRouter } from '../router';

/**
 * Every municipality's word for a period in one list: its summary, its comments on items and
 * its support need, read from each municipality's report (a missing report says so).
 */
export function MunicipalReportsPage({ county, period }: { county: string; period: string }) {
  const { navigate } = useRouter();
  const countyName = useOrgUnitName(county);
  const units = useOrgUnitsUnder(county);
  const template = useApiQuery('/templates/current');
  const municipalities = (units.data?.items ?? []).filter((u) => u.kind === 'municipality');
  const reports = useApiQueries(municipalities.map((u) => [`/org-units/${u.code}/reports/${period}`, {}]));
  const labels = Object.fromEntries((template.data?.areas ?? []).flatMap((a) => a.items.map((i) => [i.id, i.label])));
  const settled = units.data && reports.every((r) => r.data || r.error);

  return (
    <Page title={`Kommunernas rapporter ${formatPeriod(period)}`} actions={<PeriodPicker value={period} onChange={(p) => navigate(`/lan/${county}/${p}/rapporter`)} />}>
      <p>
        <Link to={`/lan/${county}/${period}`}>Länsöversikten för {formatPeriod(period)}</Link> · <Link to={`/lan/${county}/stodbegaran`}>Stödbegäranden</Link>
      </p>
      {units.error && <ErrorMessage error={units.error} />}
      <Section title={`Sammanfattningar, kommentarer och stödbehov${countyName ? ` i ${countyName}` : ''}`}>
        {!settled ? (
          <p role="status">Hämtar rapporterna…</p>
        ) : (
          <div className="table-scroll">
            <table className="municipal-reports">
              <caption>Varje kommuns rapport för {formatPeriod(period)}</caption>
              <thead>
                <tr>
                  <th scope="col">Kommun</th>
                  <th scope="col">Sammanfattning</th>
                  <th scope="col">Kommentarer</th>
                  <th scope="col">Stödbehov</th>
                </tr>
              </thead>
              <tbody>
                {municipalities.map((u, i) => {
                  const { data: report, error } = reports[i]!;
                  const missing = error instanceof ApiError && error.status === 404;
                  const comments = (report?.answers ?? []).filter((a) => a.comment);
                  return (
                    <tr key={u.code} data-org={u.code}>
                      <th scope="row">{report ? <Link to={`/rapport/${u.code}/${period}`}>{u.name}</Link> : u.name}</th>
                      {report ? (
                        <>
                          <td>{report.summary ?? <span className="muted">Ingen sammanfattning</span>}</td>
                          <td>
                            {comments.length === 0 ? (
                              <span className="muted">Inga kommentarer</span>
                            ) : (
                              <ul className="comments">
                                {comments.map((a) => (
                                  <li key={a.item}>
                                    <strong>{labels[a.item] ?? a.item}:</strong> {a.comment}
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                          <td className={report.supportNeeded?.needed ? 'support-needed' : undefined}>
                            {report.supportNeeded?.needed ? `Ja: ${report.supportNeeded.description ?? 'ingen beskrivning'}` : 'Nej'}
                          </td>
                        </>
                      ) : (
                        <td colSpan={3} className={missing ? 'missing' : undefined}>
                          {missing ? 'Ingen rapport inskickad' : <ErrorMessage error={error} />}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </Page>
  );
}
