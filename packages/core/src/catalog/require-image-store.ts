import type { CoreContext } from '../context.js';
import type { ImageStore } from './image-store.js';

/** The configured image store; a TypeError (a wiring bug, not a client's) when createDukaan got none. */
export function requireImageStore(context: Pick<CoreContext, 'images'>): ImageStore {
  if (!context.images) throw new TypeError('createDukaan was given no image store');
  return context.images;
}
