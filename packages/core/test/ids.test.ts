// Ids and tokens come from a pooled CSPRNG buffer (shared/id.ts): across many pool refills
// none repeats, UUIDv7 ids keep their version and variant bits and sort by creation, and tokens
// have the length and alphabet asked for.
import t from 'tap';
import { newId, newToken } from '../src/shared/id.js';

t.test('ids: UUIDv7, unique and in creation order across many pool refills', async (t) => {
  const ids: string[] = [];
  // 16 bytes each from a 4 KiB pool: 20,000 ids refill it about 80 times.
  for (let i = 0; i < 20_000; i++) ids.push(newId());
  t.equal(new Set(ids).size, ids.length, 'no id repeats');
  t.ok(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)), 'version 7, RFC 4122 variant');
  t.same([...ids].sort(), ids, 'ids made one after another sort in that order');
});

t.test('tokens: unique, URL-safe, of the size asked; ids and tokens share no bytes', async (t) => {
  const tokens = Array.from({ length: 5_000 }, () => newToken(18));
  t.equal(new Set(tokens).size, tokens.length, 'no token repeats');
  t.ok(tokens.every((token) => /^[A-Za-z0-9_-]{24}$/.test(token)), '18 bytes are 24 base64url characters');
  t.match(newToken(), /^[A-Za-z0-9_-]{32}$/, 'the default is 24 bytes');
  t.match(newToken(5000), /^[A-Za-z0-9_-]{6667}$/, 'a size larger than the pool still works');
  const a = Buffer.from(newToken(48), 'base64url');
  const b = Buffer.from(newToken(48), 'base64url');
  t.not(a.toString('hex'), b.toString('hex'), 'two tokens in a row differ');
  t.notOk(a.equals(Buffer.alloc(48)), 'a token is not zeros (spent bytes are wiped, never handed out again)');
});
