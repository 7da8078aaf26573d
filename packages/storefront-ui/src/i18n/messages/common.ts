import type { Translation } from '@dukaan-kit/core/i18n';

// Texts every page shares: the document, the layouts' headers and footers, the language chooser.
// English first; the Hindi must have exactly the same keys (a compile error otherwise), and
// test/i18n-catalogue.test.ts fails on a Hindi text left in English.
export const en = {
  'common.skipToContent': 'Skip to content',
  'common.poweredBy': 'Powered by dukaan-kit',
  'common.language': 'Language',
  'store.closedBanner': '{store} is closed right now and is not taking orders. Please check back later.',
  'store.questionsCall': 'Questions? Call {phone}',
  'dashboard.nav.label': 'Dashboard',
  'dashboard.nav.home': 'Home',
  'dashboard.nav.orders': 'Orders',
  'dashboard.nav.products': 'Products',
  'dashboard.nav.categories': 'Categories',
  'dashboard.nav.coupons': 'Coupons',
  'dashboard.nav.settings': 'Settings',
  'dashboard.nav.webhooks': 'Webhooks',
  'dashboard.nav.account': 'Account',
  'dashboard.nav.pending': '{count, plural, one {# order waiting} other {# orders waiting}}',
  'dashboard.viewStore': 'View store',
  'dashboard.logOut': 'Log out',
  'dashboard.fallbackTitle': 'Dashboard',
} as const;

export const hi: Translation<typeof en> = {
  'common.skipToContent': 'सीधे सामग्री पर जाएँ',
  'common.poweredBy': 'dukaan-kit द्वारा संचालित',
  'common.language': 'भाषा',
  'store.closedBanner': '{store} अभी बंद है और ऑर्डर नहीं ले रहा है। कृपया बाद में देखें।',
  'store.questionsCall': 'कोई सवाल? कॉल करें {phone}',
  'dashboard.nav.label': 'डैशबोर्ड',
  'dashboard.nav.home': 'होम',
  'dashboard.nav.orders': 'ऑर्डर',
  'dashboard.nav.products': 'प्रोडक्ट',
  'dashboard.nav.categories': 'कैटेगरी',
  'dashboard.nav.coupons': 'कूपन',
  'dashboard.nav.settings': 'सेटिंग्स',
  'dashboard.nav.webhooks': 'वेबहुक',
  'dashboard.nav.account': 'खाता',
  'dashboard.nav.pending': '{count, plural, one {# ऑर्डर बाकी} other {# ऑर्डर बाकी}}',
  'dashboard.viewStore': 'स्टोर देखें',
  'dashboard.logOut': 'लॉग आउट',
  'dashboard.fallbackTitle': 'डैशबोर्ड',
};
