import { LEVEL_LABELS, formatNumber } from '../format';

/** A level 0–4 (or a mean of levels) as a colour class; the number and label are always written too, never colour alone. */
export function levelClass(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'level-none';
  return `level-${Math.min(4, Math.max(0, Math.round(value)))}`;
}

export function levelText(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'Ingen uppgift';
  const label = LEVEL_LABELS[Math.round(value)] ?? '';
  return Number.isInteger(value) ? `${value} ${label}` : `${formatNumber(value)} (${label.toLowerCase()})`;
}

export function LevelLegend() {
  return (
    <ul className="legend" aria-label="Färgförklaring, nivåer">
      {LEVEL_LABELS.map((label, level) => (
        <li key={label}>
          <span className={`swatch level-${level}`} aria-hidden="true" />
          {level} {label}
        </li>
      ))}
      <li>
        <span className="swatch level-none" aria-hidden="true" />
        Ingen uppgift
      </li>
    </ul>
  );
}
