import { lookup } from 'node:dns/promises';

/** How webhooks reach their receivers (createDukaan option `webhooks`). */
export interface WebhookOptions {
  /**
   * Lets webhooks reach loopback, private and link-local addresses (tests, a receiver on the
   * same private network). Off by default: a webhook URL must not become a way into the server's
   * own network (SSRF). The reference app sets it from WEBHOOK_ALLOW_PRIVATE=1.
   */
  allowPrivate?: boolean;
  /** Bound on each delivery, connection to response headers. Default 5000 ms. */
  timeoutMs?: number;
  /** Resolves a host name to its addresses (default: the system resolver); tests answer with their own. */
  resolve?: (hostname: string) => Promise<string[]>;
}

export type WebhookSettings = Required<WebhookOptions>;

/** Every address the system resolver knows for `hostname`, as getaddrinfo gives them. */
async function systemResolve(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
}

export function webhookSettings(options: WebhookOptions = {}): WebhookSettings {
  return {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? 5000,
    resolve: options.resolve ?? systemResolve,
  };
}
