#!/usr/bin/env node
// Copies the root LICENSE into every package under packages/ (each publishes its own copy).
// Run from anywhere; packages run it as `prepack` so a tarball never ships a stale copy.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(root, 'packages');
for (const entry of readdirSync(packagesDir, { withFileTypes: true })) {
  const pkg = join(packagesDir, entry.name);
  if (!entry.isDirectory() || !existsSync(join(pkg, 'package.json'))) continue;
  copyFileSync(join(root, 'LICENSE'), join(pkg, 'LICENSE'));
}
