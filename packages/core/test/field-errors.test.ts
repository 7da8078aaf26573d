// Object-level validation errors name a path (review follow-up to issue 8 item 12): the peers of
// and/or/xor errors, else `body` for the whole input; never "".
import t from 'tap';
import Joi from 'joi';
import { ValidationFailedError } from '../src/errors.js';
import { validate } from '../src/shared/validate.js';

const pathsOf = (schema: Joi.Schema, input: unknown): string[] => {
  try {
    validate(schema, input);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return error.details.map((d) => d.path);
  }
};

t.test('peer errors point at the peers', async (t) => {
  const keys = { a: Joi.number(), b: Joi.number(), c: Joi.number() };
  t.same(pathsOf(Joi.object(keys).or('a', 'b'), {}), ['a', 'b'], 'or: either may be sent');
  t.same(pathsOf(Joi.object(keys).xor('a', 'b'), { a: 1, b: 2 }), ['a', 'b'], 'xor: the conflicting pair');
  t.same(pathsOf(Joi.object(keys).xor('a', 'b'), {}), ['a', 'b'], 'xor: none sent');
  t.same(pathsOf(Joi.object(keys).and('a', 'b', 'c'), { a: 1 }), ['b', 'c'], 'and: the missing peers');
  t.same(pathsOf(Joi.object(keys).with('a', 'b'), { a: 1 }), ['b'], 'with: the missing peer');
  t.same(pathsOf(Joi.object(keys).without('a', 'b'), { a: 1, b: 1 }), ['b'], 'without: the peer to remove');
  t.same(pathsOf(Joi.object(keys).oxor('a', 'b'), { a: 1, b: 1 }), ['a', 'b']);
  t.same(pathsOf(Joi.object(keys).nand('a', 'b'), { a: 1, b: 1 }), ['a', 'b']);
  t.same(pathsOf(Joi.object({ inner: Joi.object(keys).or('a', 'b') }), { inner: {} }), ['inner.a', 'inner.b'], 'nested: prefixed');
});

t.test('other errors about the whole input say body', async (t) => {
  t.same(pathsOf(Joi.object({ a: Joi.number() }).min(1), {}), ['body']);
  t.same(pathsOf(Joi.object({ a: Joi.number() }), 'x'), ['body']);
  t.same(pathsOf(Joi.object({ a: Joi.number() }).required(), undefined), ['body']);
  t.same(pathsOf(Joi.object({ inner: Joi.object({ a: Joi.number() }).min(1) }), { inner: {} }), ['inner'], 'a nested object keeps its own path');
});
