// A small HTTP client for loopback tests: one request per fresh connection (no
// keep-alive, so a killed server never leaves a reused dead socket behind), a
// bound on every request, and no automatic decompression or redirects.
import http from 'node:http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON (throws when it is not JSON). */
  json<T = any>(): T;
}

export interface RequestOptions {
  method?: string;
  headers?: http.OutgoingHttpHeaders;
  /** Sent as application/json. */
  json?: unknown;
  /** Default 10 s. */
  timeoutMs?: number;
}

/** `base` is e.g. http://127.0.0.1:8080; rejects on a connection error or the timeout. */
export function request(base: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  const url = new URL(path, base);
  const body = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
  const headers: http.OutgoingHttpHeaders = { ...options.headers };
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = body.length;
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => {
          if (!settled) reject(error);
          settled = true;
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error(`timeout: ${req.method} ${url.href}`)));
    req.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    req.end(body);
  });
}

/** `name=value` pairs of every Set-Cookie, ready for a Cookie header. */
export function cookiesOf(reply: Reply): string {
  const setCookie = reply.headers['set-cookie'] ?? [];
  return setCookie.map((c) => c.split(';')[0]).filter(Boolean).join('; ');
}
