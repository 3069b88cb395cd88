/** The months' Swedish names, January first. */
export const SWEDISH_MONTHS: readonly string[] = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** A period as a Swedish reader says it: `2026-10` → `oktober 2026`. */
export const monthNameOf = (period: string): string => `${SWEDISH_MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
