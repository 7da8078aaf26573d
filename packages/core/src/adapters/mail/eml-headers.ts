/** The header a file outbox tags each message with: the id of the account the message is about. */
export const accountHeader = 'X-Dukaan-Account';

/** Ids that may go into the header as they are: ours are UUIDs; anything else is left out rather than escaped. */
export function headerSafeId(id: string | undefined): string | undefined {
  return id !== undefined && /^[\w-]{1,64}$/.test(id) ? id : undefined;
}

/** The values of header `name` (any case) in an RFC 822 message, folded lines joined first. */
export function emlHeader(eml: string, name: string): string[] {
  const end = eml.search(/\r?\n\r?\n/);
  const head = (end < 0 ? eml : eml.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const prefix = `${name.toLowerCase()}:`;
  return head
    .split(/\r?\n/)
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
}
