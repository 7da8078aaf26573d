import { domainToASCII } from 'node:url';
import addressparser from 'nodemailer/lib/addressparser';

/** An address compared the way mail compares it in practice: case-insensitive, the domain in its ASCII (punycode) form. */
export function normalAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address.trim().toLowerCase();
  const domain = address.slice(at + 1).trim();
  return `${address.slice(0, at).trim()}@${domainToASCII(domain) || domain}`.toLowerCase();
}

/** The addresses in the To: header of an RFC 822 message (folded header lines joined first). */
export function emlRecipients(eml: string): string[] {
  const end = eml.search(/\r?\n\r?\n/);
  const head = (end < 0 ? eml : eml.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const to = head.split(/\r?\n/).filter((line) => /^to:/i.test(line)).map((line) => line.slice(3));
  return to.flatMap((value) => addressparser(value, { flatten: true })).map((entry) => normalAddress(entry.address ?? ''));
}
