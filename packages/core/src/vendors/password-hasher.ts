import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Turns passwords into hashes that are slow to guess, and checks them. */
export interface PasswordHasher {
  /** A self-describing hash of the password (algorithm, parameters, salt, digest). */
  hash(password: string): Promise<string>;
  /** Whether the password matches the hash, compared in constant time; false for a malformed hash. */
  verify(password: string, hash: string): Promise<boolean>;
}

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * crypto.scrypt, memory-hard. N=2^15, r=8 costs 32 MiB and tens of milliseconds,
 * OWASP's floor for scrypt; tests may pass a cheaper cost.
 */
export function scryptPasswordHasher(params: ScryptParams = { N: 2 ** 15, r: 8, p: 1 }): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, params, 32);
      return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
    },
    async verify(password, stored) {
      const [scheme, n, r, p, salt, digest] = stored.split('$');
      if (scheme !== 'scrypt' || !n || !r || !p || !salt || !digest) return false;
      const expected = Buffer.from(digest, 'base64url');
      const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: +n, r: +r, p: +p }, expected.length);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
