import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { runCli } from './run-cli.js';

function io(env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const value: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: { BYTE8_LOG_LEVEL: 'silent', ...env },
    cwd: tmpdir(),
  };
  return { io: value, out: () => out, err: () => err };
}

describe('runCli in-process (embedded PGlite directory)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'byte8-runcli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, reports status as JSON and inspects an empty outbox', async () => {
    const migrate = io({ BYTE8_DATA_DIR: dir });
    expect(await runCli(['migrate'], migrate.io)).toBe(0);
    expect(migrate.out()).toBe('byte8: migrations applied (pglite)\n');

    const status = io({ BYTE8_DATA_DIR: dir });
    expect(await runCli(['status', '--json'], status.io)).toBe(0);
    expect(JSON.parse(status.out()).providers.map((p: { provider: string }) => p.provider)).toEqual(['sage_accounting']);

    const inspect = io();
    expect(await runCli(['outbox', 'inspect', '--data-dir', dir], inspect.io)).toBe(0);
    expect(inspect.out()).toBe('No dead-lettered events.\n');
  }, 120_000);

  it('maps argument and setting errors to exit 2, and contract failures to exit 1', async () => {
    const both = io({ BYTE8_DATA_DIR: dir });
    expect(await runCli(['status', '--database-url', 'postgres://x@127.0.0.1/db'], both.io)).toBe(2);
    expect(both.err()).toContain('set either --database-url (BYTE8_DATABASE_URL) or --data-dir (BYTE8_DATA_DIR), not both');

    const schema = io({ BYTE8_DATA_DIR: dir, BYTE8_DB_SCHEMA: 'Bad-Name' });
    expect(await runCli(['status'], schema.io)).toBe(2);
    expect(schema.err()).toContain('invalid setting --schema (BYTE8_DB_SCHEMA)');

    const missingOption = io({ BYTE8_DATA_DIR: dir });
    expect(await runCli(['outbox', 'inspect', '--limit'], missingOption.io)).toBe(2);
    expect(missingOption.err()).toContain("option '--limit <n>' argument missing");

    const days = io({ BYTE8_DATA_DIR: dir });
    expect(await runCli(['outbox', 'cleanup', '--days', '-3'], days.io)).toBe(1);

    const version = io();
    expect(await runCli(['--version'], version.io)).toBe(0);
    expect(version.out()).toBe('0.1.0\n');
  }, 120_000);
});
