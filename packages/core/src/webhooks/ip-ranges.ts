import { isIPv4, isIPv6 } from 'node:net';

// The addresses a webhook must never reach unless the operator allows private ones: anything
// that is not a public unicast address (loopback, private, link-local with cloud metadata at
// 169.254.169.254, CGNAT, multicast, reserved, documentation), and IPv6 forms that embed them.

type Range = readonly [prefix: number[], bits: number];

const blockedV4: Range[] = [
  [[0], 8], // "this network", 0.0.0.0
  [[10], 8],
  [[100, 64], 10], // CGNAT
  [[127], 8],
  [[169, 254], 16], // link-local, cloud metadata
  [[172, 16], 12],
  [[192, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2], 24], // TEST-NET-1
  [[192, 31, 196], 24], // AS112-v4
  [[192, 52, 193], 24], // AMT
  [[192, 88, 99], 24], // 6to4 relay anycast
  [[192, 168], 16],
  [[192, 175, 48], 24], // direct delegation AS112
  [[198, 18], 15], // benchmarking
  [[198, 51, 100], 24], // TEST-NET-2
  [[203, 0, 113], 24], // TEST-NET-3
  [[224], 4], // multicast
  [[240], 4], // reserved, broadcast
];

const blockedV6: Range[] = [
  [[], 96], // ::/96: unspecified, loopback, IPv4-compatible (deprecated)
  [[0x01, 0x00], 64], // 100::/64 discard
  [[0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0], 96], // ::ffff:0:0:0/96 IPv4-translated (SIIT)
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48], // 64:ff9b:1::/48 local-use NAT64 (RFC 8215): blocked whole
  [[0x20, 0x01, 0x00, 0x10], 28], // ORCHID (deprecated)
  [[0x20, 0x01, 0x00, 0x20], 28], // ORCHIDv2
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x20, 0x01, 0x00, 0x00], 32], // Teredo: tunnels to an embedded IPv4
  [[0x20, 0x02], 16], // 6to4: embeds an IPv4
  [[0x3f, 0xff, 0x00], 20], // 3fff::/20 documentation (RFC 9637)
  [[0x5f, 0x00], 16], // 5f00::/16 SRv6 SIDs
  [[0xfc], 7], // unique local
  [[0xfe, 0x80], 10], // link-local
  [[0xfe, 0xc0], 10], // site-local (deprecated)
  [[0xff], 8], // multicast
];

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const index = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

function v4Bytes(address: string): number[] {
  return address.split('.').map(Number);
}

/** The 16 bytes of an IPv6 address (with `::` and an embedded dotted IPv4); null when malformed. */
export function v6Bytes(address: string): number[] | null {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const maybeV4 = text.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    if (!isIPv4(maybeV4)) return null;
    tail = v4Bytes(maybeV4);
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const missing = 8 - head.length - rest.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
    const value = parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/**
 * Whether `address` (an IP literal, IPv6 without brackets) is a public unicast address a webhook
 * may reach. IPv4-mapped (`::ffff:a.b.c.d`) and NAT64 (`64:ff9b::a.b.c.d`) IPv6 addresses are
 * judged by the IPv4 address they carry; local-use NAT64 (`64:ff9b:1::/48`, whose translator may
 * embed the IPv4 anywhere) and IPv4-translated (`::ffff:0:a.b.c.d`) addresses are refused
 * outright. Anything that is not an IP address is not public.
 */
export function isPublicAddress(address: string): boolean {
  if (isIPv4(address)) {
    const bytes = v4Bytes(address);
    return !blockedV4.some((range) => inRange(bytes, range));
  }
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!isIPv6(bare)) return false;
  const bytes = v6Bytes(bare);
  if (!bytes) return false;
  const embedsV4 =
    inRange(bytes, [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96]) || inRange(bytes, [[0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96]);
  if (embedsV4) return isPublicAddress(bytes.slice(12).join('.'));
  return !blockedV6.some((range) => inRange(bytes, range));
}
