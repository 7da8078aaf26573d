import type { ComponentChildren } from 'preact';
import { locales, localeNames } from '@dukaan-kit/core/i18n';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';
import { IslandScript } from './island.js';
import { useI18n } from '../i18n/context.js';

/** Head data of a page; Open Graph tags are written when `canonicalUrl` is given. */
export interface PageMeta {
  title: string;
  description?: string;
  /** Absolute URL of this page (og:url, link rel=canonical). */
  canonicalUrl?: string;
  /** Absolute image URL for previews. */
  image?: string | null;
  ogType?: 'website' | 'product';
  siteName?: string;
  /** Dashboard and account pages are private: 'noindex'. */
  robots?: string;
  /** The web app manifest (the dashboard is installable) and the home-screen icon for iOS. */
  manifest?: { href: string; icon: string };
}

function SocialTags({ meta }: { meta: PageMeta }) {
  const description = meta.description ?? '';
  return (
    <>
      <meta property="og:type" content={meta.ogType ?? 'website'} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={meta.canonicalUrl} />
      {meta.siteName && <meta property="og:site_name" content={meta.siteName} />}
      {meta.image && <meta property="og:image" content={meta.image} />}
      <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={description} />
      {meta.image && <meta name="twitter:image" content={meta.image} />}
    </>
  );
}

/**
 * A small bag icon inline, so browsers do not ask the app for /favicon.ico on every first visit
 * (a 404 in the log and in the console). CSP allows it (img-src data:).
 */
const favicon =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%230f766e'/%3E" +
  "%3Cpath d='M9 12h14l-1.3 13H10.3z' fill='%23fff'/%3E%3Cpath d='M12.5 12a3.5 3.5 0 0 1 7 0' fill='none' stroke='%23fff' stroke-width='2'/%3E%3C/svg%3E";

/** The whole HTML document: head, stylesheet, the page body and (only if an island rendered) the client script. */
export function Document({ ctx, meta, bodyClass, children }: { ctx: PageContext; meta: PageMeta; bodyClass?: string; children: ComponentChildren }) {
  const { locale, t } = useI18n();
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        {meta.description !== undefined && <meta name="description" content={meta.description} />}
        {meta.robots && <meta name="robots" content={meta.robots} />}
        {meta.canonicalUrl && <link rel="canonical" href={meta.canonicalUrl} />}
        {meta.canonicalUrl && <SocialTags meta={meta} />}
        <meta name="theme-color" content="#0f766e" />
        <link rel="icon" href={favicon} />
        {meta.manifest && <link rel="manifest" href={meta.manifest.href} />}
        {meta.manifest && <link rel="apple-touch-icon" href={meta.manifest.icon} />}
        <link rel="stylesheet" href={withBase(ctx.basePath, `/static/${ctx.assets.css}`)} />
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">
          {t('common.skipToContent')}
        </a>
        {children}
        <IslandScript ctx={ctx} />
      </body>
    </html>
  );
}

/** The one-off message from the previous action. */
export function Flash({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div class="flash" role="status">
      {message}
    </div>
  );
}

/**
 * Links to this page in each language (`ctx.languageLinks`); the current one is marked, not linked.
 * Each language is named in itself, with `lang` set so a screen reader says it right.
 */
export function LanguageChooser({ ctx }: { ctx: PageContext }) {
  const { locale, t } = useI18n();
  const links = ctx.languageLinks;
  if (!links) return null;
  return (
    <nav class="lang-chooser" aria-label={t('common.language')}>
      {locales.map((l) =>
        l === locale ? (
          <span lang={l} aria-current="true">
            {localeNames[l]}
          </span>
        ) : (
          <a lang={l} hreflang={l} href={links[l]}>
            {localeNames[l]}
          </a>
        ),
      )}
    </nav>
  );
}
