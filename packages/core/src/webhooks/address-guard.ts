import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './ip-ranges.js';
import type { WebhookSettings } from './webhook-settings.js';

/** A webhook URL that leads to an address it may not reach; the message is for the vendor. */
export class BlockedAddressError extends Error {}

/** The host of a URL as an address or name: IPv6 literals lose their brackets. */
export function hostOf(url: URL): string {
  const host = url.hostname;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

const privateMessage = 'points to a private, loopback or link-local address, which webhooks may not reach';

/**
 * The addresses a webhook may connect to for `host`: the literal itself, or every address the
 * resolver gives, each of them public. Throws BlockedAddressError when one is not (all must be,
 * so a name answering both cannot pick the private one later), or when the name does not resolve.
 */
export async function publicAddressesOf(settings: WebhookSettings, host: string): Promise<string[]> {
  if (isIP(host)) {
    if (!settings.allowPrivate && !isPublicAddress(host)) throw new BlockedAddressError(privateMessage);
    return [host];
  }
  let addresses: string[];
  try {
    addresses = await settings.resolve(host);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) throw new BlockedAddressError('names a host that could not be found');
  if (!settings.allowPrivate && addresses.some((address) => !isPublicAddress(address))) throw new BlockedAddressError(privateMessage);
  return addresses;
}

/**
 * A `lookup` for net/http that resolves through the guard: the socket then connects to the very
 * address that was checked, so a DNS answer that changes between the check and the connection
 * (DNS rebinding) cannot send the delivery somewhere else.
 */
export function guardedLookup(settings: WebhookSettings): LookupFunction {
  return (hostname, options, callback) => {
    publicAddressesOf(settings, hostname).then(
      (addresses) => {
        const entries = addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
        const first = entries[0] as { address: string; family: number };
        if (options.all) (callback as unknown as (error: null, entries: Array<{ address: string; family: number }>) => void)(null, entries);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
