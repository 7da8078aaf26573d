import type { FormState } from './account-sign-in.js';
import { ErrorSummary, Field, PostForm } from './form.js';
import { Island } from './island.js';
import { DateTime, MaybeDateTime } from './order-parts.js';
import type { ApiTokenView, PageContext } from '../types.js';

/** The token just created, shown this once with a Copy button: only its hash is kept. */
function NewToken({ name, token }: { name: string; token: string }) {
  return (
    <div class="notice new-token">
      <h3>Copy your new token now</h3>
      <p>This is the only time it is shown. Apps send it as the header “Authorization: Bearer …”.</p>
      <Island name="copy-link" props={{ id: 'new-token', label: `Token “${name}”`, url: token, type: 'text' }} />
    </div>
  );
}

/** Revoking sits inside <details>: the first click only opens the question, so it confirms without JavaScript. */
function RevokeToken({ ctx, token }: { ctx: PageContext; token: ApiTokenView }) {
  return (
    <details class="confirm">
      <summary class="btn btn-small btn-danger-outline">
        Revoke<span class="sr-only"> {token.name}</span>
      </summary>
      <PostForm ctx={ctx} action={`/dashboard/account/tokens/${encodeURIComponent(token.id)}/revoke`} class="confirm-body">
        <p>Apps using “{token.name}” stop working at once.</p>
        <button type="submit" class="btn btn-small btn-danger">
          Yes, revoke “{token.name}”
        </button>
      </PostForm>
    </details>
  );
}

function TokenTable({ ctx, tokens }: { ctx: PageContext; tokens: ApiTokenView[] }) {
  if (tokens.length === 0) return <p class="muted">No API tokens yet.</p>;
  return (
    <table class="table table-labelled">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Token</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span class="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr>
            <th scope="row">{t.name}</th>
            <td>{t.prefix ? <code>{t.prefix}…</code> : <span class="muted">—</span>}</td>
            <td data-label="Created">
              <DateTime iso={t.createdAt} timeZone={ctx.timeZone} />
            </td>
            <td data-label="Last used">
              <MaybeDateTime iso={t.lastUsedAt} timeZone={ctx.timeZone} empty="Never" />
            </td>
            <td>
              <RevokeToken ctx={ctx} token={t} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** API tokens for scripts and apps: the list, the new one once, and the create form. */
export function ApiTokens({ ctx, tokens, newToken, state }: { ctx: PageContext; tokens: ApiTokenView[]; newToken: { name: string; token: string } | undefined; state: FormState }) {
  const f = 'create-token';
  const labels = { name: 'Token name' };
  return (
    <section class="panel" aria-labelledby="api-tokens-title" id="api-tokens">
      <h2 id="api-tokens-title">API tokens</h2>
      <p class="lead">For scripts and apps that use your store through the API. Each token acts as you, so give one to each app and revoke any you no longer use.</p>
      {newToken && <NewToken {...newToken} />}
      <TokenTable ctx={ctx} tokens={tokens} />
      <h3>Create a token</h3>
      <ErrorSummary form={f} errors={state.errors} labels={labels} />
      <PostForm ctx={ctx} action="/dashboard/account/tokens">
        <Field form={f} name="name" label={labels.name} value={state.values['name']} error={state.errors['name']} required maxLength={60} hint="What it is for, e.g. “Stock sync”" />
        <button type="submit" class="btn btn-primary">
          Create token
        </button>
      </PostForm>
    </section>
  );
}
