import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { resolveStoreSlug } from '../storefront/resolve-store-slug.js';
import type { Order } from './order.js';

/** Tokens are base64url made by newToken; anything else cannot name an order, so no query is spent on it. */
const tokenShape = /^[\w-]{10,64}$/;

/** The order behind a customer's tracking link; NotFoundError for an unknown store or token. */
export async function getOrderByToken(context: CoreContext, slug: string, token: string): Promise<Order> {
  const { storeId } = await resolveStoreSlug(context, slug);
  const order = tokenShape.test(token) ? await context.persistence.orders.findByToken(storeId, token) : null;
  if (!order) throw new NotFoundError('Order not found');
  return order;
}
