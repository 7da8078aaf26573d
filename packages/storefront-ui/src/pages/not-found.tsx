import { StatusPage } from '../components/status-page.js';
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
    <StatusPage ctx={ctx} code={404} title="Page not found" heading="We couldn’t find that page">
      {message ?? 'The link may be mistyped, or the page may have moved.'}
    </StatusPage>
  );
}
