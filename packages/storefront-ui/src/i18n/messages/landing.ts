import type { Translation } from '@dukaan-kit/core/i18n';

// The landing page (`/` when the host opts in): what dukaan-kit is and the two ways in.
export const en = {
  'landing.title': 'dukaan-kit: your shop online in a minute',
  'landing.description': 'Open an online store in a minute: add products, share one link, take orders on WhatsApp and the web.',
  'landing.heading': 'Your shop, online in a minute',
  'landing.lead': 'Add your products, share one link with your customers, and take orders. They pay by UPI or cash on delivery.',
  'landing.points': 'What you get',
  'landing.point.link': 'One link for your shop, to share on WhatsApp',
  'landing.point.orders': 'Orders on your phone, with a tax invoice (GST) for each',
  'landing.point.delivery': 'Delivery by PIN code, or pickup from your shop',
  'landing.openStore': 'Open your store',
  'landing.logIn': 'Log in',
  'landing.haveStore': 'Already have a store?',
} as const;

export const hi: Translation<typeof en> = {
  'landing.title': 'dukaan-kit: एक मिनट में आपकी दुकान ऑनलाइन',
  'landing.description': 'एक मिनट में ऑनलाइन दुकान खोलें: प्रोडक्ट जोड़ें, एक लिंक शेयर करें, WhatsApp और वेब पर ऑर्डर लें।',
  'landing.heading': 'आपकी दुकान, एक मिनट में ऑनलाइन',
  'landing.lead': 'अपने प्रोडक्ट जोड़ें, ग्राहकों के साथ एक लिंक शेयर करें, और ऑर्डर लें। ग्राहक UPI से या डिलीवरी पर नकद (COD) पैसे देते हैं।',
  'landing.points': 'आपको क्या मिलता है',
  'landing.point.link': 'आपकी दुकान का एक लिंक, WhatsApp पर शेयर करने के लिए',
  'landing.point.orders': 'ऑर्डर आपके फ़ोन पर, हर ऑर्डर का GST टैक्स इनवॉइस',
  'landing.point.delivery': 'PIN कोड से डिलीवरी, या दुकान से पिकअप',
  'landing.openStore': 'अपनी दुकान खोलें',
  'landing.logIn': 'लॉग इन करें',
  'landing.haveStore': 'पहले से दुकान है?',
};
