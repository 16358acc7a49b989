import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../server/schema';

// Writes the SDL that the resolvers define, sorted so that the file only changes when the API does.
async function main(): Promise<void> {
  const schema = lexicographicSortSchema(await createSchema());
  const target = path.resolve(process.cwd(), 'schema/schema.graphql');
  const header = '# The twinbook GraphQL API. Emitted from the code by `npm run schema:emit`; do not edit by hand.\n\n';
  writeFileSync(target, header + printSchema(schema) + '\n');
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
