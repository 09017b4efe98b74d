/** Day arithmetic for the timeline, on ISO dates (YYYY-MM-DD), in UTC so no time zone shifts a day. */
const DAY = 86_400_000;

export const toDay = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
export const fromDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

export interface DayScale {
  from: number;
  to: number;
  x(day: number): number;
  day(x: number): number;
}

/** Maps the days of `dates` (padded by a day each side) onto 0..width. */
export function dayScale(dates: string[], width: number, pad = 24): DayScale {
  const days = dates.map(toDay);
  const from = Math.min(...days) - 1;
  const to = Math.max(...days) + 1;
  const span = Math.max(to - from, 1);
  const inner = Math.max(width - 2 * pad, 1);
  return {
    from,
    to,
    x: (day) => pad + ((day - from) / span) * inner,
    day: (x) => Math.round(from + ((x - pad) / inner) * span),
  };
}

export function shortDate(iso: string): string {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
