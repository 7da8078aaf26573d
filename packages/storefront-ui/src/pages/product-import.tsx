import { Island } from '../components/island.js';
import { DashboardLayout } from '../components/layouts.js';
import type { ImportReportView } from '../islands/import-report.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** Props of the 'product-import' page (`/dashboard/products/import`). */
export interface ProductImportPageProps {
  ctx: PageContext;
  /** The report of the check or import just run (no JavaScript), or null. */
  report: ImportReportView | null;
  /** Why the post was refused before any check (no file), or null. */
  fileError: string | null;
  /** The largest file taken, in bytes. */
  maxBytes: number;
}

/**
 * Import products from a CSV file: a check that changes nothing and reports every problem by row
 * and column, then the import itself, all or nothing. The form works as a plain post; with
 * JavaScript it shows the upload's and the server's progress.
 */
export function ProductImportPage({ ctx, report, fileError, maxBytes }: ProductImportPageProps) {
  const href = (path: string) => withBase(ctx.basePath, path);
  return (
    <DashboardLayout ctx={ctx} title="Import products" section="products">
      <p>
        <a href={href('/dashboard/products')}>← Back to products</a>
      </p>
      <section class="panel" aria-labelledby="import-format-title">
        <h2 id="import-format-title">The file</h2>
        <p>
          One row per variant. The first row of a product carries its name, description, category and option names; its other rows
          repeat only the <code>handle</code> and give the variant's option values, price, MRP, stock, SKU and availability. Prices are
          in rupees like <code>199.00</code>; leave stock blank when you do not count it. Rows whose handle or SKU is already in your
          store change that product (its variants become the file's rows); the others add products, and missing categories are made.
        </p>
        <p>
          <a href={href('/api/v1/products/import/template')} download>
            Download the template
          </a>{' '}
          ·{' '}
          <a href={href('/api/v1/products/export')} download>
            Export your products
          </a>{' '}
          (the same format: edit it and import it back)
        </p>
      </section>
      <Island name="product-import" props={{ action: href('/dashboard/products/import'), csrfToken: ctx.csrfToken, maxBytes, report, fileError }} />
    </DashboardLayout>
  );
}
