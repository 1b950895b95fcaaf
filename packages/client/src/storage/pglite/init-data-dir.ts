import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The child's whole program: open PGlite on the directory (which runs initdb
 * there) and close it. `argv[1]` is the directory, `argv[2]` PGlite's URL.
 */
const INIT_PROGRAM = `
const [dataDir, pgliteUrl] = process.argv.slice(1);
const { PGlite } = await import(pgliteUrl);
const db = await PGlite.create({ dataDir });
await db.close();
`;

/** True when `dataDir` already holds a cluster (initdb writes PG_VERSION at its top). */
export function isInitialisedDataDir(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * Runs initdb for an on-disk PGlite in a short-lived child process. Done in
 * this process, the first open of a fresh directory left about 800 MiB
 * resident, most of it still there after a full GC (V8's external memory stays
 * at ~620 MiB), against ~300 MiB for opening an initialised directory. In a
 * child it all goes back to the OS when the child exits, and this process
 * then opens an initialised directory, as every later start does.
 */
export async function initDataDirInChild(dataDir: string): Promise<void> {
  const pgliteUrl = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', INIT_PROGRAM, dataDir, pgliteUrl], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // The parent's NODE_OPTIONS (a loader, --inspect) are for the parent.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 4_000) stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`createStorage: initialising the PGlite data directory ${dataDir} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
}
