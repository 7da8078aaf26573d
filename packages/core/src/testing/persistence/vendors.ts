import type { Test } from 'tap';
import { open, conflictOn, vendorRecord } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

/** VendorRepository: round trip, misses, unique email. */
export function vendorTests(t: Test, factory: PersistenceFactory): void {
  t.test('vendors: insert, then find by id and by email', async (t) => {
    const p = await open(t, factory);
    const vendor = vendorRecord();
    await p.vendors.insert(vendor);
    t.same(await p.vendors.findById(vendor.id), vendor);
    t.same(await p.vendors.findByEmail(vendor.email), vendor);
    t.equal(await p.vendors.findById(vendorRecord().id), null, 'unknown id');
    t.equal(await p.vendors.findByEmail('nobody@example.com'), null, 'unknown email');
  });

  t.test('vendors: a taken email is a ConflictError on `email`', async (t) => {
    const p = await open(t, factory);
    const vendor = vendorRecord();
    await p.vendors.insert(vendor);
    // The service lower-cases emails, so the repository only ever sees the same lower-case string.
    await t.rejects(p.vendors.insert(vendorRecord({ email: vendor.email })), conflictOn('email'));
    const error = await p.vendors.insert(vendorRecord({ email: vendor.email })).catch((e: unknown) => e);
    t.notMatch(String((error as Error).message), /insert|select|vendors/i, 'no SQL in the message');
  });
}
