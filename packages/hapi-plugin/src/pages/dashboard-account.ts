import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { keepDeviceAfterPasswordChange } from '../auth/log-in.js';
import { principalOf, type Runtime } from '../runtime.js';
import { zipDownload } from '../download.js';
import { accountFormRefused, accountPage } from './account-page.js';
import { pageRoute, seeOther } from './define.js';
import { field } from './forms.js';

/** Core names the wrong current password `currentPassword`; the form's field has that name too. */
async function changePassword(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const input = { currentPassword: field(request.payload, 'currentPassword'), newPassword: field(request.payload, 'newPassword') };
  try {
    await runtime.dukaan.vendors.changePassword(principalOf(request), input);
  } catch (error) {
    return accountFormRefused(runtime, request, h, error, { name: 'password', values: {} }); // never echo a password
  }
  await keepDeviceAfterPasswordChange(runtime, request, h);
  return seeOther(runtime, h, '/dashboard/account?done=password-changed');
}

async function changeEmail(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const values = { email: field(request.payload, 'email') };
  try {
    await runtime.dukaan.vendors.requestEmailChange(principalOf(request), { ...values, currentPassword: field(request.payload, 'currentPassword') });
  } catch (error) {
    return accountFormRefused(runtime, request, h, error, { name: 'email', values });
  }
  return seeOther(runtime, h, '/dashboard/account?done=email-pending');
}

/** The vendor's own language (dashboard and mails); the page after saving is already in it. */
async function changeLanguage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const values = { locale: field(request.payload, 'locale') };
  try {
    await runtime.dukaan.vendors.updateAccount(principalOf(request), values);
  } catch (error) {
    return accountFormRefused(runtime, request, h, error, { name: 'language', values });
  }
  return seeOther(runtime, h, '/dashboard/account?done=saved');
}

/** The form has a phone and an email field; the phone wins when both are given, as its hint says. */
function eraseInput(values: { phone: string; email: string }): { phone: string } | { email: string } | Record<string, never> {
  if (values.phone.trim() !== '') return { phone: values.phone };
  if (values.email.trim() !== '') return { email: values.email };
  return {};
}

/**
 * What erasing did, in words: orders still being worked keep the customer's details until they
 * are finished (the vendor needs them to deliver), so the vendor is told to erase again then.
 */
export function erasedNotice(erased: number, open: number): string {
  if (erased === 0 && open === 0) return 'No orders matched; nothing was erased.';
  const done = `${erased} ${erased === 1 ? 'order' : 'orders'} erased`;
  if (open === 0) return `${done}.`;
  return `${done}; ${open} still open ${open === 1 ? 'is kept until it is' : 'are kept until they are'} finished. Erase again once ${open === 1 ? 'it is' : 'they are'}.`;
}

/** Erases at once and shows how many orders it touched (erasing twice is harmless, so no redirect is needed). */
async function eraseCustomer(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const values = { phone: field(request.payload, 'phone'), email: field(request.payload, 'email') };
  let result: { ordersErased: number; ordersOpen: number };
  try {
    result = await runtime.dukaan.orders.eraseCustomer(principalOf(request), eraseInput(values));
  } catch (error) {
    const rename = (path: string) => (path === 'phone' || path === 'email' ? path : null);
    return accountFormRefused(runtime, request, h, error, { name: 'erase', values, rename });
  }
  return accountPage(runtime, request, h, { notice: erasedNotice(result.ordersErased, result.ordersOpen) });
}

/**
 * The download is a CSRF-checked form post: exports are limited per hour, and the session cookie
 * (SameSite=Lax) rides along on a top-level GET from another site, which could spend them all.
 */
async function exportData(runtime: Runtime, request: Request, h: ResponseToolkit) {
  return zipDownload(h, await runtime.dukaan.vendors.exportData(principalOf(request)));
}

/** The dashboard's account page: password, email, the data download and erasing a customer. */
export function dashboardAccountRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/account', auth: 'vendor', handler: (request, h) => accountPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/password', auth: 'vendor', handler: (request, h) => changePassword(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/email', auth: 'vendor', handler: (request, h) => changeEmail(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/language', auth: 'vendor', handler: (request, h) => changeLanguage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/erase-customer', auth: 'vendor', handler: (request, h) => eraseCustomer(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/export', auth: 'vendor', handler: (request, h) => exportData(runtime, request, h) }),
    // An old bookmark or link lands on the page with the download button; a GET never exports.
    pageRoute(runtime, { method: 'GET', path: '/dashboard/account/export', auth: 'vendor', handler: (_request, h) => seeOther(runtime, h, '/dashboard/account#your-data') }),
  ];
}
