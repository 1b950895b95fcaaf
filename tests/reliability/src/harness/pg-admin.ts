import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { PG_BASE_URL } from './scale.js';

/** Terminates every session of `database` (but this one) with `pg_terminate_backend`; returns how many. */
export async function terminateSessions(database: string): Promise<number> {
  const client = new pg.Client({ connectionString: PG_BASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/**
 * Restarts the local PostgreSQL cluster that serves `PG_BASE_URL` with
 * `pg_ctlcluster` (Debian). Every other suite on the server loses its
 * sessions too, so only the full-scale run does this.
 */
export async function restartPostgres(): Promise<void> {
  const port = new URL(PG_BASE_URL).port || '5432';
  const run = promisify(execFile);
  const { stdout } = await run('pg_lsclusters', ['--no-header']);
  const line = stdout.split('\n').find((l) => l.trim().split(/\s+/)[2] === port);
  if (!line) throw new Error(`no local PostgreSQL cluster on port ${port}`);
  const [version, cluster] = line.trim().split(/\s+/);
  await run('pg_ctlcluster', [version!, cluster!, 'restart']);
}

/** Retries `work` while the server is restarting or a session was terminated. */
export async function retrying<T>(work: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
