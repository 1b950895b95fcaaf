import type { CanonicalSource, ConnectionStore, EntityType, OutboxStore, Provider, SyncStateStore } from '@byte8/core';
import { connectedProviders } from '../reconcile/connected-providers.js';
import { entityTypesOf } from '@byte8/core';
import type { EventEnqueuer } from '../reconcile/event-enqueuer.js';
import { sweep } from '../reconcile/sweep.js';
import { type WatermarkAccess, backfillWatermarkName } from '../reconcile/watermark.js';
import type { ProgressReporter } from './progress-reporter.js';

export interface BackfillOptions {
  readonly source: CanonicalSource;
  readonly outbox: OutboxStore;
  readonly syncState: SyncStateStore;
  readonly connections: ConnectionStore;
  readonly watermarks: WatermarkAccess;
  readonly providers: readonly Provider[];
  readonly enqueuer: EventEnqueuer;
  readonly entityType: EntityType;
  /** Inclusive start of the window (by the host's `changedAt`). */
  readonly since: Date;
  /** Inclusive end of the window; open (up to now) when absent. */
  readonly until?: Date;
  /** Only this provider key; every connected provider listening to the entity type otherwise. */
  readonly provider?: string;
  /** Entities per page. Default 500. */
  readonly pageSize?: number;
  /** Stops after the current page; rerunning the same command resumes. */
  readonly signal?: AbortSignal;
  /** Called once per provider; return a reporter or nothing. */
  readonly progress?: (provider: string) => ProgressReporter | undefined;
}

export interface BackfillReport {
  readonly runs: ReadonlyArray<{
    readonly provider: string;
    readonly scanned: number;
    readonly enqueued: number;
    readonly complete: boolean;
    readonly watermarkName: string;
  }>;
}

/**
 * Historical import through the reconciliation path: lists the host's
 * entities changed in the window and enqueues what neither the mirror nor
 * the outbox knows, with the rules' own keys. Each run keeps a watermark
 * named after its window, so an interrupted run resumes where it stopped and
 * a finished one finds nothing left to do.
 */
export async function runBackfill(options: BackfillOptions): Promise<BackfillReport> {
  if (options.until && options.until.getTime() < options.since.getTime()) {
    throw new RangeError('backfill: --until is before --since');
  }
  const candidates = options.provider ? options.providers.filter((p) => p.key === options.provider) : options.providers;
  if (options.provider && candidates.length === 0) throw new RangeError(`backfill: unknown provider ${options.provider}`);
  const connected = await connectedProviders(options.connections, candidates);
  const targets = connected.filter((provider) => entityTypesOf(provider).includes(options.entityType));
  const runs: BackfillReport['runs'][number][] = [];
  for (const provider of targets) {
    const watermarkName = backfillWatermarkName(provider.key, options.entityType, options.since, options.until ?? null);
    // `changedSince` is exclusive on `since`; one millisecond earlier makes --since inclusive.
    const initial = { at: new Date(options.since.getTime() - 1), afterId: 0 };
    const resumeAt = (await options.watermarks.get(watermarkName)) ?? initial;
    const reporter = options.progress?.(provider.key);
    const total = options.source.countChangedSince
      ? await options.source.countChangedSince({
          entityType: options.entityType,
          since: resumeAt.at,
          ...(options.until ? { until: options.until } : {}),
        })
      : null;
    reporter?.start(total);
    const result = await sweep(
      {
        provider,
        entityType: options.entityType,
        watermarkName,
        initial,
        ...(options.until ? { until: options.until } : {}),
        pageSize: options.pageSize ?? 500,
        ...(options.signal ? { signal: options.signal } : {}),
        onPage: (page) => reporter?.update(page.scanned, page.enqueued),
      },
      { ...options, concurrency: 16 },
    );
    reporter?.finish(result.scanned, result.enqueued);
    runs.push({ provider: provider.key, scanned: result.scanned, enqueued: result.enqueued, complete: result.exhausted, watermarkName });
    if (!result.exhausted) break;
  }
  return { runs };
}
