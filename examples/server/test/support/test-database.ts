// A fresh PostgreSQL database for a test, on the server the test suites use
// (testServices().postgresUrl), dropped again afterwards. The reference app takes a
// DATABASE_URL and no schema, so where core's and the plugin's suites give each file a
// schema of its own, the app's tests give each app a database of its own.
import { createKnex } from '@dukaan-kit/core/objection';
import { uniqueTestName } from '@dukaan-kit/core/testing';

export interface TestDatabase {
  name: string;
  /** The admin URL with the database name swapped in: what the app instances get. */
  url: string;
  drop(): Promise<void>;
}

const prefix = 'dk_e2e';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * CREATE DATABASE dk_e2e_<pid>_<hex> on the server behind `adminUrl`; drop() removes it WITH (FORCE).
 * Databases of earlier runs whose test process is gone (a run killed before its teardown) are
 * dropped first; the names carry the pid for that.
 */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = uniqueTestName(prefix);
  const admin = createKnex(adminUrl, { poolMax: 1 });
  try {
    const rows = (await admin.raw('SELECT datname FROM pg_database WHERE datname LIKE ?', [`${prefix}\\_%`])).rows as Array<{ datname: string }>;
    for (const { datname } of rows) {
      const pid = Number(new RegExp(`^${prefix}_(\\d+)_[0-9a-f]+$`).exec(datname)?.[1]);
      if (pid > 0 && !processAlive(pid)) await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
    await admin.raw('CREATE DATABASE ??', [name]);
  } finally {
    await admin.destroy();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      const knex = createKnex(adminUrl, { poolMax: 1 });
      try {
        await knex.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      } finally {
        await knex.destroy();
      }
    },
  };
}

