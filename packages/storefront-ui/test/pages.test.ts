// Checks that hold for every page: the document shell, the mount prefix on
// every URL, CSRF crumbs on every POST form, labels, and scripts only with islands.
import t from 'tap';
import { renderPage, type PageView } from '../src/index.js';
import { attrValues, controls, forms, isLabelled } from './fixtures/html.js';
import { ctx, everyPage } from './fixtures/pages.js';

// The dashboard's home, orders and order pages show new orders live (the live-orders island); the
// product form has the photo picker, and each category row a Delete that asks (confirm-delete).
const withIslands = new Set(['store', 'product', 'checkout', 'order', 'dashboard', 'orders', 'order-detail', 'product-form']);
/** The account and webhooks pages have an island only while they show a new secret (with its copy button). */
const hasIsland = (view: PageView) =>
  withIslands.has(view.page) || (view.page === 'categories' && view.props.categories.length > 0) || (view.page === 'account' && view.props.newToken !== undefined) || (view.page === 'webhooks' && view.props.created !== undefined);

t.test('every page is a full document with title and stylesheet', async (t) => {
  for (const view of everyPage(ctx())) {
    const html = renderPage(view);
    t.ok(html.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8"/>'), view.page);
    t.match(html, /<title>[^<]+<\/title>/, `${view.page} title`);
    t.match(html, '<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    t.match(html, '<link rel="stylesheet" href="/static/app.TEST.css"/>', `${view.page} css`);
    t.ok(html.endsWith('</body></html>'));
  }
});

t.test('with basePath /shop every link, action and asset URL carries the prefix', async (t) => {
  for (const view of everyPage(ctx({ basePath: '/shop', csrfToken: 'crumb-xyz' }))) {
    const html = renderPage(view);
    const urls = [...attrValues(html, 'href'), ...attrValues(html, 'action'), ...attrValues(html, 'src')];
    t.ok(urls.length > 0, `${view.page} has URLs`);
    for (const url of urls) {
      if (url.startsWith('/')) t.ok(url === '/shop' || url.startsWith('/shop/') || url.startsWith('/shop?'), `${view.page}: ${url}`);
    }
    t.match(html, 'href="/shop/static/app.TEST.css"');
    for (const json of html.matchAll(/data-island="[^"]+">([\s\S]*?)<\/script>/g)) {
      const props = JSON.parse(json[1]!) as { basePath?: string };
      if ('basePath' in props) t.equal(props.basePath, '/shop', `${view.page} island gets the basePath`);
    }
  }
});

t.test('every POST form carries the CSRF crumb when there is one, and none otherwise', async (t) => {
  for (const view of everyPage(ctx({ csrfToken: 'crumb-xyz' }))) {
    const html = renderPage(view);
    for (const form of forms(html).filter((f) => f.startsWith('<form method="post"'))) {
      t.match(form, /^<form method="post"[^>]*><input type="hidden" name="crumb" value="crumb-xyz"\/>/, `${view.page}: ${form.slice(0, 80)}`);
    }
    if (view.page === 'checkout') {
      const props = JSON.parse(/data-island="checkout">([\s\S]*?)<\/script>/.exec(html)![1]!) as { csrfToken: string };
      t.equal(props.csrfToken, 'crumb-xyz', 'the checkout island re-renders the crumb');
    }
  }
  for (const view of everyPage(ctx({ csrfToken: null }))) t.notMatch(renderPage(view), 'name="crumb"', view.page);
});

t.test('every form control has a label', async (t) => {
  for (const view of everyPage(ctx())) {
    const html = renderPage(view);
    for (const tag of controls(html)) t.ok(isLabelled(html, tag), `${view.page}: ${tag}`);
  }
});

t.test('only pages with islands load the client script, exactly once', async (t) => {
  for (const view of everyPage(ctx({ basePath: '/shop' }))) {
    const html = renderPage(view);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    if (hasIsland(view)) {
      t.equal(scripts.filter((s) => s === '<script type="module" src="/shop/static/client.TEST.js">').length, 1, `${view.page} loads the client`);
      t.ok(scripts.every((s) => s.startsWith('<script type="module"') || s.startsWith('<script type="application/json" data-island=')), view.page);
      t.match(html, 'data-island-root=');
    } else {
      t.equal(scripts.length, 0, `${view.page} sends no script`);
    }
  }
});

t.test('dashboard pages are noindex; the store page is indexable', async (t) => {
  for (const view of everyPage(ctx())) {
    const html = renderPage(view);
    if (view.page === 'store' || view.page === 'product') t.notMatch(html, 'noindex', view.page);
    else t.match(html, '<meta name="robots" content="noindex"/>', view.page);
  }
});

// Issue 14: the landing page, the error pages and the form parts in both languages.
const hiCtx = () => ctx({ locale: 'hi', languageLinks: { en: '/?lang=en', hi: '/?lang=hi' } });

/** Latin words a reader sees (text, aria-label, placeholder, title, alt), but the allowed terms and `data`. */
function englishIn(html: string, data: string[] = []): string[] {
  const body = html.slice(html.indexOf('<body'));
  const attrs = [...body.matchAll(/\s(?:aria-label|placeholder|title|alt)="([^"]*)"/g)].map((m) => m[1]!);
  const texts = body
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  let all = [texts, ...attrs].join(' ');
  for (const d of [...data, 'dukaan-kit', 'name@example.com', 'chai-corner']) all = all.split(d).join(' ');
  const allowed = new Set(['upi', 'gst', 'pin', 'cod', 'whatsapp', 'mrp', 'english']);
  return (all.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? []).filter((w) => !allowed.has(w.toLowerCase()));
}

t.test('landing: what it is, "Open your store" to signup, "Log in", a language chooser', async (t) => {
  const html = renderPage({ page: 'landing', props: { ctx: ctx({ basePath: '/shop', languageLinks: { en: '/shop?lang=en', hi: '/shop?lang=hi' } }) } });
  t.match(html, '<h1>Your shop, online in a minute</h1>');
  t.match(html, '<a class="btn btn-primary" href="/shop/signup">Open your store</a>');
  t.match(html, 'href="/shop/login"');
  t.match(html, '<main class="landing-main" id="main">', 'the skip link has its target');
  t.match(html, /<nav class="lang-chooser" aria-label="Language">.*href="\/shop\?lang=hi"/);
  t.ok(html.indexOf('/shop/signup') < html.indexOf('landing-points'), 'the way in comes before the details');
  const hi = renderPage({ page: 'landing', props: { ctx: hiCtx() } });
  t.match(hi, '<html lang="hi">');
  t.match(hi, 'अपनी दुकान खोलें');
  t.same(englishIn(hi), [], 'no English left on the Hindi landing page');
});

t.test('error pages speak the page language; the big code is not read out', async (t) => {
  const notFound = renderPage({ page: 'not-found', props: { ctx: hiCtx() } });
  t.match(notFound, '<p class="big-code" aria-hidden="true">404</p>');
  t.match(notFound, '<h1>हमें यह पेज नहीं मिला</h1>');
  t.same(englishIn(notFound), []);
  const error = renderPage({ page: 'error', props: { ctx: hiCtx(), statusCode: 500 } });
  t.match(error, '<h1>कुछ गड़बड़ हो गई</h1>');
  t.same(englishIn(error), []);
  t.match(renderPage({ page: 'error', props: { ctx: ctx(), statusCode: 400 } }), '<h1>That didn’t work</h1>');
});

t.test('the form parts: "(optional)" and the summary in the page language, each message once', async (t) => {
  const hi = renderPage({ page: 'signup', props: { ctx: hiCtx(), values: { email: 'a@b.co' }, errors: { storeName: 'अपनी दुकान का नाम लिखें', form: 'बहुत बार कोशिश हो चुकी है।' } } });
  t.match(hi, '<span class="optional"> (ज़रूरी नहीं)</span>', 'the optional store link is marked in Hindi');
  t.match(hi, '<h2 id="signup-errors-title">कृपया यह जानकारी जाँचें</h2>');
  t.match(hi, '<a href="#signup-storeName">दुकान का नाम</a>', 'the summary links to the field by its label');
  t.equal(hi.split('अपनी दुकान का नाम लिखें').length - 1, 1, 'the field message is shown once, at the field');
  t.match(hi, '<p class="alert-text">बहुत बार कोशिश हो चुकी है।</p>', 'a message of no field is shown in the summary');
  t.same(englishIn(hi, ['a@b.co']), [], 'no English on the Hindi signup page');
  const two = renderPage({ page: 'signup', props: { ctx: ctx(), errors: { email: 'Enter your email address', password: 'Use at least 8 characters' } } });
  t.match(two, '<h2 id="signup-errors-title">Please check these fields</h2>');
  for (const message of ['Enter your email address', 'Use at least 8 characters']) t.equal(two.split(message).length - 1, 1, `"${message}" once`);
});

t.test('every auth page in Hindi: no English left, the chooser at the bottom', async (t) => {
  const c = hiCtx();
  const views: PageView[] = [
    { page: 'signup', props: { ctx: c } },
    { page: 'login', props: { ctx: c, next: '/dashboard' } },
    { page: 'forgot-password', props: { ctx: c } },
    { page: 'forgot-password', props: { ctx: c, sent: true } },
    { page: 'reset-password', props: { ctx: c, token: 'tok' } },
    { page: 'reset-password', props: { ctx: c, token: '', invalid: true } },
    { page: 'confirm-email', props: { ctx: c, token: 'tok' } },
    { page: 'confirm-email', props: { ctx: c, token: '', invalid: true } },
  ];
  for (const view of views) {
    const html = renderPage(view);
    t.same(englishIn(html), [], `${view.page}${'sent' in view.props || 'invalid' in view.props ? ' (second state)' : ''}`);
    t.match(html, '<nav class="lang-chooser" aria-label="भाषा">', `${view.page} has the chooser`);
  }
  t.match(renderPage(views[1]!), '<a class="btn btn-link" href="/forgot-password">पासवर्ड भूल गए?</a>', 'the forgot link is a 44 px target in Hindi too');
});
