import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { productCsvColumns, type ImportResult } from '@dukaan-kit/core';
import { attachment, download } from '../download.js';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';

/** The largest catalogue CSV taken in one request (10,000 rows of variants fit several times over). */
export const maxImportBytes = 10 * 1024 * 1024;

/** Spreadsheets and scripts send CSV under several names; all are read the same way. */
// Never text/plain: a form on another site can post that with the vendor's cookie.
const csvTypes = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];

export const importQuery = Joi.object({
  dryRun: Joi.boolean().truthy('1').falsy('0').default(false).label('dryRun'),
});

const importError = Joi.object({ row: Joi.number().integer().min(1).required(), column: Joi.string().allow(null).required(), message: Joi.string().required() });

export const importResultBody = Joi.object({
  rows: Joi.number().integer().min(0).required(),
  created: Joi.number().integer().min(0).required(),
  updated: Joi.number().integer().min(0).required(),
  errors: Joi.array().items(importError).required(),
  applied: Joi.boolean().required(),
})
  .unknown(true)
  .label('ProductImport');

/** The import's answer as the API gives it, in a fixed key order. */
export function importAnswer(result: ImportResult): ImportResult {
  const { rows, created, updated, errors, applied } = result;
  return { rows, created, updated, errors, applied };
}

const csvFile = (description: string, filename: string) => ({
  200: { description, body: null, file: 'text/csv', headers: { 'content-disposition': `attachment; filename="${filename}"` } },
});

/** Catalogue CSV for scripts: import (all or nothing, or a dry run), export, and the template. */
export function productCsvRoutes(runtime: Runtime): ServerRoute[] {
  const { catalog } = runtime.dukaan;
  const storeOf = (request: Request) => principalOf(request).storeId;
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/products/import',
      description: `Import products from a CSV body (Content-Type text/csv, UTF-8, at most 10 MB), one row per variant with the columns ${productCsvColumns.join(', ')}; the first row of a handle carries the product fields, later rows of the same handle only the variant columns; money as decimals ("199.00"), blank stock for untracked, missing categories are made. Rows whose handle (or SKU) matches a product update it, with its variants replaced by the rows; others create products. Every problem is reported by row (the header is row 1) and column, and with any problem nothing is written; otherwise all is written in one transaction. \`?dryRun=1\` checks and counts without writing. Answers 200 in both cases; \`applied\` says whether anything was written`,
      auth: true,
      private: true,
      query: importQuery,
      payloadOptions: { allow: csvTypes, output: 'data', parse: false, maxBytes: maxImportBytes },
      responses: { ok: { 200: { description: 'What was (or, for a dry run or with errors, would be) created and updated, and every problem', body: importResultBody } } },
      async handler(request: Request) {
        const body = Buffer.isBuffer(request.payload) ? request.payload : Buffer.alloc(0);
        const dryRun = (request.query as { dryRun: boolean }).dryRun;
        return importAnswer(await catalog.importProducts(storeOf(request), body, { dryRun }));
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/products/export',
      description:
        'The whole catalogue (hidden products too) as one CSV file in the import format: UTF-8 with a byte order mark, one row per variant, money as decimals; text that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading apostrophe, which the import removes again',
      auth: true,
      private: true,
      responses: { ok: csvFile('The catalogue as CSV, an attachment', 'products-<slug>-<date>.csv') },
      handler: async (request: Request, h: ResponseToolkit) => download(h, await catalog.exportProducts(storeOf(request)), 'text/csv; charset=utf-8'),
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/products/import/template',
      description: 'A CSV template for the import: the header and two example products (one simple, one with a Weight option), which import as they are',
      auth: true,
      responses: { ok: csvFile('The template, an attachment', 'products-template.csv') },
      handler: async (_request: Request, h: ResponseToolkit) =>
        h.response(await catalog.productCsvTemplate()).type('text/csv; charset=utf-8').header('content-disposition', attachment('products-template.csv')),
    }),
  ];
}
