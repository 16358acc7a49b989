import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { print } from 'graphql';
import { loadConfig, type Config } from '../../src/config';
import { ormOptions } from '../../src/db/orm-options';
import { createLogger } from '../../src/logger';
import { createApp, type App } from '../../src/server/app';
import { signToken, type TokenClaims } from '../../src/core/tokens';
import { Role } from '../../src/core/viewer';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_JWT_SECRET } from './test-secret';


export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: unknown[] }[];
}

export interface TestApp {
  url: string;
  orm: MikroORM;
  db: TestDatabase;
  config: Config;
  adminToken: string;
  token(claims: TokenClaims): Promise<string>;
  /** Sends a typed operation over HTTP and returns the status and body. */
  request<R, V>(doc: TypedDocumentNode<R, V>, variables: V, token?: string | null): Promise<GraphQLResponse<R>>;
  /** Sends a typed operation and returns its data, failing the test on any GraphQL error. */
  gql<R, V>(doc: TypedDocumentNode<R, V>, variables: V, token?: string | null): Promise<R>;
  /** Sends a raw body (for malformed requests). */
  raw(body: string, token?: string | null, contentType?: string): Promise<{ status: number; body: string }>;
  /** Offers bearer tokens in the explorer page, as `npm start` does with the demo data's. */
  offerExplorerTokens: App['offerExplorerTokens'];
  close(): Promise<void>;
}

/** Starts the API over HTTP on a free port, on a database of this test file's own. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // Queries run compiled from their first use, as a server's steady state runs them (compiled-queries.ts); the test of
  // that module runs the same documents on graphql-js too.
  const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', COMPILE_QUERIES_AFTER_USES: '1', ...overrides });
  const orm = await MikroORM.init(ormOptions({ url: db.url, poolMax: Math.min(db.maxConnections, 10), statementTimeoutMs: config.dbStatementTimeoutSeconds * 1000 }));
  const app: App = await createApp(config, orm.em, createLogger(config.logLevel), { listenUrl: db.embedded ? undefined : db.url });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${app.port()}/graphql`;
  const adminToken = await signToken(TEST_JWT_SECRET, { role: Role.ADMIN, subject: 'test-admin' }, undefined, config.jwtMaxLifetimeSeconds);

  async function raw(body: string, token?: string | null, contentType = 'application/json') {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(url, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text() };
  }

  async function request<R, V>(doc: TypedDocumentNode<R, V>, variables: V, token?: string | null): Promise<GraphQLResponse<R>> {
    const res = await raw(JSON.stringify({ query: print(doc), variables }), token === undefined ? adminToken : token);
    return { status: res.status, ...(JSON.parse(res.body) as Omit<GraphQLResponse<R>, 'status'>) };
  }

  return {
    url,
    orm,
    db,
    config,
    adminToken,
    token: (claims) => signToken(TEST_JWT_SECRET, claims, undefined, config.jwtMaxLifetimeSeconds),
    request,
    raw,
    offerExplorerTokens: (tokens) => app.offerExplorerTokens(tokens),
    async gql(doc, variables, token) {
      const res = await request(doc, variables, token);
      if (res.errors?.length || res.status !== 200) {
        throw new Error(`GraphQL request failed (HTTP ${res.status}): ${JSON.stringify(res.errors)}`);
      }
      return res.data!;
    },
    async close() {
      await app.close();
      await orm.close(true);
      await db.drop();
    },
  };
}
