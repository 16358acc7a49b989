/** Where the integration tests run: a PostgreSQL server, or the embedded engine (PGlite, one connection). */
export type TestEngine = 'server' | 'embedded';

/** The engine the global setup chose for this run; anything but the server is the embedded engine, as in createTestDatabase. */
export function testEngine(): TestEngine {
  return process.env.TWINBOOK_TEST_ENGINE === 'server' ? 'server' : 'embedded';
}

/** Why a test that runs more than one API process needs the server. */
export const ONE_CONNECTION = 'it serves one connection, so a second API process cannot share its database';

const skipped = (name: string, reason: string) => `${name} [skipped on the embedded engine: ${reason}]`;

/**
 * A describe block that runs only on the server. On the embedded engine it is reported as skipped, with the
 * reason in its name, rather than run against something other than what its name says.
 */
export function describeOnServer(name: string, reason: string, fn: () => void): void {
  if (testEngine() === 'server') describe(name, fn);
  else describe.skip(skipped(name, reason), fn);
}

/** A test that runs only on the server; on the embedded engine it is reported as skipped, with the reason in its name. */
export function itOnServer(name: string, reason: string, fn: jest.ProvidesCallback, timeout?: number): void {
  if (testEngine() === 'server') it(name, fn, timeout);
  else it.skip(skipped(name, reason), fn, timeout);
}
