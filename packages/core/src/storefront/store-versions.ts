import type { DurableWrites } from '../cache/durable-writes.js';
import { singleFlight } from '../cache/memoize.js';
import type { Bus, Cache } from '../cache/ports.js';
import { newToken } from '../shared/id.js';
import type { LocalEntries } from './local-entries.js';

/** A store's version as read: `fresh` when no cache held one and this read made it up. */
export interface StoreVersion {
  version: string;
  fresh: boolean;
}

/** Where versions are read and bumped: the shared cache, its bus, and the writes that must land. */
export interface StoreVersionPorts {
  /** Already bounded: never throws, never hangs. */
  cache: Cache;
  bus: Bus | null;
  /** Carries bumps past a tripped circuit breaker; without it they go through `cache`. */
  writes?: Pick<DurableWrites, 'set' | 'delete'>;
}

/** What instances tell each other when a store's catalogue changes. */
interface VersionMessage {
  storeId: string;
  version: string;
  slugs?: string[];
}

const channel = 'store-versions';
const catalogueKey = (storeId: string) => `store:${storeId}:version`;
const stockKey = (storeId: string) => `store:${storeId}:stock-version`;
export const slugKey = (slug: string) => `slug:${slug}`;

/**
 * A new version: a random token and the wall-clock time it was made (base 36), which is after
 * the commit of the change it stands for. Reads on a replica need that time (see replica-reads.ts).
 */
export function newVersion(now = Date.now()): string {
  return `${newToken(9)}.${now.toString(36)}`;
}

/** When a version was made, in ms; 0 for a version made before versions carried their time. */
export function versionTime(version: string): number {
  const dot = version.lastIndexOf('.');
  const time = dot < 0 ? NaN : parseInt(version.slice(dot + 1), 36);
  return Number.isFinite(time) ? time : 0;
}

/**
 * Two versions per store, each replaced by a new random token on a change: the catalogue
 * version (settings, categories, products) and the stock version (stock counts only).
 *
 * A catalogue change is rare and must show at once, so it is broadcast on the bus and its
 * version is trusted in process only while the bus is live. Stock changes with every order:
 * broadcasting each would be a stream of messages and a stream of re-renders, so the stock
 * version is only written to the shared cache and each instance trusts its copy for
 * `localTtlMs`, which bounds both how stale shown stock is and how often a page is re-rendered.
 */
export class StoreVersions {
  readonly #cache: Cache;
  readonly #bus: Bus | null;
  readonly #writes: Pick<DurableWrites, 'set' | 'delete'>;
  readonly #local: LocalEntries;
  readonly #localTtlMs: number;
  readonly #flight = singleFlight();
  /** Broadcasts of ours not yet heard back, by version. */
  readonly #echoes = new Map<string, () => void>();
  #live = false;

  constructor(ports: StoreVersionPorts, local: LocalEntries, localTtlMs: number) {
    this.#cache = ports.cache;
    this.#bus = ports.bus;
    this.#writes = ports.writes ?? ports.cache;
    this.#local = local;
    this.#localTtlMs = localTtlMs;
  }

  /** Whether other instances' catalogue changes reach this one now (local copies may be trusted). */
  get live(): boolean {
    return this.#live;
  }

  /** Starts listening for other instances' changes; returns the function that stops. */
  listen(): () => void {
    if (!this.#bus || this.#localTtlMs <= 0) return () => {};
    return this.#bus.subscribe(channel, (message) => this.#apply(message), (live) => {
      // Whatever was learnt before delivery stopped may be stale now.
      if (live !== this.#live) this.#local.clear();
      this.#live = live;
    });
  }

  #apply(raw: string): void {
    try {
      const message = JSON.parse(raw) as VersionMessage;
      this.#echoes.get(message.version)?.();
      this.#local.set(catalogueKey(message.storeId), message.version, this.#localTtlMs);
      for (const slug of message.slugs ?? []) this.#local.delete(slugKey(slug));
    } catch {
      this.#local.clear();
    }
  }

  /** The catalogue version, creating one on first use. */
  catalogue(storeId: string): Promise<StoreVersion> {
    return this.#read(catalogueKey(storeId), this.#live);
  }

  /** The stock version, creating one on first use; at most `localTtlMs` old. */
  stock(storeId: string): Promise<StoreVersion> {
    return this.#read(stockKey(storeId), true);
  }

  /**
   * The catalogue and stock versions this process trusts right now, without a round trip or a
   * promise; undefined when either would have to be read from the shared cache.
   */
  peek(storeId: string): { catalogue: string; stock: string } | undefined {
    const catalogue = this.#live ? this.#local.get<string>(catalogueKey(storeId)) : undefined;
    const stock = catalogue ? this.#local.get<string>(stockKey(storeId)) : undefined;
    return catalogue && stock ? { catalogue, stock } : undefined;
  }

  async #read(key: string, trustLocal: boolean): Promise<StoreVersion> {
    const local = trustLocal ? this.#local.get<string>(key) : undefined;
    if (local) return { version: local, fresh: false };
    // When the local copy lapses, the requests that arrive together share one round trip.
    return this.#flight(key, async () => {
      const stored = await this.#cache.get<string>(key);
      if (typeof stored === 'string') {
        if (trustLocal) this.#local.set(key, stored, this.#localTtlMs);
        return { version: stored, fresh: false };
      }
      // Not kept locally: a cache that keeps nothing must not make this process keep anything.
      // Made up now: any change whose bump this cache lost was committed before this time.
      const version = newVersion();
      await this.#cache.set(key, version);
      return { version, fresh: true };
    });
  }

  /**
   * Makes every catalogue-keyed entry of the store unreachable at once, in this process and,
   * through the bus, in every other; `slugs` whose lookups changed are dropped too.
   */
  async bumpCatalogue(storeId: string, slugs: string[]): Promise<void> {
    const version = newVersion();
    const key = catalogueKey(storeId);
    await Promise.all([this.#writes.set(key, version), ...slugs.map((slug) => this.#writes.delete(slugKey(slug)))]);
    this.#local.set(key, version, this.#localTtlMs);
    for (const slug of slugs) this.#local.delete(slugKey(slug));
    if (!this.#bus) return;
    const message: VersionMessage = { storeId, version, ...(slugs.length > 0 ? { slugs } : {}) };
    // Redis may answer PUBLISH before it has sent the message to the other subscribers; once our
    // own copy is back, theirs has been delivered too, so a request that follows sees the change.
    const echoed = this.#live ? this.#awaitEcho(version) : Promise.resolve();
    await this.#bus.publish(channel, JSON.stringify(message));
    await echoed;
    // Our echo may be handled before another subscriber in this same process (several cores in
    // one process, as in tests) has read the copy already in its socket: one turn of the event
    // loop lets it, so the caller's next read anywhere sees the change.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Replaces the stock version in the shared cache; every instance sees it within `localTtlMs`. */
  async bumpStock(storeId: string): Promise<void> {
    await this.#writes.set(stockKey(storeId), newVersion());
  }

  #awaitEcho(version: string, boundMs = 100): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#echoes.delete(version);
        resolve();
      };
      const timer = setTimeout(done, boundMs);
      this.#echoes.set(version, done);
    });
  }
}
