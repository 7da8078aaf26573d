/**
 * Reads tap's final count line, `# { total: 12, pass: 10, fail: 1, skip: 1 }`
 * (keys with a zero count are left out by tap), into numbers; null for any other line.
 * Only an unindented line counts: subtests print theirs indented.
 */
export function parseTapSummary(line) {
  const match = /^# \{ (total: \d+[^}]*) \}\s*$/.exec(line);
  if (!match) return null;
  const counts = { total: 0, pass: 0, fail: 0, skip: 0, todo: 0 };
  for (const [, key, value] of match[1].matchAll(/(\w+): (\d+)/g)) counts[key] = Number(value);
  return counts;
}
