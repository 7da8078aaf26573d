import { stateByCode, type IndianState } from './states.js';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// State code, PAN (5 letters, 4 digits, 1 letter), the PAN's registration number in the
// state (1-9, then A-Z), the fixed 'Z', the check character.
const shape = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/**
 * GSTN's check character over the first 14 characters: each character's value in 0-9A-Z times
 * 1, 2, 1, 2…, the product's base-36 digits added up, and the sum's complement mod 36.
 */
export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const value = alphabet.indexOf(first14.charAt(i));
    const product = value * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return alphabet.charAt((36 - (sum % 36)) % 36);
}

/** 15 chars: 2-digit state code, PAN (5 letters, 4 digits, 1 letter), entity digit/letter, 'Z', check char (GSTN mod-36 checksum). Upper-cases input. */
export function isValidGstin(text: string): boolean {
  const gstin = text.trim().toUpperCase();
  if (!shape.test(gstin)) return false;
  if (stateByCode(gstin.slice(0, 2)) === null) return false;
  return gstinCheckChar(gstin.slice(0, 14)) === gstin.charAt(14);
}

/** The state a valid GSTIN is registered in; null for text that is not a valid GSTIN. */
export function gstinState(gstin: string): IndianState | null {
  return isValidGstin(gstin) ? stateByCode(gstin.trim().slice(0, 2)) : null;
}
