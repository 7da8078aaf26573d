import { promises as dns } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import { deadline } from '../shared/deadline.js';

/** How webhooks reach their receivers (createDukaan option `webhooks`). */
export interface WebhookOptions {
  /**
   * Lets webhooks reach loopback, private and link-local addresses, the host's own addresses and
   * any port (tests, a receiver on the same private network). Off by default: a webhook URL must
   * not become a way into the server's own network (SSRF), so only ports 80 and 443 of public
   * addresses are reached. The reference app sets it from WEBHOOK_ALLOW_PRIVATE=1.
   */
  allowPrivate?: boolean;
  /** Bound on each delivery, connection to response headers. Default 5000 ms. */
  timeoutMs?: number;
  /**
   * Resolves a host name to its addresses; tests answer with their own. Default: with
   * `allowPrivate` off, DNS queries (A and AAAA) through c-ares under a deadline, off the libuv
   * threadpool, so a name that never answers cannot stall logins (scrypt) or file I/O; with it
   * on, the system resolver (getaddrinfo: /etc/hosts, localhost).
   */
  resolve?: (hostname: string) => Promise<string[]>;
  /** The addresses of this host, refused unless `allowPrivate` (default: os.networkInterfaces()); tests give their own. */
  localAddresses?: () => string[];
}

export type WebhookSettings = Required<WebhookOptions>;

/** The ports a webhook may use unless `allowPrivate`: http's and https's own. */
export const webhookPorts: readonly number[] = [80, 443];

/** How long one name may take to resolve (both queries) before the webhook is refused. */
export const resolveDeadlineMs = 4000;

/** Every address the system resolver knows for `hostname`, as getaddrinfo gives them. */
async function systemResolve(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
}

/** A code for "no such record" that still lets the other family answer. */
const noRecord = new Set(['ENODATA', 'ENOTFOUND', 'ENONAME']);

/**
 * A's and AAAA's answers for `hostname` from DNS through c-ares (not the libuv threadpool), each
 * query bounded by the resolver's timeout and tries, the whole by `resolveDeadlineMs` (a query
 * left running is cancelled). Rejects when neither family answers. `servers` replaces the system's
 * name servers (tests).
 */
export async function dnsResolve(hostname: string, servers?: string[]): Promise<string[]> {
  const resolver = new dns.Resolver({ timeout: 1500, tries: 2 });
  if (servers) resolver.setServers(servers);
  const family = (query: Promise<string[]>) =>
    query.catch((error: NodeJS.ErrnoException) => {
      if (error.code && noRecord.has(error.code)) return [] as string[];
      throw error;
    });
  try {
    const [v4, v6] = await deadline(
      Promise.all([family(resolver.resolve4(hostname)), family(resolver.resolve6(hostname))]),
      resolveDeadlineMs,
      () => Object.assign(new Error(`DNS lookup of ${hostname} timed out`), { code: 'ETIMEOUT' }),
    );
    return [...v4, ...v6];
  } finally {
    resolver.cancel();
  }
}

/** The addresses of this host's interfaces, as os.networkInterfaces() lists them. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
}

export function webhookSettings(options: WebhookOptions = {}): WebhookSettings {
  const allowPrivate = options.allowPrivate ?? false;
  return {
    allowPrivate,
    timeoutMs: options.timeoutMs ?? 5000,
    resolve: options.resolve ?? (allowPrivate ? systemResolve : (hostname) => dnsResolve(hostname)),
    localAddresses: options.localAddresses ?? interfaceAddresses,
  };
}
