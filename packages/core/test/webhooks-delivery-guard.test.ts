// The SSRF guard at delivery time: a name that resolved to a public address when the webhook was
// created and to a private one when it is delivered (DNS rebinding) is refused, and so is a
// stored IP literal that is not public; the receiver on loopback never hears from them.
import { scrypt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { request, type RequestOptions } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { guardedLookup } from '../src/webhooks/address-guard.js';
import { postWebhook } from '../src/webhooks/post-webhook.js';
import { dnsResolve, resolveDeadlineMs, webhookSettings } from '../src/webhooks/webhook-settings.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';
import { startReceiver } from './support/webhooks-receiver.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const receiver = await startReceiver();
    t.teardown(() => receiver.close());
    let lookups = 0;
    // Public at the first answer, loopback after: what a rebinding attacker's DNS server does.
    const resolve = async (host: string) => {
      if (host !== 'rebind.example.com') throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      lookups += 1;
      return lookups === 1 ? ['93.184.216.34'] : ['127.0.0.1'];
    };
    const fixture = await variant.open({ outbox: { enabled: false }, webhooks: { resolve, timeoutMs: 1000 } });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan);
    const product = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 100 });

    t.test('DNS rebinding: public at creation, loopback at delivery: refused, never connected', async (t) => {
      const hook = await dukaan.webhooks.create(store.id, { url: 'http://rebind.example.com/rebind', events: ['order.placed'] });
      t.equal(lookups, 1, 'checked at creation');
      await dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }]));
      await dukaan.outbox.runOnce();
      t.ok(lookups >= 2, 'resolved again at delivery');
      t.equal(receiver.received.length, 0, 'the loopback receiver heard nothing');
      const [view] = await dukaan.webhooks.deliveries(store.id, hook.id);
      t.match(view, { status: 'pending', attempt: 1, statusCode: null, error: /^refused: the URL points to a private, loopback or link-local address/ });
      t.notOk(view?.error?.includes('rebind.example.com'), 'the error does not repeat the URL');
      await dukaan.webhooks.remove(store.id, hook.id);
    });

    t.test('IP literals stored before the rules (or by hand) are refused at delivery too', async (t) => {
      const { store: other } = await openStore(dukaan);
      const otherProduct = await dukaan.catalog.createProduct(other.id, { name: 'Tea', price: 500, stock: 10 });
      const urls = [`http://127.0.0.1:${receiver.port}/v4`, `http://[::ffff:127.0.0.1]:${receiver.port}/mapped`, `http://[::1]:${receiver.port}/v6`, 'http://169.254.169.254/latest/meta-data'];
      for (const [i, url] of urls.entries()) {
        await fixture.persistence.webhooks.insertUnlessFull(
          { id: `00000000-0000-7000-8000-00000000000${i}`, storeId: other.id, url, events: ['order.placed'], secret: 'whsec_x', createdAt: new Date().toISOString() },
          10,
        );
      }
      await dukaan.orders.place(other.slug, orderFor([{ productId: otherProduct.id, quantity: 1 }]));
      await dukaan.outbox.runOnce();
      t.equal(receiver.received.length, 0, 'nothing reached loopback');
      for (const [i] of urls.entries()) {
        const [view] = await dukaan.webhooks.deliveries(other.id, `00000000-0000-7000-8000-00000000000${i}`);
        t.match(view, { status: 'pending', error: /^refused/ }, urls[i] ?? '');
      }
    });
  });
}

t.test('a host name is connected to through the guarded lookup, at the address it checked', async (t) => {
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  const asked: string[] = [];
  const settings = webhookSettings({
    allowPrivate: true,
    resolve: async (host) => {
      asked.push(host);
      return ['127.0.0.1'];
    },
  });
  // Node asks lookup for every address (`all: true`, Happy Eyeballs) or for one: both shapes work.
  for (const autoSelectFamily of [true, false]) {
    // autoSelectFamily is newer than these type definitions.
    const options = { method: 'POST', agent: false, lookup: guardedLookup(settings), autoSelectFamily } as RequestOptions;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`http://receiver.test:${receiver.port}/named`, options, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    t.equal(status, 200, `autoSelectFamily ${autoSelectFamily}`);
  }
  t.same(asked, ['receiver.test', 'receiver.test']);
  t.equal(receiver.received.length, 2);

  const blocked = webhookSettings({ resolve: async () => ['10.0.0.1'] });
  const error = await new Promise<Error>((resolve) => {
    const req = request(`http://receiver.test:${receiver.port}/named`, { method: 'POST', agent: false, lookup: guardedLookup(blocked) }, () => resolve(new Error('connected')));
    req.on('error', resolve);
    req.end('{}');
  });
  t.match(error.message, /private, loopback or link-local/);
  t.equal(receiver.received.length, 2, 'never connected');
});

