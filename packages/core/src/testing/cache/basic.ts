import type { Test } from 'tap';
import { withFixture, type CacheFactory } from './fixture.js';

const VALUES: Array<[string, unknown]> = [
  ['object', { name: 'Chai', price: 250, tags: ['hot'], nested: { ok: true } }],
  ['array', [1, 'two', { three: 3 }, null]],
  ['integer', 42],
  ['fraction', -3.25],
  ['zero', 0],
  ['string', 'namaste ✓'],
  ['empty string', ''],
  ['true', true],
  ['false', false],
  ['null', null],
];

/** get, set and delete; values of every JSON type come back equal. */
export function basic(t: Test, factory: CacheFactory): void {
  withFixture(t, factory, 'a missing key is a miss', async (t, { cache }) => {
    t.equal(await cache.get('missing'), undefined);
  });

  withFixture(t, factory, 'values of every JSON type round-trip', async (t, { cache }) => {
    for (const [name, value] of VALUES) {
      await cache.set(`value:${name}`, value);
      t.same(await cache.get(`value:${name}`), value, name);
    }
  });

  withFixture(t, factory, 'set overwrites, keys are independent', async (t, { cache }) => {
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.set('a', { again: true });
    t.same(await cache.get('a'), { again: true });
    t.equal(await cache.get('b'), 2);
  });

  withFixture(t, factory, 'delete removes the entry and only that entry', async (t, { cache }) => {
    await cache.set('a', 'x');
    await cache.set('b', 'y');
    await cache.delete('a');
    t.equal(await cache.get('a'), undefined);
    t.equal(await cache.get('b'), 'y');
  });

  withFixture(t, factory, 'deleting an absent key resolves', async (t, { cache }) => {
    await t.resolves(cache.delete('never-set'));
  });

  withFixture(t, factory, 'keys with separators and unicode are distinct', async (t, { cache }) => {
    await cache.set('store:1:v2', 'one');
    await cache.set('store:1:v2:page', 'two');
    await cache.set('दुकान', 'three');
    t.equal(await cache.get('store:1:v2'), 'one');
    t.equal(await cache.get('store:1:v2:page'), 'two');
    t.equal(await cache.get('दुकान'), 'three');
  });
}

/** For a cache that keeps nothing by design: every read misses, every write and delete resolves. */
export function keepsNothing(t: Test, factory: CacheFactory): void {
  withFixture(t, factory, 'writes resolve and every read misses', async (t, { cache }) => {
    for (const [name, value] of VALUES) {
      await t.resolves(cache.set(`value:${name}`, value, 60_000), name);
      t.equal(await cache.get(`value:${name}`), undefined, name);
    }
    await t.resolves(cache.set('forever', 1));
    await t.resolves(cache.delete('forever'));
  });
}
