// Webhooks as the vendor manages them: create (validation, the SSRF guard, at most 10), list
// without secrets, remove, and another store's ids answered 404.
import { lookup } from 'node:dns/promises';
import t from 'tap';
import type { Test } from 'tap';
import { isDomainError, maxWebhooksPerStore } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore } from './support/orders.js';

const publicUrl = 'https://hooks.example.com/dukaan';

/** The field errors of a rejected call. */
async function fieldErrors(t: Test, work: Promise<unknown>): Promise<Array<{ path: string; message: string }>> {
  const error = await work.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!isDomainError(error)) {
    t.fail(`expected a domain error, got ${String(error)}`);
    return [];
  }
  t.equal(error.code, 'VALIDATION_FAILED');
  return error.details;
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    // Names resolve through this table (the system resolver is not asked), as a DNS server would answer.
    const dns = new Map<string, string[]>([
      ['hooks.example.com', ['93.184.216.34']],
      ['internal.example.com', ['10.0.0.7']],
      ['mixed.example.com', ['93.184.216.34', '192.168.1.10']],
      ['v6.example.com', ['2606:4700:4700::1111']],
      ['self.example.com', ['93.184.216.99']],
      ['self6.example.com', ['2606:4700:4700::1111', '2a00:1450:4001:82a::99']],
    ]);
    // This host's own public addresses, as os.networkInterfaces() would list them on a VM.
    const localAddresses = () => ['127.0.0.1', '93.184.216.99', '2a00:1450:4001:82a::99'];
    const resolve = async (host: string) => {
      // localhost goes to the system resolver, as it would in production.
      if (host === 'localhost') return (await lookup(host, { all: true })).map((a) => a.address);
      const answer = dns.get(host);
      if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return answer;
    };
    const fixture = await variant.open({ outbox: { enabled: false }, webhooks: { resolve, localAddresses } });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan);

    t.test('create answers the secret once; list never shows it; remove deletes', async (t) => {
      const { store } = await openStore(dukaan);
      const created = await dukaan.webhooks.create(store.id, { url: publicUrl, events: ['order.placed', 'product.low_stock'] });
      t.match(created, { url: publicUrl, events: ['order.placed', 'product.low_stock'] });
      t.match(created.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      t.match(created.id, /^[0-9a-f-]{36}$/);
      t.ok(!Number.isNaN(Date.parse(created.createdAt)));
      const listed = await dukaan.webhooks.list(store.id);
      t.same(listed, [{ id: created.id, url: publicUrl, events: ['order.placed', 'product.low_stock'], createdAt: created.createdAt }]);
      t.notOk(JSON.stringify(listed).includes(created.secret), 'no secret in the list');
      const other = await dukaan.webhooks.create(store.id, { url: 'https://v6.example.com/x', events: ['order.status_changed'] });
      t.not(other.secret, created.secret, 'each webhook has its own secret');
      await dukaan.webhooks.remove(store.id, created.id);
      t.same((await dukaan.webhooks.list(store.id)).map((w) => w.id), [other.id]);
      await t.rejects(dukaan.webhooks.remove(store.id, created.id), { code: 'NOT_FOUND' }, 'removed once');
    });

    t.test('url and events are validated with messages a person understands', async (t) => {
      const cases: Array<[unknown, string, RegExp]> = [
        [{ url: 'ftp://hooks.example.com/x', events: ['order.placed'] }, 'url', /http:\/\/ or https:\/\//],
        [{ url: 'not a url', events: ['order.placed'] }, 'url', /http/],
        [{ url: 'https://user:pass@hooks.example.com/x', events: ['order.placed'] }, 'url', /user name or password/],
        [{ url: `https://hooks.example.com/${'a'.repeat(2048)}`, events: ['order.placed'] }, 'url', /2048/],
        [{ url: 'https://hooks.example.com/\0', events: ['order.placed'] }, 'url', /NUL/],
        [{ url: publicUrl, events: [] }, 'events', /at least one/],
        [{ url: publicUrl, events: ['order.placed', 'order.placed'] }, 'events.1', /twice/],
        [{ url: publicUrl, events: ['order.deleted'] }, 'events.0', /order\.placed/],
        [{ url: publicUrl }, 'events', /required/],
        [{ url: publicUrl, events: ['order.placed'], secret: 'mine' }, 'secret', /not allowed/],
      ];
      for (const [input, path, message] of cases) {
        const details = await fieldErrors(t, dukaan.webhooks.create(store.id, input));
        const detail = details.find((d) => d.path === path);
        t.ok(detail, `${JSON.stringify(input).slice(0, 80)} names ${path}: ${JSON.stringify(details)}`);
        t.match(detail?.message ?? '', message);
      }
    });

    t.test('URLs that lead to private, loopback or link-local addresses are refused at creation', async (t) => {
      const refused = [
        'http://127.0.0.1/hook',
        'http://127.1/hook',
        'http://2130706433/hook',
        'http://10.1.2.3/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'http://[fe80::1]/hook',
        'http://0.0.0.0/hook',
        'http://100.64.0.1/hook',
        'https://internal.example.com/hook',
        'https://mixed.example.com/hook',
      ];
      for (const url of refused) {
        const details = await fieldErrors(t, dukaan.webhooks.create(store.id, { url, events: ['order.placed'] }));
        t.match(details, [{ path: 'url', message: /private, loopback or link-local/ }], url);
      }
      const unknown = await fieldErrors(t, dukaan.webhooks.create(store.id, { url: 'https://nowhere.example.com/x', events: ['order.placed'] }));
      t.match(unknown, [{ path: 'url', message: /could not be found/ }]);
      t.same(await dukaan.webhooks.list(store.id), [], 'nothing was stored');
    });

    t.test('localhost through the system resolver is refused too', async (t) => {
      for (const url of ['http://localhost/hook', 'https://LOCALHOST./hook', 'http://api.localhost/hook']) {
        const details = await fieldErrors(t, dukaan.webhooks.create(store.id, { url, events: ['order.placed'] }));
        t.match(details, [{ path: 'url', message: /private, loopback or link-local/ }], url);
      }
    });

    t.test('review #2: only ports 80 and 443, written or by default; 400 with the port named', async (t) => {
      const { store } = await openStore(dukaan);
      for (const url of ['http://hooks.example.com:8080/hook', 'https://hooks.example.com:6379/x', 'http://93.184.216.34:5432/', 'http://hooks.example.com:2375/containers/prune']) {
        const details = await fieldErrors(t, dukaan.webhooks.create(store.id, { url, events: ['order.placed'] }));
        t.match(details, [{ path: 'url', message: /uses port \d+; webhooks may use only port 80 \(http\) or 443 \(https\)/ }], url);
      }
      for (const url of ['http://hooks.example.com/a', 'https://hooks.example.com/b', 'http://hooks.example.com:80/c', 'https://hooks.example.com:443/d', 'http://hooks.example.com:443/e']) {
        await dukaan.webhooks.create(store.id, { url, events: ['order.placed'] });
      }
      t.equal((await dukaan.webhooks.list(store.id)).length, 5);
    });

    t.test("review #2: the host's own interface addresses are refused, literal or resolved", async (t) => {
      for (const url of ['http://93.184.216.99/hook', 'http://[::ffff:93.184.216.99]/hook', 'https://self.example.com/x', 'https://self6.example.com/x', 'http://[2a00:1450:4001:82a:0::99]/x']) {
        const details = await fieldErrors(t, dukaan.webhooks.create(store.id, { url, events: ['order.placed'] }));
        t.match(details, [{ path: 'url', message: /server's own addresses/ }], url);
      }
    });

    t.test('review #13: the length limit counts the normalised URL', async (t) => {
      // 700 characters typed, each percent-encoded into six (%C3%A9): over 4000 once normalised.
      const details = await fieldErrors(t, dukaan.webhooks.create(store.id, { url: `https://hooks.example.com/${'é'.repeat(700)}`, events: ['order.placed'] }));
      t.match(details, [{ path: 'url', message: /at most 2048 characters long once normalised/ }]);
      const { store: fresh } = await openStore(dukaan);
      const fits = await dukaan.webhooks.create(fresh.id, { url: `https://hooks.example.com/${'é'.repeat(330)}`, events: ['order.placed'] });
      t.ok(fits.url.length <= 2048 && fits.url.length > 1800, 'a long URL that fits is stored whole');
    });

    t.test(`at most ${maxWebhooksPerStore} webhooks per store, also when created at once`, async (t) => {
      const { store } = await openStore(dukaan);
      const results = await Promise.allSettled(
        Array.from({ length: maxWebhooksPerStore + 3 }, (_, i) => dukaan.webhooks.create(store.id, { url: `${publicUrl}/${i}`, events: ['order.placed'] })),
      );
      t.equal(results.filter((r) => r.status === 'fulfilled').length, maxWebhooksPerStore);
      const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
      t.match(refusal?.reason, { code: 'VALIDATION_FAILED', message: /at most 10 webhooks/ });
      t.equal((await dukaan.webhooks.list(store.id)).length, maxWebhooksPerStore);
    });

    t.test("another store's webhook is not found: remove, deliveries, retry", async (t) => {
      const mine = await openStore(dukaan);
      const theirs = await openStore(dukaan);
      const hook = await dukaan.webhooks.create(theirs.store.id, { url: publicUrl, events: ['order.placed'] });
      await t.rejects(dukaan.webhooks.remove(mine.store.id, hook.id), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.webhooks.deliveries(mine.store.id, hook.id), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.webhooks.retry(mine.store.id, hook.id, hook.id), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.webhooks.deliveries(mine.store.id, 'not-an-id'), { code: 'NOT_FOUND' });
      t.equal((await dukaan.webhooks.list(theirs.store.id)).length, 1, 'still there');
      t.same(await dukaan.webhooks.list(mine.store.id), []);
    });

    t.test('deliveries limit is validated', async (t) => {
      const hook = await dukaan.webhooks.create(store.id, { url: publicUrl, events: ['order.placed'] });
      t.same(await dukaan.webhooks.deliveries(store.id, hook.id, { limit: 5 }), []);
      await t.rejects(dukaan.webhooks.deliveries(store.id, hook.id, { limit: 1000 }), { code: 'VALIDATION_FAILED' });
      await dukaan.webhooks.remove(store.id, hook.id);
    });
  });
}
