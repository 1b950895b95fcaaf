import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { collectMetrics } from '../../metrics/collect-metrics.js';
import { createDeliveryMetrics } from '../../metrics/delivery-metrics.js';
import { startMetricsServer } from '../../metrics/start-metrics-server.js';
import { createReconciler, type Reconciler } from '../../reconcile/create-reconciler.js';
import { createDrainWorker } from '../../worker/create-drain-worker.js';
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
    .option('--reconcile-interval <seconds>', 'seconds between reconciliation passes (default 60, or the config\'s reconcile.intervalMs)')
    .option('--concurrency <n>', 'deliveries in flight')
    .option('--batch-size <n>', 'rows claimed per pass')
    .option('--metrics-port <port>', 'serve Prometheus metrics at http://<host>:<port>/metrics')
    .option('--metrics-host <host>', 'interface of the metrics endpoint', '127.0.0.1')
    .action(
      run(async (flags: WorkerFlags) => {
        const config = ctx.config ?? {};
        const storage = await ctx.storage();
        const wiring = ledgerWiring(ctx, storage);
        const deliveries = createDeliveryMetrics();
        const worker = createDrainWorker(
          {
            outbox: storage.outbox,
            connections: storage.connections,
            transport: wiring.transport,
            secretBox: wiring.secretBox,
            providers: ctx.providers,
            listen: (onNotify) => storage.listen(onNotify),
            ...(config.clock ? { clock: config.clock } : {}),
            ...(config.random ? { random: config.random } : {}),
            logger: wiring.logger,
            metrics: deliveries,
          },
          {
            ...(config.worker ?? {}),
            defaultBaseUrl: wiring.defaultBaseUrl,
            ...(flags.concurrency ? { concurrency: parseInteger('--concurrency', flags.concurrency, 1) } : {}),
            ...(flags.batchSize ? { batchSize: parseInteger('--batch-size', flags.batchSize, 1) } : {}),
          },
        );
        const intervalMs = flags.reconcileInterval
          ? parseInteger('--reconcile-interval', flags.reconcileInterval, 1) * 1000
          : (config.reconcile?.intervalMs ?? 60_000);
        let reconciler: Reconciler | null = null;
        if (flags.reconcile && intervalMs > 0) {
          if (config.canonicalSource) {
            reconciler = createReconciler({
              ...storage,
              ...(config.reconcile ?? {}),
              source: config.canonicalSource,
              providers: ctx.providers,
              enqueuer: wiring.publisher,
              ...(config.clock ? { clock: config.clock } : {}),
              logger: wiring.logger,
            });
          } else {
            wiring.logger.warn({}, 'byte8 worker: reconciliation off (no canonicalSource; pass --config)');
          }
        }
        if (flags.metricsPort) {
          const server = await startMetricsServer({
            port: parseInteger('--metrics-port', flags.metricsPort, 0),
            host: flags.metricsHost,
            collect: () => collectMetrics({ ...storage, providers: ctx.providers, deliveries, watermarks: storage.watermarks }),
          });
          ctx.onClose(() => server.close());
          wiring.logger.info({ port: server.port }, 'byte8 worker: metrics at /metrics');
        }

        if (flags.once) {
          let delivered = await worker.drainUntilIdle();
          const reconciled = reconciler ? (await reconciler.runOnce(ctx.io.signal)).enqueued : 0;
          if (reconciled > 0) delivered += await worker.drainUntilIdle();
          const purged = await worker.gc();
          if (ctx.settings.json) ctx.json({ attempted: delivered, reconciled, purged, deliveries: deliveries.read().deliveries });
          else ctx.out(`byte8 worker: ${delivered} delivery attempt(s), ${reconciled} event(s) reconciled, ${purged} old row(s) purged`);
          return 0;
        }

        const signal = ctx.io.signal ?? new AbortController().signal;
        wiring.logger.info({ workerId: worker.workerId, reconcileIntervalMs: reconciler ? intervalMs : 0 }, 'byte8 worker: started');
        worker.start();
        const reconcileLoop = (async () => {
          while (reconciler && !signal.aborted) {
            try {
              await reconciler.runOnce(signal);
            } catch (error) {
              wiring.logger.error({ err: error }, 'byte8 worker: reconciliation pass failed');
            }
            await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
          }
        })();
        if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        wiring.logger.info({ workerId: worker.workerId }, 'byte8 worker: stopping');
        await Promise.all([worker.stop(), reconcileLoop]);
        wiring.logger.info({ workerId: worker.workerId }, 'byte8 worker: stopped');
        return 0;
      }),
    );
}
