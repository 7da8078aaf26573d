import { PlainLayout } from '../components/layouts.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** Props of the 'not-found' page (unknown path, product or store slug). */
export interface NotFoundPageProps {
  ctx: PageContext;
  /** Replaces the default explanation, e.g. "There is no shop at this link." */
  message?: string;
}

/** A friendly 404. */
export function NotFoundPage({ ctx, message }: NotFoundPageProps) {
  return (
    <PlainLayout ctx={ctx} title="Page not found">
      <p class="big-code" aria-hidden="true">
        404
      </p>
      <h1>We couldn’t find that page</h1>
      <p>{message ?? 'The link may be mistyped, or the page may have moved.'}</p>
      <p>
        <a class="btn btn-primary" href={withBase(ctx.basePath, '/')}>
          Go to the home page
        </a>
      </p>
    </PlainLayout>
  );
}
