import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { medusaBuildStamp } from './medusa-build-stamp.mjs';

/** Kept beside the build output, so a clean of `.medusa` forces a rebuild. */
const STAMP_FILE = 'packages/adapter-medusa/.medusa/byte8-build-stamp';

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  return result.status ?? 1;
}

/**
 * Builds what the tests load from disk rather than from sources: the
 * workspace packages' `dist` (tsc project references, incremental) and the
 * Medusa plugin's `.medusa/server` (Medusa's app loader requires the built
 * plugin). The plugin is rebuilt only when its inputs changed since the
 * last build. Returns 0, or the failing build's exit code.
 */
export function buildForTests(root, print) {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const started = Date.now();
  const tscStatus = run(process.execPath, [tsc, '-b', 'tsconfig.build.json'], root);
  if (tscStatus !== 0) {
    print('pnpm test: the TypeScript build failed (tsc -b tsconfig.build.json); fix it first.');
    return tscStatus;
  }
  const stamp = medusaBuildStamp(root);
  const stampPath = join(root, STAMP_FILE);
  const built = existsSync(join(root, 'packages/adapter-medusa/.medusa/server/src')) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp;
  if (!built) {
    print('pnpm test: building the Medusa plugin (medusa plugin:build)');
    const plugin = join(root, 'packages/adapter-medusa');
    const status = run(join(plugin, 'node_modules/.bin/medusa'), ['plugin:build'], plugin);
    if (status !== 0) {
      print('pnpm test: medusa plugin:build failed.');
      return status;
    }
    writeFileSync(stampPath, stamp);
  }
  print(`pnpm test: builds ready (${((Date.now() - started) / 1000).toFixed(1)} s${built ? '; the Medusa plugin was up to date' : ''})`);
  return 0;
}
