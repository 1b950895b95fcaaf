import {
  type CanonicalSource,
  type Clock,
  type ConnectionStore,
  type EntityType,
  type Logger,
  type OutboxStore,
  type Provider,
  type SyncStateStore,
  silentLogger,
  systemClock,
} from '@byte8/core';
import { connectedProviders } from './connected-providers.js';
import { entityTypesOf } from '@byte8/core';
import type { EventEnqueuer } from './event-enqueuer.js';
import { sweep } from './sweep.js';
import { type WatermarkAccess, reconcileWatermarkName } from './watermark.js';

export interface ReconcilerOptions {
  readonly source: CanonicalSource;
  readonly outbox: OutboxStore;
  readonly syncState: SyncStateStore;
  readonly connections: ConnectionStore;
  readonly watermarks: WatermarkAccess;
  readonly providers: readonly Provider[];
  /** The publisher. */
  readonly enqueuer: EventEnqueuer;
  /** Entities per `changedSince` page. Default 200. */
  readonly pageSize?: number;
  /** Entities per provider and entity type per pass (bounded work). Default 1000. */
  readonly maxPerPass?: number;
  /**
   * Changes younger than this are left for the next pass: a host transaction
   * that committed late must not fall behind the watermark. Default 60 s.
   */
  readonly settleMs?: number;
  /** How far back the very first pass looks; older history is `byte8 backfill`'s job. Default 1 h. */
  readonly initialLookbackMs?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Providers in direct mode: whether each can take events now (undefined: a ledger-mode provider). */
  readonly directConnected?: (provider: string) => Promise<boolean> | undefined;
}

export interface ReconcileReport {
  readonly passes: ReadonlyArray<{
    readonly provider: string;
    readonly entityType: EntityType;
    readonly scanned: number;
    readonly enqueued: number;
    /** False when the pass stopped at `maxPerPass` with more to do. */
    readonly caughtUp: boolean;
  }>;
  readonly enqueued: number;
}

/** The safety net for dropped host events (design §8). */
export interface Reconciler {
  /** One bounded pass over every connected provider and the entity types its rules listen to. */
  runOnce(signal?: AbortSignal): Promise<ReconcileReport>;
}

/**
 * Builds the reconciliation sweep. Each connected provider keeps its own
 * watermark per entity type (`reconcile:<provider>:<type>`); a provider that
 * is not paired keeps its position, so changes made while it was
 * disconnected are caught up once it is paired again. Several workers may
 * run passes at once: they repeat work, never deliveries.
 *
 * @example
 * const reconciler = createReconciler({ source, ...storage, watermarks: storage.watermarks, providers, enqueuer: publisher });
 * await reconciler.runOnce();
 */
export function createReconciler(options: ReconcilerOptions): Reconciler {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const pageSize = options.pageSize ?? 200;
  const maxPerPass = options.maxPerPass ?? 1000;
  const settleMs = options.settleMs ?? 60_000;
  const lookbackMs = options.initialLookbackMs ?? 3_600_000;
  return {
    async runOnce(signal) {
      const now = clock.now().getTime();
      const passes: ReconcileReport['passes'][number][] = [];
      for (const provider of await connectedProviders(options.connections, options.providers, options.directConnected)) {
        for (const entityType of entityTypesOf(provider)) {
          if (signal?.aborted) break;
          const result = await sweep(
            {
              provider,
              entityType,
              watermarkName: reconcileWatermarkName(provider.key, entityType),
              initial: { at: new Date(now - lookbackMs), afterId: 0 },
              until: new Date(now - settleMs),
              pageSize,
              maxEntities: maxPerPass,
              ...(signal ? { signal } : {}),
            },
            { ...options, concurrency: 8 },
          );
          passes.push({ provider: provider.key, entityType, scanned: result.scanned, enqueued: result.enqueued, caughtUp: result.exhausted });
          if (result.enqueued > 0) {
            logger.warn(
              { provider: provider.key, entityType, enqueued: result.enqueued, scanned: result.scanned },
              'reconciliation enqueued events the host hooks missed',
            );
          }
        }
      }
      return { passes, enqueued: passes.reduce((sum, pass) => sum + pass.enqueued, 0) };
    },
  };
}
