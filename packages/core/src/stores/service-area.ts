/**
 * Where a store delivers: everywhere (`all`), to listed six-digit pincodes (`pincodes`), or to
 * pincodes starting with one of the listed prefixes of 1-5 digits (`prefixes`, e.g. `1100` for
 * central Delhi, `56` for most of Karnataka).
 */
export interface ServiceArea {
  type: 'all' | 'pincodes' | 'prefixes';
  values: string[];
}

export const serviceAreaTypes = ['all', 'pincodes', 'prefixes'] as const;

/** The most values one area lists: enough for a city's pincodes, small enough to hold with the store row. */
export const maxServiceAreaValues = 2000;

export const everywhere: ServiceArea = { type: 'all', values: [] };

/** Whether the area includes the pincode (six digits, already validated). */
export function storeServes(area: ServiceArea, pincode: string): boolean {
  if (area.type === 'all') return true;
  if (area.type === 'pincodes') return area.values.includes(pincode);
  return area.values.some((prefix) => pincode.startsWith(prefix));
}
