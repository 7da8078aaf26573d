export { cacheConformance, countersConformance, busConformance, cacheStoresConformance } from './cache/index.js';
export type {
  CacheFactory,
  CacheFixture,
  CountersFactory,
  CountersFixture,
  BusFactory,
  BusFixture,
  CacheStoresFactory,
  CacheStoresFixture,
} from './cache/index.js';
export { persistenceConformance } from './persistence/index.js';
export type { ConformanceOptions, OrderNumbering, PersistenceFactory, PersistenceHarness } from './persistence/index.js';
export { testServices, uniqueTestName } from './services.js';
export type { TestServices } from './services.js';
export { seededRandom } from './seeded-random.js';
export { startMailCatcher } from './mail-catcher.js';
export type { CaughtMail, MailCatcher } from './mail-catcher.js';
