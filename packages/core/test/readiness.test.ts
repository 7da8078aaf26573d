// Readiness is bounded on both sides (review follow-up): a database whose ping never answers
// (a pool waiting 60 s for a connection) fails ready() in about a second, naming the database.
import t from 'tap';
import { createDukaan, type Persistence } from '../src/index.js';
import { noCache } from '../src/adapters/keyv/index.js';
import { coreVariants, fastHasher } from './support/core-variants.js';

const variant = coreVariants()[0];

t.test('a database ping that never resolves fails readiness within about 1 s', async (t) => {
  if (!variant) return;
  const fixture = await variant.open();
  t.teardown(() => fixture.close());
  await fixture.dukaan.ready();
  const hanging: Persistence = { ...fixture.persistence, ping: () => new Promise<void>(() => {}), close: async () => {} };
  const dukaan = createDukaan({ outbox: { enabled: false }, persistence: hanging, cache: noCache(), hasher: fastHasher, sessionSweepIntervalMs: 0 });
  t.teardown(() => dukaan.close());
  const started = Date.now();
  await t.rejects(dukaan.ready(), { message: 'database unavailable', cause: { message: /database ping timed out after 1000 ms/ } });
  const took = Date.now() - started;
  t.ok(took >= 900 && took < 3000, `bounded at about 1 s (${took} ms)`);

  const quick = createDukaan({ outbox: { enabled: false }, persistence: hanging, cache: noCache(), hasher: fastHasher, sessionSweepIntervalMs: 0, databasePingTimeoutMs: 100 });
  t.teardown(() => quick.close());
  const again = Date.now();
  await t.rejects(quick.ready(), { message: 'database unavailable' });
  t.ok(Date.now() - again < 1000, 'the bound is configurable');

  const failing: Persistence = { ...hanging, ping: () => Promise.reject(new Error('connection refused')) };
  const down = createDukaan({ outbox: { enabled: false }, persistence: failing, cache: noCache(), hasher: fastHasher, sessionSweepIntervalMs: 0 });
  t.teardown(() => down.close());
  await t.rejects(down.ready(), { message: 'database unavailable', cause: { message: 'connection refused' } });
});
