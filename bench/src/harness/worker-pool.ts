import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkerProcessConfig, WorkerProcessResult } from '../worker-process.js';

/** What a group of worker processes did between `go` and `done`. */
export interface PoolResult {
  readonly drained: number;
  /** From the first start to the last finish, in ms. */
  readonly wallMs: number;
  readonly cpuMicros: number;
  /** Peak resident set (VmHWM) of each process, in MiB, read before it exits. */
  readonly peakRssMiB: readonly number[];
  /** process.memoryUsage() (MiB) of each process once loaded, and when done. */
  readonly memoryAtReadyMiB: ReadonlyArray<Readonly<Record<string, number>>>;
  readonly memoryAtDoneMiB: ReadonlyArray<Readonly<Record<string, number>>>;
}

/** Peak resident set size of a live process, from /proc (Linux), in MiB. */
export function vmHwmMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : Number.NaN;
}

/**
 * Node flags of the worker processes, from `BYTE8_BENCH_WORKER_EXEC_ARGV` (space-separated,
 * e.g. `--max-semi-space-size=4`). Without them a worker process sets what `byte8 worker`
 * sets (WORKER_V8_FLAGS); `--heap-growing-percent=0` gives V8's default back.
 */
export function workerExecArgv(): string[] {
  return (process.env.BYTE8_BENCH_WORKER_EXEC_ARGV ?? '').split(' ').filter((a) => a !== '');
}

class WorkerChild {
  readonly #child: ChildProcess;
  readonly #messages: Array<{ op: string; result?: WorkerProcessResult }> = [];
  #waiter: (() => void) | null = null;

  constructor(config: WorkerProcessConfig) {
    this.#child = fork(fileURLToPath(new URL('../worker-process.js', import.meta.url)), [JSON.stringify(config)], {
      stdio: 'inherit',
      execArgv: workerExecArgv(),
    });
    this.#child.on('message', (m: { op: string; result?: WorkerProcessResult }) => {
      this.#messages.push(m);
      this.#waiter?.();
    });
    this.#child.on('exit', (code) => {
      if (code !== 0 && code !== null) this.#messages.push({ op: `exit ${code}` });
      this.#waiter?.();
    });
  }

  get pid(): number {
    return this.#child.pid ?? 0;
  }

  async next(op: string): Promise<{ result?: WorkerProcessResult }> {
    for (;;) {
      const m = this.#messages.shift();
      if (m) {
        if (m.op !== op) throw new Error(`worker process ${this.pid}: expected ${op}, got ${m.op}`);
        return m;
      }
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
      });
      this.#waiter = null;
    }
  }

  send(op: 'go' | 'stop' | 'exit'): void {
    this.#child.send({ op });
  }

  exited(): Promise<void> {
    if (this.#child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => this.#child.once('exit', () => resolve()));
  }
}

/** Starts `processes` worker processes, waits until all are ready, and returns a handle. */
export async function startWorkers(processes: number, config: WorkerProcessConfig) {
  const children = Array.from({ length: processes }, () => new WorkerChild(config));
  await Promise.all(children.map((c) => c.next('ready')));
  /** `whileConnected` runs after every process finished and before any closes its connections (backend CPU). */
  async function collect(whileConnected?: () => Promise<void>): Promise<PoolResult> {
    const results = (await Promise.all(children.map((c) => c.next('done')))).map((m) => m.result!);
    if (whileConnected) await whileConnected();
    const peakRssMiB = children.map((c) => vmHwmMiB(c.pid));
    for (const c of children) c.send('exit');
    await Promise.all(children.map((c) => c.exited()));
    return {
      drained: results.reduce((a, r) => a + r.drained, 0),
      wallMs: Math.max(...results.map((r) => r.endedAt)) - Math.min(...results.map((r) => r.startedAt)),
      cpuMicros: results.reduce((a, r) => a + r.cpuMicros, 0),
      peakRssMiB,
      memoryAtReadyMiB: results.map((r) => r.memoryAtReadyMiB),
      memoryAtDoneMiB: results.map((r) => r.memoryAtDoneMiB),
    };
  }
  return {
    pids: children.map((c) => c.pid),
    /** `drain` mode: drains until idle, then reports. */
    async drain(whileConnected?: () => Promise<void>): Promise<PoolResult> {
      for (const c of children) c.send('go');
      return collect(whileConnected);
    },
    /** `run` mode: starts the loops; `stop()` ends them and reports. */
    go(): void {
      for (const c of children) c.send('go');
    },
    async stop(whileConnected?: () => Promise<void>): Promise<PoolResult> {
      for (const c of children) c.send('stop');
      return collect(whileConnected);
    },
  };
}
