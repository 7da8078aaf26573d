/** Runs `load` once per key at a time; callers arriving while it runs share its result or error. */
export type SingleFlight = <T>(key: string, load: () => Promise<T>) => Promise<T>;

/** A fresh in-process single-flight group: concurrent misses on one key cause one load. */
export function singleFlight(): SingleFlight {
  const inFlight = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const pending = inFlight.get(key);
    if (pending) return pending as Promise<T>;
    // The async wrapper turns a synchronous throw in `load` into a shared rejection.
    const promise = (async () => load())().finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  };
}
