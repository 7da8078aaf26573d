export { keyvCache } from './keyv-cache.js';
export type { KeyvCacheOptions } from './keyv-cache.js';
export { noCache } from './no-cache.js';
