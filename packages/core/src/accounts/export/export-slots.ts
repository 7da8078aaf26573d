import { RateLimitedError } from '../../errors.js';

/**
 * Exports one process prepares at once. Each holds a database connection while it pages, and its
 * download may run for minutes; more at once could starve the pool for the storefront. Per
 * process (module state), so every core in the process shares it, as they share the machine.
 */
export const exportsAtOnce = 2;

/** What a refused export is told to wait: slots free up as downloads finish, in seconds to minutes. */
const retryAfterSeconds = 30;

/** Vendors whose export is running in this process: its size is the number of slots taken. */
const running = new Set<string>();

/**
 * Takes one of the process's export slots for this vendor, or throws RateLimitedError (429) when
 * all are taken or the vendor already has an export running: one vendor, or a stolen session with
 * parallel requests, cannot hold every slot and keep other vendors from their data. Returns the
 * function that gives the slot back; calling it again does nothing.
 */
export function takeExportSlot(vendorId: string): () => void {
  if (running.has(vendorId)) {
    throw new RateLimitedError('Your previous data download is still being prepared; please wait for it to finish', retryAfterSeconds);
  }
  if (running.size >= exportsAtOnce) {
    throw new RateLimitedError('Too many data downloads are being prepared right now; please try again in a minute', retryAfterSeconds);
  }
  running.add(vendorId);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    running.delete(vendorId);
  };
}
