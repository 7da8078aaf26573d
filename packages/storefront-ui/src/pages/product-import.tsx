import { Island } from '../components/island.js';
import { DashboardLayout } from '../components/layouts.js';
import { useIslandMessages, useT } from '../i18n/context.js';
import type { ImportReportView } from '../islands/import-report.js';
import { productImportKeys } from '../islands/product-import.js';
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
  const t = useT();
  const m = useIslandMessages(productImportKeys);
  const href = (path: string) => withBase(ctx.basePath, path);
  return (
    <DashboardLayout ctx={ctx} title={t('catalog.import.title')} section="products">
      <p>
        <a href={href('/dashboard/products')}>{t('catalog.import.back')}</a>
      </p>
      <section class="panel" aria-labelledby="import-format-title">
        <h2 id="import-format-title">{t('catalog.import.formatTitle')}</h2>
        <p>{t('catalog.import.format', { handle: 'handle', example: '199.00' })}</p>
        <p>
          <a href={href('/api/v1/products/import/template')} download>
            {t('catalog.import.template')}
          </a>{' '}
          ·{' '}
          <a href={href('/api/v1/products/export')} download>
            {t('catalog.import.export')}
          </a>{' '}
          {t('catalog.import.exportHint')}
        </p>
      </section>
      <Island name="product-import" props={{ action: href('/dashboard/products/import'), csrfToken: ctx.csrfToken, maxBytes, report, fileError, m }} />
    </DashboardLayout>
  );
}
