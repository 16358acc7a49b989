import { Client } from 'pg';
import { ADMIN_URL } from './support/test-database';

/** Drops this run's template database. Jest loads it by its default export. */
export default async function globalTeardown(): Promise<void> {
  const template = process.env.TWINBOOK_TEST_TEMPLATE;
  if (process.env.TWINBOOK_TEST_ENGINE !== 'server' || !template) return;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${template}" with (force)`);
  } finally {
    await admin.end();
  }
}
