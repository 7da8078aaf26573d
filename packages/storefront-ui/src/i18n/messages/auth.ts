import type { Translation } from '@dukaan-kit/core/i18n';

// Sign-up, login, the password and email links, and the account page's sign-in forms.
// `auth.error.*` are the form-level messages the plugin gives these pages back with.
export const en = {
  'auth.brand': 'dukaan-kit',
  'auth.field.email': 'Email',
  'auth.field.password': 'Password',
  'auth.field.storeName': 'Store name',
  'auth.field.slug': 'Store link',
  'auth.field.newPassword': 'New password',
  'auth.field.newEmail': 'New email',
  'auth.field.currentPassword': 'Current password',

  'auth.signup.title': 'Open your store',
  'auth.signup.lead': 'It takes a minute. Add products, share one link, take orders.',
  'auth.signup.passwordHint': 'At least 8 characters',
  'auth.signup.slugHint': '3–40 small letters, digits and hyphens, e.g. {example}. Left empty, we make one from the store name.',
  'auth.signup.submit': 'Create my store',
  'auth.signup.haveAccount': 'Already selling?',
  'auth.signup.logIn': 'Log in',

  'auth.login.title': 'Log in',
  'auth.login.submit': 'Log in',
  'auth.login.forgot': 'Forgot password?',
  'auth.login.newHere': 'New here?',
  'auth.login.openStore': 'Open your store',

  'auth.forgot.title': 'Forgot your password?',
  'auth.forgot.lead': 'Enter the email you log in with and we will send you a link to choose a new password.',
  'auth.forgot.submit': 'Send me a link',
  'auth.forgot.back': 'Back to log in',
  'auth.forgot.sentTitle': 'Check your inbox',
  'auth.forgot.sent': 'If an account uses that email address, we have sent it a link to choose a new password. The link works once, for 30 minutes.',
  'auth.forgot.sentLead': 'Nothing after a few minutes? Look in your spam folder, or ask again below.',
  'auth.forgot.again': 'Send another link',

  'auth.reset.title': 'Choose a new password',
  'auth.reset.lead': 'You will be logged out everywhere else, then you can log in with the new password.',
  'auth.reset.submit': 'Save new password',
  'auth.reset.invalidTitle': 'This link no longer works',
  'auth.reset.invalid': 'Password links work once, for 30 minutes. This one has expired or was already used.',
  'auth.reset.newLink': 'Get a new link',

  'auth.confirm.title': 'Confirm your new email',
  'auth.confirm.lead': 'From now on you will log in with this address, and account mail goes to it.',
  'auth.confirm.submit': 'Confirm new email',
  'auth.confirm.invalidTitle': 'This link no longer works',
  'auth.confirm.invalid': 'Confirmation links work once, for 24 hours. This one has expired or was already used.',
  'auth.confirm.askAgain': 'To change your email, ask again from your account.',
  'auth.confirm.account': 'Go to your account',

  'auth.account.emailTitle': 'Email',
  'auth.account.loggedInAs': 'You log in as {email}.',
  'auth.account.emailHint': 'We send a link to the new address; the change happens when you follow it. Your current address gets a notice.',
  'auth.account.emailSubmit': 'Send confirmation link',
  'auth.account.passwordTitle': 'Password',
  'auth.account.passwordHint': 'At least 8 characters. Your other devices are logged out; this one stays logged in.',
  'auth.account.passwordSubmit': 'Change password',


  'auth.error.wrongLogin': 'The email or password is not right.',
  'auth.error.mailUnavailable': 'This site cannot send mail yet, so a password cannot be reset by email. Please ask the people who run it.',
  'auth.error.emailTakenMeanwhile': 'Another account uses this email now, so yours cannot change to it.',
} as const;

