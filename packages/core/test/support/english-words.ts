// The check the storefront's catalogue test makes, for mails: Latin words of a text outside its
// {placeholders} and ICU keywords, but for terms a Hindi reader knows as they are.

/** Words a Hindi mail may keep in Latin letters. */
export const latinAllowed = new Set(['upi', 'gst', 'gstin', 'pin', 'cod', 'utc', 'email', 'url', 'id', 'otp']);

export function englishWords(message: string): string[] {
  const text = message
    .replace(/\{\s*[\w.]+\s*(?:,\s*(?:plural|select|selectordinal|number|date|time)\s*(?:,[^{}]*)?)?\}/g, ' ')
    .replace(/\b(?:plural|select|selectordinal|one|other|few|many|zero|two|offset:\d+|=\d+)\s*\{/g, '{')
    .replace(/\{\s*[\w.]+\s*,\s*(?:plural|select|selectordinal)\s*,/g, ' ');
  return (text.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? []).filter((w) => !latinAllowed.has(w.toLowerCase()));
}
