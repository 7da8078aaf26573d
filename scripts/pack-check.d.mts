/** Built code, declarations and their source maps under dist/. */
export declare const builtFile: RegExp;
export declare const requiredFiles: string[];
/** Paths (relative, sorted) that `npm pack --dry-run` lists for the package in `packageDir`. Runs no lifecycle script. */
export declare function packedFiles(packageDir: string): string[];
/** Every file path an `exports` map (or a main/types field) points at, without the leading './'. */
export declare function exportTargets(manifest: { exports?: unknown; main?: unknown; types?: unknown }): string[];
/** Checks the packed file list; `problems` is empty when the package publishes only what it should. */
export declare function checkPackage(
  packageDir: string,
  options?: { extraAllowed?: RegExp[] },
): { files: string[]; problems: string[] };
