import t from 'tap';
import { createKnex, migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { translateDataException } from '../src/adapters/objection/data-exceptions.js';
import { ValidationFailedError } from '../src/errors.js';
import { orderRecord, placeOrder, productRecord, seedStore } from '../src/testing/persistence/fixtures.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

t.test('data exceptions (SQLSTATE class 22) become ValidationFailedErrors without SQL', async (t) => {
  const driver = Object.assign(new Error('insert into "orders" … invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
  const translated = translateDataException(driver);
  t.type(translated, ValidationFailedError);
  t.notMatch((translated as Error).message, /insert|orders|0x00/);
  t.equal((translated as Error).cause, driver, 'the driver error is kept as the cause');
  for (const code of ['22001', '22003', '22P02']) t.type(translateDataException({ code }), ValidationFailedError, code);
  t.type(translateDataException({ nativeError: { code: '22021' } }), ValidationFailedError, 'wrapped by objection');
  const other = { code: '23505' };
  t.equal(translateDataException(other), other, 'other errors pass through');
  t.equal(translateDataException(null), null);
});

const { postgresUrl } = testServices();
t.test('PostgreSQL: values it cannot store are refused as 400s, not 500s', { skip: postgresUrl === null && 'PostgreSQL not configured' }, async (t) => {
  const schema = uniqueTestName('dx');
  const knex = createKnex(postgresUrl ?? '', { schema, poolMax: 2 });
  t.teardown(async () => {
    await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await knex.destroy();
  });
  await migrateLatest(knex);
  const p = objectionPersistence(knex);
  const { store } = await seedStore(p);
  const refused = { code: 'VALIDATION_FAILED' };
  await t.rejects(p.products.insert(productRecord(store.id, { name: 'Chai\0' })), refused, 'a NUL byte');
  await t.rejects(p.products.insert(productRecord(store.id, { name: 'x'.repeat(201) })), refused, 'longer than the column');
  const customer = { name: 'A\0', phone: '+919811111111', email: null, address: 'x', pincode: '1', house: null, street: null, landmark: null, city: null, state: null };
  await t.rejects(placeOrder(p, orderRecord(store.id, { customer })), refused, 'in an order, inside a transaction');
  await t.rejects(p.stores.update(store.id, { name: 'x\0' }, new Date().toISOString()), refused);
  t.equal((await placeOrder(p, orderRecord(store.id))).number, 1001, 'the refused order took no number');
});
