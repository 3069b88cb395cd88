import { thisMonth } from '../roles';

/** A month (YYYY-MM), up to this one. */
export function PeriodPicker({ value, onChange, label = 'Månad' }: { value: string; onChange(period: string): void; label?: string }) {
  return (
    <label className="period-picker">
      {label}{' '}
      <input type="month" value={value} max={thisMonth()} onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && onChange(e.target.value)} />
    </label>
  );
}
