// The account pages of issue 10: password reset, email confirmation, account settings, closing.
import t, { type Test } from 'tap';
import { renderPage, type AccountPageProps } from '../src/index.js';
import { attrValues, forms, islandScript, tagWithId } from './fixtures/html.js';
import { apiTokens, checkoutDefaults, ctx, sessions, vendorCtx } from './fixtures/pages.js';

const crumbCtx = () => vendorCtx({ csrfToken: 'crumb-xyz', timeZone: 'UTC' });

function account(over: Partial<AccountPageProps> = {}): string {
  return renderPage({ page: 'account', props: { ctx: crumbCtx(), email: 'asha@example.com', sessions: sessions(), tokens: apiTokens(), ...over } });
}

/** The one form posting to `action`, or ''. */
function formFor(html: string, action: string): string {
  const found = forms(html).filter((f) => f.includes(` action="${action}"`));
  return found.length === 1 ? found[0]! : '';
}

/** Every form posts with the crumb first, so a test cannot pass on a page that forgot one. */
function assertCrumbs(t: Test, html: string) {
  const posts = forms(html).filter((f) => f.startsWith('<form method="post"'));
  t.ok(posts.length > 0, 'has post forms');
  for (const f of posts) t.match(f, /^<form method="post"[^>]*><input type="hidden" name="crumb" value="crumb-xyz"\/>/);
}

t.test('login links to "Forgot password?"; the dashboard navigation has Account', async (t) => {
  const login = renderPage({ page: 'login', props: { ctx: ctx() } });
  t.match(login, '<a class="btn btn-link" href="/forgot-password">Forgot password?</a>');
  const html = account();
  t.match(html, '<a href="/dashboard/account" aria-current="page">Account</a>');
  const dash = renderPage({ page: 'settings', props: { ctx: vendorCtx(), store: { name: 'S', slug: 's', description: '', logoUrl: null, phone: null, pickupAddress: '', currency: 'INR', deliveryFee: 0, freeDeliveryAbove: null, minOrderValue: 0, isOpen: true, autoAcceptOrders: false, paymentMethods: ['cod'], upiId: null, timeZone: 'Asia/Kolkata', newOrderEmails: true, locale: 'en', ...checkoutDefaults } } });
  t.match(dash, '<a href="/dashboard/account">Account</a>', 'not current on other pages');
});

t.test('forgot password: email form, errors beside the field and in a summary, then the same "check your inbox"', async (t) => {
  const html = renderPage({ page: 'forgot-password', props: { ctx: ctx({ csrfToken: 'crumb-xyz' }), values: { email: 'a"b@example.com' }, errors: { email: 'Enter a valid email', form: 'Too many tries; wait a minute' } } });
  const form = formFor(html, '/forgot-password');
  t.match(form, '<label for="forgot-email">Email</label>');
  const input = tagWithId(html, 'forgot-email') ?? '';
  t.match(input, 'type="email"');
  t.match(input, 'value="a&quot;b@example.com"', 'typed value kept, escaped');
  t.match(input, 'aria-describedby="forgot-email-error"');
  t.match(html, '<p class="field-error" id="forgot-email-error">Enter a valid email</p>');
  t.match(html, '<a href="#forgot-email">Email</a>', 'the summary names the field, linking to it');
  t.equal(html.split('Enter a valid email').length - 1, 1, 'the message itself is shown once, at the field');
  t.match(html, '<p class="alert-text">Too many tries; wait a minute</p>');
  assertCrumbs(t, html);
  const sent = renderPage({ page: 'forgot-password', props: { ctx: ctx(), sent: true } });
  t.match(sent, '<h1>Check your inbox</h1>');
  t.match(sent, 'If an account uses that email address');
  t.equal(forms(sent).length, 0, 'no form once sent');
  t.match(sent, '<a href="/login">Back to log in</a>');
});

