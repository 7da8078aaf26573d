// India's rules for INR stores: states by their GST codes, GSTINs, mobiles, the April–March
// financial year and amounts in words for invoices.
export { indianStates, matchIndianState, stateByCode, stateByName } from './states.js';
export type { IndianState } from './states.js';
export { isValidGstin, gstinState, gstinCheckChar } from './gstin.js';
export { normalizeIndianMobile } from './mobile.js';
export { financialYearOf } from './financial-year.js';
export { amountInWords } from './amount-in-words.js';
