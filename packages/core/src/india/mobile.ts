// Indian mobile numbers start 6-9 (5 and below are landlines' trunk codes and service numbers).
const mobile = /^(?:\+91|91|0)?([6-9][0-9]{9})$/;

/** 10 digits starting 6-9, optionally with +91 / 91 / 0 prefix and spaces/hyphens -> '+91XXXXXXXXXX'; null otherwise. */
export function normalizeIndianMobile(text: string): string | null {
  const match = mobile.exec(text.trim().replace(/[\s-]+/g, ''));
  return match ? `+91${match[1]}` : null;
}