t.test('reset password: hidden token, new password field; an invalid link offers a new one', async (t) => {
  const html = renderPage({ page: 'reset-password', props: { ctx: ctx({ csrfToken: 'crumb-xyz' }), token: 'abc"<def', errors: { password: 'That password is too common' } } });
  const form = formFor(html, '/reset-password');
  t.match(form, '<input type="hidden" name="token" value="abc&quot;&lt;def"/>', 'token posted back, escaped');
  t.match(form, '<label for="reset-password">New password</label>');
  const input = tagWithId(html, 'reset-password') ?? '';
  t.match(input, 'type="password"');
  t.match(input, 'autocomplete="new-password"');
  t.match(input, 'aria-invalid="true"');
  t.notMatch(input, 'value=');
  t.match(html, '<p class="field-error" id="reset-password-error">That password is too common</p>');
  t.match(html, '<a href="#reset-password">New password</a>');
  t.equal(html.split('That password is too common').length - 1, 1, 'shown once');
  assertCrumbs(t, html);
  const invalid = renderPage({ page: 'reset-password', props: { ctx: ctx(), token: 'used-token', invalid: true } });
  t.equal(forms(invalid).length, 0);
  t.notMatch(invalid, 'used-token', 'the dead token is not echoed');
  t.match(invalid, 'expired or was already used');
  t.match(invalid, 'href="/forgot-password">Get a new link</a>');
});

t.test('confirm email: a button posts the token; an invalid link says so', async (t) => {
  const html = renderPage({ page: 'confirm-email', props: { ctx: ctx({ csrfToken: 'crumb-xyz' }), token: 'tok&1', errors: { form: 'Another account uses that email now' } } });
  const form = formFor(html, '/confirm-email');
  t.match(form, '<input type="hidden" name="token" value="tok&amp;1"/>');
  t.match(form, '<button type="submit" class="btn btn-primary btn-block">Confirm new email</button>');
  t.match(html, '<p class="alert-text">Another account uses that email now</p>');
  assertCrumbs(t, html);
  const invalid = renderPage({ page: 'confirm-email', props: { ctx: ctx(), token: 'x', invalid: true } });
  t.equal(forms(invalid).length, 0);
  t.match(invalid, '<a href="/dashboard/account">Go to your account</a>');
});

t.test('account: email and password forms with labels, actions and no password echoed', async (t) => {
  const html = account({ form: 'email', values: { email: 'new@example.com', currentPassword: 'secret-typed' } });
  const email = formFor(html, '/dashboard/account/email');
  t.match(email, '<label for="change-email-email">New email</label>');
  t.match(email, '<label for="change-email-currentPassword">Current password</label>');
  t.match(tagWithId(html, 'change-email-email') ?? '', 'value="new@example.com"');
  t.match(html, 'You log in as <strong>asha@example.com</strong>');
  const password = formFor(html, '/dashboard/account/password');
  t.match(password, '<label for="change-password-currentPassword">Current password</label>');
  t.match(password, '<label for="change-password-newPassword">New password</label>');
  t.match(tagWithId(html, 'change-password-newPassword') ?? '', 'autocomplete="new-password"');
  t.notMatch(html, 'secret-typed', 'a typed password never comes back');
  for (const tag of html.match(/<input[^>]*type="password"[^>]*>/g) ?? []) t.notMatch(tag, 'value=');
  assertCrumbs(t, html);
  const ids = attrValues(html, 'id');
  t.same(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'ids are unique across the forms');
});

