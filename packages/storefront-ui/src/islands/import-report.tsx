import type { ImportError } from '@dukaan-kit/core';

/** What one run of the import page did: a check (dry run) or an import, and what it found. */
export interface ImportReportView {
  mode: 'check' | 'import';
  rows: number;
  created: number;
  updated: number;
  /** Whether the products were written (an import without problems). */
  applied: boolean;
  /** Every problem by row (the header is row 1) and column. */
  errors: ImportError[];
}

/** The texts the report shows, for the island's `m`. */
export const importReportKeys = [
  'catalog.import.summaryProblems',
  'catalog.import.summaryDone',
  'catalog.import.summaryReady',
  'catalog.import.titleCheck',
  'catalog.import.titleRefused',
  'catalog.import.titleDone',
  'catalog.import.problemsCaption',
  'catalog.import.row',
  'catalog.import.column',
  'catalog.import.problem',
  'catalog.import.wholeRow',
] as const;

export type ImportReportKey = (typeof importReportKeys)[number];

type Translate = (key: ImportReportKey, values?: Record<string, string | number>) => string;

function summary(t: Translate, report: ImportReportView): string {
  const values = { rows: report.rows, created: report.created, updated: report.updated, problems: report.errors.length };
  if (report.errors.length > 0) return t('catalog.import.summaryProblems', values);
  if (report.applied) return t('catalog.import.summaryDone', values);
  return t('catalog.import.summaryReady', values);
}

/** The outcome of a check or an import: a summary, then every problem by row and column. */
export function ImportReport({ report, t }: { report: ImportReportView; t: Translate }) {
  const failed = report.errors.length > 0;
  return (
    <section class={`import-report ${failed ? 'alert alert-error' : 'panel'}`} aria-labelledby="import-report-title" data-applied={String(report.applied)}>
      <h2 id="import-report-title">{t(report.mode === 'check' ? 'catalog.import.titleCheck' : failed ? 'catalog.import.titleRefused' : 'catalog.import.titleDone')}</h2>
      <p role="status">{summary(t, report)}</p>
      {failed && (
        <table class="table table-labelled import-errors">
          <caption class="sr-only">{t('catalog.import.problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog.import.row')}</th>
              <th scope="col">{t('catalog.import.column')}</th>
              <th scope="col">{t('catalog.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((error) => (
              <tr>
                <td data-label={t('catalog.import.row')}>{error.row}</td>
                <td data-label={t('catalog.import.column')}>{error.column ?? t('catalog.import.wholeRow')}</td>
                <td data-label={t('catalog.import.problem')}>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
