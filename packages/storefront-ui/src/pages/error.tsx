import { PlainLayout } from '../components/layouts.js';
import { withBase } from '../url.js';
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
    <PlainLayout ctx={ctx} title={title}>
      <p class="big-code" aria-hidden="true">
        {statusCode}
      </p>
      <h1>{title}</h1>
      <p>{message ?? (server ? 'Please try again in a moment.' : 'Please go back and try again.')}</p>
      <p>
        <a class="btn btn-primary" href={withBase(ctx.basePath, '/')}>
          Go to the home page
        </a>
      </p>
    </PlainLayout>
  );
}
