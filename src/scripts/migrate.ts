import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres';
import { withMigrationLock } from '../db/migration-lock';
import { ormOptions } from '../db/orm-options';

const USAGE = 'usage: migrate up | down [all] | check | pending | create [name]';

// Runs against DATABASE_URL, or against the embedded engine's data folder when it is unset.
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!['up', 'down', 'check', 'pending', 'create'].includes(command)) throw new Error(USAGE);
  const config = loadConfig();
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
    url = embedded.url;
  }
  const orm = await MikroORM.init(ormOptions({ url, poolMax: embedded?.maxConnections ?? 2 }));
  const migrator = orm.getMigrator();
  try {
    switch (command) {
      case 'up':
        for (const m of await withMigrationLock(url, !!embedded, () => migrator.up())) process.stdout.write(`applied ${m.name}\n`);
        break;
      case 'down': {
        // `down` reverts the last migration; `down all` every one of them.
        const reverted = await withMigrationLock(url, !!embedded, () => migrator.down(name === 'all' ? { to: 0 } : undefined));
        for (const m of reverted) process.stdout.write(`reverted ${m.name}\n`);
        break;
      }
      case 'pending':
        for (const m of await migrator.getPendingMigrations()) process.stdout.write(`${m.name}\n`);
        break;
      case 'check':
        // Fails when the entities describe a schema that the migrations do not build.
        if (await migrator.checkMigrationNeeded()) {
          const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false });
          process.stderr.write(`schema drift: the entities need a migration (npm run migrate -- create NAME):\n${sql}\n`);
          process.exitCode = 1;
        } else {
          process.stdout.write('no schema drift\n');
        }
        break;
      case 'create': {
        const created = await migrator.createMigration(undefined, false, false, name);
        process.stdout.write(created.fileName ? `created migrations/${created.fileName}\n` : 'no changes\n');
        break;
      }
    }
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
