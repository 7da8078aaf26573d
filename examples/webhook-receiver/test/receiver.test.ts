// The example receiver as a user runs it (node main.mjs): a delivery signed the way dukaan-kit
// signs it (core's own signWebhookBody) is taken once; a redelivery is acknowledged as a
// duplicate; a tampered body, a wrong secret, a stale or future timestamp, or no signature is
// refused with 401; and the log names the event and the order number, never the customer.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { signWebhookBody } from '../../../packages/core/src/webhooks/signature.js';

const here = dirname(fileURLToPath(import.meta.url));
const secret = 'whsec_3q2-7wSx1y0nV0bqOEdS3tTj9tI0sVbqOm9pQm0vJk4';

const event = {
  id: '0193a5b2-7c1e-7d3a-9f00-1a2b3c4d5e6f',
  type: 'order.placed',
  createdAt: '2026-11-29T10:15:00.000Z',
  data: {
    order: {
      id: '0193a5b2-7c1d-7000-8000-000000000001',
      number: 1001,
      status: 'pending',
      customer: { name: 'Asha Rao', phone: '+919876543210', email: 'asha@example.com', address: '12 MG Road, Bengaluru', pincode: '560001' },
      total: 49800,
      currency: 'INR',
    },
  },
};

t.test("the test vector in docs/events.md is what core's signer produces", async (t) => {
  const docs = readFileSync(join(here, '..', '..', '..', 'docs', 'events.md'), 'utf8');
  const cell = (name: string) => new RegExp(`^\\| ${name} \\| \`([^\`]+)\` \\|$`, 'm').exec(docs)?.[1] ?? '';
  const [vectorSecret, body, time, header] = [cell('secret'), cell('raw body'), cell('`t`'), cell('header')];
  t.ok(vectorSecret && body && time && header, 'the vector is in the docs');
  t.equal(signWebhookBody(vectorSecret, body, Number(time)), header);
});

