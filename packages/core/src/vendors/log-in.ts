import { newDeviceMail } from '../mail/index.js';
import { pageLink } from '../accounts/account-links.js';
import { describeUserAgent } from '../accounts/user-agent.js';
import { nowIso, type CoreContext } from '../context.js';
import { UnauthenticatedError } from '../errors.js';
import { validate } from '../shared/validate.js';
import { countLoginAttempt, giveBackLoginAttempt, type LogInOptions } from './login-throttle.js';
import { logInSchema } from './schemas.js';
import type { Store, Vendor } from './vendor.js';

/** Compared against when the email is unknown, so a miss costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/**
 * Checks an email/password pair; a wrong pair throws UnauthenticatedError without saying which
 * half was wrong. Throttled per address and per account, or per device with `deviceId` (see countLoginAttempt); unknown emails
 * are counted like known ones, so the limit does not reveal which accounts exist. A success
 * without `deviceId` comes from a device that never signed in to this account: the vendor is
 * mailed, so a stolen password shows.
 */
export async function logIn(context: CoreContext, input: unknown, options: LogInOptions = {}): Promise<{ vendor: Vendor; store: Store }> {
  const { email, password } = validate(logInSchema, input);
  const counted = await countLoginAttempt(context, email, options);
  const record = await context.persistence.vendors.findByEmail(email);
  decoyHash ??= context.hasher.hash('decoy password for unknown emails');
  const ok = await context.hasher.verify(password, record?.passwordHash ?? (await decoyHash));
  const store = record && ok ? await context.persistence.stores.findByVendorId(record.id) : null;
  if (!record || !ok || !store) {
    throw new UnauthenticatedError('The email or password is not right');
  }
  await giveBackLoginAttempt(context, counted);
  if (!options.deviceId && context.publicUrl !== null) {
    context.mail.send(
      newDeviceMail({
        to: record.email,
        device: describeUserAgent(options.userAgent),
        at: nowIso(context),
        address: options.clientAddress ?? null,
        sessionsLink: pageLink(context.publicUrl, '/dashboard/account'),
      }),
    );
  }
  return { vendor: { id: record.id, email: record.email, createdAt: record.createdAt }, store };
}
