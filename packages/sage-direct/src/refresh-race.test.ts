import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AesGcmSecretBox, type Byte8Storage, createStorage } from '@byte8/client';
import { type TestDatabase, testDialects } from '@byte8/testkit';
import { SAGE_SEED, type SageApiSimulator } from '@byte8/testkit/sage-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attach, connectAs, keyRing, simOptions, startSim } from './sage-direct.test-helpers.js';

// Children run these TypeScript sources directly (no build), through the testkit's source loader.
const LOADER = join(dirname(createRequire(import.meta.url).resolve('@byte8/testkit/package.json')), 'src/cli/ts-source-loader.test-helpers.mjs');
const WORKER = fileURLToPath(new URL('./refresh-race-worker.test-helpers.ts', import.meta.url));
const WORKERS = 4;
/** Every token answer takes this long, so the four workers are all inside the refresh window at once. */
const TOKEN_LATENCY_MS = 400;

interface WorkerResult {
  readonly ok: boolean;
  readonly waitedMs?: number;
  readonly status?: number;
  readonly token?: string;
  readonly failure?: string | null;
  readonly message?: string;
}

interface RaceWorker {
  readonly child: ChildProcessWithoutNullStreams;
  readonly ready: Promise<{ expired: boolean }>;
  readonly result: Promise<WorkerResult>;
}

function startWorker(config: unknown): RaceWorker {
  const child = spawn(process.execPath, ['--conditions=source', '--import', LOADER, WORKER, JSON.stringify(config)], { stdio: 'pipe' });
  const lines: unknown[] = [];
  let stderr = '';
  let buffered = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const part of parts) if (part.trim()) lines.push(JSON.parse(part));
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = (n: number) =>
    new Promise<unknown>((resolve, reject) => {
      const check = () => (lines.length > n ? resolve(lines[n]) : waiters.push(check));
      check();
      void exited.then((code) => setTimeout(() => (lines.length > n ? resolve(lines[n]) : reject(new Error(`worker exited (${code}): ${stderr}`))), 50));
    });
  return { child, ready: line(0) as Promise<{ expired: boolean }>, result: line(1) as Promise<WorkerResult> };
}

/** Starts the workers, lets them all go at once, and collects what each saw. */
async function race(config: unknown): Promise<WorkerResult[]> {
  const workers = Array.from({ length: WORKERS }, () => startWorker(config));
  const ready = await Promise.all(workers.map((worker) => worker.ready));
  // Each saw the stored access token expired before any of them started.
  expect(ready.every((r) => r.expired)).toBe(true);
  for (const worker of workers) worker.child.stdin.write('go\n');
  return Promise.all(workers.map((worker) => worker.result));
}

const pg = testDialects().find((dialect) => dialect.name === 'pg');

describe.skipIf(!pg)(`refresh race: ${WORKERS} worker processes, one PostgreSQL database`, () => {
  let sim: SageApiSimulator;
  let database: TestDatabase & { url: string };
  let storage: Byte8Storage;
  const ring = keyRing();

  beforeAll(async () => {
    sim = await startSim();
    database = (await pg!.createDatabase()) as TestDatabase & { url: string };
    storage = await createStorage({ databaseUrl: database.url });
    const { sage } = attach(sim, storage, { clock: { now: () => new Date() }, ring });
    await connectAs(sage, SAGE_SEED.users.solo.id);
    await sage.close();
  });
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
    await sim?.stop();
  });

  const config = (clockOffsetMs: number) => ({ databaseUrl: database.url, clockOffsetMs, ring, sage: simOptions(sim) });

  it('makes exactly one refresh call; every worker uses the token the winner stored and none sees invalid_grant', async () => {
    sim.advance(301_000);
    sim.reset();
    sim.faults.addLatency(TOKEN_LATENCY_MS);
    const results = await race(config(301_000));
    sim.faults.addLatency(0);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(sim.stats.tokenGrants.refresh_token).toBe(1);
    expect(sim.stats.tokenErrors).toEqual({});
    expect(new Set(results.map((r) => r.token)).size).toBe(1);
    // Nobody found a fresh token on its first read: each waited for the one refresh (winner included).
    for (const result of results) expect(result.waitedMs).toBeGreaterThanOrEqual(TOKEN_LATENCY_MS - 50);
    const stored = await storage.oauthConnections.get('sage_accounting');
    expect(stored).toMatchObject({ status: 'connected' });
    const storedToken = new AesGcmSecretBox(ring).open(stored!.tokens!.sealedAccessToken);
    expect(createHash('sha256').update(storedToken).digest('hex')).toBe(results[0]!.token);
  });

  it('after the user removes the app in Sage, one refresh meets invalid_grant and every worker sees reconnect_needed', async () => {
    sim.revokeApp(SAGE_SEED.users.solo.id);
    sim.advance(301_000);
    sim.reset();
    sim.faults.addLatency(TOKEN_LATENCY_MS);
    const results = await race(config(2 * 301_000));
    sim.faults.addLatency(0);
    expect(results.map((r) => [r.ok, r.failure])).toEqual(Array.from({ length: WORKERS }, () => [false, 'reconnect_needed']));
    expect(sim.stats.tokenErrors).toEqual({ invalid_grant: 1 });
    expect(sim.stats.tokenGrants.refresh_token).toBe(0);
    const stored = await storage.oauthConnections.get('sage_accounting');
    expect(stored).toMatchObject({ status: 'reconnect_needed', business: { id: SAGE_SEED.businesses.solo.id } });
    expect(stored?.statusReason).toMatch(/invalid_grant/);
    expect(stored?.tokens).not.toBeNull();
  });
});
