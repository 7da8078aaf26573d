// What `npm pack` would publish for a package, and whether that is only what it should be.
// Used by each package's test/packaging.test.ts (after `npm run build`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Built code, declarations and their source maps under dist/. */
export const builtFile = /^dist\/.+\.(js|mjs|cjs|d\.ts|d\.mts|d\.cts|js\.map|mjs\.map|cjs\.map|d\.ts\.map|d\.mts\.map|d\.cts\.map)$/;
export const requiredFiles = ['package.json', 'README.md', 'LICENSE'];

/** Paths (relative, sorted) that `npm pack --dry-run` lists for the package in `packageDir`. Runs no lifecycle script. */
export function packedFiles(packageDir) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [report] = JSON.parse(out.slice(out.indexOf('[')));
  return report.files.map((file) => file.path).sort();
}

/** Every file path an `exports` map (or a main/types field) points at, without the leading './'. */
export function exportTargets(manifest) {
  const targets = new Set();
  const collect = (value) => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest.exports);
  collect(manifest.main);
  collect(manifest.types);
  return [...targets].sort();
}

function matchesTarget(target, files) {
  if (!target.includes('*')) return files.includes(target);
  const pattern = new RegExp(`^${target.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
  return files.some((file) => pattern.test(file));
}

/**
 * Checks the packed file list of the package in `packageDir`: only dist/ code, declarations and maps
 * (plus anything matching `extraAllowed`, e.g. built CSS), package.json, README.md and LICENSE;
 * README.md and LICENSE present; every exports/main/types target packed.
 * Returns the file list and one message per problem (none when the package is fine).
 */
export function checkPackage(packageDir, { extraAllowed = [] } = {}) {
  const files = packedFiles(packageDir);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const problems = [];
  for (const file of files) {
    const allowed = requiredFiles.includes(file) || builtFile.test(file) || extraAllowed.some((pattern) => pattern.test(file));
    if (!allowed) problems.push(`packs ${file}, which is not built code, a declaration, a map, README.md or LICENSE`);
  }
  for (const file of requiredFiles) {
    if (!files.includes(file)) problems.push(`does not pack ${file}`);
  }
  for (const target of exportTargets(manifest)) {
    if (!matchesTarget(target, files)) problems.push(`exports ./${target}, which is not packed (not built?)`);
  }
  return { files, problems };
}
