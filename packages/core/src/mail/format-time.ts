/**
 * An instant as people read it in mail: "3 May 2025, 14:05 UTC". Mail goes to people in any time
 * zone and core does not know theirs, so it says UTC plainly. Text that is not a date passes through.
 */
export function mailTime(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(date);
  return `${day}, ${time} UTC`;
}