// A self-signed certificate for localhost (a test key, nothing else uses it).
const testKey = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDg8hkSP9OQj/uC
Dkb5LIp4dAsV0BeUcqKsV968AK84tiQS6CyXnPNulNI0vFGFfrVnsDhqBjuKd3Hh
kPxITT6fkWa/PSDoE7C8sxSljpsm/FWSBbQPqvz8aRJRWMaQtE9Ba3LA2NaxDAXL
+0CgsjA8RgnOnaaSAkPRncV3IeWhRNYpVYt4utQOZ2Dy1g7GB67luiV0FqBmZiom
mpDdAkefsidFc1mTf32AvD1r7cSNZDz0v5+d7gl93quFSuHWA9hhGvAxlCND3fTX
VA/wL+ugJxqeuPWhWPosxbT6MQ+FmMMV0xeLbQoweg3G4o7G5RdmSqhld8cGRdNa
XEviZNgnAgMBAAECggEAFqG6TLASl23VDnhkmEyXQJfe8aU2ah9qfHp5ag2Lk4zH
w7CLo/63gz2tNH8UmKDEnEJfj/3r3vo2K/f2r0jjmbxQS8IDszXKnKxL0dME4H7s
wRHv1CUOP6WhS9aUYRoIYKWbLbSN99F6LSlXOZO+mfcrT21kb+DodTOGxX3/PiKg
MCTr6f8+x4+pOOwqxCQ5QIr1aZVhi7RPFO782g+CogForbrK93IzaqWo43t8/6Wc
a9/byVaVvgq4Kw1MmtpEzjU5TBLtCZaedfjCwmudeoo9NWN5m1TyJ1v7k5gEp6Fm
VuEHqf9xP5Y3jIYC9kk5jv3kSBFOTNy2J38HBZLt8QKBgQD6nhZCm3bUdT2S9Sqp
eF9aIOFMnmCL85Ui2SGTSQ5FO9/jBeAX9swP2wF7LhvzJuwp5OB7/vzQ/OHWetCZ
zTFNy6tm6mX0WrlrKlmZ7/kdkBRS3JInSAssRIw3D7KocWsRLW3cfAHFX0kDVSfH
r/uYfX7Yxl08PriqNkZADQZ4uQKBgQDlxt2L6yII/RGz4LQrWfCLJWjxF6hEHAj4
jXd4xKomYv3QlTfVu9G3nXuRyD4R1PETqhL/LqvjiwaBIsBIknZiPSVs4qP5cQSl
wxzvZmZ10fbPYfE28DVt3iaPhS0HSPPir+3ptSItats4Eujos1TQf5ny7ZXWIe+U
7/Z5Zomn3wKBgQDc1u1aqE/gC6fEldGQIIg1jX+62lzNNkmWuasCdH/ktkwlawn7
U/ihiCUX/JuYehXlHNBLs3foWM5RB0xGGzB1EyHowGgzGLcHHfxyz6m/STT/h2oq
vytJSOYdpvGRyM/GBTgn8AZHfB2EmEdDiWm1B/D86F9ENSjYpJbm3hNz0QKBgH2M
cIdAHeOta1vOvoMlbIKLGVEKbR1x+BDfM1Vgl9vLoQW0UsLNEiTyvo8ES63wnRzy
g9i8xpzY3N/4ffnpVRgOcwGQwKnN8A0mlAvW9ssPw3zC9krfa0Ix7P3kdZsSaHgH
Ssa0+wy34zo7Utm7Cu+1mQece496EW9ewlzJAxQfAoGBAPSQ2XGb2NPkuYS1ky0m
SJQCV0xnab6VjXFu8fqGqFWfqiAsSbxangi10EEuUWqWF5tRMQfD1SBksh3Xa1/K
OjXs/GTh2CS037y4wKCqO2WIlI4RUkUjGdK2fkYJB9G8tbemiuZNlPbbRFIxiiBM
RymcCLX6ZuBxDW4goCP7uv/R
-----END PRIVATE KEY-----`;
const testCert = `-----BEGIN CERTIFICATE-----
MIIDCzCCAfOgAwIBAgIUEM74pirq9vs+UrhqZXlc8B4jzdEwDQYJKoZIhvcNAQEL
BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyOTE1NTMwN1oYDzIxMjYx
MTA1MTU1MzA3WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQDg8hkSP9OQj/uCDkb5LIp4dAsV0BeUcqKsV968AK84
tiQS6CyXnPNulNI0vFGFfrVnsDhqBjuKd3HhkPxITT6fkWa/PSDoE7C8sxSljpsm
/FWSBbQPqvz8aRJRWMaQtE9Ba3LA2NaxDAXL+0CgsjA8RgnOnaaSAkPRncV3IeWh
RNYpVYt4utQOZ2Dy1g7GB67luiV0FqBmZiommpDdAkefsidFc1mTf32AvD1r7cSN
ZDz0v5+d7gl93quFSuHWA9hhGvAxlCND3fTXVA/wL+ugJxqeuPWhWPosxbT6MQ+F
mMMV0xeLbQoweg3G4o7G5RdmSqhld8cGRdNaXEviZNgnAgMBAAGjUzBRMB0GA1Ud
DgQWBBSA5VJ0viSdarqx2obiaTKHWpzVxDAfBgNVHSMEGDAWgBSA5VJ0viSdarqx
2obiaTKHWpzVxDAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQCG
OY3nqtalio+iPAXrj7ARY7XkuUTCVCxILB1u4w569C90oZ9S4IepR/DU5j8oZ4QK
rSbtSkffU1JoZK8knjPxhp59t4j1Q1p+5Ay4j/Gj43Uprp14lR9Xfm+EeATYaKL1
5akO94MRQko9JvUVaJ5kLBpijZYb1lM5pcnIFBCwvy4RGgyUrjyzsk06AJYcYmNX
KYiDjWVrBbOIvROAnzhmb60OHPQF8dGOZndSGIQzXb7h9zNAJn10ESrFRwtCYao0
D2Jyp3H4sKDxMbn1fXEu1naXq9SKv5JKkJOJDRmTSPnvBV5Kt/ZlY3DQ6/zdejQ5
e/swe8lWQ02yMplKglBg
-----END CERTIFICATE-----`;

t.test('https: the certificate is verified; an untrusted one fails the attempt, the body is never sent', async (t) => {
  let requests = 0;
  const server = createHttpsServer({ key: testKey, cert: testCert }, (_request, response) => {
    requests += 1;
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const settings = webhookSettings({ allowPrivate: true, resolve: async () => ['127.0.0.1'] });
  const result = await postWebhook(settings, `https://localhost:${port}/tls`, { 'content-type': 'application/json' }, '{}');
  t.match(result, { ok: false, statusCode: null, error: /^connection failed: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/ });
  t.equal(requests, 0, 'nothing was posted over an untrusted connection');
});

