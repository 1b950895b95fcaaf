import type { ActivityFigures, OutboxRow, SyncStateRecord } from '@byte8/core';
import { describe, expect, it } from 'vitest';
import { dashboardFiguresView, durationWords, startOfUtcDay } from './dashboard-figures-view.js';
import { documentStatusView } from './document-status-view.js';
import { eventStatusViews } from './event-status-view.js';
import { statusReason } from './status-reason.js';
import { sageLabels, syncRecord } from './view-fixtures.test-helpers.js';

const labels = sageLabels;
const record = (fields: Partial<SyncStateRecord>) => syncRecord({ lastSyncAt: new Date('2026-05-01T10:00:05Z'), ...fields });

const row = (fields: Partial<OutboxRow> & Pick<OutboxRow, 'id' | 'eventName' | 'status'>): OutboxRow => ({
  provider: 'sage_accounting',
  tenantId: 't',
  idempotencyKey: `${fields.eventName}:7`,
  body: '{}',
  entityType: 'invoice',
  entityId: 7,
  attempts: fields.status === 'pending' ? 0 : 1,
  attemptsStarted: 1,
  lastStatusCode: fields.status === 'succeeded' ? 202 : null,
  lastAttemptAt: fields.status === 'pending' ? null : new Date('2026-05-01T10:00:01Z'),
  nextAttemptAt: null,
  lastError: null,
  leaseOwner: null,
  leaseExpiresAt: null,
  createdAt: new Date('2026-05-01T10:00:00Z'),
  ...fields,
});

describe('statusReason', () => {
  it('puts the ledger’s skip reasons and error classes in words, with the code and its message', () => {
    expect(statusReason(record({ status: 'skipped', skipReason: 'payment_method_not_mapped' }), 'Sage Accounting')).toBe(
      'Not sent to Sage Accounting because its payment method is not mapped to a bank account in the ledger’s settings (payment_method_not_mapped).',
    );
    expect(statusReason(record({ status: 'failed', errorCode: 'validation', message: 'Contact has no email.' }), 'Sage Accounting')).toBe(
      'Sync failed: Sage Accounting rejected the data as invalid (validation). The ledger says: “Contact has no email.”',
    );
    expect(statusReason(record({ status: 'skipped', skipReason: 'PRODUCT_TYPE_NOT_SUPPORTED' }), 'Sage')).toContain('product type is not supported');
  });

  it('names an unknown code rather than inventing words, and says when there is none', () => {
    expect(statusReason(record({ status: 'failed', errorCode: 'E_NEW' }), 'Sage')).toBe('Sync failed: error E_NEW.');
    expect(statusReason(record({ status: 'failed' }), 'Sage')).toBe('Sync failed: the ledger gave no reason.');
    expect(statusReason(record({ status: 'skipped', skipReason: 'future_policy' }), 'Sage')).toBe('Not sent to Sage because of the ledger’s sync policy (future_policy).');
  });

  it('has nothing to say about synced, pending or missing rows', () => {
    expect(statusReason(record({ status: 'synced', errorCode: 'stale' }), 'Sage')).toBeNull();
    expect(statusReason(record({ status: 'pending' }), 'Sage')).toBeNull();
    expect(statusReason(null, 'Sage')).toBeNull();
    expect(documentStatusView('invoice', 7, 'sage_accounting', labels, record({ status: 'failed', errorCode: 'auth' })).reason).toMatch(/could not sign in to Sage Accounting/);
  });
});

