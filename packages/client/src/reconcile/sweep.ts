import type { EntityType, Provider } from '@byte8/core';
import type { EventEnqueuer } from './event-enqueuer.js';
import { type MissingEventsDeps, missingEvents } from './missing-events.js';
import type { Watermark, WatermarkAccess } from './watermark.js';

export interface SweepOptions {
  readonly provider: Provider;
  readonly entityType: EntityType;
  /** Where the position is kept between pages and runs. */
  readonly watermarkName: string;
  /** Position to start from when the watermark has never been stored. */
  readonly initial: Watermark;
  /** Inclusive upper bound on `changedAt`; open when absent. */
  readonly until?: Date;
  readonly pageSize: number;
  /** Stop after this many entities (bounded work per pass); unbounded when absent. */
  readonly maxEntities?: number;
  readonly signal?: AbortSignal;
  readonly onPage?: (page: SweepPage) => void;
}

export interface SweepDeps extends MissingEventsDeps {
  readonly enqueuer: EventEnqueuer;
  readonly watermarks: WatermarkAccess;
}

export interface SweepPage {
  readonly scanned: number;
  readonly enqueued: number;
  readonly watermark: Watermark;
}

export interface SweepResult {
  /** Entities listed by the host. */
  readonly scanned: number;
  /** Events written to the outbox (duplicates from racing sweeps not counted). */
  readonly enqueued: number;
  /** True when the host had nothing more in the window. */
  readonly exhausted: boolean;
  readonly watermark: Watermark;
}

/**
 * Walks the host's change feed page by page from a stored watermark and
 * enqueues what is missing. The watermark moves only after a page's events
 * are stored, so a crash repeats at most one page, and a repeated page finds
 * its events known.
 */
export async function sweep(options: SweepOptions, deps: SweepDeps): Promise<SweepResult> {
  let watermark = (await deps.watermarks.get(options.watermarkName)) ?? options.initial;
  let scanned = 0;
  let enqueued = 0;
  for (;;) {
    if (options.signal?.aborted) return { scanned, enqueued, exhausted: false, watermark };
    const budget = options.maxEntities === undefined ? options.pageSize : Math.min(options.pageSize, options.maxEntities - scanned);
    if (budget <= 0) return { scanned, enqueued, exhausted: false, watermark };
    const page = await deps.source.changedSince({
      entityType: options.entityType,
      since: watermark.at,
      afterId: watermark.afterId,
      ...(options.until ? { until: options.until } : {}),
      limit: budget,
    });
    if (page.length === 0) return { scanned, enqueued, exhausted: true, watermark };
    const events = await missingEvents(
      options.provider,
      options.entityType,
      page.map((entity) => entity.id),
      deps,
    );
    if (events.length > 0) {
      const results = await deps.enqueuer.enqueue(options.provider.key, events);
      enqueued += results.filter((result) => result.outcome === 'inserted').length;
    }
    const last = page[page.length - 1]!;
    watermark = { at: last.changedAt, afterId: last.id };
    await deps.watermarks.set(options.watermarkName, watermark);
    scanned += page.length;
    options.onPage?.({ scanned, enqueued, watermark });
    if (page.length < budget) return { scanned, enqueued, exhausted: true, watermark };
  }
}
