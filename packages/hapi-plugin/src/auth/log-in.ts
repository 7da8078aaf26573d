import type { Request, ResponseToolkit } from '@hapi/hapi';
import type { Store } from '@dukaan-kit/core';
import { clientOf, type Runtime } from '../runtime.js';
import { deviceIdFor, rememberDevice } from './device-cookie.js';
import { startSession, userAgentOf } from './strategies.js';

/** What a successful sign-up or login hands the route. */
export interface SignedIn {
  vendor: { id: string; email: string };
  store: Store;
}

function emailOf(input: unknown): string {
  const email = input && typeof input === 'object' ? (input as Record<string, unknown>)['email'] : undefined;
  return typeof email === 'string' ? email : '';
}

/**
 * The one login of the API and the pages: core counts the attempt per client address and per
 * account before the password is checked (per device cookie instead of per account when a valid
 * one for this account comes with the attempt);
 * on success the session starts and this browser becomes a known device of the account. Core
 * mails the vendor when the login comes without a known device cookie, naming the User-Agent.
 */
export async function logIn(runtime: Runtime, request: Request, h: ResponseToolkit, input: unknown): Promise<SignedIn> {
  const deviceId = deviceIdFor(runtime, request, emailOf(input));
  const { vendor, store } = await runtime.dukaan.vendors.logIn(input, { clientAddress: clientOf(runtime, request), deviceId, userAgent: userAgentOf(request) });
  await startSession(runtime, request, h, { vendorId: vendor.id, storeId: store.id });
  rememberDevice(runtime, request, h, vendor.email);
  return { vendor: { id: vendor.id, email: vendor.email }, store };
}

/** Sign-up, counted per client address by core; the new account's browser is a known device from the start. */
export async function signUp(runtime: Runtime, request: Request, h: ResponseToolkit, input: unknown): Promise<SignedIn> {
  const { vendor, store } = await runtime.dukaan.vendors.signUp(input, { clientAddress: clientOf(runtime, request) });
  await startSession(runtime, request, h, { vendorId: vendor.id, storeId: store.id });
  rememberDevice(runtime, request, h, vendor.email);
  return { vendor: { id: vendor.id, email: vendor.email }, store };
}
