import type { Translation } from '@dukaan-kit/core/i18n';

// The error and not-found pages, and the explanations the plugin puts on them
// (hapi-plugin pages/error-page.ts picks `errors.why.*` by what went wrong).
export const en = {
  'errors.server.title': 'Something went wrong',
  'errors.server.text': 'Please try again in a moment.',
  'errors.client.title': 'That didn’t work',
  'errors.client.text': 'Please go back and try again.',
  'errors.notFound.title': 'Page not found',
  'errors.notFound.heading': 'We couldn’t find that page',
  'errors.notFound.text': 'The link may be mistyped, or the page may have moved.',
  'errors.home': 'Go to the home page',

  'errors.why.tooLargePhotos': 'That was too large to send. Each picture may be at most 5 MB, and a product may have 8.',
  'errors.why.tooLargeUpload': 'That was too large to send. Pictures may be at most 5 MB.',
  'errors.why.tooLargeForm': 'That form was too large to send. Please shorten what you typed and try again.',
  'errors.why.unreadableForm': 'That form could not be read. Please go back, reload the page and try again.',
  'errors.why.formExpired': 'This form has expired or did not come from this site. Please go back, reload the page and try again.',
  'errors.why.noShop': 'There is no shop at this link. Please check the address you were sent.',
  'errors.why.noProductPage': 'There is no such page of products.',
  'errors.why.productGone': '{store} does not have this product any more.',
  'errors.why.categoryGone': '{store} does not have this category any more.',
  'errors.why.orderGone': 'We could not find this order. Please check the link you were given.',
} as const;

export const hi: Translation<typeof en> = {
  'errors.server.title': 'कुछ गड़बड़ हो गई',
  'errors.server.text': 'कृपया थोड़ी देर में फिर कोशिश करें।',
  'errors.client.title': 'यह नहीं हो पाया',
  'errors.client.text': 'कृपया पीछे जाकर फिर कोशिश करें।',
  'errors.notFound.title': 'पेज नहीं मिला',
  'errors.notFound.heading': 'हमें यह पेज नहीं मिला',
  'errors.notFound.text': 'हो सकता है लिंक ग़लत लिखा हो, या पेज कहीं और चला गया हो।',
  'errors.home': 'होम पेज पर जाएँ',

  'errors.why.tooLargePhotos': 'यह भेजने के लिए बहुत बड़ा था। हर फ़ोटो ज़्यादा से ज़्यादा 5 MB की हो सकती है, और एक प्रोडक्ट की 8 फ़ोटो।',
  'errors.why.tooLargeUpload': 'यह भेजने के लिए बहुत बड़ा था। फ़ोटो ज़्यादा से ज़्यादा 5 MB की हो सकती है।',
  'errors.why.tooLargeForm': 'यह फ़ॉर्म भेजने के लिए बहुत बड़ा था। जो लिखा है उसे छोटा करके फिर कोशिश करें।',
  'errors.why.unreadableForm': 'यह फ़ॉर्म पढ़ा नहीं जा सका। कृपया पीछे जाएँ, पेज दोबारा लोड करें और फिर कोशिश करें।',
  'errors.why.formExpired': 'इस फ़ॉर्म का समय निकल गया है या यह इस साइट से नहीं आया। कृपया पीछे जाएँ, पेज दोबारा लोड करें और फिर कोशिश करें।',
  'errors.why.noShop': 'इस लिंक पर कोई दुकान नहीं है। कृपया आपको भेजा गया पता जाँचें।',
  'errors.why.noProductPage': 'प्रोडक्ट का ऐसा कोई पेज नहीं है।',
  'errors.why.productGone': '{store} के पास अब यह प्रोडक्ट नहीं है।',
  'errors.why.categoryGone': '{store} के पास अब यह कैटेगरी नहीं है।',
  'errors.why.orderGone': 'हमें यह ऑर्डर नहीं मिला। कृपया आपको मिला लिंक जाँचें।',
};
