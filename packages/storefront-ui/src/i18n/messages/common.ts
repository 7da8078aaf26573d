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
} as const;

export const hi: Translation<typeof en> = {
  'common.skipToContent': 'सीधे सामग्री पर जाएँ',
  'common.poweredBy': 'dukaan-kit द्वारा संचालित',
  'common.language': 'भाषा',
  'store.closedBanner': '{store} अभी बंद है और ऑर्डर नहीं ले रहा है। कृपया बाद में देखें।',
  'store.questionsCall': 'कोई सवाल? कॉल करें {phone}',
};
