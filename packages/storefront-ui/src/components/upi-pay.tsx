import { formatMoney } from '@dukaan-kit/core/pricing';
import { useT } from '../i18n/context.js';

/** What the customer needs to pay an order by UPI: built by the server from the store's UPI id and the order. */
export interface UpiPayView {
  /** `upi://pay?pa=…&pn=…&am=…&cu=INR&tn=…`: any UPI app on a phone opens it. */
  uri: string;
  /** The same URI as a QR code, an `<svg>` element generated on the server (no script, no external image). */
  qrSvg: string;
  /** The store's VPA, shown so it can be typed into an app by hand. */
  upiId: string;
}

/**
 * Only an SVG element goes into the page as markup. The server makes it with a QR library from
 * the pay URI (user text is encoded into modules, never into markup); this check keeps a future
 * caller from passing anything else through `dangerouslySetInnerHTML`.
 */
function isPlainSvg(svg: string): boolean {
  return /^<svg[\s>]/.test(svg.trimStart()) && !/<script|<foreignObject|\son\w+=|javascript:/i.test(svg);
}

/**
 * Pay by UPI: the amount, the QR code to scan with a phone, a button that opens a UPI app when
 * the page is on the phone itself, and the UPI id to type by hand.
 */
export function UpiPay({ upi, amount, currency, storeName }: { upi: UpiPayView; amount: number; currency: string; storeName: string }) {
  const t = useT();
  const money = formatMoney(amount, currency);
  return (
    <div class="upi-pay">
      <h2 id="upi-pay-title">{t('order.upi.title', { amount: money })}</h2>
      {isPlainSvg(upi.qrSvg) && (
        <div class="upi-qr" role="img" aria-label={t('order.upi.qrLabel', { amount: money, store: storeName })} dangerouslySetInnerHTML={{ __html: upi.qrSvg }} />
      )}
      <p class="upi-scan">{t('order.upi.scan')}</p>
      <p>
        <a class="btn btn-primary upi-button" href={upi.uri}>
          {t('order.upi.button')}
        </a>
      </p>
      <p class="upi-id">
        {t('order.upi.id')} <code>{upi.upiId}</code>
      </p>
      <p class="hint">{t('order.upi.after', { store: storeName })}</p>
    </div>
  );
}
