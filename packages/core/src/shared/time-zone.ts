/**
 * The time zone a store's calendar days are counted in, until the vendor picks another
 * (`Store.timeZone`): India's, which has no daylight saving time. The functions below take the
 * zone as an argument, so each store passes its own.
 */
export const defaultStoreTimeZone = 'Asia/Kolkata';

/** The longest time zone name a store may set (the column holds 64; IANA names stay under 40). */
export const maxTimeZoneLength = 64;

/**
 * Whether `name` is a time zone the runtime knows by name (`Asia/Kolkata`, `Europe/London`,
 * `UTC`). Kept as the vendor wrote it: the runtime's database may prefer an older spelling
 * (`Asia/Calcutta`), which reads worse and means the same. Offsets such as `+05:30` are refused:
 * a store's days follow a place, whose offset may change.
 */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > maxTimeZoneLength || !/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** Year, month, day, hour, minute and second of `instant` on the wall clocks of `timeZone`. */
function wallClock(instant: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    partsFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return { year: parts['year'] ?? 0, month: parts['month'] ?? 1, day: parts['day'] ?? 1, hour: parts['hour'] ?? 0, minute: parts['minute'] ?? 0, second: parts['second'] ?? 0 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Milliseconds `timeZone` is ahead of UTC at `instant` (+5:30 is 19 800 000). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  // Through an ISO string, not Date.UTC, which reads years 0-99 as 1900-1999.
  const wallAsUtc = Date.parse(`${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}Z`);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * Whether `date` is a real calendar day written `YYYY-MM-DD` (2026-02-30 is not), in the years
 * 1000-9999: four digits, and no era for the time zone database to count differently.
 */
export function isCalendarDate(date: string): boolean {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/**
 * The instant the calendar day `date` (`YYYY-MM-DD`) begins in `timeZone`. Computed twice, so a
 * zone whose offset changes near midnight (daylight saving elsewhere) still lands on its midnight.
 */
export function startOfDay(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const first = midnightUtc - offsetAt(midnightUtc, timeZone);
  return new Date(midnightUtc - offsetAt(first, timeZone));
}

/** The calendar day after `date` (`YYYY-MM-DD`); null after 9999-12-31, which has none written that way. */
export function nextDay(date: string): string | null {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();
  return next.startsWith('+') ? null : next.slice(0, 10);
}

/** `instant` as `YYYY-MM-DD` in `timeZone` (a file name's date). */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `instant` as `DD/MM/YYYY HH:mm` in `timeZone`: how dates are written in India, and what spreadsheets there read as a date. */
export function localDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant.getTime(), timeZone);
  return `${pad(w.day)}/${pad(w.month)}/${pad(w.year, 4)} ${pad(w.hour)}:${pad(w.minute)}`;
}
