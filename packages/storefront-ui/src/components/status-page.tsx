import type { ComponentChildren } from 'preact';
import { LanguageChooser } from './document.js';
import { PlainLayout } from './layouts.js';
import { useT } from '../i18n/context.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** The body of the error pages: the status code large, a heading, a sentence and the way home. */
export function StatusPage({ ctx, code, title, heading, children }: { ctx: PageContext; code: number; title: string; heading: string; children: ComponentChildren }) {
  const t = useT();
  return (
    <PlainLayout ctx={ctx} title={title}>
      {/* Decoration: the heading says what happened, a screen reader need not read out "404". */}
      <p class="big-code" aria-hidden="true">
        {code}
      </p>
      <h1>{heading}</h1>
      <p>{children}</p>
      <p>
        <a class="btn btn-primary" href={withBase(ctx.basePath, '/')}>
          {t('errors.home')}
        </a>
      </p>
      <LanguageChooser ctx={ctx} />
    </PlainLayout>
  );
}
