import { Readable } from 'node:stream';

export interface StreamGuard {
  /** Once the reader has taken nothing for this long, the stream is destroyed. */
  idleMs: number;
  /** Called once when the stream closes: ended, failed, destroyed by a client that went away, or idle. */
  onClose: () => void;
}

/**
 * `chunks` as a byte stream that always lets go of what it holds. A client that stops reading (a
 * paused or stalled download, a caller that never reads) would otherwise keep its export slot
 * forever: the idle timer runs only while the stream waits for its reader (before the first read,
 * and while the next chunk waits to be taken), never while the chunks are being produced (a slow
 * query). It is destroyed without an error, so nothing needs an error listener; a reader sees a
 * premature close, and an HTTP response is cut off, not ended as if complete.
 */
export function guardedStream(chunks: AsyncIterable<Buffer>, guard: StreamGuard): Readable {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    timer = setTimeout(() => stream.destroy(), guard.idleMs);
    timer.unref();
  };
  const disarm = () => clearTimeout(timer);
  async function* watched(): AsyncGenerator<Buffer> {
    disarm();
    for await (const chunk of chunks) {
      arm();
      yield chunk;
      disarm();
    }
  }
  const stream = Readable.from(watched(), { objectMode: false });
  stream.once('close', () => {
    disarm();
    guard.onClose();
  });
  arm();
  return stream;
}
