import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Resident memory of the demo shop once it answers HTTP, in MiB (/proc/<pid>/status). */
export interface DemoShopMemory {
  /** VmRSS once the shop first answers. */
  readonly rssAtReadyMiB: number;
  /** VmRSS `settleMs` later, once its worker has sent the seeded events. */
  readonly rssSettledMiB: number;
  /** VmHWM then: the peak of the start. */
  readonly peakRssMiB: number;
  readonly readyMs: number;
}

/**
 * The Node arguments `pnpm start` runs the shop with: the root package.json's
 * `start` script after its build step (`pnpm build && node <args>`), so the
 * figure follows the README's first command if the script changes.
 */
export function demoShopStartArgs(startScript: string): string[] {
  const command = startScript.split('&&').at(-1)!.trim().split(/\s+/);
  if (command[0] !== 'node') throw new Error(`package.json start: expected "... && node <args>", got "${startScript}"`);
  return command.slice(1);
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;

/**
 * Builds the demo (incremental), starts it as `pnpm start` does on a port and
 * data directory of its own (`dataDir`, a fresh one when omitted), waits until
 * it answers, reads its memory then and `settleMs` later, and stops it.
 */
export async function measureDemoShopStart(dataDir?: string, settleMs = 5_000, timeoutMs = 90_000): Promise<DemoShopMemory> {
  await promisify(execFile)(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', join(repoRoot, 'examples/express-shop/tsconfig.json')], { cwd: repoRoot });
  const script = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const scratch = dataDir ? null : mkdtempSync(join(tmpdir(), 'byte8-bench-shop-'));
  const port = await freePort();
  const startedAt = Date.now();
  const child = spawn(process.execPath, demoShopStartArgs(script), {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', BYTE8_DATA_DIR: dataDir ?? join(scratch!, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`demo shop exited (${child.exitCode}) before answering: ${output}`);
      if (Date.now() - startedAt > timeoutMs) throw new Error(`demo shop did not answer within ${timeoutMs} ms: ${output}`);
      const answered = await fetch(`http://127.0.0.1:${port}/`).then(
        (response) => response.arrayBuffer().then(() => true),
        () => false,
      );
      if (answered) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const readyMs = Date.now() - startedAt;
    const rssAtReadyMiB = mib(statusKiB(child.pid!, 'VmRSS'));
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return { rssAtReadyMiB, rssSettledMiB: mib(statusKiB(child.pid!, 'VmRSS')), peakRssMiB: mib(statusKiB(child.pid!, 'VmHWM')), readyMs };
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
