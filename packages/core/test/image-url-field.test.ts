// logoUrl (issue 8 item 14, review follow-up): site-relative values are resolved as a browser
// would (WHATWG URL); one that lands off the site, or on a `//host` path, is refused, and the
// normalised path is what gets stored.
import t from 'tap';
import Joi from 'joi';
import { imageUrlField } from '../src/shared/fields.js';
import { validate } from '../src/shared/validate.js';

const schema = Joi.object({ logoUrl: imageUrlField.label('Logo URL') });
const check = (logoUrl: string) => {
  try {
    return { ok: true as const, value: validate(schema, { logoUrl }).logoUrl as string };
  } catch {
    return { ok: false as const };
  }
};

t.test('paths that resolve to another host are refused', async (t) => {
  for (const value of [
    '/..//evil.example/x.png',
    '/.//evil.example',
    '/./..//evil.example/x',
    '/a/../..//evil.example',
    '/%2e%2e//evil.example/x',
    '/%2E//evil.example',
    '//evil.example/x.png',
    '/\\evil.example',
    '/\tevil',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'https:///evil.example',
    'ftp://example.com/x.png',
  ]) {
    t.notOk(check(value).ok, JSON.stringify(value));
  }
});

t.test('site-relative paths are stored normalised, with their query', async (t) => {
  t.same(check('/media/logo.png'), { ok: true, value: '/media/logo.png' });
  t.same(check('/media/./a/../logo.png?v=2'), { ok: true, value: '/media/logo.png?v=2' });
  t.same(check('/../media/logo.png'), { ok: true, value: '/media/logo.png' });
  t.same(check('/media/logo.png#frag'), { ok: true, value: '/media/logo.png' });
});

t.test('absolute http(s) URLs are kept as written', async (t) => {
  t.same(check('https://cdn.example.com/logo.png'), { ok: true, value: 'https://cdn.example.com/logo.png' });
  t.same(check('http://cdn.example.com/a/../logo.png'), { ok: true, value: 'http://cdn.example.com/a/../logo.png' });
});