export const hi: Translation<typeof en> = {
  'auth.brand': 'dukaan-kit',
  'auth.field.email': 'ईमेल',
  'auth.field.password': 'पासवर्ड',
  'auth.field.storeName': 'दुकान का नाम',
  'auth.field.slug': 'दुकान का लिंक',
  'auth.field.newPassword': 'नया पासवर्ड',
  'auth.field.newEmail': 'नया ईमेल',
  'auth.field.currentPassword': 'मौजूदा पासवर्ड',

  'auth.signup.title': 'अपनी दुकान खोलें',
  'auth.signup.lead': 'बस एक मिनट लगता है। प्रोडक्ट जोड़ें, एक लिंक शेयर करें, ऑर्डर लें।',
  'auth.signup.passwordHint': 'कम से कम 8 अक्षर',
  'auth.signup.slugHint': '3–40 छोटे अंग्रेज़ी अक्षर, अंक और हाइफ़न, जैसे {example}। खाली छोड़ें तो हम दुकान के नाम से बना देंगे।',
  'auth.signup.submit': 'मेरी दुकान बनाएँ',
  'auth.signup.haveAccount': 'पहले से बेच रहे हैं?',
  'auth.signup.logIn': 'लॉग इन करें',

  'auth.login.title': 'लॉग इन करें',
  'auth.login.submit': 'लॉग इन करें',
  'auth.login.forgot': 'पासवर्ड भूल गए?',
  'auth.login.newHere': 'यहाँ नए हैं?',
  'auth.login.openStore': 'अपनी दुकान खोलें',

  'auth.forgot.title': 'पासवर्ड भूल गए?',
  'auth.forgot.lead': 'जिस ईमेल से आप लॉग इन करते हैं, वह लिखें। हम नया पासवर्ड चुनने का लिंक भेज देंगे।',
  'auth.forgot.submit': 'मुझे लिंक भेजें',
  'auth.forgot.back': 'लॉग इन पर वापस जाएँ',
  'auth.forgot.sentTitle': 'अपना इनबॉक्स देखें',
  'auth.forgot.sent': 'अगर इस ईमेल पते से कोई खाता है, तो हमने उस पर नया पासवर्ड चुनने का लिंक भेज दिया है। लिंक एक बार, 30 मिनट तक काम करता है।',
  'auth.forgot.sentLead': 'कुछ मिनट बाद भी कुछ नहीं आया? स्पैम फ़ोल्डर देखें, या नीचे से फिर माँगें।',
  'auth.forgot.again': 'एक और लिंक भेजें',

  'auth.reset.title': 'नया पासवर्ड चुनें',
  'auth.reset.lead': 'बाकी हर जगह से आप लॉग आउट हो जाएँगे, फिर नए पासवर्ड से लॉग इन कर सकेंगे।',
  'auth.reset.submit': 'नया पासवर्ड सेव करें',
  'auth.reset.invalidTitle': 'यह लिंक अब काम नहीं करता',
  'auth.reset.invalid': 'पासवर्ड के लिंक एक बार, 30 मिनट तक काम करते हैं। इसका समय निकल गया है या इसका इस्तेमाल हो चुका है।',
  'auth.reset.newLink': 'नया लिंक पाएँ',

  'auth.confirm.title': 'अपने नए ईमेल की पुष्टि करें',
  'auth.confirm.lead': 'अब से आप इसी पते से लॉग इन करेंगे, और खाते की मेल इसी पर आएगी।',
  'auth.confirm.submit': 'नए ईमेल की पुष्टि करें',
  'auth.confirm.invalidTitle': 'यह लिंक अब काम नहीं करता',
  'auth.confirm.invalid': 'पुष्टि के लिंक एक बार, 24 घंटे तक काम करते हैं। इसका समय निकल गया है या इसका इस्तेमाल हो चुका है।',
  'auth.confirm.askAgain': 'ईमेल बदलने के लिए अपने खाते से फिर माँगें।',
  'auth.confirm.account': 'अपने खाते पर जाएँ',

  'auth.account.emailTitle': 'ईमेल',
  'auth.account.loggedInAs': 'आप {email} से लॉग इन करते हैं।',
  'auth.account.emailHint': 'हम नए पते पर एक लिंक भेजते हैं; लिंक खोलने पर ही ईमेल बदलेगा। आपके मौजूदा पते पर सूचना जाएगी।',
  'auth.account.emailSubmit': 'पुष्टि का लिंक भेजें',
  'auth.account.passwordTitle': 'पासवर्ड',
  'auth.account.passwordHint': 'कम से कम 8 अक्षर। आपके बाकी डिवाइस लॉग आउट हो जाएँगे; यह वाला लॉग इन रहेगा।',
  'auth.account.passwordSubmit': 'पासवर्ड बदलें',


  'auth.error.wrongLogin': 'ईमेल या पासवर्ड सही नहीं है।',
  'auth.error.mailUnavailable': 'यह साइट अभी मेल नहीं भेज सकती, इसलिए ईमेल से पासवर्ड नहीं बदला जा सकता। कृपया साइट चलाने वालों से पूछें।',
  'auth.error.emailTakenMeanwhile': 'अब इस ईमेल से कोई दूसरा खाता है, इसलिए आपका ईमेल इसमें नहीं बदल सकता।',
};
