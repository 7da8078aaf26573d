import { StatusPage } from '../components/status-page.js';
import type { PageContext } from '../types.js';

/** Props of the generic 'error' page. */
export interface ErrorPageProps {
  ctx: PageContext;
  statusCode: number;
  /** Safe to show: never an internal error's text. */
  message?: string;
}

/** A friendly page for any 4xx or 5xx. */
export function ErrorPage({ ctx, statusCode, message }: ErrorPageProps) {
  const server = statusCode >= 500;
  const title = server ? 'Something went wrong' : 'That didn’t work';
  return (
    <StatusPage ctx={ctx} code={statusCode} title={title} heading={title}>
      {message ?? (server ? 'Please try again in a moment.' : 'Please go back and try again.')}
    </StatusPage>
  );
}
