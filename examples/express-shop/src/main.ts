#!/usr/bin/env node
/**
 * `pnpm start`: the demo shop on embedded PGlite with a simulated ledger.
 * Settings come from the environment (read here, at the edge, only):
 *   PORT, HOST, DATABASE_URL, BYTE8_DATA_DIR, BYTE8_LEDGER_URL, BYTE8_PUBLIC_URL,
 *   BYTE8_ADMIN_USER, BYTE8_ADMIN_PASSWORD, BYTE8_PROVIDERS,
 *   BYTE8_MODE (`direct`: Sage straight to the Sage API simulator, no ledger).
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { resolveProviders } from '@byte8/client';
import { startShop } from './start-shop.js';

// PGlite's WASM (PostgreSQL) is compiled when the storage opens, after this line. With
// V8's baseline WASM compiler only, the optimising compiler's memory and code stay out
// of the process: about 65 MB of the shop's resident memory after start. The demo's
// queries are small; they do not need optimised PostgreSQL.
setFlagsFromString('--liftoff-only');

const env = process.env;
// Provider keys or package names, e.g. `sage_accounting,xero,freeagent`; the packages are this shop's dependencies.
const providerList = (env.BYTE8_PROVIDERS ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
let providers: Awaited<ReturnType<typeof resolveProviders>> | undefined;
if (providerList.length > 0) {
  try {
    providers = await resolveProviders(providerList, { searchFrom: [dirname(fileURLToPath(import.meta.url))] });
  } catch (error) {
    console.error(`BYTE8_PROVIDERS: ${(error as Error).message}`);
    process.exit(2);
  }
}
const mode = env.BYTE8_MODE ?? 'ledger';
if (mode !== 'ledger' && mode !== 'direct') {
  console.error(`BYTE8_MODE: must be "ledger" or "direct", got "${mode}"`);
  process.exit(2);
}
const shop = await startShop({
  mode,
  ...(providers ? { providers } : {}),
  port: env.PORT ? Number(env.PORT) : 3000,
  host: env.HOST ?? '127.0.0.1',
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.BYTE8_DATA_DIR ?? '.byte8-data/express-shop' }),
  ...(env.BYTE8_LEDGER_URL ? { ledgerUrl: env.BYTE8_LEDGER_URL } : {}),
  ...(env.BYTE8_PUBLIC_URL ? { publicUrl: env.BYTE8_PUBLIC_URL } : {}),
  admin: { user: env.BYTE8_ADMIN_USER ?? 'admin', password: env.BYTE8_ADMIN_PASSWORD ?? randomBytes(9).toString('base64url') },
  print: (line) => console.log(line),
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping...');
  await shop.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
