import { createHash } from 'node:crypto';

/**
 * An email as it appears in counter keys: its SHA-256, base64url. It keeps addresses out of
 * cache key listings (Redis MONITOR, slow logs, key dumps), where no erasure reaches them. It
 * is not a secret: anyone who knows an address can compute its key.
 */
export function emailKey(email: string): string {
  return createHash('sha256').update(email).digest('base64url');
}