describe('eventStatusViews', () => {
  it('shows a queued, a refused and a delivered event as the merchant should read them', () => {
    const views = eventStatusViews(
      [
        row({ id: 1, eventName: 'invoice.created', status: 'succeeded' }),
        row({ id: 2, eventName: 'invoice.paid', status: 'dead_lettered', lastStatusCode: 422, lastError: 'HTTP 422:\n {"error":"unprocessable"}' }),
      ],
      record({ status: 'synced' }),
      labels,
    );
    expect(views.map((v) => [v.eventName, v.status, v.chip.label])).toEqual([
      ['invoice.created', 'synced', '✓ Synced'],
      ['invoice.paid', 'failed', '✗ Failed'],
    ]);
    expect(views[0]!.detail).toBe('Delivered; synced to Sage Accounting');
    expect(views[1]!.detail).toBe('The ledger refused the delivery (HTTP 422): HTTP 422: {"error":"unprocessable"}');
  });

  it('waits on a delivered event while the mirror was last written by its enqueue, not by the ledger', () => {
    const created = row({ id: 1, eventName: 'invoice.created', status: 'succeeded' });
    const paid = row({ id: 2, eventName: 'invoice.paid', status: 'succeeded', createdAt: new Date('2026-05-01T10:05:00Z') });
    // The invoice synced, then invoice.paid was queued (moving last_sync_at to its created_at) and delivered.
    const views = eventStatusViews([created, paid], record({ status: 'synced', lastSyncAt: paid.createdAt }), labels);
    expect(views.map((v) => [v.eventName, v.status])).toEqual([
      ['invoice.created', 'synced'],
      ['invoice.paid', 'pending'],
    ]);
    expect(views[1]!.detail).toBe('Delivered; waiting for the ledger’s result.');
    // The ledger's answer comes in: it counts for the payment too.
    const answered = eventStatusViews([created, paid], record({ status: 'failed', errorCode: 'provider', lastSyncAt: new Date('2026-05-01T10:05:03Z') }), labels);
    expect(answered[1]).toMatchObject({ status: 'failed', detail: 'Delivered; Sync failed: Sage Accounting reported an error (provider).' });
  });

  it('keeps only the newest row per event and counts retries of a pending one', () => {
    const views = eventStatusViews(
      [
        row({ id: 3, eventName: 'customer.upserted', status: 'pending', attempts: 2, lastError: 'Byte8 returned HTTP 503; will retry.' }),
        row({ id: 1, eventName: 'customer.upserted', status: 'succeeded' }),
      ],
      null,
      labels,
    );
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ status: 'pending', detail: 'Queued for delivery. 2 attempts so far; last: Byte8 returned HTTP 503; will retry.' });
  });
});

describe('dashboardFiguresView', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  const figures: ActivityFigures = {
    deliveredSince: 12,
    pending: 3,
    failedAtLedger24h: 1,
    refused24h: 2,
    oldestPendingAt: new Date('2026-05-01T11:56:00Z'),
    lastDeliveredAt: new Date('2026-05-01T11:58:30Z'),
    hours: [],
  };

  it('adds up failures, ages the oldest pending event and reads the worker’s counters of this provider only', () => {
    const view = dashboardFiguresView('sage_accounting', figures, now, {
      deliveries: [
        { provider: 'sage_accounting', outcome: 'succeeded', count: 10 },
        { provider: 'sage_accounting', outcome: 'retry', count: 2 },
        { provider: 'freeagent', outcome: 'succeeded', count: 99 },
      ],
      latency: [{ provider: 'sage_accounting', buckets: [], sumMs: 120, count: 12 }],
    });
    expect(view).toMatchObject({ deliveredToday: 12, pending: 3, failed24h: 3, oldestPending: '4 minutes', oldestPendingSeconds: 240, lastDelivery: '1 minutes ago' });
    expect(view.worker).toEqual({ attempts: 12, succeeded: 10, retried: 2, deadLettered: 0, averageLatencyMs: 10 });
  });

  it('says so when nothing is pending or was ever delivered, and when no worker runs here', () => {
    const view = dashboardFiguresView('sage_accounting', { ...figures, oldestPendingAt: null, lastDeliveredAt: null }, now, null);
    expect(view).toMatchObject({ oldestPending: '—', oldestPendingSeconds: null, lastDelivery: 'No deliveries yet', worker: null });
  });

  it('counts days from midnight UTC and words durations', () => {
    expect(startOfUtcDay(new Date('2026-05-01T23:59:59.999Z')).toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect([1, 59, 61, 7200, 90_000].map(durationWords)).toEqual(['1 second', '59 seconds', '1 minute', '2 hours', '1 day']);
  });
});
