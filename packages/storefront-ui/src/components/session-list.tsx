import { PostForm } from './form.js';
import { DateTime, MaybeDateTime } from './order-parts.js';
import { useT } from '../i18n/context.js';
import type { PageContext, SessionView } from '../types.js';

/**
 * Core names a device in English ("Chrome on Android", "Browser on Windows", "Unknown device"):
 * said in the page's language, the browser and system names kept as they are.
 */
function deviceText(t: ReturnType<typeof useT>, device: string): string {
  if (device === 'Unknown device') return t('account.sessions.unknownDevice');
  const on = /^(.+) on (.+)$/.exec(device);
  if (!on) return device;
  return on[1] === 'Browser' ? t('account.sessions.browserOn', { system: on[2]! }) : t('account.sessions.deviceOn', { browser: on[1]!, system: on[2]! });
}

/** Where the vendor is logged in: this device marked, an End button for each other one, and "end all others". */
export function SessionList({ ctx, sessions }: { ctx: PageContext; sessions: SessionView[] }) {
  const t = useT();
  const others = sessions.some((s) => !s.current);
  return (
    <section class="panel" aria-labelledby="sessions-title" id="sessions">
      <h2 id="sessions-title">{t('account.sessions.title')}</h2>
      <table class="table table-labelled">
        <thead>
          <tr>
            <th scope="col">{t('account.sessions.device')}</th>
            <th scope="col">{t('account.sessions.loggedIn')}</th>
            <th scope="col">{t('account.sessions.lastActive')}</th>
            <th scope="col">
              <span class="sr-only">{t('account.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr>
              <th scope="row">
                {deviceText(t, s.device)}
                {s.current && <span class="tag tag-active">{t('account.sessions.thisDevice')}</span>}
              </th>
              <td data-label={t('account.sessions.loggedIn')}>
                <DateTime iso={s.createdAt} timeZone={ctx.timeZone} />
              </td>
              <td data-label={t('account.sessions.lastActive')}>{s.current ? t('account.sessions.now') : <MaybeDateTime iso={s.lastSeenAt} timeZone={ctx.timeZone} empty="—" />}</td>
              <td>
                {!s.current && (
                  <PostForm ctx={ctx} action={`/dashboard/account/sessions/${encodeURIComponent(s.id)}/end`}>
                    <button type="submit" class="btn btn-danger-outline" aria-label={t('account.sessions.endNamed', { device: deviceText(t, s.device) })}>
                      {t('account.sessions.end')}
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
            {t('account.sessions.endOthers')}
          </button>
        </PostForm>
      ) : (
        <p class="muted">{t('account.sessions.noOthers')}</p>
      )}
    </section>
  );
}
