import type Hapi from '@hapi/hapi';

export interface PageResponse {
  statusCode: number;
  payload: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The value of the first hidden `crumb` field in a page, if any. */
export function crumbOf(html: string): string | null {
  return /name="crumb" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

/** The hidden idempotencyKey of the checkout page. */
export function idempotencyKeyOf(html: string): string | null {
  return /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

/** The hidden fields of a checkout form: the lines it shows (`item`, repeated) and `expectedTotal`. */
export function checkoutFormOf(html: string): { item: string[]; expectedTotal?: string } {
  const item = [...html.matchAll(/name="item" value="([^"]+)"/g)].map((m) => m[1]!);
  const total = /name="expectedTotal" value="([^"]*)"/.exec(html)?.[1];
  return { item, ...(total === undefined ? {} : { expectedTotal: total }) };
}

/** Every href, src and action URL in a page. */
export function urlsOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** Builds a multipart/form-data body from text fields and files. */
export function multipartBody(fields: Record<string, string>, files: Record<string, { filename: string; bytes: Buffer; type?: string }> = {}) {
  const boundary = `----dukaanpage${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, f] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A tiny browser over server.inject: keeps cookies (by name; paths ignored), remembers the
 * last page's crumb and sends it with form posts unless told otherwise.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  crumb: string | null = null;
  last: PageResponse | null = null;
  /** The hidden fields of the last checkout page seen, sent with checkout posts as a browser would. */
  checkoutForm: { item: string[]; expectedTotal?: string } = { item: [] };

  constructor(
    private readonly server: Hapi.Server,
    readonly remoteAddress = '127.0.0.1',
  ) {}

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  private remember(response: PageResponse): PageResponse {
    for (const line of [response.headers['set-cookie'] ?? []].flat()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const crumb = crumbOf(response.payload);
    if (crumb) this.crumb = crumb;
    if (/name="idempotencyKey"/.test(response.payload)) this.checkoutForm = checkoutFormOf(response.payload);
    this.last = response;
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<PageResponse> {
    const response = await this.server.inject({ method: 'GET', url, remoteAddress: this.remoteAddress, headers: { ...this.cookieHeader(), ...headers } });
    return this.remember(response as unknown as PageResponse);
  }

  /**
   * A urlencoded form post; `crumb: undefined` sends the remembered one, null none. A post to a
   * checkout sends the last checkout page's hidden lines and total unless `fields` names them.
   */
  async post(url: string, fields: Record<string, string | string[]>, options: { crumb?: string | null; headers?: Record<string, string> } = {}): Promise<PageResponse> {
    const crumb = options.crumb === undefined ? this.crumb : options.crumb;
    const hidden = /\/checkout(\?|$)/.test(url) ? this.checkoutForm : {};
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...hidden, ...fields, ...(crumb === null ? {} : { crumb }) })) {
      for (const one of [value ?? []].flat()) params.append(name, one);
    }
    const body = params.toString();
    const response = await this.server.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader(), ...options.headers },
    });
    return this.remember(response as unknown as PageResponse);
  }

  /** A multipart form post (file inputs), with the remembered crumb. */
  async postMultipart(url: string, fields: Record<string, string>, files: Record<string, { filename: string; bytes: Buffer; type?: string }> = {}): Promise<PageResponse> {
    const { payload, contentType } = multipartBody({ ...fields, ...(this.crumb ? { crumb: this.crumb } : {}) }, files);
    const response = await this.server.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      payload,
      headers: { 'content-type': contentType, ...this.cookieHeader() },
    });
    return this.remember(response as unknown as PageResponse);
  }
}
