import { StatusPage } from '../components/status-page.js';
import { useT } from '../i18n/context.js';
import type { PageContext } from '../types.js';

/** Props of the generic 'error' page. */
export interface ErrorPageProps {
  ctx: PageContext;
  statusCode: number;
  /** Safe to show, in the page's language: never an internal error's text. */
  message?: string;
}

/** A friendly page for any 4xx or 5xx. */
export function ErrorPage({ ctx, statusCode, message }: ErrorPageProps) {
  const t = useT();
  const server = statusCode >= 500;
  const title = t(server ? 'errors.server.title' : 'errors.client.title');
  return (
    <StatusPage ctx={ctx} code={statusCode} title={title} heading={title}>
      {message ?? t(server ? 'errors.server.text' : 'errors.client.text')}
    </StatusPage>
  );
}
