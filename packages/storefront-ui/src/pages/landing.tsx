import { Document, LanguageChooser } from '../components/document.js';
import { useT } from '../i18n/context.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** Props of the 'landing' page (`/`, when the host turns it on with the plugin's `landingPage` option). */
export interface LandingPageProps {
  ctx: PageContext;
}

const points = ['landing.point.link', 'landing.point.orders', 'landing.point.delivery'] as const;

/** What dukaan-kit is, and the two ways in: open a store, or log in to one. */
export function LandingPage({ ctx }: LandingPageProps) {
  const t = useT();
  const href = (path: string) => withBase(ctx.basePath, path);
  return (
    <Document ctx={ctx} meta={{ title: t('landing.title'), description: t('landing.description') }} bodyClass="landing">
      <header class="landing-header">
        <span class="landing-brand">{t('auth.brand')}</span>
        <a class="landing-login" href={href('/login')}>
          {t('landing.logIn')}
        </a>
      </header>
      <main class="landing-main" id="main">
        <h1>{t('landing.heading')}</h1>
        <p class="landing-lead">{t('landing.lead')}</p>
        <p class="landing-actions">
          <a class="btn btn-primary" href={href('/signup')}>
            {t('landing.openStore')}
          </a>
        </p>
        <p class="landing-have">
          {t('landing.haveStore')} <a href={href('/login')}>{t('landing.logIn')}</a>
        </p>
        <h2>{t('landing.points')}</h2>
        <ul class="landing-points">
          {points.map((key) => (
            <li>{t(key)}</li>
          ))}
        </ul>
      </main>
      <footer class="landing-footer">
        <LanguageChooser ctx={ctx} />
      </footer>
    </Document>
  );
}
