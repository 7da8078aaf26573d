import { catalogChanged } from '../catalog/catalog-events.js';
import type { CoreContext } from '../context.js';

/**
 * A coupon was written: the store page shows current offers, so its cached copies (and the
 * cached store view) are replaced everywhere, as after a catalogue change.
 */
export function offersChanged(context: CoreContext, storeId: string): Promise<void> {
  return catalogChanged(context, storeId);
}
