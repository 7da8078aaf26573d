import { parsedTranslator, type MessageValues } from '@dukaan-kit/core/i18n';
import type { MessageKey } from './catalogue.js';
import type { IslandMessages } from './context.js';

const made = new WeakMap<object, (key: MessageKey, values?: MessageValues) => string>();

/**
 * An island's formatter over the messages the server gave it (`useIslandMessages`): the same
 * text on the server render and after hydration, with no catalogue in the browser bundle.
 */
export function islandT<K extends MessageKey>(m: IslandMessages<K>): (key: K, values?: MessageValues) => string {
  let t = made.get(m.messages);
  if (!t) {
    t = parsedTranslator(m.locale, m.messages as Readonly<Record<MessageKey, IslandMessages<K>['messages'][K]>>);
    made.set(m.messages, t);
  }
  return t;
}
