import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * Random bytes are drawn from a 4 KiB buffer filled by the CSPRNG, not one randomBytes call per
 * id: each call is a trip into OpenSSL, and a checkout makes about ten ids and tokens (2.6 % of a
 * checkout's CPU in the bench profile). Node's own crypto.randomUUID pools the same way. Bytes
 * are handed out once each and copied out, so no two ids or tokens share any.
 */
const poolBytes = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

function randomFrom(size: number): Buffer {
  if (size > poolBytes) return randomBytes(size);
  if (offset + size > pool.length) {
    pool = randomBytes(poolBytes);
    offset = 0;
  }
  const out = Buffer.allocUnsafe(size);
  pool.copy(out, 0, offset, offset + size);
  // Spent bytes are wiped, so the pool never holds what an id or token already used.
  pool.fill(0, offset, offset + size);
  offset += size;
  return out;
}

/**
 * A UUIDv7: time-ordered, so ids sort by creation and serve as keyset cursors.
 * The 12-bit sequence keeps ids made in the same millisecond in order.
 */
export function newId(now: number = Date.now()): string {
  if (now <= lastMs) {
    sequence += 1;
    if (sequence > 0xfff) {
      lastMs += 1;
      sequence = 0;
    }
  } else {
    lastMs = now;
    sequence = 0;
  }
  const bytes = randomFrom(16);
  const ms = BigInt(lastMs);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An unguessable URL-safe token (for order tracking links, sessions, API tokens). */
export function newToken(bytes = 24): string {
  return randomFrom(bytes).toString('base64url');
}
