/**
 * A drain worker in its own process, as a deployment runs it, so the parent
 * can measure its memory (/proc VmHWM) and several can share one database.
 * Config is JSON in argv[2]. Protocol: the child sends `ready`; on `go` it
 * drains (`drain` mode: until idle, then `done`) or runs the loop (`run`
 * mode: until `stop`, then `done`); on `exit` it closes and exits.
 */
import { setFlagsFromString } from 'node:v8';
import { createStorage, createUndiciLedgerTransport, workerV8Flags } from '@byte8/client';
import { createBenchWorker } from './harness/bench-worker.js';

// The V8 settings `byte8 worker` runs with, unless BYTE8_BENCH_WORKER_EXEC_ARGV gives node its own.
for (const flag of workerV8Flags(['worker'], process.execArgv)) setFlagsFromString(flag);

export interface WorkerProcessConfig {
  readonly databaseUrl: string;
  readonly boxKey: string;
  readonly mode: 'drain' | 'run';
  /** Drain workers in this process. */
  readonly workers: number;
  readonly batch: number;
  readonly concurrency: number;
  readonly connections: number;
  /** Wake on NOTIFY (`storage.listen`) in `run` mode. */
  readonly listen: boolean;
  readonly pollIntervalMs: number;
}

export interface WorkerProcessResult {
  readonly drained: number;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly cpuMicros: number;
  /** process.memoryUsage() in MiB once loaded and connected (before `go`) and when done. */
  readonly memoryAtReadyMiB: Readonly<Record<string, number>>;
  readonly memoryAtDoneMiB: Readonly<Record<string, number>>;
}

function memoryMiB(): Record<string, number> {
  const usage = process.memoryUsage() as unknown as Record<string, number>;
  return Object.fromEntries(Object.entries(usage).map(([k, v]) => [k, Math.round((v / 2 ** 20) * 10) / 10]));
}

const config = JSON.parse(process.argv[2]!) as WorkerProcessConfig;
const storage = await createStorage({ databaseUrl: config.databaseUrl, migrate: false });
const transport = createUndiciLedgerTransport({ connectionsPerOrigin: config.connections });
const workers = Array.from({ length: config.workers }, (_, i) =>
  createBenchWorker(storage, transport, config.boxKey, {
    listen: config.listen,
    workerId: `bench-${process.pid}-${i}`,
    batchSize: config.batch,
    concurrency: config.concurrency,
    pollIntervalMs: config.pollIntervalMs,
    gcIntervalMs: 0,
  }),
);

const send = (message: unknown) => process.send?.(message);
let startedAt = 0;
let cpuBefore = process.cpuUsage();

process.on('message', async (message: { op: 'go' | 'stop' | 'exit' }) => {
  if (message.op === 'go') {
    cpuBefore = process.cpuUsage();
    startedAt = Date.now();
    if (config.mode === 'run') {
      for (const w of workers) w.start();
      return;
    }
    const counts = await Promise.all(workers.map((w) => w.drainUntilIdle()));
    finish(counts.reduce((a, b) => a + b, 0));
  } else if (message.op === 'stop') {
    await Promise.all(workers.map((w) => w.stop()));
    finish(0);
  } else {
    await transport.close();
    await storage.close();
    process.disconnect();
  }
});

function finish(drained: number): void {
  const cpu = process.cpuUsage(cpuBefore);
  const result: WorkerProcessResult = {
    drained,
    startedAt,
    endedAt: Date.now(),
    cpuMicros: cpu.user + cpu.system,
    memoryAtReadyMiB,
    memoryAtDoneMiB: memoryMiB(),
  };
  send({ op: 'done', result });
}

const memoryAtReadyMiB = memoryMiB();
send({ op: 'ready' });
