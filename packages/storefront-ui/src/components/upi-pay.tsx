import { formatMoney } from '@dukaan-kit/core/pricing';

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
  const money = formatMoney(amount, currency);
  return (
    <div class="upi-pay">
      <h2 id="upi-pay-title">Pay {money} by UPI</h2>
      {isPlainSvg(upi.qrSvg) && (
        <div class="upi-qr" role="img" aria-label={`QR code to pay ${money} to ${storeName} by UPI`} dangerouslySetInnerHTML={{ __html: upi.qrSvg }} />
      )}
      <p class="upi-scan">On a computer? Scan this code with any UPI app on your phone (Google Pay, PhonePe, Paytm, BHIM…).</p>
      <p>
        <a class="btn btn-primary upi-button" href={upi.uri}>
          Pay with UPI app
        </a>
      </p>
      <p class="upi-id">
        UPI ID: <code>{upi.upiId}</code>
      </p>
      <p class="hint">After you pay, {storeName} confirms the payment and this page shows Paid.</p>
    </div>
  );
}
