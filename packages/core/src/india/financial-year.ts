const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', calendar: 'gregory', numberingSystem: 'latn' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * '2026-27' for an instant in [1 Apr 2026, 31 Mar 2027] in the given IANA time zone: an order
 * accepted at 00:30 IST on 1 April is in the new year though UTC still says 31 March.
 * Throws RangeError for an invalid instant or time zone.
 */
export function financialYearOf(instant: string, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  if (!Number.isInteger(year) || !Number.isInteger(month)) throw new RangeError(`No date for ${instant}`);
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
