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

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-IN')} ${n === 1 ? one : many}`;

function summary(report: ImportReportView): string {
  const changes = `${count(report.created, 'new product', 'new products')} and ${count(report.updated, 'product', 'products')} changed`;
  if (report.errors.length > 0) {
    return `${count(report.errors.length, 'problem', 'problems')} in ${count(report.rows, 'row', 'rows')}. Nothing was changed: fix the file and try again.`;
  }
  if (report.applied) return `Imported ${count(report.rows, 'row', 'rows')}: ${changes}.`;
  return `The file is ready: ${count(report.rows, 'row', 'rows')} would give ${changes}. Nothing was changed yet: choose the file again and press Import.`;
}

/** The outcome of a check or an import: a summary, then every problem by row and column. */
export function ImportReport({ report }: { report: ImportReportView }) {
  const failed = report.errors.length > 0;
  return (
    <section class={`import-report ${failed ? 'alert alert-error' : 'panel'}`} aria-labelledby="import-report-title" data-applied={String(report.applied)}>
      <h2 id="import-report-title">{report.mode === 'check' ? 'Check of the file' : failed ? 'Import refused' : 'Import done'}</h2>
      <p role="status">{summary(report)}</p>
      {failed && (
        <table class="table table-labelled import-errors">
          <caption class="sr-only">Problems by row and column</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((error) => (
              <tr>
                <td data-label="Row">{error.row}</td>
                <td data-label="Column">{error.column ?? '(whole row)'}</td>
                <td data-label="Problem">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
