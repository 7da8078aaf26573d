import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { principalOf, type Runtime } from '../runtime.js';
import { zipDownload } from '../zip-download.js';
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

/** The form has a phone and an email field; the phone wins when both are given, as its hint says. */
function eraseInput(values: { phone: string; email: string }): { phone: string } | { email: string } | Record<string, never> {
  if (values.phone.trim() !== '') return { phone: values.phone };
  if (values.email.trim() !== '') return { email: values.email };
  return {};
}

/** Erases at once and shows how many orders it touched (erasing twice is harmless, so no redirect is needed). */
async function eraseCustomer(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const values = { phone: field(request.payload, 'phone'), email: field(request.payload, 'email') };
  let erased: number;
  try {
    ({ ordersErased: erased } = await runtime.dukaan.orders.eraseCustomer(principalOf(request), eraseInput(values)));
  } catch (error) {
    const rename = (path: string) => (path === 'phone' || path === 'email' ? path : null);
    return accountFormRefused(runtime, request, h, error, { name: 'erase', values, rename });
  }
  const notice = erased === 0 ? 'No orders matched; nothing was erased.' : `${erased} ${erased === 1 ? 'order' : 'orders'} erased.`;
  return accountPage(runtime, request, h, { notice });
}

async function exportData(runtime: Runtime, request: Request, h: ResponseToolkit) {
  return zipDownload(h, await runtime.dukaan.vendors.exportData(principalOf(request)));
}

/** The dashboard's account page: password, email, the data download and erasing a customer. */
export function dashboardAccountRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/account', auth: 'vendor', handler: (request, h) => accountPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/password', auth: 'vendor', handler: (request, h) => changePassword(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/email', auth: 'vendor', handler: (request, h) => changeEmail(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/account/erase-customer', auth: 'vendor', handler: (request, h) => eraseCustomer(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/dashboard/account/export', auth: 'vendor', handler: (request, h) => exportData(runtime, request, h) }),
  ];
}
