import { useEffect, useState } from 'preact/hooks';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';

/** The texts of the share button. */
export const shareKeys = ['product.share', 'product.shareWhatsApp'] as const;

/** Props of the 'share' island on the product page. */
export interface ShareProps {
  /** The product page's absolute link. */
  url: string;
  title: string;
  /** The line sent before the link ("Kaju Katli at Chai Corner"). */
  text: string;
  m: IslandMessages<(typeof shareKeys)[number]>;
}

/** WhatsApp's share link: opens the app (or WhatsApp Web) with the message typed in. */
export function whatsAppLink(text: string, url: string): string {
  return `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`;
}

/**
 * "Share": the phone's own share sheet (Web Share API) where the browser has one, so a shopper
 * picks WhatsApp, Instagram or anything else; a WhatsApp link where it has not, and without
 * JavaScript (the link is what the server renders).
 */
export function Share({ url, title, text, m }: ShareProps) {
  const t = islandT(m);
  const [native, setNative] = useState(false);
  useEffect(() => setNative(typeof navigator.share === 'function'), []);
  const link = whatsAppLink(text, url);
  if (!native)
    return (
      <a class="btn btn-secondary share" href={link} target="_blank" rel="noopener noreferrer">
        {t('product.shareWhatsApp')}
      </a>
    );
  return (
    <button
      type="button"
      class="btn btn-secondary share"
      onClick={() => {
        navigator.share({ title, text, url }).catch((error: unknown) => {
          // The shopper closing the sheet is not a failure; anything else falls back to WhatsApp.
          if ((error as { name?: string } | null)?.name !== 'AbortError') window.open(link, '_blank', 'noopener');
        });
      }}
    >
      {t('product.share')}
    </button>
  );
}
