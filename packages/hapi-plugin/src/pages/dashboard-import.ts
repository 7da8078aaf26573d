import { PassThrough } from 'node:stream';
import type { Request, ResponseToolkit, RouteOptions, ServerRoute } from '@hapi/hapi';
import { isDomainError, type ImportProgress, type ImportResult } from '@dukaan-kit/core';
import type { ImportReportView } from '@dukaan-kit/storefront-ui';
import { maxImportBytes } from '../routes/product-csv.js';
import type { Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { privateHtml, storeIdOf } from './dashboard-page.js';
import { pageRoute } from './define.js';
import { field } from './forms.js';

const importPath = '/dashboard/products/import';
/** Room for the multipart boundary and the form's other fields around a 10 MB file. */
const maxImportFormBytes = maxImportBytes + 64 * 1024;
/** Progress lines at most this often: enough for a smooth bar, few enough to cost nothing. */
const progressEveryMs = 200;

type Mode = ImportReportView['mode'];

function reportOf(mode: Mode, result: ImportResult): ImportReportView {
  const { rows, created, updated, applied, errors } = result;
  return { mode, rows, created, updated, applied, errors };
}

async function importPage(runtime: Runtime, request: Request, h: ResponseToolkit, report: ImportReportView | null, fileError: string | null, status = 200) {
  const { ctx } = await vendorPage(runtime, request, h);
  return privateHtml(h, { page: 'product-import', props: { ctx, report, fileError, maxBytes: maxImportBytes } }, status);
}

/** The uploaded file's bytes, or null when none (or an empty one) was sent. */
function uploadedCsv(payload: unknown): Buffer | null {
  const value = payload && typeof payload === 'object' ? (payload as Record<string, unknown>)['file'] : undefined;
  const file: unknown = Array.isArray(value) ? value[0] : value;
  // hapi hands a part sent as text/csv over as a string; bytes that were not UTF-8 are then
  // U+FFFD, which the import reports by row and column.
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  return Buffer.isBuffer(bytes) && bytes.length > 0 ? bytes : null;
}

/**
 * The import as a stream of NDJSON lines for the page's script: progress lines while it runs
 * (`{phase, done, total}`), then `{result}` (or `{error}` when it failed on our side). The
 * response starts at once, so the bar moves while the rows are checked and written.
 */
function streamedImport(runtime: Runtime, request: Request, file: Buffer, mode: Mode, h: ResponseToolkit) {
  const storeId = storeIdOf(request);
  const out = new PassThrough();
  const send = (line: object) => {
    if (!out.destroyed) out.write(`${JSON.stringify(line)}\n`);
  };
  let last = 0;
  let phase = '';
  const onProgress = (progress: ImportProgress) => {
    const now = Date.now();
    if (progress.phase === phase && now - last < progressEveryMs) return;
    phase = progress.phase;
    last = now;
    send(progress);
  };
  runtime.dukaan.catalog
    .importProducts(storeId, file, { dryRun: mode === 'check', onProgress })
    .then(
      (result) => send({ result: reportOf(mode, result) }),
      (error: unknown) => {
        // A domain error (the store gone, a SKU taken at the same moment) speaks to the vendor; anything else is ours.
        if (!isDomainError(error)) request.log(['dukaan-kit', 'error'], error as Error);
        send({ error: isDomainError(error) ? error.message : 'The import could not be run. Nothing was changed; try again.' });
      },
    )
    .finally(() => out.end());
  return h
    .response(out)
    .type('application/x-ndjson; charset=utf-8')
    .header('cache-control', 'no-store, private')
    // nginx would hold the lines back until the end.
    .header('x-accel-buffering', 'no');
}

async function runImport(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const mode: Mode = field(request.payload, 'mode') === 'import' ? 'import' : 'check';
  const file = uploadedCsv(request.payload);
  const streamed = String(request.headers['accept'] ?? '').includes('application/x-ndjson');
  if (!file) {
    if (streamed) return h.response(`${JSON.stringify({ error: 'Choose a CSV file first.' })}\n`).type('application/x-ndjson; charset=utf-8').code(400);
    return importPage(runtime, request, h, null, 'Choose a CSV file first.', 400);
  }
  if (streamed) return streamedImport(runtime, request, file, mode, h);
  const result = await runtime.dukaan.catalog.importProducts(storeIdOf(request), file, { dryRun: mode === 'check' });
  return importPage(runtime, request, h, reportOf(mode, result), null);
}

/** `/dashboard/products/import`: upload a catalogue CSV, check it, import it. */
export function dashboardImportRoutes(runtime: Runtime): ServerRoute[] {
  const upload = pageRoute(runtime, { method: 'POST', path: importPath, auth: 'vendor', body: 'upload', handler: (request, h) => runImport(runtime, request, h) });
  const options = upload.options as RouteOptions;
  if (options.payload) options.payload.maxBytes = maxImportFormBytes;
  return [pageRoute(runtime, { method: 'GET', path: importPath, auth: 'vendor', handler: (request, h) => importPage(runtime, request, h, null, null) }), upload];
}
