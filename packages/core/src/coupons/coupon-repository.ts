import type { ClaimResult, Coupon, CouponAtCheckout, CouponUse } from './coupon.js';

/**
 * The stores' coupons and their uses; every call is scoped to one store. `usedCount` is exact
 * wherever a Coupon is returned: a coupon with a limit keeps it as a counter (claim and release
 * move it), one that limits nothing has it counted from its use rows, because its checkouts
 * record a use without touching the coupon (OrderRepository.insertPlaced).
 */
export interface CouponRepository {
  /** Stores a new coupon; ConflictError on path 'code' when the store has the code already. */
  insert(coupon: Coupon): Promise<Coupon>;
  /**
   * Changes and returns the coupon; null when the store has no such coupon. ConflictError on 'code' as insert.
   * A coupon that limited nothing and gets a limit starts its counter at its recorded uses (after
   * waiting for checkouts recording one), unless the patch sets `usedCount` itself.
   */
  update(storeId: string, id: string, patch: Partial<Coupon>, at: string): Promise<Coupon | null>;
  /** Removes the coupon (its uses go with it; orders keep their discount); resolves whether it existed. */
  delete(storeId: string, id: string): Promise<boolean>;
  findById(storeId: string, id: string): Promise<Coupon | null>;
  /** By its code, which the caller has upper-cased. */
  findByCode(storeId: string, code: string): Promise<Coupon | null>;
  /**
   * By its code, for the checkout: `usedCount` is null for a coupon that limits nothing (its uses
   * are not counted there); the stored counter otherwise.
   */
  findForCheckout(storeId: string, code: string): Promise<CouponAtCheckout | null>;
  /** Newest first. */
  list(storeId: string): Promise<Coupon[]>;
  /** Active, started, not ended at `at`, not used up: the store page's offers, newest first. */
  listCurrent(storeId: string, at: string): Promise<Coupon[]>;
  /**
   * Takes one use, inside the checkout transaction and before the order is written: one
   * conditional UPDATE adds it (unless the usage limit is reached) and holds the coupon's row
   * lock until commit, so concurrent checkouts with the coupon count one after another; then
   * the per-phone limit counts this phone's uses, and firstOrderOnly looks for an earlier order
   * of the phone at the store that was not rejected or cancelled. A refusal takes the use back.
   */
  claim(coupon: CouponAtCheckout, phone: string): Promise<ClaimResult>;
  /** Records the claimed use for the order, once it is written (same transaction). */
  recordUse(use: CouponUse): Promise<void>;
  /**
   * Gives the order's use back (cancelled or rejected): deletes its use and lowers the counter of
   * a coupon with a limit (one without counts its rows). True when there was one.
   */
  release(storeId: string, orderId: string): Promise<boolean>;
}
