import { useRef, useState } from 'preact/hooks';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';
import { ImportReport, importReportKeys, type ImportReportKey, type ImportReportView } from './import-report.js';

/** Every text of the island (the report's too), for its `m`. */
export const productImportKeys = [
  ...importReportKeys,
  'catalog.import.reading',
  'catalog.import.checking',
  'catalog.import.writing',
  'catalog.import.finishing',
  'catalog.import.working',
  'catalog.import.progressCount',
  'catalog.import.progressOf',
  'catalog.import.uploading',
  'catalog.import.tooLarge',
  'catalog.import.expired',
  'catalog.import.signedOut',
  'catalog.import.failed',
  'catalog.import.chooseFirst',
  'catalog.import.file',
  'catalog.import.fileHint',
  'catalog.import.check',
  'catalog.import.import',
] as const;

type Key = (typeof productImportKeys)[number];
type Translate = (key: Key, values?: Record<string, string | number>) => string;

/** Props of the product-import island: the upload form, its progress and the last report. */
export interface ProductImportProps {
  /** The form's action, with the mount path. */
  action: string;
  csrfToken: string | null;
  /** The largest file the server takes. */
  maxBytes: number;
  /** The report of the run the server answered (without JavaScript), or null. */
  report: ImportReportView | null;
  /** Why the last post was refused (no file chosen), or null. */
  fileError: string | null;
  m: IslandMessages<Key>;
}

/** One line of the server's progress stream (`Accept: application/x-ndjson`). */
type ProgressLine =
  | { phase: 'reading' | 'checking' | 'writing' | 'done'; done: number; total: number | null }
  | { result: ImportReportView }
  | { error: string };

interface Progress {
  label: string;
  /** 0-100, or null when how far is not known. */
  percent: number | null;
}

const steps: Record<string, Key> = { reading: 'catalog.import.reading', checking: 'catalog.import.checking', writing: 'catalog.import.writing', done: 'catalog.import.finishing' };

function describe(t: Translate, line: { phase: string; done: number; total: number | null }): Progress {
  const step = t(steps[line.phase] ?? 'catalog.import.working');
  if (line.total === null || line.total === 0) return { label: t('catalog.import.progressCount', { step, done: line.done }), percent: null };
  return { label: t('catalog.import.progressOf', { step, done: line.done, total: line.total }), percent: Math.min(100, Math.round((line.done / line.total) * 100)) };
}

function failure(t: Translate, status: number): string {
  if (status === 413) return t('catalog.import.tooLarge');
  if (status === 403) return t('catalog.import.expired');
  if (status === 401 || status === 0) return t('catalog.import.signedOut');
  return t('catalog.import.failed');
}

/**
 * The upload form of the import page. Without JavaScript it is a plain multipart post and the
 * server answers with the page and its report. With JavaScript the post goes through XHR: the
 * upload's progress, then the server's (rows read, products checked and saved, streamed as
 * NDJSON) show in a progress bar, and the report replaces the old one in place.
 */
export function ProductImport({ action, csrfToken, maxBytes, report: first, fileError, m }: ProductImportProps) {
  const t = islandT(m);
  const [report, setReport] = useState<ImportReportView | null>(first);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(fileError);
  const busy = progress !== null;
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: SubmitEvent) => {
    const form = event.currentTarget as HTMLFormElement;
    const file = input.current?.files?.[0];
    if (typeof XMLHttpRequest === 'undefined' || typeof FormData === 'undefined') return;
    event.preventDefault();
    if (busy) return;
    if (!file) return setError(t('catalog.import.chooseFirst'));
    if (file.size > maxBytes) return setError(failure(t, 413));
    const data = new FormData(form);
    const button = event.submitter as HTMLButtonElement | null;
    if (button?.name) data.set(button.name, button.value);
    setError(null);
    setProgress({ label: t('catalog.import.uploading'), percent: 0 });
    const xhr = new XMLHttpRequest();
    let seen = 0;
    const readLines = () => {
      // An error answer is an HTML page, not progress: onload explains it.
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      const fresh = text.slice(seen, end);
      seen = end;
      for (const raw of fresh.split('\n')) {
        if (raw.trim() === '') continue;
        let line: ProgressLine;
        try {
          line = JSON.parse(raw) as ProgressLine;
        } catch {
          continue;
        }
        if ('result' in line) {
          setReport(line.result);
          setProgress(null);
        } else if ('error' in line) {
          setError(line.error);
          setProgress(null);
        } else {
          setProgress(describe(t, line));
        }
      }
    };
    xhr.upload.onprogress = (e) => setProgress({ label: t('catalog.import.uploading'), percent: e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null });
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        setError(failure(t, xhr.status));
        setProgress(null);
        return;
      }
      readLines();
      setProgress(null);
    };
    xhr.onerror = () => {
      setError(failure(t, 0));
      setProgress(null);
    };
    xhr.open('POST', action);
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.send(data);
  };

  return (
    <div class="product-import">
      <form method="post" action={action} enctype="multipart/form-data" class="panel form-grid" onSubmit={submit} aria-busy={busy ? 'true' : undefined}>
        {csrfToken !== null && <input type="hidden" name="crumb" value={csrfToken} />}
        <div class={`field span-2${error ? ' has-error' : ''}`}>
          <label for="import-file">{t('catalog.import.file')}</label>
          <p class="hint" id="import-file-hint">
            {t('catalog.import.fileHint', { mb: Math.round(maxBytes / 1024 / 1024), encoding: 'UTF-8', excel: 'CSV UTF-8 (Comma delimited)' })}
          </p>
          <input
            ref={input}
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={error ? 'import-file-hint import-file-error' : 'import-file-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
          {error && (
            <p class="field-error" id="import-file-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div class="form-actions span-2">
          <button type="submit" name="mode" value="check" class="btn btn-secondary" disabled={busy}>
            {t('catalog.import.check')}
          </button>
          <button type="submit" name="mode" value="import" class="btn btn-primary" disabled={busy}>
            {t('catalog.import.import')}
          </button>
        </div>
        <div class="import-progress span-2" role="status" aria-live="polite">
          {progress && (
            <>
              <progress max={100} value={progress.percent ?? undefined} aria-label={progress.label} />
              <span>{progress.label}</span>
            </>
          )}
        </div>
      </form>
      {report && <ImportReport report={report} t={t as (key: ImportReportKey, values?: Record<string, string | number>) => string} />}
    </div>
  );
}
