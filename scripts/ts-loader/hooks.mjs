// Module hooks that run the repository's TypeScript in test processes: each .ts/.tsx file is
// transformed on its own by esbuild (types stripped, JSX for preact), and a `./x.js` import
// finds `./x.ts`, as TypeScript's NodeNext resolution writes it.
//
// Why not tap's ts-node (slow: it transpiled every process's imports from scratch, about 45 % of a
// CI run) or tsx: tsx compiles with esbuild's keepNames, which wraps every named function in a
// `__name(...)` call; a function handed to Playwright's page.evaluate is sent to the browser as
// its source text, where no `__name` exists. Without keepNames a function's source is what was
// written. The settings follow tsconfig.base.json (ES2022, verbatimModuleSyntax, isolatedModules),
// so a file transformed alone means what tsc makes of it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const tsconfigRaw = {
  compilerOptions: {
    target: 'ES2022',
    useDefineForClassFields: true,
    verbatimModuleSyntax: true,
    jsx: 'react-jsx',
    jsxImportSource: 'preact',
  },
};

const typescript = /\.(ts|tsx|mts)$/;
const javascriptImport = /\.(js|jsx|mjs)$/;
const typescriptFor = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'] };

function isPathLike(specifier) {
  return specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const match = javascriptImport.exec(specifier);
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !match || !isPathLike(specifier)) throw error;
    const stem = specifier.slice(0, -match[0].length);
    for (const extension of typescriptFor[match[0]]) {
      try {
        return await nextResolve(stem + extension, context);
      } catch {
        // try the next extension; the original error is the one to report
      }
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  const match = url.startsWith('file:') ? typescript.exec(new URL(url).pathname) : null;
  if (!match) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const { code } = await transform(await readFile(path, 'utf8'), {
    loader: match[1] === 'tsx' ? 'tsx' : 'ts',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: path,
    tsconfigRaw,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
