import type { Server } from '@hapi/hapi';
import type { Runtime } from '../runtime.js';

/** HTML pages rendered from @dukaan-kit/storefront-ui (next step). */
export async function registerPages(_server: Server, _runtime: Runtime): Promise<void> {}
