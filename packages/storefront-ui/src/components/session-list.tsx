import { PostForm } from './form.js';
import { DateTime, MaybeDateTime } from './order-parts.js';
import type { PageContext, SessionView } from '../types.js';

/** Where the vendor is logged in: this device marked, an End button for each other one, and "end all others". */
export function SessionList({ ctx, sessions }: { ctx: PageContext; sessions: SessionView[] }) {
  const others = sessions.some((s) => !s.current);
  return (
    <section class="panel" aria-labelledby="sessions-title" id="sessions">
      <h2 id="sessions-title">Where you are logged in</h2>
      <table class="table table-labelled">
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Logged in</th>
            <th scope="col">Last active</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr>
              <th scope="row">
                {s.device}
                {s.current && <span class="tag tag-active">This device</span>}
              </th>
              <td data-label="Logged in">
                <DateTime iso={s.createdAt} timeZone={ctx.timeZone} />
              </td>
              <td data-label="Last active">{s.current ? 'Now' : <MaybeDateTime iso={s.lastSeenAt} timeZone={ctx.timeZone} empty="—" />}</td>
              <td>
                {!s.current && (
                  <PostForm ctx={ctx} action={`/dashboard/account/sessions/${encodeURIComponent(s.id)}/end`}>
                    <button type="submit" class="btn btn-small btn-danger-outline">
                      End<span class="sr-only"> the session on {s.device}</span>
                    </button>
                  </PostForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others ? (
        <PostForm ctx={ctx} action="/dashboard/account/sessions/end-others" class="form-actions">
          <button type="submit" class="btn btn-secondary">
            End all other sessions
          </button>
        </PostForm>
      ) : (
        <p class="muted">No other device is logged in.</p>
      )}
    </section>
  );
}
