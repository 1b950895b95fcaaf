import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The crash, database and load tests run the real `byte8 worker` binary as a
 * child process, so the compiled packages must be current. `tsc -b` is
 * incremental: after the CI build step it only checks timestamps.
 */
export default async function setup(): Promise<void> {
  const started = Date.now();
  await promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', join(repoRoot, 'packages/client'), join(repoRoot, 'packages/sage-accounting')],
    { cwd: repoRoot },
  );
  console.log(`reliability: compiled packages checked in ${Date.now() - started} ms`);
}
