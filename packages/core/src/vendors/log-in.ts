import { newDeviceMail } from '../mail/index.js';
import { pageLink } from '../accounts/account-links.js';
import { describeUserAgent } from '../accounts/user-agent.js';
import { nowIso, type CoreContext } from '../context.js';
import { UnauthenticatedError } from '../errors.js';
import { validate } from '../shared/validate.js';
import { countLoginAttempt, giveBackLoginAttempt, type LogInOptions } from './login-throttle.js';
import { logInSchema } from './schemas.js';
import type { Store, Vendor, VendorRecord } from './vendor.js';

/** Compared against when the email is unknown, so a miss costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/**
 * The device cookie's id when it still vouches for the device: issued (its `deviceIssuedAt`)
 * no earlier than the account's last password change. Otherwise the device counts as new.
 */
function trustedDevice(record: VendorRecord | null, { deviceId, deviceIssuedAt }: LogInOptions): string | undefined {
  if (!deviceId || deviceIssuedAt === undefined || !Number.isFinite(deviceIssuedAt)) return undefined;
  const changedAt = record?.passwordChangedAt ? Date.parse(record.passwordChangedAt) : Number.NaN;
  return deviceIssuedAt < changedAt ? undefined : deviceId;
}

/**
 * Checks an email/password pair; a wrong pair throws UnauthenticatedError without saying which
 * half was wrong. Throttled per address and per account, or per device with a trusted device
 * cookie (see countLoginAttempt, and trustedDevice: a cookie issued before the password last
 * changed is not trusted); unknown emails are counted like known ones, so the limit does not
 * reveal which accounts exist. A success from a device that is not trusted (never signed in to
 * this account, or only under an earlier password) mails the vendor, so a stolen password shows.
 * The account is looked up before counting (the lookup decides which key counts); the password
 * is verified only after, so a burst still verifies at most the limit.
 */
export async function logIn(context: CoreContext, input: unknown, options: LogInOptions = {}): Promise<{ vendor: Vendor; store: Store }> {
  const { email, password } = validate(logInSchema, input);
  const record = await context.persistence.vendors.findByEmail(email);
  const deviceId = trustedDevice(record, options);
  const counted = await countLoginAttempt(context, email, { ...options, deviceId });
  decoyHash ??= context.hasher.hash('decoy password for unknown emails');
  const ok = await context.hasher.verify(password, record?.passwordHash ?? (await decoyHash));
  const store = record && ok ? await context.persistence.stores.findByVendorId(record.id) : null;
  if (!record || !ok || !store) {
    throw new UnauthenticatedError('The email or password is not right');
  }
  await giveBackLoginAttempt(context, counted);
  if (!deviceId && context.publicUrl !== null) {
    context.mail.send({
      ...newDeviceMail({
        to: record.email,
        device: describeUserAgent(options.userAgent),
        at: nowIso(context),
        address: options.clientAddress ?? null,
        sessionsLink: pageLink(context.publicUrl, '/dashboard/account'),
        locale: record.locale,
      }),
      accountId: record.id,
    });
  }
  return { vendor: { id: record.id, email: record.email, createdAt: record.createdAt, locale: record.locale }, store };
}
