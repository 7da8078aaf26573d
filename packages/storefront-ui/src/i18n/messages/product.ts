import type { Translation } from '@dukaan-kit/core/i18n';

// The product page: breadcrumbs, gallery, option picker, stock and sharing. Buying texts (add to
// cart, steppers, sold out) are the store page's (store.ts), so a card and a product page agree.
export const en = {
  'product.breadcrumb': 'Breadcrumb',
  'product.descriptionFallback': 'Buy {name} from {store}.',
  'product.pictureAlt': '{name}, picture {index}',
  'product.pictures': 'Pictures',
  'product.picturesOf': 'Pictures of {name}',
  'product.pictureOf': 'Picture {index} of {count}',
  'product.onlyLeft': 'Only {count} left',
  'product.notAvailable': 'This combination is not available.',
  'product.valueSoldOut': '(sold out)',
  'product.valueUnavailable': '(not available)',
  'product.showChoice': 'Show this choice',
  'product.share': 'Share',
  'product.shareWhatsApp': 'Share on WhatsApp',
  'product.shareText': '{name} at {store}',
} as const;

export const hi: Translation<typeof en> = {
  'product.breadcrumb': 'आप यहाँ हैं',
  'product.descriptionFallback': '{store} से {name} खरीदें।',
  'product.pictureAlt': '{name}, तस्वीर {index}',
  'product.pictures': 'तस्वीरें',
  'product.picturesOf': '{name} की तस्वीरें',
  'product.pictureOf': 'तस्वीर {index} / {count}',
  'product.onlyLeft': 'सिर्फ़ {count} बचे हैं',
  'product.notAvailable': 'यह विकल्प उपलब्ध नहीं है।',
  'product.valueSoldOut': '(स्टॉक खत्म)',
  'product.valueUnavailable': '(उपलब्ध नहीं)',
  'product.showChoice': 'यह विकल्प दिखाएँ',
  'product.share': 'शेयर करें',
  'product.shareWhatsApp': 'WhatsApp पर शेयर करें',
  'product.shareText': '{store} पर {name}',
};
