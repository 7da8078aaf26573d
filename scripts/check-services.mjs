#!/usr/bin/env node
// Exits 1, naming the service and why, unless PostgreSQL and Redis both answer
// at DUKAAN_TEST_POSTGRES_URL / DUKAAN_TEST_REDIS_URL (or their defaults).
// Needs no installed package: without `pg` it only checks that PostgreSQL's port accepts connections.
import { probeServices } from './probe-services.mjs';

const { missingRequired } = await probeServices(process.env, true);
for (const reason of missingRequired) console.error(`Required service unavailable: ${reason}`);
if (missingRequired.length > 0) process.exit(1);
console.log('PostgreSQL and Redis answer.');
