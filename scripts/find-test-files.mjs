import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const testFile = /\.test\.tsx?$/;
const skipped = new Set(['node_modules', 'dist', 'coverage', '.tap', 'fixtures']);

function listDir(dir) {
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : [];
}

/** Test files directly in `dir`, or (deep) in every folder below it but build output and dependencies. */
function walk(dir, deep, found) {
  for (const entry of listDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (deep && !skipped.has(entry.name)) walk(path, deep, found);
    } else if (entry.isFile() && testFile.test(entry.name)) {
      found.push(path);
    }
  }
}

/** Folders directly under `dir` (packages/*, examples/*). */
function children(dir) {
  return listDir(dir)
    .filter((entry) => entry.isDirectory() && !skipped.has(entry.name))
    .map((entry) => join(dir, entry.name));
}

/**
 * Every test file of the repo, relative to `root`, sorted:
 * packages/{name}/test/**\/*.test.ts(x), ops-tests/*.test.ts(x), examples/{name}/test/*.test.ts(x).
 * Helpers next to them (test/support/*.ts) do not end in .test.ts, and test/fixtures/ is skipped.
 */
export function findTestFiles(root) {
  const found = [];
  for (const pkg of children(join(root, 'packages'))) walk(join(pkg, 'test'), true, found);
  walk(join(root, 'ops-tests'), false, found);
  for (const example of children(join(root, 'examples'))) walk(join(example, 'test'), false, found);
  return found.map((path) => relative(root, path)).sort();
}
