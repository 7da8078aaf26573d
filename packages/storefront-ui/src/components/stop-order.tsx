import { Island } from './island.js';
import { useT } from '../i18n/context.js';

/** The moves that stop an order, which the vendor confirms first (with a reason the customer sees). */
export type StopStatus = 'rejected' | 'cancelled' | 'returned';

/** The longest reason core keeps (its `maxReasonLength`). */
export const reasonMaxLength = 200;

const buttonKeys = { rejected: 'dashboard.stop.reject', cancelled: 'dashboard.stop.cancel', returned: 'dashboard.stop.return' } as const;
const titleKeys = { rejected: 'dashboard.stop.rejectTitle', cancelled: 'dashboard.stop.cancelTitle', returned: 'dashboard.stop.returnTitle' } as const;
const confirmKeys = { rejected: 'dashboard.stop.rejectConfirm', cancelled: 'dashboard.stop.cancelConfirm', returned: 'dashboard.stop.returnConfirm' } as const;

/** The question a stop asks ("Reject order #12?"), on the dialog and on the confirm page. */
export function useStopTexts(status: StopStatus, number: number) {
  const t = useT();
  return {
    button: t(buttonKeys[status]),
    title: t(titleKeys[status], { number: String(number) }),
    confirm: t(confirmKeys[status]),
    keep: t('dashboard.stop.keep'),
    reasonLabel: t('dashboard.stop.reason'),
    reasonHint: t('dashboard.stop.reasonHint'),
  };
}

/** The id of an order's status form, which the confirm dialog's fields post with. */
export function statusFormId(orderId: string): string {
  return `status-form-${orderId}`;
}

/** A "Reject" / "Cancel" button inside an order's status form (`statusFormId`), asking before it posts (see the confirm-stop island). */
export function StopOrderButton({ status, number, orderId, small = false }: { status: StopStatus; number: number; orderId: string; small?: boolean }) {
  const t = useT();
  const texts = useStopTexts(status, number);
  return (
    <Island
      name="confirm-stop"
      props={{
        id: `stop-${status}-${orderId}`,
        form: statusFormId(orderId),
        status,
        ...texts,
        ...(small ? { button: t('dashboard.stop.short') } : {}),
        buttonDetail: small ? t('dashboard.stop.orderDetail', { number: String(number) }) : '',
        buttonClass: `btn btn-danger-outline${small ? ' btn-small' : ''}`,
        maxLength: reasonMaxLength,
      }}
    />
  );
}
