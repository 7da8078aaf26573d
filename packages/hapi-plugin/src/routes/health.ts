import type { ServerRoute } from '@hapi/hapi';
import type { Runtime } from '../runtime.js';

/** Liveness answers while the process runs; readiness only while the database and cache answer. */
export function healthRoutes(runtime: Runtime): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      options: { auth: false, tags: ['dukaan-kit'], description: 'Liveness' },
      handler: () => ({ status: 'ok' }),
    },
    {
      method: 'GET',
      path: '/readyz',
      options: { auth: false, tags: ['dukaan-kit'], description: 'Readiness: database and cache' },
      handler: async (request, h) => {
        try {
          await runtime.dukaan.ready();
          return { status: 'ready' };
        } catch (error) {
          request.log(['dukaan-kit', 'readiness', 'warn'], (error as Error).message);
          return h.response({ status: 'unavailable', reason: (error as Error).message }).code(503);
        }
      },
    },
  ];
}
