// Issue 14: the sign-in pages and the error pages in the visitor's language, field messages
// written for a person (once each), and the opt-in landing page.
import t from 'tap';
import { i18nOf } from '@dukaan-kit/storefront-ui';
import { fieldErrors } from '../src/pages/forms.js';
import { fieldMessage } from '../src/pages/field-messages.js';
import { Browser } from './support/pages.js';
import { serverVariants } from './support/server.js';

/** The visible text of a page body: tags dropped, entities of quotes decoded. */
const text = (html: string) =>
  html
    .slice(html.indexOf('<body'))
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

/** English words left in a Hindi page's text, but the allowed terms and `data`. */
function englishIn(html: string, data: string[] = []): string[] {
  let all = text(html);
  for (const d of [...data, 'dukaan-kit', 'name@example.com', 'chai-corner', 'English']) all = all.split(d).join(' ');
  const allowed = new Set(['upi', 'gst', 'pin', 'cod', 'whatsapp', 'mrp']);
  return (all.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? []).filter((w) => !allowed.has(w.toLowerCase()));
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

t.test('core texts map to person-readable messages; unknown ones pass through', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['storeName', 'Store name is not allowed to be empty', 'Enter your store name'],
    ['email', 'Email is required', 'Enter your email address'],
    ['email', 'Email must be a valid email', 'Enter an email like name@example.com'],
    ['password', 'Password length must be at least 8 characters long', 'Use at least 8 characters'],
    ['newPassword', 'Password length must be at least 8 characters long', 'Use at least 8 characters'],
    ['password', 'Password is one of the most commonly used passwords, which attackers try first; choose another', 'This password is one of the most common ones. Choose one that is harder to guess'],
    ['slug', 'Store link may use only a-z, 0-9 and single hyphens between them', 'Use only small letters a–z, digits and single hyphens, like chai-corner'],
    ['slug', 'Store link "login" is reserved; choose another', 'This link is kept for the site itself. Choose another'],
    ['slug', 'This store link is already taken', 'Another store uses this link. Choose another'],
    ['email', 'This email is already registered', 'An account with this email already exists. Log in instead?'],
    ['slug', 'Store link length must be at least 3 characters long', 'Use at least 3 characters'],
    ['name', 'Name length must be less than or equal to 120 characters long', 'Use at most 120 characters'],
    ['phone', 'Phone number must be a 10-digit mobile number or an international number like +14155550100', 'Enter a 10-digit mobile number, or a number starting with + and the country code'],
    ['stock', 'Stock must be greater than or equal to 0', 'Enter 0 or more'],
    ['price', 'Price must be a number', 'Enter a number'],
    ['currentPassword', 'Current password is required', 'Fill this in'],
  ];
  for (const [path, message, person] of cases) {
    t.equal(fieldErrors([{ path, message }])[path === 'newPassword' ? 'newPassword' : path], person, message);
    const known = fieldMessage({ path, message });
    t.ok(known, `${message}: known`);
    // Every key the mapping can give exists in Hindi too (the translator throws on a missing one).
    t.doesNotThrow(() => i18nOf('hi').t(known!.key, known!.values));
    t.same(englishIn(`<body>${fieldErrors([{ path, message }], undefined, 'hi')[path]}`), [], `${message}: Hindi`);
  }
  t.same(fieldErrors([{ path: 'variants', message: 'List the variants to sell for these options' }]), { variants: 'List the variants to sell for these options' }, 'a text of an unknown kind is kept');
  t.same(fieldErrors([{ path: 'a', message: 'A is required' }, { path: 'a', message: 'A must be a number' }]), { a: 'Fill this in' }, 'the first per field');
  t.same(fieldErrors([{ path: 'x.y', message: 'Y is required' }], () => null), { form: 'Fill this in' }, 'renamed to form');
  for (const path of ['constructor', 'toString', '__proto__', 'a.hasOwnProperty']) {
    t.doesNotThrow(() => fieldMessage({ path, message: 'X is required' }), `a path named ${path} is no field of ours, and no failure`);
  }
});

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open({ plugin: { landingPage: true } });
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('signup errors: written for a person, each once, beside its field', async (t) => {
      const browser = new Browser(server);
      await browser.get('/signup');
      const bad = await browser.post('/signup', { email: 'not-an-email', password: 'short', storeName: '', slug: 'Bad Slug!' });
      t.equal(bad.statusCode, 400);
      const messages = {
        email: 'Enter an email like name@example.com',
        password: 'Use at least 8 characters',
        storeName: 'Enter your store name',
        slug: 'Use only small letters a–z, digits and single hyphens, like chai-corner',
      };
      for (const [field, message] of Object.entries(messages)) {
        t.match(bad.payload, `<p class="field-error" id="signup-${field}-error">${message}</p>`, field);
        t.equal(count(bad.payload, message), 1, `${field}: shown once`);
        t.match(bad.payload, `<a href="#signup-${field}">`, `${field}: the summary links to it`);
      }
      t.notMatch(bad.payload, /length must be|is not allowed to be empty|must be a valid email/, "no library's wording");
    });

    t.test('the same in Hindi, by Accept-Language or ?lang=hi; the chooser links both', async (t) => {
      const browser = new Browser(server);
      const form = await browser.get('/signup', { 'accept-language': 'hi-IN,hi;q=0.9,en;q=0.5' });
      t.match(form.payload, '<html lang="hi">');
      t.match(form.payload, 'href="/signup?lang=en"', 'the chooser');
      t.same(englishIn(form.payload), []);
      const bad = await browser.post('/signup', { email: 'not-an-email', password: 'short', storeName: '', slug: '' }, { headers: { 'accept-language': 'hi' } });
      t.equal(bad.statusCode, 400);
      t.match(bad.payload, '<p class="field-error" id="signup-storeName-error">अपनी दुकान का नाम लिखें</p>');
      t.match(bad.payload, 'कम से कम 8 अक्षर रखें');
      t.same(englishIn(bad.payload, ['not-an-email']), [], 'no English on the Hindi signup errors');
      const loggedOut = await new Browser(server).get('/login?done=logged-out&lang=hi');
      t.match(loggedOut.payload, '<div class="flash" role="status">आप लॉग आउट हो गए हैं।</div>', 'the message after a redirect too');
      const login = await new Browser(server).get('/login?lang=hi');
      t.match(login.payload, 'पासवर्ड भूल गए?');
      t.match(login.headers['set-cookie']?.toString() ?? '', 'dukaan_lang=hi', 'the choice is remembered');
      const wrong = await browser.post('/login?lang=hi', { email: 'nobody@example.com', password: 'whatever it is' });
      t.equal(wrong.statusCode, 401);
      t.match(wrong.payload, 'ईमेल या पासवर्ड सही नहीं है।');
      t.same(englishIn(wrong.payload, ['nobody@example.com']), []);
      for (const path of ['/forgot-password?lang=hi', '/reset-password?token=nope&lang=hi', '/confirm-email?token=nope&lang=hi']) {
        const page = await new Browser(server).get(path);
        t.same(englishIn(page.payload), [], path);
        t.match(page.payload, '<nav class="lang-chooser"', `${path}: chooser`);
      }
    });

    t.test('the error pages speak the visitor language, a known explanation translated', async (t) => {
      const missing = await server.inject({ url: '/no-such-shop-here', headers: { 'accept-language': 'hi' } });
      t.equal(missing.statusCode, 404);
      t.match(missing.payload, '<html lang="hi">');
      t.match(missing.payload, 'इस लिंक पर कोई दुकान नहीं है।');
      t.same(englishIn(missing.payload), []);
      t.match(missing.payload, 'href="/no-such-shop-here?lang=en"', 'a GET error page has the chooser');
      const english = await server.inject('/no-such-shop-here');
      t.match(english.payload, 'There is no shop at this link.');
    });

    t.test('landing page at / when the host opts in, in both languages', async (t) => {
      const home = await server.inject('/');
      t.equal(home.statusCode, 200);
      t.match(home.payload, '<a class="btn btn-primary" href="/signup">Open your store</a>');
      t.match(home.payload, 'href="/login"');
      t.notOk(home.headers['set-cookie'], 'no cookie for a page without forms');
      t.match(String(home.headers['vary']), /accept-language/);
      const hi = await server.inject({ url: '/', headers: { 'accept-language': 'hi' } });
      t.match(hi.payload, 'अपनी दुकान खोलें');
      t.same(englishIn(hi.payload), []);
    });
  });
}

t.test('without landingPage, / is left to the host', async (t) => {
  const fixture = await serverVariants()[0]!.open();
  t.teardown(() => fixture.close());
  t.equal((await fixture.server.inject('/')).statusCode, 404);
});
