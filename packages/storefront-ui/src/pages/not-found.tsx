import { StatusPage } from '../components/status-page.js';
import { useT } from '../i18n/context.js';
import type { PageContext } from '../types.js';

/** Props of the 'not-found' page (unknown path, product or store slug). */
export interface NotFoundPageProps {
  ctx: PageContext;
  /** Replaces the default explanation, in the page's language, e.g. "There is no shop at this link." */
  message?: string;
}

/** A friendly 404. */
export function NotFoundPage({ ctx, message }: NotFoundPageProps) {
  const t = useT();
  return (
    <StatusPage ctx={ctx} code={404} title={t('errors.notFound.title')} heading={t('errors.notFound.heading')}>
      {message ?? t('errors.notFound.text')}
    </StatusPage>
  );
}
