export { diskImageStore } from './disk-image-store.js';
export type { DiskImageStoreOptions } from './disk-image-store.js';
