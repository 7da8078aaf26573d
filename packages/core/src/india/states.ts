/** A state or union territory as the GST state-code list names it. */
export interface IndianState {
  /** Two digits, as the first two characters of a GSTIN ('07'). */
  code: string;
  name: string;
}

/**
 * The 36 states and UTs by the GST state-code list. Code 25 (Daman and Diu, merged into 26 in
 * 2020) and 28 (Andhra Pradesh before 2014; GST began with 37) name no current registration,
 * so neither is here: a GSTIN starting with them is refused. 97 (Other Territory) and 99
 * (Centre Jurisdiction) are not places a customer lives.
 */
export const indianStates: readonly IndianState[] = Object.freeze(
  (
    [
      ['01', 'Jammu and Kashmir'],
      ['02', 'Himachal Pradesh'],
      ['03', 'Punjab'],
      ['04', 'Chandigarh'],
      ['05', 'Uttarakhand'],
      ['06', 'Haryana'],
      ['07', 'Delhi'],
      ['08', 'Rajasthan'],
      ['09', 'Uttar Pradesh'],
      ['10', 'Bihar'],
      ['11', 'Sikkim'],
      ['12', 'Arunachal Pradesh'],
      ['13', 'Nagaland'],
      ['14', 'Manipur'],
      ['15', 'Mizoram'],
      ['16', 'Tripura'],
      ['17', 'Meghalaya'],
      ['18', 'Assam'],
      ['19', 'West Bengal'],
      ['20', 'Jharkhand'],
      ['21', 'Odisha'],
      ['22', 'Chhattisgarh'],
      ['23', 'Madhya Pradesh'],
      ['24', 'Gujarat'],
      ['26', 'Dadra and Nagar Haveli and Daman and Diu'],
      ['27', 'Maharashtra'],
      ['29', 'Karnataka'],
      ['30', 'Goa'],
      ['31', 'Lakshadweep'],
      ['32', 'Kerala'],
      ['33', 'Tamil Nadu'],
      ['34', 'Puducherry'],
      ['35', 'Andaman and Nicobar Islands'],
      ['36', 'Telangana'],
      ['37', 'Andhra Pradesh'],
      ['38', 'Ladakh'],
    ] as const
  ).map(([code, name]) => Object.freeze({ code, name })),
);

function key(text: string): string {
  return text.trim().replace(/&/g, ' and ').replace(/\s+/g, ' ').toLowerCase();
}

const byKey = new Map(indianStates.map((state) => [key(state.name), state.name]));
// Names people still write on addresses for the same place; each maps to one state only.
for (const [alias, name] of [
  ['Orissa', 'Odisha'],
  ['Pondicherry', 'Puducherry'],
  ['Uttaranchal', 'Uttarakhand'],
  ['New Delhi', 'Delhi'],
  ['NCT of Delhi', 'Delhi'],
  ['Andaman and Nicobar', 'Andaman and Nicobar Islands'],
] as const) {
  byKey.set(key(alias), name);
}
const byCode = new Map(indianStates.map((state) => [state.code, state]));

/** Canonical name or null: case-insensitive, whitespace collapsed, '&' read as 'and'. */
export function matchIndianState(text: string): string | null {
  return byKey.get(key(text)) ?? null;
}

export function stateByCode(code: string): IndianState | null {
  return byCode.get(code.trim()) ?? null;
}

/** The entry for a canonical name (as matchIndianState returns it), for its code. */
export function stateByName(name: string): IndianState | null {
  const canonical = matchIndianState(name);
  return canonical === null ? null : (indianStates.find((state) => state.name === canonical) ?? null);
}
