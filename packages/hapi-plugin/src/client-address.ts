import { BlockList, isIP } from 'node:net';
import type { Request } from '@hapi/hapi';

/** Builds the list of proxies whose X-Forwarded-For is believed. */
export function trustedProxies(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  trustsAnyone.set(list, entries.length > 0);
  return list;
}

function normalise(address: string): string {
  return address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

/** Whether any proxy is trusted at all; most requests then need no address parsing (a hot path). */
const trustsAnyone = new WeakMap<BlockList, boolean>();

function isTrusted(list: BlockList, address: string): boolean {
  if (trustsAnyone.get(list) === false) return false;
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** True when the socket peer is one of the trusted proxies (so its X-Forwarded-* headers count). */
export function isFromTrustedProxy(request: Request, proxies: BlockList): boolean {
  return isTrusted(proxies, normalise(request.info.remoteAddress));
}

/**
 * The client's address: the socket peer, or, when that peer is a trusted proxy, the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy (entries left of it are client-supplied).
 */
export function clientAddress(request: Request, proxies: BlockList): string {
  let address = normalise(request.info.remoteAddress);
  if (!isTrusted(proxies, address)) return address;
  const header = request.headers['x-forwarded-for'] as string | string[] | undefined;
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map(normalise).filter(Boolean);
  while (hops.length > 0 && isTrusted(proxies, address)) address = hops.pop() ?? address;
  return address;
}
