/** What closeClient needs of a node-redis client. */
interface ClosableClient {
  readonly isOpen: boolean;
  readonly isReady: boolean;
  once(event: 'ready' | 'error', listener: () => void): unknown;
  off(event: 'ready' | 'error', listener: () => void): unknown;
  destroy(): void;
}

/**
 * Closes a node-redis client for good. A client destroyed while its socket is still being
 * opened finishes opening it afterwards and keeps it (and the process) alive, so a connect
 * under way is first let to end, in success or failure, within `boundMs`.
 */
export async function closeClient(client: ClosableClient, boundMs = 2500): Promise<void> {
  if (!client.isOpen) return;
  if (!client.isReady) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        client.off('ready', done);
        client.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, boundMs);
      client.once('ready', done);
      client.once('error', done);
    });
  }
  // destroy, not QUIT: QUIT waits for a reply that never comes while Redis is down.
  if (client.isOpen) client.destroy();
}
