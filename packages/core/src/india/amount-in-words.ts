import { currencyExponent } from '../pricing/format.js';

const ones = [
  '', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten',
  'Eleven', 'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen',
];
const tens = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** 1-999 in words; '' for 0. */
function belowThousand(n: number): string {
  const words: string[] = [];
  if (n >= 100) words.push(ones[Math.floor(n / 100)] ?? '', 'Hundred');
  const rest = n % 100;
  if (rest >= 20) words.push(tens[Math.floor(rest / 10)] ?? '', ones[rest % 10] ?? '');
  else words.push(ones[rest] ?? '');
  return words.filter(Boolean).join(' ');
}

/** Indian grouping: thousand, lakh (1,00,000), crore (1,00,00,000); crores above 99 recurse ("One Lakh Crore"). */
function indian(n: bigint): string {
  if (n === 0n) return '';
  const crore = n / 10_000_000n;
  const rest = Number(n % 10_000_000n);
  const words = [crore > 0n ? `${indian(crore)} Crore` : ''];
  words.push(rest >= 100_000 ? `${belowThousand(Math.floor(rest / 100_000))} Lakh` : '');
  words.push(rest % 100_000 >= 1000 ? `${belowThousand(Math.floor((rest % 100_000) / 1000))} Thousand` : '');
  words.push(belowThousand(rest % 1000));
  return words.filter(Boolean).join(' ');
}

const scales = ['', 'Thousand', 'Million', 'Billion', 'Trillion', 'Quadrillion', 'Quintillion'];

function international(n: bigint): string {
  const words: string[] = [];
  for (let scale = 0; n > 0n; scale++, n /= 1000n) {
    const group = Number(n % 1000n);
    if (group > 0) words.unshift([belowThousand(group), scales[scale] ?? ''].filter(Boolean).join(' '));
  }
  return words.join(' ');
}

/** The major and minor parts of a whole amount, split as digits so no paisa is lost near 2^53. */
function split(minor: number, exponent: number): { negative: boolean; major: bigint; fraction: bigint } {
  const value = BigInt(Math.trunc(minor));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(exponent);
  return { negative, major: abs / unit, fraction: abs % unit };
}

/**
 * Indian numbering (thousand, lakh, crore): 125050 INR -> 'Rupees One Thousand Two Hundred Fifty
 * and Fifty Paise Only'; zero paise are left out. Other currencies: the code, the major amount
 * in international numbering and the fraction as digits ('USD One Hundred and 25/100 Only').
 */
export function amountInWords(minor: number, currency: string): string {
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  const { negative, major, fraction } = split(minor, exponent);
  const sign = negative ? 'Minus ' : '';
  if (code === 'INR') {
    const rupees = indian(major) || 'Zero';
    const paise = fraction > 0n ? ` and ${belowThousand(Number(fraction))} Paise` : '';
    return `${sign}Rupees ${rupees}${paise} Only`;
  }
  const whole = international(major) || 'Zero';
  const part = fraction > 0n ? ` and ${String(fraction).padStart(exponent, '0')}/${10n ** BigInt(exponent)}` : '';
  return `${sign}${code} ${whole}${part} Only`;
}
