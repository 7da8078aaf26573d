// Each message says its thing in plain text and in HTML, with the link on a line of its own in the
// text, and nothing a person typed (an address, a store name, a device) can become markup.
import t from 'tap';
import {
  accountClosedMail,
  emailChangeConfirmMail,
  emailChangeNoticeMail,
  emailTakenMail,
  newDeviceMail,
  passwordChangedMail,
  passwordResetMail,
  type MailMessage,
} from '../src/mail/index.js';

const link = 'https://shop.example/reset-password?token=Ab3_xYz-9q&next=%2Fdashboard';
const at = '2025-05-03T14:05:09.123Z';

const messages: Array<[string, MailMessage, string | null]> = [
  ['password-reset', passwordResetMail({ to: 'asha@example.com', link, expiresInMinutes: 30 }), link],
  ['password-changed', passwordChangedMail({ to: 'asha@example.com', at, resetLink: 'https://shop.example/forgot-password' }), 'https://shop.example/forgot-password'],
  ['email-change-confirm', emailChangeConfirmMail({ to: 'new@example.com', link: 'https://shop.example/confirm-email?token=T0k', oldEmail: 'old@example.com' }), 'https://shop.example/confirm-email?token=T0k'],
  ['email-change-notice', emailChangeNoticeMail({ to: 'old@example.com', newEmail: 'new@example.com' }), null],
  ['email-taken', emailTakenMail({ to: 'taken@example.com' }), null],
  ['new-device', newDeviceMail({ to: 'asha@example.com', device: 'Chrome on Android', at, address: '203.0.113.9', sessionsLink: 'https://shop.example/dashboard/account' }), 'https://shop.example/dashboard/account'],
  ['account-closed', accountClosedMail({ to: 'asha@example.com', storeName: "Asha's Kitchen" }), null],
];

t.test('every message has its kind, recipient, a subject, text and HTML, and its link where it belongs', async (t) => {
  for (const [kind, message, expectedLink] of messages) {
    t.equal(message.kind, kind, `${kind}: kind`);
    t.ok(message.subject.length > 0 && message.subject.length < 60, `${kind}: a short subject`);
    t.match(message.html, /^<!doctype html>/, `${kind}: an HTML document`);
    t.notMatch(message.html, /<style|<script|src=/i, `${kind}: inline styles only, nothing to load`);
    if (expectedLink) {
      t.ok(message.text.split('\n').includes(expectedLink), `${kind}: the link alone on its line in the text`);
      t.ok(message.html.includes(`href="${expectedLink.replaceAll('&', '&amp;')}"`), `${kind}: the same link in the HTML`);
    } else {
      t.notMatch(message.text, /https?:\/\//, `${kind}: no link to follow`);
    }
  }
});

t.test('the facts each message needs are in it, in words a person reads', async (t) => {
  const [, reset] = messages[0] ?? [];
  t.match(reset?.text, /30 minutes/, 'the reset link says how long it works');
  t.match(passwordChangedMail({ to: 'a@example.com', at, resetLink: link }).text, /3 May 2025, 14:05 UTC/, 'a readable time');
  t.match(emailChangeConfirmMail({ to: 'n@example.com', link, oldEmail: 'old@example.com' }).text, /old@example\.com/, 'which account asks');
  t.match(emailChangeNoticeMail({ to: 'o@example.com', newEmail: 'new@example.com' }).text, /new@example\.com/, 'the new address, to the old one');
  const device = newDeviceMail({ to: 'a@example.com', device: 'Safari on iPhone', at, address: null, sessionsLink: link }).text;
  t.match(device, /Safari on iPhone/);
  t.notMatch(device, /network address/, 'no address line when none is known');
  t.match(accountClosedMail({ to: 'a@example.com', storeName: 'Chai Corner' }).text, /"Chai Corner"/);
});

t.test('what people typed is escaped in HTML and kept as typed in the text', async (t) => {
  const storeName = '<script>alert(1)</script> & "Co"';
  const closed = accountClosedMail({ to: 'a@example.com', storeName });
  t.notMatch(closed.html, /<script>/);
  t.match(closed.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;Co&quot;/);
  t.match(closed.text, storeName, 'the text is not HTML: nothing to escape');
  const device = newDeviceMail({ to: 'a@example.com', device: '<img src=x onerror=alert(1)>', at, address: null, sessionsLink: link });
  t.notMatch(device.html, /<img/);
});

t.test('a link that is not an absolute http(s) URL is refused, never rendered', async (t) => {
  t.throws(() => passwordResetMail({ to: 'a@example.com', link: 'javascript:alert(1)', expiresInMinutes: 30 }), TypeError);
  t.throws(() => passwordResetMail({ to: 'a@example.com', link: '/reset-password?token=x', expiresInMinutes: 30 }), TypeError);
});
