// `node --import=./scripts/ts-loader/register.mjs file.ts`: what scripts/run-tests.mjs gives every
// test process so tap can run the repository's TypeScript as it is (see hooks.mjs).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
