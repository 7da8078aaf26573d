/**
 * The time zone a store's calendar days are counted in, until the vendor picks another
 * (`Store.timeZone`): India's, which has no daylight saving time. The functions below take the
 * zone as an argument, so each store passes its own.
 */
export const defaultStoreTimeZone = 'Asia/Kolkata';

/** The longest time zone name a store may set (the column holds 64; IANA names stay under 40). */
export const maxTimeZoneLength = 64;

/**
 * Current names the zone database keeps as links to an older spelling, which
 * `Intl.supportedValuesOf('timeZone')` lists instead (on Node 20 it has `Asia/Calcutta` but not
 * `Asia/Kolkata`, and no `UTC`). Accepted as written here; one the runtime does not know is left out.
 */
const acceptedLinkNames = [
  'UTC', 'Etc/UTC', 'GMT', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Ho_Chi_Minh', 'Asia/Yangon', 'Asia/Dhaka', 'Asia/Thimphu',
  'Europe/Kyiv', 'America/Argentina/Buenos_Aires', 'America/Nuuk', 'America/Indiana/Indianapolis', 'America/Kentucky/Louisville',
  'Atlantic/Faroe', 'Pacific/Chuuk', 'Pacific/Pohnpei', 'Pacific/Kanton',
];

let canonicalNames: Map<string, string> | undefined;

function knownZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Each accepted name, by its lower-case form: the runtime's list, plus the link names above. */
function canonicalNameMap(): Map<string, string> {
  if (!canonicalNames) {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    canonicalNames = new Map();
    for (const name of [...listed, ...acceptedLinkNames.filter(knownZone)]) canonicalNames.set(name.toLowerCase(), name);
  }
  return canonicalNames;
}

/**
 * The listed spelling of the time zone `name` (`asia/KOLKATA` gives `Asia/Kolkata`), or null
 * when it is not one: names are matched without regard to letter case against the runtime's list
 * of zones and the current link names above, so a store keeps one spelling per zone. Offsets such
 * as `+05:30` are refused: a store's days follow a place, whose offset may change.
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > maxTimeZoneLength || !/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(name)) return null;
  return canonicalNameMap().get(name.toLowerCase()) ?? null;
}

/** Whether `name` is a time zone a store may set, in any letter case (`canonicalTimeZone` gives the spelling to keep). */
export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== null;
}

/** How many per-zone formats `wallClock` keeps: zones in use are few, and any string may reach it. */
export const maxCachedTimeZoneFormats = 64;
const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The parts format for `timeZone`, kept in a small least-recently-used cache. */
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (format) {
    partsFormats.delete(timeZone);
  } else {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    if (partsFormats.size >= maxCachedTimeZoneFormats) {
      const oldest = partsFormats.keys().next().value;
      if (oldest !== undefined) partsFormats.delete(oldest);
    }
  }
  partsFormats.set(timeZone, format);
  return format;
}

/** How many per-zone formats are cached now (for tests). */
export function cachedTimeZoneFormats(): number {
  return partsFormats.size;
}

/** Year, month, day, hour, minute and second of `instant` on the wall clocks of `timeZone`. */
function wallClock(instant: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const format = partsFormat(timeZone);
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
