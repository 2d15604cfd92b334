/** Set-up file of the server-pg project: each test file drops the PostgreSQL databases it made. */
import { afterAll } from 'vitest';
import { closeTestDatabases } from './test-database.ts';

afterAll(closeTestDatabases);
