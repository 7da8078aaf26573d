/**
 * How stale a session's `lastSeenAt` or a token's `lastUsedAt` may get before a load from the
 * database writes it again: "last used" to within minutes is all anyone reads, and writing it on
 * every request would turn each authenticated read into a write.
 */
export const lastUsedPrecisionMs = 5 * 60_000;

/** Whether a stored last-used instant (null: never) is old enough at `now` to be written again. */
export function isStale(lastUsed: string | null, now: Date): boolean {
  return lastUsed === null || Date.parse(lastUsed) < now.getTime() - lastUsedPrecisionMs;
}
