import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export interface Service {
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM to its process group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a long-running command (a server, a worker, the simulator) in its own
 * process group, so stopping it also stops what it spawned (`medusa develop`
 * runs the server as a child).
 */
export function startService(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Service {
  appendFileSync(options.log, `\n$ ${[command, ...args].join(' ')} &\n`);
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const record = (chunk: Buffer) => {
    output += chunk;
    appendFileSync(options.log, chunk);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    output: () => output,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      const group = -child.pid;
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        return;
      }
      const killer = setTimeout(() => {
        try {
          process.kill(group, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, graceMs);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Polls `probe` until it returns a value, or throws naming `what` (with `context()` for the reason). */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs: number, context: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = context().trimEnd().split('\n').slice(-30).join('\n');
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}\n${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
