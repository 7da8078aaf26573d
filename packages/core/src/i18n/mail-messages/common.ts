import type { Translation } from '../translator.js';

// What every mail shares: the greeting, the button's fallback line, the closing lines, times.

export const en = {
  'mail.hello': 'Hello,',
  'mail.buttonFallback': 'If the button does not work, copy this link into your browser:',
  'mail.accountFooter': 'This is an automatic message about your store account.',
  'mail.customerFooter': 'You get this email because you gave this address with an order at {storeName}.',
  'mail.storeContact': 'Questions about your order? Call {storeName} at {storePhone}.',
  'mail.nothingToDo': 'If that was you, there is nothing more to do.',
  'mail.time': '{day}, {time} UTC',
} as const;

export const hi: Translation<typeof en> = {
  'mail.hello': 'नमस्ते,',
  'mail.buttonFallback': 'अगर बटन काम न करे, तो यह लिंक कॉपी करके अपने ब्राउज़र में खोलें:',
  'mail.accountFooter': 'यह आपके स्टोर खाते के बारे में एक स्वचालित संदेश है।',
  'mail.customerFooter': 'आपको यह ईमेल इसलिए मिला है क्योंकि आपने {storeName} पर ऑर्डर करते समय यह पता दिया था।',
  'mail.storeContact': 'अपने ऑर्डर के बारे में कोई सवाल? {storeName} को {storePhone} पर कॉल करें।',
  'mail.nothingToDo': 'अगर यह आपने ही किया था, तो आपको और कुछ करने की ज़रूरत नहीं है।',
  'mail.time': '{day}, {time} UTC',
};
