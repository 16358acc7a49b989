import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { signToken } from '../core/tokens';
import { Role } from '../core/role';

// Prints one bearer token and nothing else, so that `TOKEN=$(npm run --silent token -- --role ADMIN)` works.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      agency: { type: 'string' },
      brand: { type: 'string' },
      model: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  const role = values.role?.toUpperCase();
  if (role !== Role.ADMIN && role !== Role.AGENCY && role !== Role.BRAND && role !== Role.MODEL) {
    throw new Error('usage: token --role ADMIN|AGENCY|BRAND|MODEL [--agency ID] [--brand ID] [--model ID] [--expires 2h|30d, at most JWT_MAX_LIFETIME]');
  }
  const config = loadConfig();
  const token = await signToken(config.jwtSecret, { role, agencyId: values.agency, brandId: values.brand, modelId: values.model }, values.expires, config.jwtMaxLifetimeSeconds);
  process.stdout.write(`${token}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