t.test('account: errors go beside the fields of their form only, with a summary there', async (t) => {
  const html = account({ form: 'password', errors: { currentPassword: 'The current password is not right', newPassword: 'At least 8 characters' } });
  const password = formFor(html, '/dashboard/account/password');
  t.match(tagWithId(html, 'change-password-currentPassword') ?? '', 'aria-invalid="true"');
  t.match(html, '<p class="field-error" id="change-password-currentPassword-error">The current password is not right</p>');
  t.match(html, '<a href="#change-password-newPassword">New password</a>');
  t.ok(html.indexOf('change-password-errors-title') < html.indexOf(password), 'summary above the form');
  t.notMatch(tagWithId(html, 'change-email-currentPassword') ?? '', 'aria-invalid', 'the email form is untouched');
  t.equal((html.match(/Please check these fields/g) ?? []).length, 1);
  const erase = account({ form: 'erase', values: { phone: '98&76 "x"' }, errors: { phone: 'Enter a phone number' } });
  t.match(tagWithId(erase, 'erase-customer-phone') ?? '', 'value="98&amp;76 &quot;x&quot;"');
  t.match(erase, '<p class="field-error" id="erase-customer-phone-error">Enter a phone number</p>');
  t.notMatch(tagWithId(erase, 'change-email-email') ?? '', 'value=', "another form's values are not used");
  const loose = account({ errors: { form: 'That session has already ended' } });
  t.match(loose, '<p class="alert-text">That session has already ended</p>', 'errors without a form show at the top');
  const notice = account({ notice: '3 orders erased' });
  t.match(notice, '<p class="notice" role="status">3 orders erased</p>');
});

t.test('account: sessions list this device without an End button, others with one, and end-all-others', async (t) => {
  const html = account();
  t.match(html, /<th scope="row">Chrome on Android<span class="tag tag-active">This device<\/span><\/th>/);
  t.notMatch(html, '/dashboard/account/sessions/ses-1/end', 'no End button for the current session');
  const end = formFor(html, '/dashboard/account/sessions/ses-2/end');
  t.match(end, '<button type="submit" class="btn btn-danger-outline" aria-label="End the session on Firefox on Windows">End</button>');
  t.ok(formFor(html, '/dashboard/account/sessions/ses-3/end'));
  t.match(formFor(html, '/dashboard/account/sessions/end-others'), 'End all other sessions');
  t.match(html, '<time datetime="2025-11-20T08:00:00.000Z">20 Nov 2025, 8:00 am</time>', 'dates in ctx.timeZone');
  t.match(html, /curl<\/th><td data-label="Logged in"><time[^>]*>[^<]*<\/time><\/td><td data-label="Last active"><span class="muted">—<\/span>/, 'never seen since login');
  const alone = account({ sessions: sessions().slice(0, 1) });
  t.notMatch(alone, 'end-others');
  t.match(alone, 'No other device is logged in.');
  const kolkata = account({ ctx: vendorCtx() });
  t.match(kolkata, '<time datetime="2025-11-20T08:00:00.000Z">20 Nov 2025, 1:30 pm</time>', 'default zone Asia/Kolkata');
});

t.test('account: API tokens table, revoke confirmed inside <details>, create form', async (t) => {
  const html = account();
  t.match(html, '<th scope="row">Stock sync</th><td><code>dk_Ab3xYz9q…</code></td>');
  t.match(html, /<th scope="row">Old script<\/th><td><span class="muted">—<\/span><\/td><td data-label="Created"><time[^>]*>[^<]*<\/time><\/td><td data-label="Last used"><span class="muted">Never<\/span>/);
  t.match(
    html,
    /<details class="confirm"><summary class="btn btn-danger-outline" aria-label="Revoke Stock sync">Revoke<\/summary><form method="post" action="\/dashboard\/account\/tokens\/tok-1\/revoke" class="confirm-body"><input type="hidden" name="crumb" value="crumb-xyz"\/><p>Apps using “Stock sync” stop working at once.<\/p><button type="submit" class="btn btn-danger">Yes, revoke “Stock sync”<\/button><\/form><\/details>/,
  );
  t.notMatch(html, '<details class="confirm" open', 'closed until asked');
  const create = formFor(html, '/dashboard/account/tokens');
  t.match(create, '<label for="create-token-name">Token name</label>');
  t.match(tagWithId(html, 'create-token-name') ?? '', 'maxlength="60"');
  const empty = account({ tokens: [] });
  t.match(empty, 'No API tokens yet.');
  t.ok(formFor(empty, '/dashboard/account/tokens'), 'the create form is there with no tokens');
});

