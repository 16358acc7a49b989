import 'reflect-metadata';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { seedDemoData } from './db/demo-data';
import { createLogger } from './logger';
import { startOptionSweep } from './modules/booking/option-sweep';
import { startEventRetention } from './modules/webhook/event-retention';
import { startWebhookWorker } from './modules/webhook/webhook-worker';
import { createApp } from './server/app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.jwtSecretIsDefault && config.jwtSecretAccepted) {
    logger.warn('JWT_SECRET is not set: using the development secret; set it anywhere but on your own machine');
  }
  const db = await openDatabase(config, logger);
  const app = await createApp(config, db.orm.em, logger, { listenUrl: db.embedded ? undefined : db.url });
  await app.listen(config.port, config.host);
  const sweep = startOptionSweep(db.orm.em, config, logger);
  const webhooks = startWebhookWorker(db.orm.em, config, logger);
  const retention = startEventRetention(db.orm.em, config, logger);
  const url = `http://localhost:${app.port()}/graphql`;
  logger.info({ url, database: db.embedded ? `embedded (${config.dataDir})` : 'DATABASE_URL' }, 'twinbook API ready');

  if (config.seedDemo) {
    const demo = await seedDemoData(db.orm.em.fork(), config.jwtSecret, config.jwtMaxLifetimeSeconds);
    if (demo) {
      const lines = [`GraphQL: ${url}`, 'Demo bearer tokens (send as "Authorization: Bearer <token>"):'];
      for (const t of demo.tokens) lines.push(`  ${t.label.padEnd(34)} ${t.token}`);
      lines.push(`Explorer: open ${url} in a browser and pick a demo token.`);
      app.offerExplorerTokens(demo.tokens);
      process.stdout.write(`\n${lines.join('\n')}\n\n`);
    }
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceSeconds: config.shutdownGraceSeconds }, 'shutting down');
    // The requests in flight get the grace; should closing hang past it (a database that never answers), the process goes regardless.
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, (config.shutdownGraceSeconds + 5) * 1000).unref();
    try {
      await app.close();
      await sweep.stop();
      await webhooks.stop();
      await retention.stop();
      await db.close();
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`twinbook failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
