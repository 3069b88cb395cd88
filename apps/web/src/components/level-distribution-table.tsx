import type { LevelDistribution } from '../api/types';
import { LEVEL_LABELS } from '../format';

/** How many municipalities answered each level of one area: the county's spread, as counts. */
export function LevelDistributionTable({ caption, row }: { caption: string; row: LevelDistribution }) {
  const total = row.distribution.reduce((sum, n) => sum + n, 0);
  return (
    <table className="compact distribution">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Nivå</th>
          <th scope="col">Kommuner</th>
        </tr>
      </thead>
      <tbody>
        {row.distribution.map((n, level) => (
          <tr key={level} className={`level-row-${level}`}>
            <th scope="row">
              <span className={`swatch level-${level}`} aria-hidden="true" />
              {level} {LEVEL_LABELS[level]}
            </th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Totalt</th>
          <td>{total}</td>
        </tr>
      </tfoot>
    </table>
  );
}
