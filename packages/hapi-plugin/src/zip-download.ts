import type { Readable } from 'node:stream';
import type { ResponseObject, ResponseToolkit } from '@hapi/hapi';

/** Characters kept in a download's file name; anything else becomes `_` (no quotes, no path, no header tricks). */
const unsafeInName = /[^A-Za-z0-9._-]/g;

/** `attachment; filename="…"`, with the name cut down to safe characters. */
export function attachment(filename: string): string {
  const safe = filename.replace(unsafeInName, '_').replace(/^\.+/, '') || 'download.zip';
  return `attachment; filename="${safe}"`;
}

/**
 * The account export as a download: streamed as the core writes it (never whole in memory),
 * personal, so no cache may keep it.
 */
export function zipDownload(h: ResponseToolkit, { filename, stream }: { filename: string; stream: Readable }): ResponseObject {
  return h
    .response(stream)
    .type('application/zip')
    .header('content-disposition', attachment(filename))
    .header('cache-control', 'no-store, private');
}
