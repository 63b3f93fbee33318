import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach } from 'vitest';
import { emptyDatabase } from './support/database.js';

// Storage is isolated per test file; emptying the tables gives each test a fresh instance.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
beforeEach(emptyDatabase);