t.test('account: the new token is shown once, read-only with the copy island, only when given', async (t) => {
  const secret = 'dk_Ab3xYz9qVerySecretPart';
  const html = account({ newToken: { name: 'Stock sync', token: secret } });
  t.match(html, '<div data-island-root="copy-link">');
  t.match(html, `<input id="new-token" type="text" readonly value="${secret}"/>`);
  t.match(html, '<label for="new-token">Token “Stock sync”</label>');
  t.same(JSON.parse(islandScript(html, 'copy-link') ?? 'null'), { id: 'new-token', label: 'Token “Stock sync”', url: secret, type: 'text' });
  t.match(html, 'This is the only time it is shown.');
  t.match(html, '<script type="module" src="/static/client.TEST.js"></script>');
  const later = account();
  t.notMatch(later, 'new-token"', 'no token box without newToken');
  t.notMatch(later, 'VerySecret');
  t.notMatch(later, '<script', 'no island, no script');
});

t.test('account: user-provided device strings and token names are escaped, in HTML and island JSON', async (t) => {
  const evil = '<img src=x onerror=alert(1)>';
  const html = account({
    sessions: [{ id: 'ses-"x', device: evil, createdAt: '2025-11-25T10:00:00.000Z', lastSeenAt: null, current: false }],
    tokens: [{ id: 't1', name: `</script>${evil}`, prefix: 'dk_<b>', createdAt: '2025-11-25T10:00:00.000Z', lastUsedAt: null }],
    newToken: { name: `</script>${evil}`, token: 'dk_x' },
    email: '"a"<b>@example.com',
  });
  t.notMatch(html, '<img src=x', 'no raw markup from a device or token name');
  t.notMatch(html, '<b>');
  t.match(html, '&lt;img src=x onerror=alert(1)>');
  t.match(html, 'action="/dashboard/account/sessions/ses-%22x/end"', 'ids encoded in URLs');
  t.match(html, '<code>dk_&lt;b>…</code>');
  const json = islandScript(html, 'copy-link') ?? '';
  t.notMatch(json, '</script>');
  t.equal((JSON.parse(json) as { label: string }).label, `Token “</script>${evil}”`);
});

t.test('account: your data posts for the export, links to the close page, and erases a customer by phone or email', async (t) => {
  const html = account();
  // A form post with the crumb, not a link: a GET could be followed from another site to spend the hourly exports.
  const download = formFor(html, '/dashboard/account/export');
  t.match(download, /^<form method="post" action="\/dashboard\/account\/export"[^>]*><input type="hidden" name="crumb" value="crumb-xyz"\/>/);
  t.match(download, '<button type="submit" class="btn btn-secondary">Download your data</button>');
  t.notMatch(html, 'href="/dashboard/account/export"', 'no link to the export');
  const mounted = renderPage({ page: 'account', props: { ctx: vendorCtx({ csrfToken: 'crumb-xyz', timeZone: 'UTC', basePath: '/shop' }), email: 'a@example.com', sessions: [], tokens: [] } });
  t.match(mounted, 'action="/shop/dashboard/account/export"', 'under the mount path');
  t.match(html, '<a class="btn btn-danger-outline" href="/dashboard/account/close">Close account…</a>');
  t.match(html, 'from your finished orders (delivered, rejected, cancelled or returned). Orders still open keep them until they are finished', 'says open orders are kept');
  const erase = formFor(html, '/dashboard/account/erase-customer');
  t.match(erase, '<label for="erase-customer-phone">Customer phone<span class="optional"> (optional)</span></label>');
  t.match(erase, '<label for="erase-customer-email">Customer email<span class="optional"> (optional)</span></label>');
  t.match(tagWithId(html, 'erase-customer-phone') ?? '', 'name="phone"');
  t.match(tagWithId(html, 'erase-customer-email') ?? '', 'name="email"');
});

