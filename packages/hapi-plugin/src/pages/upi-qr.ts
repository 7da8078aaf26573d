import { toString as qrToString } from 'qrcode';
import type { Request } from '@hapi/hapi';
import { NotFoundError, ValidationFailedError, type Order } from '@dukaan-kit/core';
import type { UpiPayView } from '@dukaan-kit/storefront-ui';
import type { Runtime } from '../runtime.js';

/**
 * A `upi://pay` URI as a QR code: an SVG element (two paths, about 1–3 KB for an order's URI),
 * drawn on the server so the page needs no script and no image request. Medium error correction
 * scans well from a phone screen and keeps the code small.
 */
export async function upiQrSvg(uri: string): Promise<string> {
  return (await qrToString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).trim();
}

/**
 * What the customer's order page needs to take a UPI payment, or null when nothing is to be paid
 * by UPI now (cash on delivery, already paid or refunded, an order that stopped, a store that
 * removed its UPI ID): core decides that and builds the URI; the QR code is drawn here.
 */
export async function upiPayFor(runtime: Runtime, slug: string, order: Pick<Order, 'token' | 'payment'>): Promise<UpiPayView | null> {
  // Skip the lookup for what can never show a QR code.
  if (order.payment.method !== 'upi' || order.payment.status !== 'pending') return null;
  const payment = await runtime.dukaan.storefront.paymentFor(slug, order.token);
  if (payment.method !== 'upi' || !payment.uri || !payment.upiId) return null;
  return { uri: payment.uri, upiId: payment.upiId, qrSvg: await upiQrSvg(payment.uri) };
}

/** What the order page says when the payment provider could not give a link (its `start()` failed). */
export const paymentLinkUnavailable = 'The payment link is not available right now; try again in a minute';

/**
 * `upiPayFor`, for the customer's order page: a payment provider that fails (a gateway outage,
 * a timeout) must not turn the page into an error. Its failure is logged as the plugin logs any
 * internal error (`request.log(['dukaan-kit', 'error'], …)`), and the page shows the order with
 * `paymentLinkUnavailable` instead of the pay link. An unknown order still throws (the caller
 * answers 404).
 */
export async function upiPayForPage(runtime: Runtime, request: Request, slug: string, order: Pick<Order, 'token' | 'payment'>): Promise<{ upi: UpiPayView | null; notice?: string }> {
  try {
    return { upi: await upiPayFor(runtime, slug, order) };
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ValidationFailedError) throw error;
    request.log(['dukaan-kit', 'error', 'payments'], error instanceof Error ? error : new Error(String(error)));
    return { upi: null, notice: paymentLinkUnavailable };
  }
}
