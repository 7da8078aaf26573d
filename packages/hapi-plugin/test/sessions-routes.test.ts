import t from 'tap';
import { client, errorOf, json } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';

const androidChrome = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const windowsFirefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const someId = '00000000-0000-4000-8000-000000000000';

type SessionItem = { id: string; device: string; createdAt: string; lastSeenAt: string | null; current: boolean };

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    /** Logs the vendor in again from a browser with this User-Agent; the new session's cookie header. */
    const logInAs = async (email: string, userAgent: string) => {
      const response = await server.inject({ method: 'POST', url: '/api/v1/session', headers: { 'user-agent': userAgent }, payload: { email, password: 'correct horse battery' } });
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.payload}`);
      return { cookie: String([response.headers['set-cookie']].flat()[0]).split(';')[0] ?? '' };
    };
    const sessionsOf = async (headers: Record<string, string>) => json(await client(server, headers).get('/api/v1/me/sessions')).items as SessionItem[];
    const alive = async (headers: Record<string, string>) => (await server.inject({ url: '/api/v1/me', headers })).statusCode === 200;

    t.test('GET /me/sessions names each device from its User-Agent and marks the one asking', async (t) => {
      const vendor = await signUp(server);
      const phone = await logInAs(vendor.email, androidChrome);
      const laptop = await logInAs(vendor.email, windowsFirefox);
      const response = await client(server, phone).get('/api/v1/me/sessions');
      t.equal(response.statusCode, 200);
      t.match(response.headers['cache-control'], /no-store/);
      const items = json(response).items as SessionItem[];
      t.equal(items.length, 3);
      t.same(items.map((s) => Object.keys(s).sort()), items.map(() => ['createdAt', 'current', 'device', 'id', 'lastSeenAt']));
      t.same(items.filter((s) => s.current).map((s) => s.device), ['Chrome on Android'], 'exactly the asking session is current');
      t.ok(items.some((s) => s.device === 'Firefox on Windows'));
      t.notMatch(response.payload, phone.cookie.split('=')[1] ?? '', 'never a session token');
      t.same((await sessionsOf(laptop)).filter((s) => s.current).map((s) => s.device), ['Firefox on Windows']);
      const token = json(await client(server, vendor.headers).post('/api/v1/tokens', { name: 'cli' })).token as string;
      const viaToken = await sessionsOf({ authorization: `Bearer ${token}` });
      t.equal(viaToken.length, 3);
      t.notOk(viaToken.some((s) => s.current), 'a bearer token is no session: none is current');
      const longAgent = 'x'.repeat(5000);
      t.ok(await alive(await logInAs(vendor.email, longAgent)), 'an overlong User-Agent is cut, not refused');
      t.ok(await alive(await logInAs(vendor.email, 'Odd\u0000Agent\u0007')), 'control characters are dropped, not stored (PostgreSQL refuses a NUL)');
      t.ok((await sessionsOf(phone)).every((s) => typeof s.device === 'string' && !/[\u0000-\u001f]/.test(s.device)));
    });

    t.test('DELETE /me/sessions/{id} ends that session; another vendor\'s id or an unknown one is 404', async (t) => {
      const vendor = await signUp(server);
      const other = await signUp(server);
      const phone = await logInAs(vendor.email, androidChrome);
      const phoneId = (await sessionsOf(phone)).find((s) => s.current)!.id;
      const othersId = (await sessionsOf(other.headers)).find((s) => s.current)!.id;
      const api = client(server, vendor.headers);

      const foreign = await api.delete(`/api/v1/me/sessions/${othersId}`);
      t.equal(foreign.statusCode, 404);
      t.equal(errorOf(foreign).code, 'NOT_FOUND');
      t.ok(await alive(other.headers), "the other vendor's session lives on");
      t.equal((await api.delete(`/api/v1/me/sessions/${someId}`)).statusCode, 404);
      t.equal(errorOf(await api.delete('/api/v1/me/sessions/%00bad')).code, 'VALIDATION_FAILED', 'a control character is a 400');

      const ended = await api.delete(`/api/v1/me/sessions/${phoneId}`);
      t.equal(ended.statusCode, 204);
      t.notOk(await alive(phone), 'that session is dead');
      t.ok(await alive(vendor.headers), 'the asking one lives on');
      t.equal((await api.delete(`/api/v1/me/sessions/${phoneId}`)).statusCode, 404, 'twice is 404');

      const ownId = (await sessionsOf(vendor.headers)).find((s) => s.current)!.id;
      const self = await api.delete(`/api/v1/me/sessions/${ownId}`);
      t.equal(self.statusCode, 204);
      t.match(String([self.headers['set-cookie']].flat()[0]), /^dukaan_session=;.*Max-Age=0/, 'ending the own session clears its cookie');
      t.notOk(await alive(vendor.headers));
    });

    t.test('DELETE /me/sessions ends every other session and keeps this one; with a token it ends them all', async (t) => {
      const vendor = await signUp(server);
      const phone = await logInAs(vendor.email, androidChrome);
      const laptop = await logInAs(vendor.email, windowsFirefox);
      const other = await signUp(server);
      const response = await client(server, phone).delete('/api/v1/me/sessions');
      t.equal(response.statusCode, 204);
      t.ok(await alive(phone), 'this one stays');
      t.notOk(await alive(laptop));
      t.notOk(await alive(vendor.headers));
      t.ok(await alive(other.headers), "another vendor's sessions are untouched");
      t.same((await sessionsOf(phone)).map((s) => s.current), [true]);

      const token = json(await client(server, phone).post('/api/v1/tokens', { name: 'ops' })).token as string;
      t.equal((await client(server, { authorization: `Bearer ${token}` }).delete('/api/v1/me/sessions')).statusCode, 204);
      t.notOk(await alive(phone), 'asked with a token, every session ends');
      t.ok(await alive({ authorization: `Bearer ${token}` }), 'the token itself still works');
    });

    t.test('GET /tokens lists name, prefix, created and last used, never the secret', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const created = json(await api.post('/api/v1/tokens', { name: 'Stock sync' }));
      await api.post('/api/v1/tokens', { name: 'Backup' });
      const response = await api.get('/api/v1/tokens');
      t.equal(response.statusCode, 200);
      t.match(response.headers['cache-control'], /no-store/);
      const items = json(response).items as Array<{ id: string; name: string; prefix: string | null; createdAt: string; lastUsedAt: string | null }>;
      t.same(items.map((i) => i.name).sort(), ['Backup', 'Stock sync']);
      const mine = items.find((i) => i.id === created.id)!;
      t.same(Object.keys(mine).sort(), ['createdAt', 'id', 'lastUsedAt', 'name', 'prefix']);
      t.ok(mine.prefix && created.token.startsWith(mine.prefix) && mine.prefix.length < created.token.length / 2, 'a short prefix of the token');
      t.notMatch(response.payload, created.token, 'never the secret');
      t.notMatch(response.payload, /tokenHash|token_hash/);
      t.equal(mine.lastUsedAt, null, 'not used yet');
      t.equal((await server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${created.token}` } })).statusCode, 200);
      const used = (json(await api.get('/api/v1/tokens')).items as typeof items).find((i) => i.id === created.id)!;
      t.type(used.lastUsedAt, 'string', 'last used once it authenticated');
      const other = await signUp(server);
      t.same(json(await client(server, other.headers).get('/api/v1/tokens')).items, [], "another vendor sees none of them");
    });
  });
}
