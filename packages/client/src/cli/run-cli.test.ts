import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackageTree } from '../providers/provider-packages.test-helpers.js';
import type { CliIo } from './cli-io.js';
import { runCli } from './run-cli.js';

// Hosts without a configuration module: the CLI uses the provider packages installed next to them.
const hosts = new PackageTree();
const sageHost = hosts.dir('sage-shop');
hosts.linkWorkspacePackage('sage-accounting', sageHost);
const threeProviderHost = hosts.dir('three-provider-shop');
for (const folder of ['sage-accounting', 'xero-accounting', 'freeagent-accounting']) hosts.linkWorkspacePackage(folder, threeProviderHost);
afterAll(() => hosts.remove());

function io(env: Record<string, string> = {}, cwd = sageHost) {
  let out = '';
  let err = '';
  const value: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: { BYTE8_LOG_LEVEL: 'silent', ...env },
    cwd,
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

  it('with three provider packages installed, lists all three and asks which one to pair; only Sage has a command group', async () => {
    const status = io({ BYTE8_DATA_DIR: dir }, threeProviderHost);
    expect(await runCli(['status', '--json'], status.io)).toBe(0);
    expect(JSON.parse(status.out()).providers.map((p: { provider: string; name: string }) => [p.provider, p.name])).toEqual([
      ['freeagent', 'FreeAgent Accounting'],
      ['sage_accounting', 'Sage Accounting'],
      ['xero', 'Xero Accounting'],
    ]);

    const ambiguous = io({ BYTE8_DATA_DIR: dir }, threeProviderHost);
    expect(await runCli(['pair-code'], ambiguous.io)).toBe(2);
    expect(ambiguous.err()).toContain('--provider is required: several providers are installed (freeagent, sage_accounting, xero)');

    const xero = io({ BYTE8_DATA_DIR: dir }, threeProviderHost);
    expect(await runCli(['pair-code', '--provider', 'xero'], xero.io)).toBe(0);
    expect(xero.out()).toMatch(/^[0-9a-f]{32}\n$/);
    expect(xero.err()).toContain('Pairing code for Xero Accounting');

    const help = io({}, threeProviderHost);
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.out()).toMatch(/^\s+sage\s+Sage Accounting commands$/m);
    expect(help.out()).not.toMatch(/^\s+(xero|freeagent)\b/m);
    const noGroup = io({}, threeProviderHost);
    expect(await runCli(['xero', 'invoice:sync'], noGroup.io)).toBe(2);
    expect(noGroup.err()).toContain("unknown command 'xero'");
  }, 120_000);

  it('says how to install a provider when the configuration lists none', async () => {
    const config = join(hosts.dir('empty-config'), 'byte8.config.mjs');
    writeFileSync(config, 'export default { providers: [] };\n');
    const none = io({ BYTE8_DATA_DIR: dir });
    expect(await runCli(['pair-code', '--config', config], none.io)).toBe(2);
    expect(none.err()).toContain('no provider installed: name providers in the configuration module, or install a provider package (e.g. @byte8/sage-accounting) next to the host');
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
