// Names a device from its User-Agent for the session list and the new-device mail. Our own small
// table rather than a parser dependency: people only need "Chrome on Android", not versions,
// and a short list is easy to audit. Order matters: many browsers also claim to be the ones
// after them (Edge says Chrome and Safari, Chrome says Safari, everyone says Mozilla).

/** Command-line tools and libraries: named alone, they have no "system" worth showing. */
const tools: readonly [RegExp, string][] = [
  [/^curl\//i, 'curl'],
  [/^wget\//i, 'Wget'],
  [/^httpie\//i, 'HTTPie'],
  [/^postmanruntime\//i, 'Postman'],
  [/^insomnia\//i, 'Insomnia'],
  [/^python-(requests|urllib)|^python\//i, 'Python'],
  [/^go-http-client\//i, 'Go'],
  [/^(node-fetch|undici|node)\b/i, 'Node.js'],
  [/^okhttp\//i, 'OkHttp'],
];

const browsers: readonly [RegExp, string][] = [
  [/\b(Edg|EdgA|EdgiOS|Edge)\//, 'Edge'],
  [/\b(OPR|OPiOS|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bUCBrowser\//, 'UC Browser'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(CriOS|Chrome|Chromium|HeadlessChrome)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bMSIE |\bTrident\//, 'Internet Explorer'],
];

const systems: readonly [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

function firstMatch(table: readonly [RegExp, string][], text: string): string | null {
  for (const [pattern, name] of table) if (pattern.test(text)) return name;
  return null;
}

/** "Chrome on Android", "Safari on iPhone", "Firefox on Windows", "curl", or "Unknown device". */
export function describeUserAgent(userAgent: string | null | undefined): string {
  const text = (userAgent ?? '').trim();
  if (text === '') return 'Unknown device';
  const tool = firstMatch(tools, text);
  if (tool) return tool;
  const browser = firstMatch(browsers, text);
  const system = firstMatch(systems, text);
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  if (system) return `Browser on ${system}`;
  return 'Unknown device';
}

/** Longest User-Agent kept with a session (the column's width). */
export const maxUserAgentLength = 256;

/** What is stored of a User-Agent: printable characters only, at most 256, null when nothing is left. */
export function storedUserAgent(userAgent: string | null | undefined): string | null {
  // Control characters (and NUL, which PostgreSQL refuses) have no business in a device name.
  // Cut by code points, as the column counts them, so no surrogate pair is split.
  const cleaned = Array.from((userAgent ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim()).slice(0, maxUserAgentLength).join('').trim();
  return cleaned === '' ? null : cleaned;
}
