import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBinary } from './cli/binary.test-helpers.js';

const clientRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(clientRoot, '../..');

// Reports every ES module the loader loads, on stderr (hooks run on their own thread).
const LOAD_HOOK = `export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(LOAD_HOOK)}`)});`;

/** The packages (by node_modules name) a fresh Node process has loaded after running `program` (an ES module body). */
async function packagesLoadedBy(program: string): Promise<Set<string>> {
  const script = `${program}\nconst { createRequire } = await import('node:module');\nfor (const file of Object.keys(createRequire(import.meta.url).cache)) process.stderr.write('LOADED ' + file + '\\n');`;
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, '--input-type=module', '-e', script], {
    cwd: clientRoot,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const names = new Set<string>();
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('LOADED ')) continue;
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(decodeURIComponent(line));
    if (match) names.add(match[1]!);
  }
  return names;
}

const distUrl = (pkg: string) => pathToFileURL(join(repoRoot, 'packages', pkg, 'dist/index.js')).href;

// What a drain worker never uses: the DI container, the CLI, the default logger, the other storages.
const NOT_AT_IMPORT = ['inversify', 'reflect-metadata', 'commander', 'pino', '@electric-sql/pglite', 'mysql2'];

describe('what importing the package loads', () => {
  beforeAll(buildBinary, 120_000);

  it('@byte8/client loads its stores and transport, not the container, CLI, logger, PGlite or mysql2', async () => {
    const loaded = await packagesLoadedBy(`await import(${JSON.stringify(distUrl('client'))});`);
    // The hook sees what a worker needs, so an empty set would not pass for a pass.
    expect(loaded).toContain('kysely');
    expect(loaded).toContain('undici');
    for (const name of NOT_AT_IMPORT) expect(loaded, name).not.toContain(name);
  });

  it('@byte8/core loads inversify with its first container, not at import', async () => {
    const core = JSON.stringify(distUrl('core'));
    expect(await packagesLoadedBy(`await import(${core});`)).not.toContain('inversify');
    const built = await packagesLoadedBy(`const { buildContainer } = await import(${core});
      const c = buildContainer({ providers: [], bindings: [{ token: Symbol.for('t'), value: 7 }] });
      if (c.get(Symbol.for('t')) !== 7) throw new Error('container did not resolve');`);
    expect(built).toContain('inversify');
  });

  it('the CLI and the logger still load when first used', async () => {
    const loaded = await packagesLoadedBy(`const { runCli, createLogger } = await import(${JSON.stringify(distUrl('client'))});
      createLogger({ destination: { write() {} } }).info({}, 'hello');
      let out = ''; const code = await runCli(['--version'], { stdout: { write: (t) => { out += t; } }, stderr: { write() {} }, env: {} });
      if (code !== 0 || !/\\d+\\.\\d+\\.\\d+/.test(out)) throw new Error('runCli --version: ' + code + ' ' + out);`);
    expect(loaded).toContain('commander');
    expect(loaded).toContain('pino');
  });
});
