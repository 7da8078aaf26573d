/** What smtpMailer takes from an SMTP URL. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth: { user: string; pass: string } | undefined;
  /** Refuse to continue without STARTTLS, so a password never crosses a network in the clear. */
  requireTLS: boolean;
  /** `host:port`, for error messages (never the URL: it holds the password). */
  where: string;
}

const loopback = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Reads `smtp://user:pass@host:port` or `smtps://…`. Percent-escapes in the user and password are
 * decoded (a password with `@` or `/` must be written `%40`, `%2F`). With credentials, plain
 * smtp:// to another machine requires STARTTLS unless the URL says `?requireTLS=false` (a trusted
 * private network, such as a mail catcher next to the app). Throws TypeError, without echoing the
 * URL, when it is not one.
 */
export function parseSmtpUrl(url: string): SmtpConfig {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new TypeError('The SMTP URL must look like smtp://user:password@host:587 or smtps://user:password@host:465');
  }
  const secure = parsed.protocol === 'smtps:';
  const port = parsed.port ? Number(parsed.port) : secure ? 465 : 587;
  const auth = parsed.username || parsed.password ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined;
  const optedOut = parsed.searchParams.get('requireTLS') === 'false';
  return {
    host: parsed.hostname,
    port,
    secure,
    auth,
    requireTLS: !secure && auth !== undefined && !loopback.test(parsed.hostname) && !optedOut,
    where: `${parsed.hostname}:${port}`,
  };
}
