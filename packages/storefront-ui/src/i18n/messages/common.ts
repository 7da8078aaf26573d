import type { Translation } from '@dukaan-kit/core/i18n';

// Texts every page shares: the document, the store and auth layouts, the language chooser (the
// dashboard's frame is in dashboard.ts).
// English first; the Hindi must have exactly the same keys (a compile error otherwise), and
// test/i18n-catalogue.test.ts fails on a Hindi text left in English.
export const en = {
  'common.skipToContent': 'Skip to content',
  'common.poweredBy': 'Powered by dukaan-kit',
  'common.language': 'Language',
  'store.closedBanner': '{store} is closed right now and is not taking orders. Please check back later.',
  'store.questionsCall': 'Questions? Call {phone}',
  'common.flash.saved': 'Saved.',
  'common.flash.created': 'Added.',
  'common.flash.deleted': 'Deleted.',
  'common.flash.status': 'Order updated.',
  'common.flash.paid': 'Marked as paid.',
  'common.flash.refunded': 'Marked as refunded.',
  'common.flash.welcome': 'Your store is open. Add your first product, then share your link.',
  'common.flash.loggedOut': 'You have logged out.',
  'common.flash.passwordReset': 'Your password is changed, and every session ended. Log in with the new password.',
  'common.flash.passwordChanged': 'Your password is changed. Every other session has ended; we sent you a mail about it.',
  'common.flash.emailPending': 'We sent a confirmation link to the new address. Your email changes when you follow it.',
  'common.flash.emailChanged': 'Your email is changed. Log in with the new address from now on.',
  'common.flash.sessionEnded': 'That session has ended.',
  'common.flash.sessionsEnded': 'Every other session has ended.',
  'common.flash.tokenRevoked': 'The API token is revoked; it no longer works.',
  'common.flash.accountClosed': 'Your account is closed and your store is offline. We sent a last mail to confirm it.',
} as const;

export const hi: Translation<typeof en> = {
  'common.skipToContent': 'सीधे सामग्री पर जाएँ',
  'common.poweredBy': 'dukaan-kit द्वारा संचालित',
  'common.language': 'भाषा',
  'store.closedBanner': '{store} अभी बंद है और ऑर्डर नहीं ले रहा है। कृपया बाद में देखें।',
  'store.questionsCall': 'कोई सवाल? कॉल करें {phone}',
  'common.flash.saved': 'सेव हो गया।',
  'common.flash.created': 'जोड़ दिया गया।',
  'common.flash.deleted': 'हटा दिया गया।',
  'common.flash.status': 'ऑर्डर अपडेट हो गया।',
  'common.flash.paid': 'भुगतान मिला, दर्ज कर दिया।',
  'common.flash.refunded': 'पैसे लौटाए गए, दर्ज कर दिया।',
  'common.flash.welcome': 'आपकी दुकान खुल गई है। अपना पहला प्रोडक्ट जोड़ें, फिर अपना लिंक शेयर करें।',
  'common.flash.loggedOut': 'आप लॉग आउट हो गए हैं।',
  'common.flash.passwordReset': 'आपका पासवर्ड बदल गया है, और सभी सेशन बंद हो गए हैं। नए पासवर्ड से लॉग इन करें।',
  'common.flash.passwordChanged': 'आपका पासवर्ड बदल गया है। बाकी सभी सेशन बंद हो गए हैं; हमने आपको इसकी मेल भेजी है।',
  'common.flash.emailPending': 'हमने नए पते पर पुष्टि का लिंक भेजा है। उस लिंक को खोलने पर आपका ईमेल बदल जाएगा।',
  'common.flash.emailChanged': 'आपका ईमेल बदल गया है। अब से नए पते से लॉग इन करें।',
  'common.flash.sessionEnded': 'वह सेशन बंद हो गया है।',
  'common.flash.sessionsEnded': 'बाकी सभी सेशन बंद हो गए हैं।',
  'common.flash.tokenRevoked': 'API टोकन रद्द हो गया है; अब वह काम नहीं करेगा।',
  'common.flash.accountClosed': 'आपका खाता बंद हो गया है और आपकी दुकान ऑफ़लाइन है। इसकी पुष्टि के लिए हमने एक आख़िरी मेल भेजी है।',
};