t.test('the example receiver verifies, dedupes and logs without personal data', async (t) => {
  const child = spawn(process.execPath, [join(here, '..', 'main.mjs')], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: '0', WEBHOOK_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  t.teardown(() => void child.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" line within 10 s: ${output}`)), 10_000);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
  });

  const now = () => Math.floor(Date.now() / 1000);
  const post = async (body: string, signature: string | null, init: { method?: string; path?: string } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'dukaan-event-id': event.id };
    if (signature !== null) headers['dukaan-signature'] = signature;
    const target = init.path ? new URL(init.path, url).href : url;
    const reply = await fetch(target, { method: init.method ?? 'POST', headers, ...(init.method === 'GET' ? {} : { body }), signal: AbortSignal.timeout(5000) });
    return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
  };
  const body = JSON.stringify(event);

  const first = await post(body, signWebhookBody(secret, body, now()));
  t.same(first, { status: 200, body: { received: true } }, 'signed by core: accepted');
  const again = await post(body, signWebhookBody(secret, body, now()));
  t.same(again, { status: 200, body: { received: true, duplicate: true } }, 'the same event id again: acknowledged, not processed twice');

  const other = { ...event, id: '0193a5b2-7c1e-7d3a-9f00-000000000002', type: 'order.status_changed' };
  const otherBody = JSON.stringify(other);
  // Signed by hand, exactly as docs/events.md describes it.
  const t0 = now();
  const byHand = `t=${t0},v1=${createHmac('sha256', secret).update(`${t0}.${otherBody}`).digest('hex')}`;
  t.equal((await post(otherBody, byHand)).status, 200, 'signed as the docs describe: accepted');

  const rejected = async (what: string, b: string, signature: string | null, reason: string) => {
    const reply = await post(b, signature);
    t.same(reply, { status: 401, body: { error: `signature ${reason}` } }, what);
  };
  const fresh = { ...event, id: '0193a5b2-7c1e-7d3a-9f00-000000000003' };
  const freshBody = JSON.stringify(fresh);
  await rejected('a tampered body', freshBody.replace('49800', '1'), signWebhookBody(secret, freshBody, now()), 'mismatch');
  await rejected('re-serialised JSON (spaces): the MAC is over the raw bytes', JSON.stringify(fresh, null, 2), signWebhookBody(secret, freshBody, now()), 'mismatch');
  await rejected('another secret', freshBody, signWebhookBody('whsec_someone-else', freshBody, now()), 'mismatch');
  await rejected('a timestamp 6 minutes old (a replay)', freshBody, signWebhookBody(secret, freshBody, now() - 360), 'stale');
  await rejected('a timestamp 6 minutes ahead', freshBody, signWebhookBody(secret, freshBody, now() + 360), 'stale');
  await rejected('no signature', freshBody, null, 'missing');
  await rejected('a signature without a time', freshBody, `v1=${'0'.repeat(64)}`, 'malformed');
  await rejected('a time that is not digits', freshBody, `t=1e9,v1=${'0'.repeat(64)}`, 'malformed');
  await rejected('a short v1', freshBody, `t=${now()},v1=abcd`, 'malformed');
  const mac = signWebhookBody(secret, freshBody, now()).split('v1=')[1];
  await rejected('the MAC with another time', freshBody, `t=${now() - 1},v1=${mac}`, 'mismatch');
  t.equal((await post(freshBody, signWebhookBody(secret, freshBody, now()))).status, 200, 'the refused event is still taken once properly signed');

  t.equal((await post('', null, { method: 'GET' })).status, 405, 'GET: 405');
  t.equal((await post(body, null, { path: '/other' })).status, 404, 'another path: 404');
  const huge = JSON.stringify({ ...event, id: 'huge', pad: 'x'.repeat(1024 * 1024) });
  const tooBig = await post(huge, signWebhookBody(secret, huge, now())).catch((error: Error) => ({ status: 0, body: { error: error.message } }));
  t.ok(tooBig.status === 413 || tooBig.status === 0, `a body over 1 MB is refused (${tooBig.status})`);

  t.match(output, /"type":"order\.placed","order":1001/, 'the log names the event type and order number');
  t.match(output, /"duplicate":"0193a5b2-7c1e-7d3a-9f00-1a2b3c4d5e6f"/, 'and the duplicate');
  t.match(output, /"rejected":"stale"/, 'and why a delivery was refused');
  for (const personal of ['Asha', '9876543210', 'asha@example.com', 'MG Road', '560001']) t.notMatch(output, personal, `no ${personal} in the log`);
});

t.test('a copy arriving while the first is being processed is refused (409), so a failed first is still retried', async (t) => {
  const { createReceiver } = (await import('../receiver.mjs')) as {
    createReceiver: (options: { secret: string; onEvent: (event: unknown) => Promise<void>; log: (line: unknown) => void }) => import('node:http').Server;
  };
  let release: (ok: boolean) => void = () => {};
  const calls: string[] = [];
  const server = createReceiver({
    secret,
    log: () => {},
    onEvent: () => {
      calls.push('onEvent');
      return new Promise<void>((resolve, reject) => (release = (ok) => (ok ? resolve() : reject(new Error('database down')))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as import('node:net').AddressInfo;
  const body = JSON.stringify(event);
  const post = async () => {
    const reply = await fetch(`http://127.0.0.1:${port}/webhooks/dukaan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'dukaan-signature': signWebhookBody(secret, body, Math.floor(Date.now() / 1000)) },
      body,
      signal: AbortSignal.timeout(5000),
    });
    return reply.status;
  };
  const first = post();
  for (let i = 0; i < 100 && calls.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  t.equal(await post(), 409, 'the copy is not acknowledged while the first is in progress');
  release(false);
  t.equal(await first, 500, 'the first failed');
  const retry = post();
  for (let i = 0; i < 100 && calls.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
  release(true);
  t.equal(await retry, 200, 'the retry is processed');
  t.equal(await post(), 200, 'and later copies are acknowledged as duplicates');
  t.equal(calls.length, 2, 'processed twice: the failed first and the retry');
});
