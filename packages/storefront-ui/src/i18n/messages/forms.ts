import type { Translation } from '@dukaan-kit/core/i18n';

// What the shared form parts say (components/form.tsx) and the field messages the plugin gives a
// form back with (hapi-plugin pages/forms.ts maps core's validation details onto these keys).
// A field message is shown next to its field, under the field's label, so it need not name the
// field; it says what to do, not what went wrong inside.
export const en = {
  'forms.optional': '(optional)',
  'forms.summary.title': 'Please check {count, plural, one {this field} other {these fields}}',
  'forms.summary.formTitle': 'That did not work',

  // By kind of problem, for any field.
  'forms.error.required': 'Fill this in',
  'forms.error.tooShort': '{limit, plural, one {Use at least # character} other {Use at least # characters}}',
  'forms.error.tooLong': '{limit, plural, one {Use at most # character} other {Use at most # characters}}',
  'forms.error.exactLength': '{limit, plural, one {Use exactly # character} other {Use exactly # characters}}',
  'forms.error.email': 'Enter an email like {example}',
  'forms.error.number': 'Enter a number',
  'forms.error.wholeNumber': 'Enter a whole number',
  'forms.error.atLeast': 'Enter {limit} or more',
  'forms.error.atMost': 'Enter {limit} or less',
  'forms.error.choose': 'Choose one of the options',
  'forms.error.format': 'Check what you typed: it is not in the right form',
  'forms.error.invisible': 'Remove the hidden characters from this',
  'forms.error.phone': 'Enter a 10-digit mobile number, or a number starting with + and the country code',
  'forms.error.link': 'Enter a web address starting with https://',
  'forms.error.date': 'Enter a date',
  'forms.error.unknownId': 'This is no longer available. Reload the page and try again',
  'forms.error.invalid': 'Check this and try again',
  'forms.error.tooMany': 'Too many attempts. Please try again in {seconds, plural, one {# second} other {# seconds}}.',

  // For the fields people meet first, in their words.
  'forms.error.email.required': 'Enter your email address',
  'forms.error.password.required': 'Enter your password',
  'forms.error.password.tooShort': 'Use at least {limit} characters',
  'forms.error.password.blank': 'Use letters, digits or symbols, not only spaces',
  'forms.error.password.common': 'This password is one of the most common ones. Choose one that is harder to guess',
  'forms.error.password.repetitive': 'This password repeats a character or a short pattern. Choose one that is harder to guess',
  'forms.error.password.sequential': 'This password is a sequence like 12345678 or abcdefgh. Choose one that is harder to guess',
  'forms.error.password.context': 'Do not build your password on your email or this site’s name. Choose another',
  'forms.error.storeName.required': 'Enter your store name',
  'forms.error.slug.format': 'Use only small letters a–z, digits and single hyphens, like {example}',
  'forms.error.slug.reserved': 'This link is kept for the site itself. Choose another',
  'forms.error.slug.taken': 'Another store uses this link. Choose another',
  'forms.error.email.taken': 'An account with this email already exists. Log in instead?',
} as const;

export const hi: Translation<typeof en> = {
  'forms.optional': '(ज़रूरी नहीं)',
  'forms.summary.title': 'कृपया {count, plural, one {यह जानकारी} other {ये जानकारियाँ}} जाँचें',
  'forms.summary.formTitle': 'यह नहीं हो पाया',

  'forms.error.required': 'यह भरें',
  'forms.error.tooShort': 'कम से कम {limit} अक्षर लिखें',
  'forms.error.tooLong': 'ज़्यादा से ज़्यादा {limit} अक्षर लिखें',
  'forms.error.exactLength': 'ठीक {limit} अक्षर लिखें',
  'forms.error.email': 'ईमेल इस तरह लिखें: {example}',
  'forms.error.number': 'कोई संख्या लिखें',
  'forms.error.wholeNumber': 'पूरी संख्या लिखें, दशमलव के बिना',
  'forms.error.atLeast': '{limit} या उससे ज़्यादा लिखें',
  'forms.error.atMost': '{limit} या उससे कम लिखें',
  'forms.error.choose': 'दिए गए विकल्पों में से एक चुनें',
  'forms.error.format': 'जो लिखा है उसे जाँचें: यह सही रूप में नहीं है',
  'forms.error.invisible': 'इसमें से छिपे हुए अक्षर हटाएँ',
  'forms.error.phone': '10 अंकों का मोबाइल नंबर लिखें, या + और देश के कोड से शुरू होने वाला नंबर',
  'forms.error.link': 'https:// से शुरू होने वाला वेब पता लिखें',
  'forms.error.date': 'तारीख़ लिखें',
  'forms.error.unknownId': 'यह अब उपलब्ध नहीं है। पेज दोबारा लोड करके फिर कोशिश करें',
  'forms.error.invalid': 'इसे जाँचकर फिर कोशिश करें',
  'forms.error.tooMany': 'बहुत बार कोशिश हो चुकी है। कृपया {seconds} सेकंड बाद फिर कोशिश करें।',

  'forms.error.email.required': 'अपना ईमेल पता लिखें',
  'forms.error.password.required': 'अपना पासवर्ड लिखें',
  'forms.error.password.tooShort': 'कम से कम {limit} अक्षर रखें',
  'forms.error.password.blank': 'अक्षर, अंक या चिह्न रखें, सिर्फ़ खाली जगह नहीं',
  'forms.error.password.common': 'यह सबसे आम पासवर्डों में से एक है। ऐसा पासवर्ड चुनें जिसका अंदाज़ा लगाना मुश्किल हो',
  'forms.error.password.repetitive': 'इस पासवर्ड में एक ही अक्षर या छोटा पैटर्न दोहराया गया है। ऐसा पासवर्ड चुनें जिसका अंदाज़ा लगाना मुश्किल हो',
  'forms.error.password.sequential': 'यह पासवर्ड 12345678 जैसा क्रम है। ऐसा पासवर्ड चुनें जिसका अंदाज़ा लगाना मुश्किल हो',
  'forms.error.password.context': 'पासवर्ड में अपना ईमेल या इस साइट का नाम न रखें। कोई दूसरा चुनें',
  'forms.error.storeName.required': 'अपनी दुकान का नाम लिखें',
  'forms.error.slug.format': 'सिर्फ़ छोटे अंग्रेज़ी अक्षर, अंक और बीच में एक-एक हाइफ़न रखें, जैसे {example}',
  'forms.error.slug.reserved': 'यह लिंक साइट के अपने काम के लिए है। कोई दूसरा चुनें',
  'forms.error.slug.taken': 'यह लिंक किसी और दुकान का है। कोई दूसरा चुनें',
  'forms.error.email.taken': 'इस ईमेल से खाता पहले से बना है। क्या लॉग इन करना चाहेंगे?',
};
