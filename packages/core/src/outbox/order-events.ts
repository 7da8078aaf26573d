import type { Product, ProductVariant, StockLine } from '../catalog/product.js';
import { summarizeVariants } from '../catalog/variant-summary.js';
import { toVendorProductView } from '../catalog/product-view.js';
import type { Order } from '../orders/order.js';
import { toVendorOrderView } from '../orders/order-view.js';
import type { Repositories } from '../persistence.js';
import type { OutboxEventInput, OutboxEventType } from './outbox-event.js';

/**
 * A product is low on stock when a sale takes it from above this many units to this many or
 * fewer (sold out included); the vendor's own stock edits never raise the alert.
 */
export const lowStockThreshold = 5;

/**
 * Writes an order event (`data.order` as the vendor API shows the order after the change, less
 * its tracking `token`: that is a bearer link to the customer's order page, and webhook receivers
 * and their logs must not hold it); call it inside the change's transaction.
 */
export async function recordOrderEvent(
  tx: Pick<Repositories, 'outbox'>,
  type: Extract<OutboxEventType, `order.${string}`>,
  order: Order,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await tx.outbox.add(orderEvent(type, order, extra));
}

/** The event recordOrderEvent writes, for a repository that writes it with the change itself. */
export function orderEvent(type: Extract<OutboxEventType, `order.${string}`>, order: Order, extra: Record<string, unknown> = {}): OutboxEventInput {
  return {
    type,
    storeId: order.storeId,
    orderId: order.id,
    productId: null,
    data: { order: webhookOrderView(order), ...extra },
    createdAt: order.updatedAt,
  };
}

/** The order as webhook payloads carry it: the vendor API's view without the tracking token. */
export function webhookOrderView(order: Order): Omit<ReturnType<typeof toVendorOrderView>, 'token'> {
  const { token: _token, ...view } = toVendorOrderView(order);
  return view;
}

/**
 * Writes `product.low_stock` for each variant this sale took across the threshold. `before`
 * holds the variants (with their products) as read before the stock was taken; `taken` the
 * units taken of each. `data.variantId` names the variant; the product view shows its stock after the sale.
 */
export async function recordLowStock(
  tx: Pick<Repositories, 'outbox'>,
  before: ReadonlyMap<string, { product: Product; variant: ProductVariant }>,
  taken: ReadonlyArray<StockLine>,
  currency: string,
  at: string,
): Promise<void> {
  for (const line of taken) {
    const found = before.get(line.variantId);
    if (!found || found.variant.stock === null) continue;
    const { product, variant } = found;
    const left = (variant.stock ?? 0) - line.quantity;
    if ((variant.stock ?? 0) <= lowStockThreshold || left > lowStockThreshold) continue;
    const variants = product.variants.map((v) => (v.id === variant.id ? { ...v, stock: left } : v));
    const after = { ...product, variants, ...summarizeVariants(product.options, variants), updatedAt: at };
    await tx.outbox.add({
      type: 'product.low_stock',
      storeId: product.storeId,
      orderId: null,
      productId: product.id,
      data: { product: toVendorProductView(after, currency), variantId: variant.id, options: { ...variant.options }, stock: left, threshold: lowStockThreshold },
      createdAt: at,
    });
  }
}
