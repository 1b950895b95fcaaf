import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DrainWorkerOptions } from '@byte8/client';
import { ENCRYPTION_KEY } from './connector.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The compiled `byte8` binary, as a host installs it. */
export const BYTE8_BIN = resolve(here, '../../../../packages/client/dist/cli/main.js');
export const WORKER_CONFIG = resolve(here, '../../fixtures/worker.config.mjs');

export interface WorkerProcessOptions {
  readonly databaseUrl: string;
  readonly worker?: DrainWorkerOptions;
  readonly ledger?: { readonly connectTimeoutMs?: number; readonly totalTimeoutMs?: number };
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/** A `byte8 worker` process with its stderr (the logs) collected. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  stderr(): string;
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  /** Resolves once the worker logged that its loop started (needs log level info). */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends `signal` and waits for the exit. */
  stop(signal: NodeJS.Signals): Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
}

/** Starts `byte8 worker --config worker.config.mjs --no-reconcile` against `databaseUrl`. */
export function startWorkerProcess(options: WorkerProcessOptions): WorkerProcess {
  const child = spawn(process.execPath, [BYTE8_BIN, 'worker', '--config', WORKER_CONFIG, '--no-reconcile'], {
    cwd: dirname(WORKER_CONFIG),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BYTE8_LOG_LEVEL: options.logLevel ?? 'info',
      // The simulator and the fault proxy listen on 127.0.0.1: allowed as an operator would allow them.
      BYTE8_ALLOWED_LEDGER_HOSTS: '127.0.0.1',
      RELIABILITY_DATABASE_URL: options.databaseUrl,
      RELIABILITY_ENCRYPTION_KEY: ENCRYPTION_KEY,
      RELIABILITY_WORKER_OPTIONS: JSON.stringify(options.worker ?? {}),
      RELIABILITY_LEDGER_OPTIONS: JSON.stringify(options.ledger ?? {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.on('exit', (code, signal) => resolveExit({ code, signal }));
  });
  return {
    child,
    pid: child.pid!,
    stderr: () => err,
    exited,
    async ready(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!err.includes('byte8 worker: started')) {
        if (child.exitCode !== null) throw new Error(`byte8 worker exited (${child.exitCode}) before starting: ${err}`);
        if (Date.now() > deadline) throw new Error(`byte8 worker did not start within ${timeoutMs} ms: ${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
