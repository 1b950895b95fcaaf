import type { EventStatusView, OutboxRow, ProviderLabels, SyncStateRecord, SyncStatus } from '@byte8/core';
import { statusReason } from './status-reason.js';

/** The newest row of each event name, in the order the events were first queued. */
export function latestPerEvent(rows: readonly OutboxRow[]): OutboxRow[] {
  const latest = new Map<string, OutboxRow>();
  for (const row of [...rows].sort((a, b) => a.id - b.id)) latest.set(row.eventName, row);
  return [...latest.values()];
}

/**
 * Was the mirror row last written by an enqueue (which stamps `last_sync_at`
 * with the outbox row's own `created_at`) rather than by the ledger? Then
 * its terminal status is older than that event, which still waits.
 */
function waitingOn(record: SyncStateRecord, rows: readonly OutboxRow[]): OutboxRow | undefined {
  const at = record.lastSyncAt.getTime();
  return rows.find((row) => row.createdAt.getTime() === at);
}

function succeeded(row: OutboxRow, record: SyncStateRecord | null, all: readonly OutboxRow[], providerName: string): { status: SyncStatus; detail: string } {
  const waiting = { status: 'pending' as const, detail: 'Delivered; waiting for the ledger’s result.' };
  if (!record || record.status === 'pending') return waiting;
  const newestEnqueue = waitingOn(record, all);
  if (newestEnqueue && row.id >= newestEnqueue.id) return waiting;
  const outcome = record.status === 'synced' ? `synced to ${providerName}` : (statusReason(record, providerName) ?? record.status);
  return { status: record.status, detail: `Delivered; ${outcome}` };
}

/**
 * A document's events as they travelled (`AdminApi.eventStatuses`): pending
 * and dead-lettered rows speak for themselves; a delivered one takes the
 * mirror's status once the ledger answered after it was queued. The mirror
 * keeps one row per document, so an answer counts for every event delivered
 * before it.
 */
export function eventStatusViews(rows: readonly OutboxRow[], record: SyncStateRecord | null, labels: ProviderLabels): EventStatusView[] {
  return latestPerEvent(rows).map((row) => {
    let view: { status: SyncStatus; detail: string };
    if (row.status === 'pending') {
      const tried = row.attempts > 0 ? ` ${sentence(`${row.attempts} attempt${row.attempts === 1 ? '' : 's'} so far${row.lastError ? `; last: ${oneLine(row.lastError)}` : ''}`)}` : '';
      view = { status: 'pending', detail: `Queued for delivery.${tried}` };
    } else if (row.status === 'dead_lettered') {
      const code = row.lastStatusCode ? ` (HTTP ${row.lastStatusCode})` : '';
      view = { status: 'failed', detail: `The ledger refused the delivery${code}: ${oneLine(row.lastError ?? 'no answer')}` };
    } else {
      view = succeeded(row, record, rows, labels.name);
    }
    return {
      eventName: row.eventName,
      idempotencyKey: row.idempotencyKey,
      outboxStatus: row.status,
      status: view.status,
      chip: { label: labels.chips[view.status], className: `byte8-sync-chip byte8-sync-chip--${view.status}`, title: view.detail },
      detail: view.detail,
      attempts: row.attempts,
      lastAttemptAt: row.lastAttemptAt,
    };
  });
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
