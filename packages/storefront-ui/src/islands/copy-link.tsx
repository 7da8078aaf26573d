import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageValues } from '@dukaan-kit/core/i18n';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';

/** The texts the copy-link island shows. */
export type CopyLinkKey = 'order.share.copy' | 'order.share.copied' | 'order.share.copyByHand' | 'order.share.share' | 'order.share.whatsapp';

/** Every text the island may show: what a page passes to `useIslandMessages` for its `m`. */
export const copyLinkKeys: readonly CopyLinkKey[] = ['order.share.copy', 'order.share.copied', 'order.share.copyByHand', 'order.share.share', 'order.share.whatsapp'];

/** Props of the copy-link island. */
export interface CopyLinkProps {
  id: string;
  label: string;
  /** The text to copy: a link, or a secret such as a new API token. */
  url: string;
  /** The input's type: 'url' (default) for links, 'text' for anything else. */
  type?: 'url' | 'text';
  /** The texts in the page's language; without them, English (pages not translated yet). */
  m?: IslandMessages<CopyLinkKey>;
  /**
   * Offer to share the link too: the phone's share sheet (Web Share API) where the browser has
   * one, else a WhatsApp link, which also works without JavaScript.
   */
  share?: { title: string; text: string };
}

const english: Record<CopyLinkKey, string> = {
  'order.share.copy': 'Copy',
  'order.share.copied': 'Copied!',
  'order.share.copyByHand': 'Press Ctrl+C (or long-press) to copy',
  'order.share.share': 'Share',
  'order.share.whatsapp': 'Send on WhatsApp',
};

/** WhatsApp's own link to send a text to a chat the customer picks. */
export function whatsappShareUrl(text: string, url: string): string {
  return `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`;
}

/** A read-only link field with a Copy button (shown only with JavaScript); falls back to selecting the text. */
export function CopyLink({ id, label, url, type = 'url', m, share }: CopyLinkProps) {
  const t: (key: CopyLinkKey, values?: MessageValues) => string = m ? islandT(m) : (key) => english[key];
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  // Known only in the browser: the server renders the WhatsApp link, the island may swap it.
  const [canShare, setCanShare] = useState(false);
  useEffect(() => setCanShare(typeof navigator.share === 'function'), []);
  const selectText = () => {
    input.current?.focus();
    input.current?.select();
    setStatus(t('order.share.copyByHand'));
  };
  const copy = () => {
    if (!navigator.clipboard) return selectText();
    navigator.clipboard.writeText(url).then(() => setStatus(t('order.share.copied')), selectText);
  };
  const shareNow = () => {
    if (!share) return;
    // A cancelled share sheet rejects: nothing to say then.
    navigator.share({ title: share.title, text: share.text, url }).catch(() => {});
  };
  return (
    <div class="copy-link">
      <label for={id}>{label}</label>
      <div class="copy-link-row">
        {/* Preact types <input> as a union keyed on `type`; url and text take the same attributes. */}
        <input id={id} ref={input} type={type as 'url'} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn btn-secondary js-only" onClick={copy}>
          {t('order.share.copy')}
        </button>
      </div>
      {share && (
        <p class="share-row">
          {canShare ? (
            <button type="button" class="btn btn-secondary share-button" onClick={shareNow}>
              {t('order.share.share')}
            </button>
          ) : (
            <a class="btn btn-secondary share-whatsapp" href={whatsappShareUrl(share.text, url)} target="_blank" rel="noopener noreferrer">
              {t('order.share.whatsapp')}
            </a>
          )}
        </p>
      )}
      <p class="copy-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
