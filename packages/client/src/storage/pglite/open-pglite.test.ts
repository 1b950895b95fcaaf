import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildBinary } from '../../cli/binary.test-helpers.js';
import { initDataDirInChild, isInitialisedDataDir } from './init-data-dir.js';
import { openPglite } from './open-pglite.js';

const BOOT_TIMEOUT = 120_000;

describe('the built-in PGlite on a fresh data directory', () => {
  it('is initialised in a child, then opened here with the same data', { timeout: BOOT_TIMEOUT }, async () => {
    const root = await mkdtemp(join(tmpdir(), 'byte8-pglite-'));
    const dataDir = join(root, 'data');
    try {
      expect(isInitialisedDataDir(dataDir)).toBe(false);
      await initDataDirInChild(dataDir);
      expect(isInitialisedDataDir(dataDir)).toBe(true);
      const db = await openPglite({ dataDir });
      await db.exec('create table kept (n int); insert into kept values (7)');
      await db.close();
      const again = await openPglite({ dataDir });
      expect((await again.query<{ n: number }>('select n from kept')).rows).toEqual([{ n: 7 }]);
      await again.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('says which directory failed and why when initdb cannot run', { timeout: BOOT_TIMEOUT }, async () => {
    const root = await mkdtemp(join(tmpdir(), 'byte8-pglite-'));
    try {
      // A file where the directory should be: initdb cannot create it.
      const blocked = join(root, 'file');
      await writeFile(blocked, 'not a directory');
      await expect(initDataDirInChild(join(blocked, 'data'))).rejects.toThrow(/initialising the PGlite data directory .*file\/data failed \(exit \d+\)/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  // In-process, the first open of a fresh directory left about 800 MiB resident (initdb's WASM
  // instance and buffers stay reachable), against about 300 MiB for a reopen.
  it('leaves a process that opened it well under what an in-process initdb left', { timeout: BOOT_TIMEOUT }, async () => {
    const root = await mkdtemp(join(tmpdir(), 'byte8-pglite-'));
    try {
      const program = `
        const { openPglite } = await import(${JSON.stringify(new URL('./open-pglite.js', import.meta.url).href.replace('/src/', '/dist/'))});
        const db = await openPglite({ dataDir: ${JSON.stringify(join(root, 'data'))} });
        await db.query('select 1');
        const { readFileSync } = await import('node:fs');
        process.stdout.write(/VmRSS:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
        await db.close();`;
      await buildBinary();
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', program], { env: { ...process.env, NODE_OPTIONS: '' } });
      const rssMiB = Number(stdout) / 1024;
      expect(rssMiB).toBeLessThan(450);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
