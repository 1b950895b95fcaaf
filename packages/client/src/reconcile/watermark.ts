import type { EntityType } from '@byte8/core';

/** A position in a host's change feed: the last (changedAt, id) handled. */
export interface Watermark {
  readonly at: Date;
  readonly afterId: number;
}

/** Named watermarks; the storage's `WatermarkStore` satisfies this. */
export interface WatermarkAccess {
  get(name: string): Promise<Watermark | null>;
  set(name: string, value: Watermark): Promise<void>;
}

/** Watermark of the periodic reconciliation of one provider and entity type. */
export function reconcileWatermarkName(provider: string, entityType: EntityType): string {
  return `reconcile:${provider}:${entityType}`;
}

/** Watermark of one backfill run; rerunning the same window resumes it. */
export function backfillWatermarkName(provider: string, entityType: EntityType, since: Date, until: Date | null): string {
  return `backfill:${provider}:${entityType}:${since.toISOString()}:${until ? until.toISOString() : 'open'}`;
}
