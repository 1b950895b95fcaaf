import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './parse-sim-args.js';
import { runLedgerSim } from './run-ledger-sim.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), signals: new EventEmitter() } };
}

describe('byte8-ledger-sim', () => {
  it('listens, prints its URL, serves the ledger routes and stops on SIGTERM', async () => {
    const t = io();
    const done = runLedgerSim(['--policy', 'skipped', '--delay-ms', '5'], t.io);
    await expect.poll(() => t.out[0]).toMatch(/^byte8-ledger-sim listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = t.out[0]!.split(' ').at(-1)!;
    const res = await fetch(`${url}/v1/tile/health`);
    expect(res.status).toBe(401);
    t.io.signals.emit('SIGTERM');
    expect(await done).toBe(0);
    expect(t.out.at(-1)).toBe('byte8-ledger-sim stopped');
    await expect(fetch(`${url}/v1/tile/health`)).rejects.toThrow();
  });

  it('stops on SIGINT too', async () => {
    const t = io();
    const done = runLedgerSim([], t.io);
    await expect.poll(() => t.out.length).toBe(2);
    t.io.signals.emit('SIGINT');
    expect(await done).toBe(0);
  });

  it('refuses bad flags with exit code 2 and the usage', async () => {
    for (const argv of [['--policy', 'maybe'], ['--port', 'x'], ['--delay-ms', '-1'], ['--bogus'], ['--tenant-id', 'abc']]) {
      const t = io();
      expect(await runLedgerSim(argv, t.io)).toBe(2);
      expect(t.err[0]).toMatch(/^byte8-ledger-sim: /);
      expect(t.err[1]).toContain('Usage: byte8-ledger-sim');
    }
  });

  it('prints help', async () => {
    const t = io();
    expect(await runLedgerSim(['--help'], t.io)).toBe(0);
    expect(t.out[0]).toContain('--policy <outcome>');
  });

  it('parses flags into simulator options', () => {
    expect(parseSimArgs(['--port', '4455', '--host', '0.0.0.0', '--policy', 'none', '--delay-ms', '250'])).toEqual({
      help: false,
      options: { port: 4455, host: '0.0.0.0', policy: { outcome: 'none', delayMs: 250 } },
      tenant: null,
    });
    expect(parseSimArgs(['--tenant-id', 't', '--master-key', 'k', '--host-base-url', 'http://h'])).toMatchObject({
      tenant: { tenantId: 't', masterKey: 'k', hostBaseUrl: 'http://h' },
    });
    expect(parseSimArgs(['--tenant-id', 't', '--master-key', 'k', '--provider', 'xero'])).toMatchObject({ tenant: { tenantId: 't', provider: 'xero' } });
  });

  it('refuses a provider that is not a key, or one without a tenant, naming the option', () => {
    expect(() => parseSimArgs(['--tenant-id', 't', '--master-key', 'k', '--provider', 'Xero Accounting'])).toThrow(/^--provider must be a provider key/);
    expect(() => parseSimArgs(['--provider', 'xero'])).toThrow('--provider goes with --tenant-id');
  });
});
