/**
 * What a cached value costs in this process's memory, counted from its structure rather than
 * guessed from its JSON length: twice the JSON length undercounted freshly loaded store views
 * (about 2.4 bytes per JSON character measured, objects and arrays dominate) and did not count
 * what the HTTP layer keeps beside an entry for as long as it lives (the encoded JSON body,
 * the encoded parts of a page template, search indexes). The constants are V8's layout on
 * 64-bit Node without pointer compression, rounded up; entry-size.test.ts holds them against
 * measured heap growth.
 */

/** A pointer-sized slot: one property or array element. */
const slot = 8;
/** Object header (map, properties, elements) and the hidden-class share of a small object. */
const objectHeader = 4 * slot;
/** Array header plus its separate elements store's header. */
const arrayHeader = 6 * slot;
/** String header (map, hash, length), rounded to the allocation granularity. */
const stringHeader = 3 * slot;
/** A number that is not a small integer lives in its own boxed HeapNumber. */
const heapNumber = 2 * slot;
/** A Buffer or typed array: its JS object and the backing store's bookkeeping, beside its bytes. */
const bufferOverhead = 16 * slot;
/** Anything else (a function, a symbol, a Map): counted as a small object, not walked. */
const opaque = objectHeader + 4 * slot;

/** Strings with a character above U+00FF are stored with two bytes per character. */
const twoByte = /[^\u0000-\u00ff]/;

/**
 * Bytes the derived copies of an entry's text cost, per character: the HTTP layer encodes an
 * entry's JSON or page text to UTF-8 once and keeps the Buffer with the entry (mostly ASCII, so
 * about one byte a character; search keeps lower-cased copies of the product names too).
 */
const derivedBytesPerCharacter = 1.5;

export interface EntrySize {
  /** The value's own heap cost. */
  bytes: number;
  /** Characters of text in it (strings, keys excluded): what derived encodings are sized by. */
  characters: number;
}

/**
 * Walks `value` once (shared sub-objects and cycles counted once) and returns its estimated
 * heap size. Keys are not counted per object: objects of one shape share their keys.
 */
export function measureValue(value: unknown): EntrySize {
  const seen = new Set<object>();
  let bytes = 0;
  let characters = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    switch (typeof item) {
      case 'string':
        bytes += stringHeader + item.length * (twoByte.test(item) ? 2 : 1);
        characters += item.length;
        break;
      case 'number':
        // In a slot already; a non-integer or a large one is boxed beside it.
        if (!Number.isInteger(item) || Math.abs(item) >= 2 ** 31) bytes += heapNumber;
        break;
      case 'object': {
        if (item === null || seen.has(item)) break;
        seen.add(item);
        if (ArrayBuffer.isView(item)) {
          bytes += bufferOverhead + item.byteLength;
        } else if (Array.isArray(item)) {
          bytes += arrayHeader + item.length * slot;
          for (const element of item) stack.push(element);
        } else if (isPlainObject(item)) {
          const values = Object.values(item);
          bytes += objectHeader + values.length * slot;
          for (const element of values) stack.push(element);
        } else {
          bytes += opaque;
        }
        break;
      }
      case 'bigint':
      case 'symbol':
      case 'function':
        bytes += opaque;
        break;
      default:
        // booleans and undefined are constants: the slot holding them is counted by its owner.
        break;
    }
  }
  return { bytes, characters };
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Per entry: the cache's own bookkeeping (its slot in the LRU's arrays, the key's map entry, the box). */
const entryOverhead = 24 * slot;

/**
 * What one cache entry under `key` holding `value` costs, with the derived copies of its text
 * that callers keep for as long as it lives.
 */
export function entryBytes(key: string, value: unknown): number {
  const { bytes, characters } = measureValue(value);
  return Math.ceil(entryOverhead + stringHeader + key.length + bytes + characters * derivedBytesPerCharacter);
}
