/** `JSON.stringify(value, null, 2)` of an array element: each line indented once more, as inside the array. */
const element = (value: unknown): string => `  ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;

/**
 * A JSON array written page by page, exactly as `JSON.stringify(allItems, null, 2)` plus a final
 * newline would write it, without ever holding more than one page's items and text. (JSON strings
 * never hold a raw line break, so indenting at every "\n" cannot touch a value.)
 */
export async function* jsonArray<T>(pages: AsyncIterable<T[]>, map: (item: T) => unknown): AsyncGenerator<string> {
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield `${first ? '[\n' : ',\n'}${page.map((item) => element(map(item))).join(',\n')}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}
