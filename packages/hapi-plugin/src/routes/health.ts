import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import type { Runtime } from '../runtime.js';
import { healthBody, readyBody, unreadyBody } from './response-schemas.js';

/**
 * Readiness is core's ready(): the database and the cache, each bounded inside core (about a
 * second), so one slow reply does not flap the probe. No second, shorter timeout here.
 */
async function readyHandler(runtime: Runtime, request: Request, h: ResponseToolkit) {
  try {
    await runtime.dukaan.ready();
    return { status: 'ready' };
  } catch (error) {
    request.log(['dukaan-kit', 'readiness', 'warn'], (error as Error).message);
    return h.response({ status: 'unavailable', reason: (error as Error).message }).code(503);
  }
}

/** Liveness answers while the process runs; readiness only while the database and cache answer. */
export function healthRoutes(runtime: Runtime): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      options: {
        auth: false,
        tags: ['dukaan-kit', 'health'],
        description: 'Liveness',
        plugins: { 'dukaan-kit': { responses: { ok: { 200: { description: 'The process runs', body: healthBody } } } } },
      },
      handler: () => ({ status: 'ok' }),
    },
    {
      method: 'GET',
      path: '/readyz',
      options: {
        auth: false,
        tags: ['dukaan-kit', 'health'],
        description: 'Readiness: database and cache',
        plugins: {
          'dukaan-kit': {
            responses: { ok: { 200: { description: 'Ready', body: readyBody }, 503: { description: 'The database or the cache does not answer', body: unreadyBody } } },
          },
        },
      },
      handler: (request, h) => readyHandler(runtime, request, h),
    },
  ];
}
