import 'reflect-metadata';
import { Client } from 'pg';
import { buildServer } from './support/api-process';
import { ADMIN_URL, migrate, serverReachable, templateDb, withDatabase } from './support/test-database';

async function prepare(): Promise<void> {
  if (!(await serverReachable())) {
    process.env.TWINBOOK_TEST_ENGINE = 'embedded';
    process.stdout.write('\nintegration tests: no PostgreSQL server reachable (or TEST_DB=embedded): using the embedded engine\n');
    return;
  }
  process.env.TWINBOOK_TEST_ENGINE = 'server';
  process.env.TWINBOOK_TEST_TEMPLATE = `twinbook_test_template_${process.pid}`;
  const TEMPLATE_DB = templateDb();
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${TEMPLATE_DB}" with (force)`);
    await admin.query(`create database "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(ADMIN_URL, TEMPLATE_DB), 2);
  // Tests that race two API processes run the built server; build it once here, not once per test file.
  buildServer();
}

/**
 * Decides once where the integration tests run and, on a server, builds the migrated template that every
 * test file copies into a database of its own.
 */
// Jest loads a global setup by its default export, the one place a default export is needed.
export default async function globalSetup(): Promise<void> {
  try {
    await prepare();
  } finally {
    // Importing the entities here registers MikroORM metadata on this realm's globalThis; Jest copies globals
    // into the test files' realm, where those foreign Maps break metadata discovery. Leave none behind.
    for (const key of Object.keys(globalThis)) {
      if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
    }
  }
}
