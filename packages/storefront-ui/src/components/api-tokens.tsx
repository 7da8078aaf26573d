import type { FormState } from './account-sign-in.js';
import { ErrorSummary, Field, PostForm } from './form.js';
import { Island } from './island.js';
import { DateTime, MaybeDateTime } from './order-parts.js';
import { useT } from '../i18n/context.js';
import type { ApiTokenView, PageContext } from '../types.js';

/** The token just created, shown this once with a Copy button: only its hash is kept. */
function NewToken({ name, token }: { name: string; token: string }) {
  const t = useT();
  return (
    <div class="notice new-token">
      <h3>{t('account.tokens.copyNow')}</h3>
      <p>{t('account.tokens.onlyOnce', { header: 'Authorization: Bearer …' })}</p>
      <Island name="copy-link" props={{ id: 'new-token', label: t('account.tokens.tokenLabel', { name }), url: token, type: 'text' }} />
    </div>
  );
}

/** Revoking sits inside <details>: the first click only opens the question, so it confirms without JavaScript. */
function RevokeToken({ ctx, token }: { ctx: PageContext; token: ApiTokenView }) {
  const t = useT();
  return (
    <details class="confirm">
      <summary class="btn btn-danger-outline" aria-label={t('account.tokens.revokeNamed', { name: token.name })}>
        {t('account.tokens.revoke')}
      </summary>
      <PostForm ctx={ctx} action={`/dashboard/account/tokens/${encodeURIComponent(token.id)}/revoke`} class="confirm-body">
        <p>{t('account.tokens.revokeText', { name: token.name })}</p>
        <button type="submit" class="btn btn-danger">
          {t('account.tokens.revokeYes', { name: token.name })}
        </button>
      </PostForm>
    </details>
  );
}

function TokenTable({ ctx, tokens }: { ctx: PageContext; tokens: ApiTokenView[] }) {
  const t = useT();
  if (tokens.length === 0) return <p class="muted">{t('account.tokens.none')}</p>;
  return (
    <table class="table table-labelled">
      <thead>
        <tr>
          <th scope="col">{t('account.tokens.name')}</th>
          <th scope="col">{t('account.tokens.token')}</th>
          <th scope="col">{t('account.tokens.created')}</th>
          <th scope="col">{t('account.tokens.lastUsed')}</th>
          <th scope="col">
            <span class="sr-only">{t('account.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr>
            <th scope="row">{token.name}</th>
            <td>{token.prefix ? <code>{token.prefix}…</code> : <span class="muted">—</span>}</td>
            <td data-label={t('account.tokens.created')}>
              <DateTime iso={token.createdAt} timeZone={ctx.timeZone} />
            </td>
            <td data-label={t('account.tokens.lastUsed')}>
              <MaybeDateTime iso={token.lastUsedAt} timeZone={ctx.timeZone} empty={t('account.tokens.never')} />
            </td>
            <td>
              <RevokeToken ctx={ctx} token={token} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** API tokens for scripts and apps: the list, the new one once, and the create form. */
export function ApiTokens({ ctx, tokens, newToken, state }: { ctx: PageContext; tokens: ApiTokenView[]; newToken: { name: string; token: string } | undefined; state: FormState }) {
  const t = useT();
  const f = 'create-token';
  const labels = { name: t('account.tokens.tokenName') };
  return (
    <section class="panel" aria-labelledby="api-tokens-title" id="api-tokens">
      <h2 id="api-tokens-title">{t('account.tokens.title')}</h2>
      <p class="lead">{t('account.tokens.lead')}</p>
      {newToken && <NewToken {...newToken} />}
      <TokenTable ctx={ctx} tokens={tokens} />
      <h3>{t('account.tokens.create')}</h3>
      <ErrorSummary form={f} errors={state.errors} labels={labels} />
      <PostForm ctx={ctx} action="/dashboard/account/tokens">
        <Field form={f} name="name" label={labels.name} value={state.values['name']} error={state.errors['name']} required maxLength={60} hint={t('account.tokens.tokenNameHint')} />
        <button type="submit" class="btn btn-primary">
          {t('account.tokens.createButton')}
        </button>
      </PostForm>
    </section>
  );
}
