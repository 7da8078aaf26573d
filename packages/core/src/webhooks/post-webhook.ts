import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { BlockedAddressError, checkPort, guardedLookup, hostOf, publicAddressesOf } from './address-guard.js';
import type { WebhookSettings } from './webhook-settings.js';

/** How one POST went: `ok` for a 2xx answer; `error` says why not, without the URL or the secret. */
export interface PostResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

const maxErrorLength = 200;

function describe(error: unknown): string {
  if (error instanceof BlockedAddressError) return `refused: the URL ${error.message}`;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof code === 'string' ? `connection failed: ${code}` : typeof message === 'string' ? message : 'delivery failed';
  return text.slice(0, maxErrorLength);
}

/**
 * POSTs `body` to `url` with `headers`, with Node's own client. Never follows a redirect (a 3xx
 * is a failure), never reads the answer's body (a receiver cannot make the dispatcher download
 * anything), gives up after `settings.timeoutMs`, and connects only to an address the guard let
 * through, checked again here at delivery time: the socket connects to the very address that was
 * checked, so a DNS answer that changes in between (DNS rebinding) cannot redirect it. Never rejects.
 */
export async function postWebhook(settings: WebhookSettings, url: string, headers: Record<string, string>, body: string): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('only http and https URLs are delivered');
    checkPort(settings, target);
    // An IP literal never goes through lookup: check it here; a name is checked by the lookup.
    const host = hostOf(target);
    if (isIP(host)) await publicAddressesOf(settings, host);
  } catch (error) {
    return { ok: false, statusCode: null, durationMs: elapsed(), error: describe(error) };
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' },
      // A fresh connection each time: a pooled socket would skip the guarded lookup.
      agent: false,
      lookup: guardedLookup(settings),
    });
    const timer = setTimeout(() => finish({ ok: false, statusCode: null, error: `timed out after ${settings.timeoutMs} ms` }), settings.timeoutMs);
    request.on('response', (response) => {
      const statusCode = response.statusCode ?? 0;
      response.destroy();
      const ok = statusCode >= 200 && statusCode < 300;
      const error = ok ? null : statusCode >= 300 && statusCode < 400 ? `HTTP ${statusCode}: redirects are not followed` : `HTTP ${statusCode}`;
      finish({ ok, statusCode, error });
    });
    request.on('error', (error) => finish({ ok: false, statusCode: null, error: describe(error) }));
    request.end(body);
  });
}
