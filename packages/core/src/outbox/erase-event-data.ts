/**
 * An event payload with the customer's personal data taken out of `data.order`, as an erased
 * order keeps it (empty name, phone, address and pincode; no email, note or status reasons).
 * Anything else (lines, totals, statuses) stays: it is the store's record, not the customer's.
 */
export function eraseEventData(data: Record<string, unknown>): Record<string, unknown> {
  const order = data['order'];
  if (!order || typeof order !== 'object') return data;
  const erased: Record<string, unknown> = { ...(order as Record<string, unknown>) };
  erased['customer'] = { name: '', phone: '', email: null, address: '', pincode: '' };
  if ('note' in erased) erased['note'] = null;
  const history = erased['history'];
  if (Array.isArray(history)) {
    erased['history'] = history.map((entry: unknown) =>
      entry && typeof entry === 'object' && 'reason' in entry ? { ...(entry as Record<string, unknown>), reason: null } : entry,
    );
  }
  // The vendor's reason for a cancel, reject or return may name the customer or their circumstances.
  for (const key of ['reason', 'statusReason']) if (key in erased) erased[key] = null;
  return { ...data, order: erased };
}
