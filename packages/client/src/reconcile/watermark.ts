import type { EntityType } from '@byte8/core';
import type { WatermarkPosition, WatermarkStore } from '../storage/watermark-store.js';

/** A position in a host's change feed: the last (changedAt, id) handled (the storage's type). */
export type Watermark = WatermarkPosition;

/** Named watermarks: the storage's `WatermarkStore`. */
export type WatermarkAccess = WatermarkStore;

/** Watermark of the periodic reconciliation of one provider and entity type. */
export function reconcileWatermarkName(provider: string, entityType: EntityType): string {
  return `reconcile:${provider}:${entityType}`;
}

/** Watermark of one backfill run; rerunning the same window resumes it. */
export function backfillWatermarkName(provider: string, entityType: EntityType, since: Date, until: Date | null): string {
  return `backfill:${provider}:${entityType}:${since.toISOString()}:${until ? until.toISOString() : 'open'}`;
}
