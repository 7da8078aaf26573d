import { ValidationFailedError } from '../../errors.js';

/**
 * A value the database cannot store, as a ValidationFailedError instead of a driver error (a
 * 500). PostgreSQL reports such values with SQLSTATE class 22 ("data exception": a NUL byte in
 * text, a string longer than its column, a number out of range); its message, which holds
 * SQL, is kept only as the cause. The schemas refuse these values first; this is the net
 * under them, so input the API lets through by mistake never becomes a server error.
 */
export function translateDataException(error: unknown): unknown {
  if (!/^22/.test(sqlState(error))) return error;
  return new ValidationFailedError('A value is too long, too large or contains characters that cannot be stored', [], { cause: error });
}

/** The repository with every method's rejection passed through translateDataException. */
export function withDataExceptions<R extends object>(repository: R): R {
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (async () => (value as (...a: unknown[]) => unknown).apply(target, args))().catch((error: unknown) => {
          throw translateDataException(error);
        });
    },
  });
}

/** The SQLSTATE of a pg error, also when objection wrapped it (DataError keeps the driver's as `nativeError`). */
function sqlState(error: unknown): string {
  const { code, nativeError } = (error ?? {}) as { code?: unknown; nativeError?: unknown };
  if (typeof code === 'string') return code;
  return nativeError ? sqlState(nativeError) : '';
}
