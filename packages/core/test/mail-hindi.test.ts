// Mails in Hindi (issue 14): every mail core sends reads its texts from the mail catalogue, so a
// Hindi store's customers and a Hindi vendor get Hindi subjects and bodies, with order numbers
// and amounts in plain digits; English mails are exactly what they were before catalogues.
import { readFileSync } from 'node:fs';
import t from 'tap';
import * as mail from '../src/mail/index.js';
import { englishWords } from './support/english-words.js';
import { mailSamples } from './support/mail-samples.js';

const english = JSON.parse(readFileSync(new URL('./support/english-mails.json', import.meta.url), 'utf8')) as Record<string, mail.MailMessage>;
const hindi = mailSamples(mail, 'hi');

/** The words a person reads in a mail's text: links, addresses, typed values and the sample's own names taken out. */
function readable(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/Chai Corner|Masala Chai|Samosa|Size|Asha Rao|Park Street|Chrome on Android|Safari on iPhone|Ring twice|Out of stock|SAVE10/g, ' ');
}

t.test('English mails are exactly what they were, with or without locale: en', async (t) => {
  t.same(Object.keys(mailSamples(mail)).sort(), Object.keys(english).sort());
  t.same(mailSamples(mail), english, 'no locale given');
  t.same(mailSamples(mail, 'en'), english, "locale 'en'");
});

t.test('every Hindi mail has a Hindi subject and body, and no English sentence left', async (t) => {
  for (const [name, message] of Object.entries(hindi)) {
    t.match(message.subject, /[\u0900-\u097F]/, `${name}: the subject is in Devanagari`);
    t.same(englishWords(readable(message.subject)), [], `${name}: no English in the subject`);
    t.same(englishWords(readable(message.text)), [], `${name}: no English in the text`);
    t.match(message.text, /^नमस्ते,/, `${name}: greets in Hindi`);
    t.match(message.html, /<html lang="hi">/, `${name}: the HTML says its language`);
    t.notMatch(message.html, /copy this link|automatic message|Hello,/, `${name}: nor in the HTML's own lines`);
    t.not(message.subject, english[name]?.subject, `${name}: differs from English`);
  }
});

t.test('Hindi order mails keep order numbers and amounts in plain digits, from Intl hi-IN', async (t) => {
  const { newOrder, confirmation, confirmationUpi } = hindi;
  t.equal(newOrder?.subject, 'नया ऑर्डर #1234 · ₹1,013.00', 'number as typed, rupees in lakh grouping');
  t.match(newOrder?.text, 'Chai Corner को ₹1,013.00 का नया ऑर्डर #1234 मिला है।');
  t.match(newOrder?.text, '2 × Masala Chai (Size: 250 g) — ₹998.00');
  t.match(newOrder?.text, 'छूट (SAVE10): −₹100.00\nडिलीवरी: ₹40.00\nपैकेजिंग: ₹10.00\nकैश ऑन डिलीवरी शुल्क: ₹20.00\nGST शामिल: ₹47.62\nकुल: ₹1,013.00');
  t.match(newOrder?.text, 'भुगतान: कैश ऑन डिलीवरी');
  t.match(newOrder?.text, '2 Park Street, PIN 700016');
  t.match(newOrder?.text, 'ऑर्डर स्वीकार या अस्वीकार करने के लिए उसे खोलें:');
  t.match(newOrder?.html, '>ऑर्डर #1234 खोलें</a>');
  t.match(newOrder?.html, 'अगर बटन काम न करे');
  t.equal(confirmation?.subject, 'Chai Corner पर आपका ऑर्डर #1234');
  t.match(confirmation?.text, 'कृपया ₹1,013.00 तैयार रखें।');
  t.match(confirmation?.text, 'अपने ऑर्डर के बारे में कोई सवाल? Chai Corner को +919800000000 पर कॉल करें।');
  t.match(confirmation?.text, 'आपको यह ईमेल इसलिए मिला है क्योंकि आपने Chai Corner पर ऑर्डर करते समय यह पता दिया था।');
  t.match(confirmationUpi?.text, 'भुगतान: UPI। ₹1,013.00 का भुगतान कैसे करें');
  t.match(confirmationUpi?.text, 'स्टोर से पिकअप');
  t.notMatch(JSON.stringify(hindi), /1,234/, 'no order number grouped like an amount');
  t.notMatch(JSON.stringify(hindi), /[\u0966-\u096F]/, 'no Devanagari digits anywhere');
});

t.test('Hindi status mails say each status, and the store\'s reason', async (t) => {
  t.equal(hindi['status-accepted']?.subject, 'आपका ऑर्डर #1234 स्वीकार हो गया है · Chai Corner');
  t.equal(hindi['status-shipped']?.subject, 'आपका ऑर्डर #1234 रास्ते में है · Chai Corner');
  t.match(hindi['status-rejected']?.text, 'स्टोर का कारण: Out of stock');
  const subjects = new Set(Object.entries(hindi).filter(([name]) => name.startsWith('status-')).map(([, m]) => m.subject));
  t.equal(subjects.size, 6, 'six statuses, six subjects');
});

t.test('Hindi vendor mails: dates in hi-IN, the reset link\'s lifetime in digits', async (t) => {
  t.match(hindi['passwordChanged']?.text, 'आपके स्टोर खाते का पासवर्ड 3 मई 2025, 14:05 UTC को बदला गया।');
  t.match(hindi['newDevice']?.text, 'नेटवर्क पते 203.0.113.9 से, Chrome on Android का इस्तेमाल करके');
  t.notMatch(hindi['newDeviceNoAddress']?.text, /नेटवर्क पते/, 'no address line when none is known');
  t.match(hindi['passwordReset']?.text, 'अगले 30 मिनट में');
  t.match(hindi['accountClosed']?.text, 'स्टोर "Chai Corner" बंद कर दिए गए हैं');
  t.equal(hindi['passwordReset']?.subject, 'अपना पासवर्ड रीसेट करें');
});

t.test('what people typed is still escaped in Hindi HTML', async (t) => {
  const closed = mail.accountClosedMail({ to: 'a@example.com', storeName: '<b>"चाय"</b>', locale: 'hi' });
  t.notMatch(closed.html, /<b>/);
  t.match(closed.html, '&lt;b&gt;&quot;चाय&quot;&lt;/b&gt;');
});
