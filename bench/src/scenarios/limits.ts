import { execFile, fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createUndiciLedgerTransport } from '@byte8/client';
import { Pool } from 'undici';
import { invoiceBody } from '../harness/backlog.js';
import { type BenchContext, round } from '../harness/context.js';
import { type Figure, figure } from '../harness/summary.js';
import { PROVIDER, newTenant } from '../harness/tenant.js';

const CONCURRENCY = 64;

/** Runs `send` from CONCURRENCY loops for `seconds`; returns requests/s. */
async function hammer(seconds: number, send: (i: number) => Promise<void>): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await send(done);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function bareServerRate(seconds: number): Promise<number> {
  const child = fork(fileURLToPath(new URL('../bare-server.js', import.meta.url)), [], { stdio: 'inherit' });
  const url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
  const pool = new Pool(url, { connections: CONCURRENCY });
  const body = invoiceBody(1);
  try {
    return await hammer(seconds, async () => {
      const res = await pool.request({ method: 'POST', path: '/webhooks/magento/t/invoice.created', body, headers: { 'content-type': 'application/json' } });
      await res.body.dump();
      if (res.statusCode !== 202) throw new Error(`bare server answered ${res.statusCode}`);
    });
  } finally {
    await pool.close();
    child.send({ op: 'exit' });
  }
}

/** Our transport (fresh JWT per request) into the simulator, with no database at all. */
async function simulatorRate(ctx: BenchContext, seconds: number): Promise<number> {
  const tenant = await newTenant(ctx.sim);
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: CONCURRENCY });
  const body = invoiceBody(1);
  try {
    return await hammer(seconds, async (i) => {
      const r = await transport.deliver({ ...tenant.auth, provider: PROVIDER, providerParam: null, eventName: 'invoice.created', idempotencyKey: `limits:${i}:${Math.random()}`, body });
      if (r.kind !== 'response' || r.statusCode !== 202) throw new Error(`simulator answered ${JSON.stringify(r).slice(0, 200)}`);
    });
  } finally {
    await transport.close();
  }
}

/**
 * Our transport (fresh JWT per request) into the sink the peers deliver to, with no database:
 * what a drain costs per event before any queue does anything. Every system in `peers` sends
 * this same request, so its CPU per request is the floor they all share.
 */
async function transportFloor(ctx: BenchContext, seconds: number): Promise<{ rate: number; senderUs: number; sinkUs: number }> {
  const sink = ctx.sinkFor('peers');
  const tenant = await newTenant(sink);
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: CONCURRENCY });
  const body = invoiceBody(1);
  try {
    // Warm the sockets and the JIT first, as a drain is measured after its first batch.
    await hammer(1, async (i) => {
      await transport.deliver({ ...tenant.auth, provider: PROVIDER, providerParam: null, eventName: 'invoice.created', idempotencyKey: `warm:${i}:${Math.random()}`, body });
    });
    const sinkBefore = (await sink.stats()).cpuMicros;
    const cpuBefore = process.cpuUsage();
    let sent = 0;
    const rate = await hammer(seconds, async (i) => {
      const r = await transport.deliver({ ...tenant.auth, provider: PROVIDER, providerParam: null, eventName: 'invoice.created', idempotencyKey: `floor:${i}:${Math.random()}`, body });
      if (r.kind !== 'response' || r.statusCode !== 202) throw new Error(`${sink.kind} sink answered ${JSON.stringify(r).slice(0, 200)}`);
      sent++;
    });
    const cpu = process.cpuUsage(cpuBefore);
    const sinkUs = ((await sink.stats()).cpuMicros - sinkBefore) / sent;
    return { rate, senderUs: (cpu.user + cpu.system) / sent, sinkUs };
  } finally {
    await transport.close();
  }
}

function findPgTestFsync(): string | null {
  for (const v of ['17', '16', '15', '14']) {
    const path = `/usr/lib/postgresql/${v}/bin/pg_test_fsync`;
    if (existsSync(path)) return path;
  }
  return null;
}

/** fdatasync (8 kB writes, one at a time) ops/s of the disk under the temp directory, or null. */
async function fdatasyncRate(): Promise<number | null> {
  const bin = findPgTestFsync();
  if (!bin) return null;
  const dir = mkdtempSync(`${tmpdir()}/bench-fsync-`);
  try {
    const { stdout } = await promisify(execFile)(bin, ['-s', '2', '-f', `${dir}/probe`], { timeout: 120_000 });
    const match = /fdatasync\s+([\d.]+) ops\/sec/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What bounds the other figures, measured in the same run: loopback HTTP, the simulator's own cost, the disk's fsync rate. */
export async function limitsScenario(ctx: BenchContext): Promise<Figure[]> {
  const seconds = ctx.full ? 10 : 3;
  const bare: number[] = [];
  const sim: number[] = [];
  const floor: Array<{ rate: number; senderUs: number; sinkUs: number }> = [];
  for (let r = 0; r < ctx.sizes.repeats; r++) {
    bare.push(round(await bareServerRate(seconds)));
    sim.push(round(await simulatorRate(ctx, seconds)));
    floor.push(await transportFloor(ctx, seconds));
    const f = floor.at(-1)!;
    ctx.log(`  limits #${r + 1}: bare server ${bare.at(-1)} req/s, simulator ${sim.at(-1)} req/s, transport -> ${ctx.sinkFor('peers').kind} sink ${round(f.rate)} req/s (${round(f.senderUs)} + ${round(f.sinkUs)} us CPU per request)`);
  }
  const floorCase = `our transport -> ${ctx.sinkFor('peers').kind} sink, no database`;
  const floorDetails = { concurrency: CONCURRENCY, seconds, note: 'the request every system in `peers` sends, with no queue: the CPU floor per event they all share' };
  const figures = [
    figure('limits', 'undici -> bare node:http (202)', 'loopback requests', 'req/s', bare, { concurrency: CONCURRENCY, seconds }),
    figure('limits', 'our transport -> simulator (JWT)', 'loopback requests', 'req/s', sim, { concurrency: CONCURRENCY, seconds, note: 'no database: the HTTP + JWT ceiling of any drain into the simulator' }),
    figure('limits', floorCase, 'loopback requests', 'req/s', floor.map((f) => round(f.rate)), floorDetails),
    figure('limits', floorCase, 'sender CPU per request', 'us', floor.map((f) => round(f.senderUs)), floorDetails),
    figure('limits', floorCase, 'sink CPU per request', 'us', floor.map((f) => round(f.sinkUs)), floorDetails),
  ];
  const fsync = await fdatasyncRate();
  if (fsync !== null) figures.push(figure('limits', 'pg_test_fsync', 'fdatasync', 'ops/s', [round(fsync)], { note: 'one 8 kB write + fdatasync at a time, temp directory disk' }));
  return figures;
}