t.test('an answer that is not HTTP, or none at all, is a failed attempt', async (t) => {
  const { createServer } = await import('node:net');
  const server = createServer((socket) => {
    socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const settings = webhookSettings({ allowPrivate: true });
  t.match(await postWebhook(settings, `http://127.0.0.1:${port}/x`, {}, '{}'), { ok: false, statusCode: null, error: /^connection failed: HPE_/ });
  t.match(await postWebhook(settings, 'http://127.0.0.1:1/x', {}, '{}'), { ok: false, error: /^connection failed: ECONNREFUSED/ });
  t.match(await postWebhook(settings, 'ftp://127.0.0.1/x', {}, '{}'), { ok: false, error: /only http and https/ });
});

t.test('review #2: at delivery, a port other than 80/443 and the host\'s own addresses are refused before connecting', async (t) => {
  const asked: string[] = [];
  const settings = webhookSettings({
    resolve: async (host) => {
      asked.push(host);
      return host === 'self.example.com' ? ['93.184.216.99'] : ['93.184.216.34'];
    },
    localAddresses: () => ['93.184.216.99', '2a00:1450:4001:82a::99'],
  });
  const port = await postWebhook(settings, 'http://hooks.example.com:6379/x', {}, '{}');
  t.match(port, { ok: false, statusCode: null, error: /^refused: the URL uses port 6379/ });
  t.same(asked, [], 'no DNS query for a refused port');
  for (const url of ['http://93.184.216.99/x', 'http://[::ffff:93.184.216.99]/x', 'https://[2a00:1450:4001:82a::99]/x', 'http://self.example.com/x']) {
    const result = await postWebhook(settings, url, {}, '{}');
    t.match(result, { ok: false, statusCode: null, error: /server's own addresses/ }, url);
  }
  t.same(asked, ['self.example.com']);
  // allowPrivate lifts both rules (a receiver on loopback at any port, as in these tests).
  const open = webhookSettings({ allowPrivate: true, localAddresses: () => ['127.0.0.1'] });
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  t.match(await postWebhook(open, `http://127.0.0.1:${receiver.port}/ok`, {}, '{}'), { ok: true, statusCode: 200 });
});

t.test('review #1: names resolve through c-ares under a deadline, off the threadpool', async (t) => {
  t.not(webhookSettings({}).resolve, webhookSettings({ allowPrivate: true }).resolve, 'the system resolver only when private addresses are allowed');
  // A name server that never answers: what an attacker's black-holing DNS looks like.
  const silent = createSocket('udp4');
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  t.teardown(() => silent.close());
  const server = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
  const started = performance.now();
  // More hanging lookups than the libuv threadpool has threads (4 by default)...
  const lookups = Array.from({ length: 8 }, (_, i) => dnsResolve(`x${i}.black-hole.example`, [server]).then(() => null, (error: unknown) => error));
  // ...and the threadpool still serves scrypt at once.
  const hashStarted = performance.now();
  await new Promise<void>((resolve, reject) => scrypt('password', 'salt', 32, (error) => (error ? reject(error) : resolve())));
  t.ok(performance.now() - hashStarted < 1500, `scrypt was not starved (${Math.round(performance.now() - hashStarted)} ms)`);
  const errors = await Promise.all(lookups);
  const elapsed = performance.now() - started;
  for (const error of errors) t.ok(error instanceof Error, 'a lookup that never answers fails');
  t.ok(elapsed < resolveDeadlineMs + 1500, `bounded by the deadline (${Math.round(elapsed)} ms)`);
});

t.test('review #1: the default resolver answers A and AAAA records from DNS', async (t) => {
  // A tiny authoritative server: A 93.184.216.34 and AAAA 2606:4700:4700::1111 for every name.
  const server = createSocket('udp4');
  server.on('message', (query, peer) => {
    const id = query.subarray(0, 2);
    let end = 12;
    while (query[end] !== 0) end += (query[end] ?? 0) + 1;
    const question = query.subarray(12, end + 5);
    const type = query.readUInt16BE(end + 1);
    const rdata = type === 1 ? Buffer.from([93, 184, 216, 34]) : Buffer.from('26064700470000000000000000001111', 'hex');
    const header = Buffer.from([0, 0, 0x84, 0x00, 0, 1, 0, 1, 0, 0, 0, 0]);
    id.copy(header, 0);
    const answer = Buffer.concat([Buffer.from([0xc0, 0x0c]), Buffer.from([0, type, 0, 1, 0, 0, 0, 60, 0, rdata.length]), rdata]);
    server.send(Buffer.concat([header, question, answer]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', resolve));
  t.teardown(() => server.close());
  const addresses = await dnsResolve('hooks.example.com', [`127.0.0.1:${(server.address() as AddressInfo).port}`]);
  t.same(addresses.sort(), ['2606:4700:4700::1111', '93.184.216.34']);
});
