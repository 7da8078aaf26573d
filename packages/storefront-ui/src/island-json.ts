/** JSON for a `<script type="application/json">`: characters that could end the script or confuse parsers are \u-escaped. */
export function islandJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
