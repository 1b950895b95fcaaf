import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import pg from 'pg';

/** The machine and software a run measured, recorded with every result file. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly postgres: string | null;
  readonly postgresSettings: Readonly<Record<string, string>>;
  readonly packages: Readonly<Record<string, string>>;
  readonly gitCommit: string | null;
}

const require = createRequire(import.meta.url);

function versionOf(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    // Packages whose exports hide package.json: read it next to the resolved entry.
    try {
      const entry = require.resolve(name);
      const root = entry.slice(0, entry.lastIndexOf(`/node_modules/${name}/`) + `/node_modules/${name}/`.length);
      return (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Load average (1, 5, 15 min): the machine may be shared, so every run records it. */
export function loadAverage(): readonly number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

export async function machineInfo(pgUrl: string | null): Promise<MachineInfo> {
  let postgres: string | null = null;
  const postgresSettings: Record<string, string> = {};
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      postgres = (await client.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v;
      const names = ['shared_buffers', 'synchronous_commit', 'fsync', 'wal_sync_method', 'max_connections', 'work_mem'];
      const rows = await client.query<{ name: string; setting: string; unit: string | null }>(
        'SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)',
        [names],
      );
      for (const row of rows.rows) postgresSettings[row.name] = row.unit ? `${row.setting} (${row.unit})` : row.setting;
    } finally {
      await client.end();
    }
  }
  const packages: Record<string, string> = {};
  for (const name of ['pg', 'undici', 'kysely', '@electric-sql/pglite', 'graphile-worker', 'pg-boss']) packages[name] = versionOf(name);
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    postgresSettings,
    packages,
    gitCommit: gitCommit(),
  };
}
