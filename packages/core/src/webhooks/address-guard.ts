import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { isPublicAddress, v6Bytes } from './ip-ranges.js';
import { webhookPorts, type WebhookSettings } from './webhook-settings.js';

/** A webhook URL that leads to an address it may not reach; the message is for the vendor. */
export class BlockedAddressError extends Error {}

/** The host of a URL as an address or name: IPv6 literals lose their brackets. */
export function hostOf(url: URL): string {
  const host = url.hostname;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

const privateMessage = 'points to a private, loopback or link-local address, which webhooks may not reach';
const ownMessage = "points to one of the server's own addresses, which webhooks may not reach";

/** The port a URL connects to: the one written, or its scheme's default. */
export function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Throws BlockedAddressError unless the URL uses port 80 or 443 (any port when `allowPrivate`). */
export function checkPort(settings: WebhookSettings, url: URL): void {
  if (settings.allowPrivate) return;
  const port = portOf(url);
  if (!webhookPorts.includes(port)) throw new BlockedAddressError(`uses port ${port}; webhooks may use only port 80 (http) or 443 (https)`);
}

/** An address in one comparable form: IPv4 dotted (IPv4-mapped IPv6 too), IPv6 as its 16 bytes. */
function comparable(address: string): string | null {
  if (isIP(address) === 4) return address;
  const bytes = v6Bytes(address);
  if (!bytes) return null;
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12).join('.') : bytes.join(',');
}

/** Whether `address` is one of this host's own interface addresses. */
function isOwnAddress(settings: WebhookSettings, address: string): boolean {
  const wanted = comparable(address);
  if (wanted === null) return false;
  return settings.localAddresses().some((own) => comparable(own) === wanted);
}

/** Names that mean this host whatever DNS says (RFC 6761): never asked about unless `allowPrivate`. */
function isLocalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

function checkAddress(settings: WebhookSettings, address: string): void {
  if (settings.allowPrivate) return;
  if (!isPublicAddress(address)) throw new BlockedAddressError(privateMessage);
  if (isOwnAddress(settings, address)) throw new BlockedAddressError(ownMessage);
}

/**
 * The addresses a webhook may connect to for `host`: the literal itself, or every address the
 * resolver gives, each of them public and none of them this host's own (unless `allowPrivate`).
 * Throws BlockedAddressError when one is not (all must be, so a name answering both cannot pick
 * the private one later), or when the name does not resolve.
 */
export async function publicAddressesOf(settings: WebhookSettings, host: string): Promise<string[]> {
  if (isIP(host)) {
    checkAddress(settings, host);
    return [host];
  }
  if (!settings.allowPrivate && isLocalName(host)) throw new BlockedAddressError(privateMessage);
  let addresses: string[];
  try {
    addresses = await settings.resolve(host);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) throw new BlockedAddressError('names a host that could not be found');
  for (const address of addresses) checkAddress(settings, address);
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
