import type { Readable } from 'node:stream';
import type { ResponseObject, ResponseToolkit } from '@hapi/hapi';

/** Characters kept in a download's file name; anything else becomes `_` (no quotes, no path, no header tricks). */
const unsafeInName = /[^A-Za-z0-9._-]/g;

/** `attachment; filename="…"`, with the name cut down to safe characters. */
export function attachment(filename: string): string {
  const safe = filename.replace(unsafeInName, '_').replace(/^\.+/, '') || 'download.zip';
  return `attachment; filename="${safe}"`;
}

/** A file a core use case streams (the account's zip, the order list's CSV). */
export interface StreamedFile {
  filename: string;
  stream: Readable;
}

/**
 * A personal file as a download: streamed as the core writes it (never whole in memory), as
 * an attachment, and never kept by a cache.
 */
export function download(h: ResponseToolkit, { filename, stream }: StreamedFile, type: string): ResponseObject {
  return h.response(stream).type(type).header('content-disposition', attachment(filename)).header('cache-control', 'no-store, private');
}

/** The account export as a download. */
export function zipDownload(h: ResponseToolkit, file: StreamedFile): ResponseObject {
  return download(h, file, 'application/zip');
}
