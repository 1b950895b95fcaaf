/**
 * `pnpm bench`: every scenario at the quick size; `pnpm bench --full` at full
 * size. `--only drain,peers` picks scenarios, `--dialects pg` picks storages,
 * `--repeats N` overrides repeats. PostgreSQL: BYTE8_BENCH_PG_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres (throwaway databases are created).
 * `--dialects mysql` adds MySQL/MariaDB: BYTE8_BENCH_MYSQL_URL, else
 * mysql://root@127.0.0.1:3306/test (drain, enqueue and latency).
 * Prints a table and writes JSON under bench/results/.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FULL, QUICK, type BenchContext, type BenchDialect, type Scenario } from './harness/context.js';
import { MYSQL_BENCH_URL } from './harness/mysql-db.js';
import { loadAverage, machineInfo } from './harness/machine.js';
import { table, writeRecord } from './harness/report.js';
import type { Figure } from './harness/summary.js';
import { evaluateTargets } from './harness/targets.js';
import { drainScenario } from './scenarios/drain.js';
import { enqueueScenario } from './scenarios/enqueue.js';
import { latencyScenario } from './scenarios/latency.js';
import { limitsScenario } from './scenarios/limits.js';
import { memoryScenario } from './scenarios/memory.js';
import { peersScenario } from './scenarios/peers.js';
import { scaleScenario } from './scenarios/scale.js';
import { SimProcess } from './sim-client.js';

const SCENARIOS: Record<string, Scenario> = {
  limits: limitsScenario,
  drain: drainScenario,
  peers: peersScenario,
  enqueue: enqueueScenario,
  latency: latencyScenario,
  memory: memoryScenario,
  scale: scaleScenario,
};

const argv = process.argv.slice(2).filter((a) => a !== '--');
const { values } = parseArgs({
  args: argv,
  options: {
    full: { type: 'boolean', default: false },
    only: { type: 'string' },
    dialects: { type: 'string', default: 'pg,pglite' },
    repeats: { type: 'string' },
    out: { type: 'string' },
  },
});
const base = values.full ? FULL : QUICK;
const sizes = values.repeats ? { ...base, repeats: Number(values.repeats) } : base;
const names = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SCENARIOS);
for (const name of names) if (!SCENARIOS[name]) throw new Error(`--only: unknown scenario ${name} (${Object.keys(SCENARIOS).join(', ')})`);
const dialects = values.dialects!.split(',').map((d) => d.trim());
for (const d of dialects) if (d !== 'pg' && d !== 'pglite' && d !== 'mysql') throw new Error(`--dialects: unknown dialect ${d} (pg, pglite, mysql)`);
const pgUrl = process.env.BYTE8_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const command = `pnpm bench${argv.length ? ` ${argv.join(' ')}` : ''}`;

const startedAt = new Date().toISOString();
const loadBefore = loadAverage();
const machine = await machineInfo(pgUrl);
console.log(`byte8 benchmarks (${values.full ? 'full' : 'quick'}): ${names.join(', ')}`);
console.log(`machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; node ${machine.node}; load average ${loadBefore.join(' ')}`);
console.log(`postgres: ${machine.postgres}`);

const sim = await SimProcess.start();
const figures: Figure[] = [];
try {
  const ctx: BenchContext = {
    sizes,
    full: values.full!,
    pgUrl,
    mysqlUrl: MYSQL_BENCH_URL,
    dialects: dialects as BenchDialect[],
    sim,
    flags: argv,
    log: (line) => console.log(line),
  };
  for (const name of names) {
    const started = performance.now();
    console.log(`\n== ${name} (load average ${loadAverage().join(' ')})`);
    const found = await SCENARIOS[name]!(ctx);
    figures.push(...found);
    console.log(table(found));
    const only = `pnpm bench${values.full ? ' --full' : ''} --only ${name}${values.dialects !== 'pg,pglite' ? ` --dialects ${values.dialects}` : ''}`;
    console.log(`reproduce: ${only}   (${Math.round((performance.now() - started) / 1000)} s)`);
  }
} finally {
  await sim.stop();
}

const targets = evaluateTargets(figures);
console.log(`\n== all results (${command})\n${table(figures)}\n\n== targets`);
for (const t of targets) console.log(`${t.met === null ? 'n/a ' : t.met ? 'MET ' : 'MISS'}  ${t.target}: ${t.measured}`);
const record = {
  command,
  startedAt,
  finishedAt: new Date().toISOString(),
  loadAverage: { before: loadBefore, after: loadAverage() },
  machine,
  parameters: { mode: values.full ? 'full' : 'quick', sizes, scenarios: names, dialects },
  figures,
  targets,
};
const dir = values.out ?? fileURLToPath(new URL('../results', import.meta.url));
console.log(`\nresults: ${writeRecord(dir, record, values.full ? 'full' : 'quick')}`);