t.test('close account: what goes and what stays for tax, password, a red button', async (t) => {
  const html = renderPage({ page: 'close-account', props: { ctx: crumbCtx(), storeName: 'Chai <Corner>', errors: { password: 'The current password is not right' } } });
  t.match(html, '<h2>Closing Chai &lt;Corner> cannot be undone</h2>');
  t.match(html, 'your store goes offline');
  t.match(html, 'product descriptions and pictures', 'says the catalogue details go too');
  t.match(html, 'Kept, because tax law requires it');
  t.match(formFor(html, '/dashboard/account/export'), '<button type="submit" class="btn btn-secondary">Download your data</button>', 'a copy first: the same download form');
  t.notMatch(html, 'href="/dashboard/account/export"');
  const form = formFor(html, '/dashboard/account/close');
  t.match(form, '<label for="close-password">Your password</label>');
  t.match(tagWithId(html, 'close-password') ?? '', 'autocomplete="current-password"');
  t.match(tagWithId(html, 'close-password') ?? '', 'aria-invalid="true"');
  t.match(html, '<p class="field-error" id="close-password-error">The current password is not right</p>');
  t.match(html, '<a href="#close-password">', 'the summary links to the field');
  t.match(form, '<button type="submit" class="btn btn-danger">Close my account</button>');
  t.match(form, '<a class="btn btn-secondary" href="/dashboard/account">Keep my account</a>');
  t.match(html, '<a href="/dashboard/account" aria-current="page">Account</a>');
  assertCrumbs(t, html);
});

t.test('account pages in Hindi: sessions, tokens, data rights, closing (names and data as typed)', async (t) => {
  const html = renderPage({ page: 'account', props: { ctx: vendorCtx({ csrfToken: 'crumb-xyz', timeZone: 'UTC', locale: 'hi' }), email: 'asha@example.com', sessions: sessions(), tokens: apiTokens() } });
  t.match(html, '<h1>खाता</h1>');
  t.match(html, '<h2 id="sessions-title">आप कहाँ-कहाँ लॉग इन हैं</h2>');
  t.match(html, 'aria-label="Windows पर Firefox का सेशन ख़त्म करें">ख़त्म करें</button>');
  t.match(html, '<h2 id="api-tokens-title">API टोकन</h2>');
  t.match(html, '<summary class="btn btn-danger-outline" aria-label="Stock sync रद्द करें">रद्द करें</summary>');
  t.match(html, '<h2 id="your-data-title">आपका डेटा</h2>');
  t.match(html, '>खाता बंद करें…</a>');
  const close = renderPage({ page: 'close-account', props: { ctx: vendorCtx({ csrfToken: 'crumb-xyz', locale: 'hi' }), storeName: 'Chai Corner' } });
  t.match(close, '<h2>Chai Corner बंद करना वापस नहीं होगा</h2>');
  t.match(close, '<label for="close-password">आपका पासवर्ड</label>');
  t.match(close, '>मेरा खाता रहने दें</a>');
});

t.test('webhooks in Hindi: the events named, the error of the event choice tied to its group', async (t) => {
  const html = renderPage({
    page: 'webhooks',
    props: { ctx: vendorCtx({ locale: 'hi' }), webhooks: [], eventTypes: ['order.placed', 'product.low_stock'], values: { url: 'https://example.com/h', events: [] }, errors: { events: 'Choose at least one event' } },
  });
  t.match(html, '<h1>वेबहुक</h1>');
  t.match(html, 'नया ऑर्डर आया (<code>order.placed</code>)');
  t.match(html, /<fieldset class="field webhook-events has-error" id="webhook-events" aria-describedby="webhook-events-error">/);
  t.match(html, '<p class="field-error" id="webhook-events-error">Choose at least one event</p>');
  t.match(html, '>वेबहुक जोड़ें</button>');
});
