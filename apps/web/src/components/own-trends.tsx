import type { CountyPicture, Template } from '../api/types';
import { useApiQueries } from '../api/use-api-query';
import { addMonths, formatPeriod, genitive } from '../format';
import { LevelDistributionTable } from './level-distribution-table';
import { ErrorMessage } from './page';
import { TrendChart } from './trend-chart';

/**
 * Per area, a unit's own level over the 24 months up to `period` beside the county's spread of
 * levels that month: where the municipality stands against the others without naming them.
 */
export function OwnTrends({ org, name, period, template, county }: { org: string; name: string; period: string; template: Template; county?: CountyPicture }) {
  const from = addMonths(period, -23);
  const series = useApiQueries(template.areas.map((area) => [`/org-units/${org}/trends`, { area: area.id, from, to: period }]));
  return (
    <>
      {template.areas.map((area, i) => {
        const own = series[i]!;
        const spread = county?.levelDistribution.find((d) => d.area === area.id);
        return (
          <div key={area.id} className="two-columns area-trend" data-area={area.id}>
            <div>
              {own.data ? (
                <TrendChart title={`${area.label}: ${genitive(name)} nivå`} points={own.data.series} />
              ) : own.error ? (
                <ErrorMessage error={own.error} />
              ) : (
                <p role="status">Hämtar trenden…</p>
              )}
            </div>
            <div>{spread && county ? <LevelDistributionTable caption={`${area.label}: nivåer i ${county.name}, ${formatPeriod(period)}`} row={spread} /> : <p>Länets bild saknas för {formatPeriod(period)}.</p>}</div>
          </div>
        );
      })}
    </>
  );
}
