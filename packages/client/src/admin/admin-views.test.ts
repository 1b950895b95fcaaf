import type { SyncStateRecord } from '@byte8/core';
import { describe, expect, it } from 'vitest';
import { connectionStatusState } from './connection-status-view.js';
import { dashboardTileView, relativeTime } from './dashboard-tile-view.js';
import { documentStatusView } from './document-status-view.js';
import { sageLabels, syncRecord } from './view-fixtures.test-helpers.js';

const base = { provider: 'sage_accounting', providerName: 'Sage Accounting', connected: true };

describe('connectionStatusState (wire-contract §10.3)', () => {
  it.each([
    [{ connected: false, health: null }, 'disconnected', 'Not paired', '#b30000'],
    [{ health: null }, 'unreachable', 'Ledger unreachable', '#757575'],
    [{ health: { tenant: { magento_connection_status: 'token_revoked' } } }, 'token_revoked', 'Store disconnected — re-pair required', '#b30000'],
    [{ health: { tenant: { magento_connection_status: 'pending' } } }, 'waiting', 'Waiting for ledger', '#b36500'],
    [{ health: {} }, 'waiting', 'Waiting for ledger', '#b36500'],
    [{ health: { tenant: { magento_connection_status: 'active' }, binding: { status: 'active', region: 'uk' } } }, 'connected', 'Connected to Sage Accounting (UK)', '#00873d'],
    [{ health: { tenant: { magento_connection_status: 'active' }, binding: { status: 'active' } } }, 'connected', 'Connected to Sage Accounting', '#00873d'],
    [{ health: { tenant: { magento_connection_status: 'active' }, binding: { status: 'revoked' } } }, 'provider_not_connected', 'Paired — Sage Accounting not connected yet', '#b36500'],
    [{ health: { tenant: { magento_connection_status: 'weird' } } }, 'unreachable', 'Ledger unreachable', '#757575'],
  ])('%j -> %s', (input, state, label, colour) => {
    expect(connectionStatusState({ ...base, ...input })).toMatchObject({ state, label, colour });
  });
});

describe('dashboardTileView (wire-contract §10.4)', () => {
  const now = new Date('2026-05-01T12:00:00Z');
  const tile = (connected: boolean, health: Parameters<typeof dashboardTileView>[0]['health']) =>
    dashboardTileView({ ...base, connected, health, ledgerHost: 'ledger.byte8.io', now });
  const active = { tenant: { magento_connection_status: 'active' }, binding: { status: 'active', region: 'uk' } };

  it('follows the state logic in order', () => {
    expect(tile(false, null)).toMatchObject({ state: 'disconnected', headline: 'Not connected to Sage Accounting', link: 'config', pending: '—' });
    expect(tile(true, null)).toMatchObject({ state: 'unknown', headline: 'Ledger unreachable', link: 'sync' });
    expect(tile(true, { tenant: { magento_connection_status: 'token_revoked' } })).toMatchObject({ state: 'error', link: 'config' });
    expect(tile(true, { tenant: { magento_connection_status: 'pending' }, binding: { status: 'active' } })).toMatchObject({
      state: 'warning',
      headline: 'Finish setup at ledger.byte8.io',
      link: 'config',
    });
    expect(tile(true, { tenant: { magento_connection_status: 'active' } })).toMatchObject({ state: 'warning', link: 'config' });
    expect(tile(true, { ...active, binding: { status: 'revoked' } })).toMatchObject({ state: 'error', headline: 'Binding revoked', link: 'sync' });
    expect(tile(true, { ...active, sync: { failed_24h: 2, pending_count: 0 } })).toMatchObject({
      state: 'error',
      headline: 'Connected to Sage Accounting (UK)',
      errors24h: '2',
      errorsHighlighted: true,
    });
    expect(tile(true, { ...active, sync: { failed_24h: 0, pending_count: 3 } })).toMatchObject({ state: 'warning', pending: '3', errorsHighlighted: false });
    expect(tile(true, { ...active, sync: { last_run_at: '2026-05-01T11:55:00Z', failed_24h: 0, pending_count: 0 } })).toMatchObject({
      state: 'connected',
      lastSync: '5 minutes ago',
      link: 'sync',
    });
  });

  it('renders relative times', () => {
    expect(relativeTime(null, now)).toBe('No syncs yet');
    expect(relativeTime('2026-05-01T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-05-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-04-28T12:00:00Z', now)).toBe('3 days ago');
  });
});

describe('documentStatusView (wire-contract §10.1)', () => {
  const labels = sageLabels;
  const record = syncRecord;
  const chip = (r: SyncStateRecord | null) => documentStatusView('invoice', 7, 'sage_accounting', labels, r).chip;

  it('renders the label, class and tooltip precedence', () => {
    expect(chip(null)).toEqual({ label: '—', className: 'byte8-sync-chip byte8-sync-chip--none', title: null });
    expect(chip(record({ providerReference: 'SI-27', providerEntityId: 'abc' }))).toEqual({
      label: '✓ Synced',
      className: 'byte8-sync-chip byte8-sync-chip--synced',
      title: 'SI-27',
    });
    expect(chip(record({ providerEntityId: 'abc', skipReason: 'x' })).title).toBe('abc');
    expect(chip(record({ status: 'skipped', skipReason: 'zero_value_invoice', errorCode: 'e' })).title).toBe('Skipped: zero_value_invoice');
    expect(chip(record({ status: 'failed', errorCode: 'validation' }))).toMatchObject({ label: '✗ Failed', title: 'Error: validation' });
    expect(chip(record({ status: 'pending' }))).toEqual({ label: '⏳ Pending', className: 'byte8-sync-chip byte8-sync-chip--pending', title: null });
  });
});
