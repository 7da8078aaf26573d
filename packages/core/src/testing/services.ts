import { randomBytes } from 'node:crypto';

/** Where the test suites find PostgreSQL and Redis; null means "not available, skip that variant". */
export interface TestServices {
  postgresUrl: string | null;
  redisUrl: string | null;
}

function fromEnv(name: string, fallback: string): string | null {
  const value = process.env[name];
  if (value === 'off') return null;
  return value && value.length > 0 ? value : fallback;
}

/**
 * Reads DUKAAN_TEST_POSTGRES_URL and DUKAAN_TEST_REDIS_URL ('off' disables a variant).
 * The root test runner probes both services once and sets 'off' for an unreachable one,
 * unless DUKAAN_TEST_REQUIRE_SERVICES=1 (CI), where an unreachable service fails the run.
 */
export function testServices(): TestServices {
  return {
    postgresUrl: fromEnv('DUKAAN_TEST_POSTGRES_URL', 'postgres://postgres@127.0.0.1:5432/test'),
    redisUrl: fromEnv('DUKAAN_TEST_REDIS_URL', 'redis://127.0.0.1:6379'),
  };
}

/** A name no other test file (tap runs them in parallel) will pick: for a schema or a key prefix. */
export function uniqueTestName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}
