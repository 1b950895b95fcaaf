import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  /** Appends the command and its output here (kept with the app when a step fails). */
  readonly log: string;
  /** Through `sh -c`, for a README line that uses shell syntax. */
  readonly shell?: boolean;
}

const tail = (text: string, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');

/**
 * Runs a command to completion; a non-zero exit or a timeout throws with the
 * command and the end of its output, so a failed install says why.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  const line = options.shell ? command : [command, ...args].join(' ');
  const started = Date.now();
  appendFileSync(options.log, `\n$ ${line}\n`);
  return new Promise((resolve, reject) => {
    const child = options.shell
      ? spawn('sh', ['-c', command], { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
      appendFileSync(options.log, chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk;
      appendFileSync(options.log, chunk);
    });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`\`${line}\` did not finish within ${options.timeoutMs / 1000} s:\n${tail(stdout + stderr)}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr, ms: Date.now() - started });
      else reject(new Error(`\`${line}\` exited ${code} in ${options.cwd}:\n${tail(stdout + stderr)}`));
    });
  });
}
