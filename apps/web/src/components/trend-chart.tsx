import { useId } from 'react';
import type { TrendPoint } from '../api/types';
import { formatNumber, formatPeriod, formatShortPeriod } from '../format';

const W = 560;
const H = 180;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/** What the chart draws of a point: its level (a yes/no item has none) and, above a unit, how many reported. */
interface LevelPoint {
  period: string;
  value: number | null;
  reported?: number;
  expected?: number;
}

const levelPoint = (p: TrendPoint): LevelPoint => ({
  period: p.period,
  value: typeof p.value === 'number' ? p.value : null,
  ...('reported' in p ? { reported: p.reported, expected: p.expected } : {}),
});

/**
 * A level series (0–4) over months as an SVG line, with the same figures as a table
 * (WCAG: charts have a text alternative).
 */
export function TrendChart({ title, points: series }: { title: string; points: TrendPoint[] }) {
  const id = useId();
  const points = series.map(levelPoint);
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, points.length - 1);
  const y = (v: number) => PAD.top + ((4 - v) * (H - PAD.top - PAD.bottom)) / 4;
  const segments: string[] = [];
  let pen = 'M';
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = 'M';
      return;
    }
    segments.push(`${pen}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
    pen = 'L';
  });
  const known = points.filter((p) => p.value !== null);
  const last = known[known.length - 1];
  const summary = last ? `Senaste värde ${formatNumber(last.value!)} (${formatPeriod(last.period)}).` : 'Inga värden.';
  return (
    <figure className="trend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>
          Medelnivå 0–4 per månad, {points.length} månader. {summary} Se tabellen nedan.
        </desc>
        {[0, 1, 2, 3, 4].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % 3 === 0 ? (
            <text key={p.period} x={x(i)} y={H - 8} textAnchor="middle" className="axis">
              {formatShortPeriod(p.period)}
            </text>
          ) : null,
        )}
        <path d={segments.join(' ')} className="line" />
        {points.map((p, i) => (p.value === null ? null : <circle key={p.period} cx={x(i)} cy={y(p.value)} r={2.5} className="dot" />))}
      </svg>
      <figcaption>{title}</figcaption>
      <details>
        <summary>Visa som tabell</summary>
        <table className="compact">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Månad</th>
              <th scope="col">Medelnivå</th>
              <th scope="col">Rapporterat</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period}>
                <th scope="row">{formatPeriod(p.period)}</th>
                <td>{p.value === null ? 'Ingen uppgift' : formatNumber(p.value)}</td>
                <td>{p.reported !== undefined ? `${p.reported} av ${p.expected}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
