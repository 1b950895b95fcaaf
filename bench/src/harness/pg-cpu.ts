import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** user + system CPU of a live process in microseconds, or null once it is gone (or on a remote server). */
function processCpuMicros(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks / TICKS_PER_SECOND) * 1e6;
  } catch {
    return null;
  }
}

/** The database a connection URL names. */
export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * CPU of the PostgreSQL backends serving one database, read from /proc (the
 * server runs on this machine). `start()` notes each backend's CPU so far;
 * `used()` sums what every backend spent since (a backend born meanwhile
 * counts from zero). Background processes (WAL writer, checkpointer) are
 * shared by all databases and left out. The monitor connects to `serverUrl`,
 * another database, so its own backend is not counted.
 */
export class PgBackendCpu {
  readonly #serverUrl: string;
  readonly #database: string;
  #before = new Map<number, number>();

  constructor(serverUrl: string, databaseUrl: string) {
    this.#serverUrl = serverUrl;
    this.#database = databaseOf(databaseUrl);
  }

  async #snapshot(): Promise<Map<number, number>> {
    const client = new pg.Client({ connectionString: this.#serverUrl });
    await client.connect();
    try {
      const rows = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [this.#database]);
      const cpu = new Map<number, number>();
      for (const { pid } of rows.rows) {
        const micros = processCpuMicros(pid);
        if (micros !== null) cpu.set(pid, micros);
      }
      return cpu;
    } finally {
      await client.end();
    }
  }

  async start(): Promise<void> {
    this.#before = await this.#snapshot();
  }

  /** Microseconds of backend CPU since `start()`; call it before the measured system closes its connections. */
  async used(): Promise<number> {
    const after = await this.#snapshot();
    let total = 0;
    for (const [pid, micros] of after) total += micros - (this.#before.get(pid) ?? 0);
    return total;
  }
}
