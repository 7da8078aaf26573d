// Password policy (issue 8 item 15, review follow-up): the checks look at a normalised copy
// (NFKC, invisible characters and whitespace removed, case-folded) and refuse blank, common,
// repetitive, sequential and context-built passwords; the stored password is never changed.
import t from 'tap';
import { signUpSchema } from '../src/vendors/schemas.js';
import { passwordProblem } from '../src/vendors/password-policy.js';
import { validate } from '../src/shared/validate.js';
import { ValidationFailedError } from '../src/errors.js';

function refusal(password: string, email = 'someone@example.com'): string | null {
  try {
    validate(signUpSchema, { email, password, storeName: 'Shop' });
    return null;
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const field = error.details.find((f) => f.path === 'password');
    return field ? field.message : null;
  }
}

t.test('common passwords are refused whatever spacing, width or case hides them', async (t) => {
  for (const password of ['password', 'Password', 'password ', ' password', 'password\t', 'ｐａｓｓｗｏｒｄ', 'PASS WORD', 'pass\u200bword', 'password123']) {
    t.match(refusal(password), /most commonly used/, JSON.stringify(password));
  }
});

t.test('blank after invisible characters and spaces are set aside', async (t) => {
  for (const password of ['        ', '\u200b'.repeat(8), '\u2800'.repeat(8), '\u3164'.repeat(8), '\u200b\u200c\u200d\u2060\ufeff\u00ad\u2800\u3164', '\t\n \u3000\u00a0   ']) {
    t.match(refusal(password), /only spaces or invisible characters/, JSON.stringify(password));
  }
});

t.test('repetitive passwords are refused', async (t) => {
  for (const password of ['aaaaaaaa', 'abcabcabc', '12341234', 'xyzqxyzq', 'ab ab ab ab', 'ababababab', 'zzzzzzzz9']) {
    t.equal(passwordProblem(password) === 'repetitive' || passwordProblem(password) === 'common', true, JSON.stringify(password));
  }
  t.match(refusal('qxqxqxqx'), /repeats one character or a short pattern/);
  t.match(refusal('9k2j9k2j'), /repeats one character or a short pattern/);
});

t.test('sequential passwords are refused', async (t) => {
  for (const password of ['12345678', 'abcdefgh', '87654321', 'hgfedcba', 'lmnopqrs', '3456abcd']) {
    t.ok(['sequential', 'common'].includes(passwordProblem(password) ?? ''), JSON.stringify(password));
  }
  t.match(refusal('lmnopqrs'), /is a sequence/);
  t.match(refusal('3456wxyz'), /is a sequence/);
});

t.test('context words: the site name and the email local part', async (t) => {
  t.match(refusal('dukaankit'), /this site's name or your email/);
  t.match(refusal('dukaan123'), /this site's name or your email/);
  t.match(refusal('DukaanKit!'), /this site's name or your email/);
  t.match(refusal('priyasharma', 'priyasharma@example.com'), /this site's name or your email/);
  t.match(refusal('priyasharma2024', 'PriyaSharma@example.com'), /this site's name or your email/);
  t.equal(refusal('priyasharma', 'someone.else@example.com'), null, 'not context for another email');
  t.equal(refusal('my dukaan sells chai'), null, 'a context word inside a real passphrase is fine');
});

t.test('good passwords still pass, and are stored as typed', async (t) => {
  for (const password of ['correct horse battery', 'long enough', 'chai-and-biscuits', 'a very secret password 42', '  spaced out phrase  ']) {
    t.equal(refusal(password), null, JSON.stringify(password));
  }
  const value = validate(signUpSchema, { email: 'a@example.com', password: '  spaced out phrase  ', storeName: 'Shop' });
  t.equal(value.password, '  spaced out phrase  ', 'never trimmed or normalised');
  const fullWidth = validate(signUpSchema, { email: 'a@example.com', password: 'ｃｈａｉ ａｎｄ ｍｏｒｅ', storeName: 'Shop' });
  t.equal(fullWidth.password, 'ｃｈａｉ ａｎｄ ｍｏｒｅ');
});
