import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../src/index.js';

/** One request the receiver got, with whether its signature checked out against the secret in force. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  signed: boolean;
}

/** What the receiver answers for a request: a status (with optional headers), or `hang` to never answer. */
export type Answer = { status: number; headers?: Record<string, string> } | 'hang';

/**
 * A real HTTP receiver on loopback that checks each `Dukaan-Signature` with the secret of its path
 * (`state.secrets`, set once the webhook is created). `answer` decides each response (default 200).
 */
export async function startReceiver() {
  const received: Received[] = [];
  const hanging = new Set<() => void>();
  const state = {
    /** The secret each path's webhook signs with. */
    secrets: new Map<string, string>(),
    /** The receiver's time in unix seconds (a test on a manual clock sets it to that clock). */
    now: () => Math.floor(Date.now() / 1000),
    answer: (_request: { path: string; count: number }): Answer => ({ status: 200 }),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      let json = {} as Received['json'];
      try {
        json = JSON.parse(body) as Received['json'];
      } catch {
        // recorded as is
      }
      const header = request.headers['dukaan-signature'];
      received.push({ path, headers: request.headers, body, json, signed: verifyWebhookSignature(state.secrets.get(path) ?? '', body, typeof header === 'string' ? header : undefined, { now: state.now() }) });
      const answer = state.answer({ path, count: received.filter((r) => r.path === path).length });
      if (answer === 'hang') {
        hanging.add(() => response.destroy());
        return;
      }
      response.writeHead(answer.status, answer.headers ?? {});
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    state,
    port,
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    async close() {
      for (const end of hanging) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2026-03-01T10:00:00.000Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
