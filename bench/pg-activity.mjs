// The database side of a scenario: samples pg_stat_activity for the bench database every
// 100 ms and tells, on average, how many backends were doing what (running, waiting for a
// row lock, for the WAL flush, for the app to send the next statement of its transaction …).
import pg from 'pg';

export async function samplePgActivity(databaseUrl, everyMs = 100) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const database = new URL(databaseUrl).pathname.slice(1);
  const counts = new Map();
  let samples = 0;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await client.query(
        "SELECT state, wait_event_type, wait_event FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
        [database],
      );
      samples++;
      for (const { state, wait_event_type: type, wait_event: event } of rows) {
        const key = state === 'active' ? (type ? `active, waiting ${type}:${event}` : 'active, running') : `${state}${type && state !== 'idle' ? ` (${type}:${event})` : ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    } catch {
      // a missed sample
    } finally {
      busy = false;
    }
  }, everyMs);
  return {
    /** Mean number of backends in each state over the samples, largest first. */
    async stop() {
      clearInterval(timer);
      while (busy) await new Promise((resolve) => setTimeout(resolve, 10));
      await client.end();
      const perState = Object.fromEntries(
        [...counts].sort((a, b) => b[1] - a[1]).map(([key, n]) => [key, Math.round((n / Math.max(1, samples)) * 100) / 100]),
      );
      return { samples, meanBackends: perState };
    },
  };
}
