import t from 'tap';
import { ConflictError, RateLimitedError, isDomainError } from '../src/errors.js';

t.test('domain errors carry a stable code and details', async (t) => {
  const error = new ConflictError('Slug taken', [{ path: 'slug', message: 'is taken' }]);
  t.equal(error.code, 'CONFLICT');
  t.equal(error.name, 'ConflictError');
  t.same(error.details, [{ path: 'slug', message: 'is taken' }]);
  t.ok(isDomainError(error));
  t.notOk(isDomainError(new Error('x')));
  t.equal(new RateLimitedError('slow down', 7).retryAfterSeconds, 7);
});
