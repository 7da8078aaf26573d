import type { Dukaan } from '@dukaan-kit/core';

/** What a counter needs of a test: a way to undo its spy when the test ends. */
interface Teardown {
  teardown(fn: () => void): void;
}

/**
 * Counts how often `dukaan` reads a store's public view (by slug or by id) until the test ends:
 * the pages and the store API must answer a cached page without it.
 */
export function countViewReads(t: Teardown, dukaan: Dukaan): { readonly count: number; reset(): void } {
  const { storefront } = dukaan;
  const { view, viewById } = storefront;
  let count = 0;
  storefront.view = (...args) => (count++, view(...args));
  storefront.viewById = (...args) => (count++, viewById(...args));
  t.teardown(() => {
    storefront.view = view;
    storefront.viewById = viewById;
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
