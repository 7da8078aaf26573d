import type { CategoryRepository } from './catalog/category-repository.js';
import type { CouponRepository } from './coupons/coupon-repository.js';
import type { ProductRepository } from './catalog/product-repository.js';
import type { OrderRepository } from './orders/order-repository.js';
import type { OutboxRepository } from './outbox/outbox-repository.js';
import type { AccountTokenRepository } from './vendors/account-token-repository.js';
import type { SessionRepository, ApiTokenRepository } from './vendors/session-repository.js';
import type { StoreRepository } from './vendors/store-repository.js';
import type { VendorRepository } from './vendors/vendor-repository.js';
import type { WebhookRepository } from './webhooks/webhook-repository.js';

/** Every repository, bound to one connection or one transaction. */
export interface Repositories {
  vendors: VendorRepository;
  stores: StoreRepository;
  categories: CategoryRepository;
  products: ProductRepository;
  orders: OrderRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  /** Single-use tokens of mailed links (password reset, email change). */
  accountTokens: AccountTokenRepository;
  /** Events for webhooks and mail, written in the transaction of their change. */
  outbox: OutboxRepository;
  /** The stores' webhooks (their deliveries live in the outbox). */
  webhooks: WebhookRepository;
  /** Coupon codes and their uses. */
  coupons: CouponRepository;
}

/** The database port: repositories outside a transaction, and a way to run work inside one. */
export interface Persistence extends Repositories {
  /**
   * Runs `work` in one transaction with repositories bound to it: commits when it resolves,
   * rolls back and rethrows when it throws. Concurrent transactions never see each other's
   * uncommitted writes.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes every connection. */
  close(): Promise<void>;
}
