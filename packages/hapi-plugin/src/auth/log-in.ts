import type { Request, ResponseToolkit } from '@hapi/hapi';
import { isDomainError, type Store } from '@dukaan-kit/core';
import type { Locale } from '@dukaan-kit/core/i18n';
import { clientOf, principalOf, type Runtime } from '../runtime.js';
import { deviceFor, rememberDevice } from './device-cookie.js';
import { startSession, userAgentOf } from './strategies.js';

/** What a successful sign-up or login hands the route. */
export interface SignedIn {
  vendor: { id: string; email: string; locale: Locale };
  store: Store;
}

function emailOf(input: unknown): string {
  const email = input && typeof input === 'object' ? (input as Record<string, unknown>)['email'] : undefined;
  return typeof email === 'string' ? email : '';
}

/**
 * The one login of the API and the pages: core counts the attempt per client address and per
 * account before the password is checked (per device cookie instead of per account when a valid
 * one for this account, issued after its last password change, comes with the attempt);
 * on success the session starts and this browser becomes a known device of the account. Core
 * mails the vendor when the login comes without such a device cookie, naming the User-Agent.
 */
export async function logIn(runtime: Runtime, request: Request, h: ResponseToolkit, input: unknown): Promise<SignedIn> {
  const device = deviceFor(runtime, request, emailOf(input));
  const { vendor, store } = await runtime.dukaan.vendors.logIn(input, {
    clientAddress: clientOf(runtime, request),
    ...(device ? { deviceId: device.id, deviceIssuedAt: device.issuedAt } : {}),
    userAgent: userAgentOf(request),
  });
  await startSession(runtime, request, h, { vendorId: vendor.id, storeId: store.id });
  rememberDevice(runtime, request, h, vendor.email);
  return { vendor: { id: vendor.id, email: vendor.email, locale: vendor.locale }, store };
}

/** Sign-up, counted per client address by core; the new account's browser is a known device from the start. */
export async function signUp(runtime: Runtime, request: Request, h: ResponseToolkit, input: unknown): Promise<SignedIn> {
  const { vendor, store } = await runtime.dukaan.vendors.signUp(input, { clientAddress: clientOf(runtime, request) });
  await startSession(runtime, request, h, { vendorId: vendor.id, storeId: store.id });
  rememberDevice(runtime, request, h, vendor.email);
  return { vendor: { id: vendor.id, email: vendor.email, locale: vendor.locale }, store };
}

/**
 * A password change ends the trust of every device cookie issued before it, this browser's
 * too; but this browser has just proved the current password in a session of its own, so it
 * stays a known device (its next login brings no "new sign-in" mail). Not for an API token:
 * a script's request is no browser, and its cookie jar is not the vendor's.
 */
export async function keepDeviceAfterPasswordChange(runtime: Runtime, request: Request, h: ResponseToolkit): Promise<void> {
  const principal = principalOf(request);
  if (principal.via !== 'session') return;
  try {
    const { vendor } = await runtime.dukaan.vendors.getAccount(principal);
    rememberDevice(runtime, request, h, vendor.email);
  } catch (error) {
    // The change is done; an account closed in the meantime only means no cookie to renew.
    if (!isDomainError(error)) throw error;
  }
}
