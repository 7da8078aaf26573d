import type { ComponentChildren } from 'preact';
import { PlainLayout } from './layouts.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** The body of the error pages: the status code large, a heading, a sentence and the way home. */
export function StatusPage({ ctx, code, title, heading, children }: { ctx: PageContext; code: number; title: string; heading: string; children: ComponentChildren }) {
  return (
    <PlainLayout ctx={ctx} title={title}>
      <p class="big-code" aria-hidden="true">
        {code}
      </p>
      <h1>{heading}</h1>
      <p>{children}</p>
      <p>
        <a class="btn btn-primary" href={withBase(ctx.basePath, '/')}>
          Go to the home page
        </a>
      </p>
    </PlainLayout>
  );
}
