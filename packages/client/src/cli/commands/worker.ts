import type { Command } from 'commander';
import type { DrainWorkerHandle } from '../../app/byte8-types.js';
import { collectMetrics } from '../../metrics/collect-metrics.js';
import { createDeliveryMetrics, type DeliveryMetrics } from '../../metrics/delivery-metrics.js';
import { startMetricsServer } from '../../metrics/start-metrics-server.js';
import type { Reconciler } from '../../reconcile/create-reconciler.js';
import type { DrainWorkerOptions } from '../../worker/drain-worker-options.js';
import { createDrainWorker } from '../../worker/create-drain-worker.js';
import { UsageError } from '../cli-errors.js';
import type { CliContext } from '../cli-context.js';
import { ledgerWiring } from '../ledger-wiring.js';
import { parseInteger } from '../parse-values.js';
import type { RunAction } from '../run-action.js';

interface WorkerFlags {
  once?: boolean;
  reconcile: boolean;
  reconcileInterval?: string;
  concurrency?: string;
  batchSize?: string;
  metricsPort?: string;
  metricsHost: string;
}

interface WorkerParts {
  readonly worker: DrainWorkerHandle & { readonly workerId: string; gc(): Promise<number> };
  readonly reconciler: Reconciler | null;
  readonly metrics: DeliveryMetrics;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * The worker of a run: the host's `createByte8()` (drain, GC and
 * reconciliation, exactly as in-process) when the config names the host's
 * data; a drain-and-GC worker over the database alone otherwise.
 */
async function workerParts(ctx: CliContext, flags: WorkerFlags): Promise<WorkerParts> {
  const tuning: DrainWorkerOptions = {
    ...(ctx.config?.worker ?? {}),
    ...(flags.concurrency ? { concurrency: parseInteger('--concurrency', flags.concurrency, 1, undefined, 1_024) } : {}),
    ...(flags.batchSize ? { batchSize: parseInteger('--batch-size', flags.batchSize, 1, undefined, 10_000) } : {}),
  };
  const intervalMs = flags.reconcileInterval ? parseInteger('--reconcile-interval', flags.reconcileInterval, 1, undefined, 604_800) * 1000 : undefined;
  if (flags.reconcile && ctx.config?.canonicalSource && ctx.config.reconciliation?.intervalMs !== 0) {
    const byte8 = await ctx.byte8('worker', {
      worker: tuning,
      reconciliation: { ...(ctx.config.reconciliation ?? {}), ...(intervalMs ? { intervalMs } : {}) },
    });
    return { worker: byte8.worker, reconciler: byte8.reconciler, metrics: byte8.metrics, log: (m, f = {}) => byte8.logger.info(f, m) };
  }
  const storage = await ctx.storage();
  const wiring = ledgerWiring(ctx, storage);
  if (flags.reconcile) wiring.logger.warn({}, 'byte8 worker: reconciliation off (no canonicalSource; pass --config)');
  const metrics = createDeliveryMetrics();
  let worker: ReturnType<typeof createDrainWorker>;
  try {
    worker = createDrainWorker(
      {
        outbox: storage.outbox,
        connections: storage.connections,
        transport: wiring.transport,
        secretBox: wiring.secretBox,
        providers: ctx.providers,
        replayGuard: storage.replayGuard,
        ledgerUrlPolicy: wiring.urlPolicy,
        listen: (onNotify) => storage.listen(onNotify),
        ...(ctx.config?.clock ? { clock: ctx.config.clock } : {}),
        ...(ctx.config?.random ? { random: ctx.config.random } : {}),
        logger: wiring.logger,
        metrics,
      },
      {
        ...tuning,
        defaultBaseUrl: wiring.defaultBaseUrl,
        ...(ctx.config?.ledger?.totalTimeoutMs ? { deliveryTimeoutMs: ctx.config.ledger.totalTimeoutMs } : {}),
      },
    );
  } catch (error) {
    throw new UsageError(`config: ${(error as Error).message}`);
  }
  ctx.onClose(() => worker.stop());
  return { worker, reconciler: null, metrics, log: (m, f = {}) => wiring.logger.info(f, m) };
}

/**
 * `byte8 worker`: drains the outbox, purges old succeeded rows and runs the
 * reconciliation sweep until SIGTERM/SIGINT, then finishes or releases what
 * it holds. Run as many as you like against one PostgreSQL.
 */
export function registerWorker(program: Command, ctx: CliContext, run: RunAction): void {
  program
    .command('worker')
    .description('deliver the outbox, purge old rows and reconcile, until SIGTERM/SIGINT')
    .option('--once', 'drain until idle, run one reconciliation pass, purge, then exit')
    .option('--no-reconcile', 'do not run the reconciliation sweep')
    .option('--reconcile-interval <seconds>', "seconds between reconciliation passes (default: the config's reconciliation.intervalMs)")
    .option('--concurrency <n>', 'deliveries in flight')
    .option('--batch-size <n>', 'rows claimed per pass')
    .option('--metrics-port <port>', 'serve Prometheus metrics at http://<host>:<port>/metrics')
    .option('--metrics-host <host>', 'interface of the metrics endpoint', '127.0.0.1')
    .action(
      run(async (flags: WorkerFlags) => {
        const { worker, reconciler, metrics, log } = await workerParts(ctx, flags);
        const storage = await ctx.storage();
        if (flags.metricsPort) {
          const server = await startMetricsServer({
            port: parseInteger('--metrics-port', flags.metricsPort, 0, undefined, 65_535),
            host: flags.metricsHost,
            collect: () => collectMetrics({ ...storage, providers: ctx.providers, deliveries: metrics, watermarks: storage.watermarks }),
          });
          ctx.onClose(() => server.close());
          log('byte8 worker: metrics at /metrics', { port: server.port });
        }

        if (flags.once) {
          let attempted = await worker.drainUntilIdle();
          const reconciled = reconciler ? (await reconciler.runOnce(ctx.io.signal)).enqueued : 0;
          if (reconciled > 0) attempted += await worker.drainUntilIdle();
          const purged = await worker.gc();
          if (ctx.settings.json) ctx.json({ attempted, reconciled, purged, deliveries: metrics.read().deliveries });
          else ctx.out(`byte8 worker: ${attempted} delivery attempt(s), ${reconciled} event(s) reconciled, ${purged} old row(s) purged`);
          return 0;
        }

        const signal = ctx.io.signal ?? new AbortController().signal;
        worker.start();
        log('byte8 worker: started', { workerId: worker.workerId, reconciliation: reconciler !== null });
        if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        log('byte8 worker: stopping', { workerId: worker.workerId });
        await worker.stop();
        log('byte8 worker: stopped', { workerId: worker.workerId });
        return 0;
      }),
    );
}
