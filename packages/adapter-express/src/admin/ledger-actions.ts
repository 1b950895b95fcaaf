import type { AdminApi, Provider } from '@byte8/core';
import type { AdminRouteTools } from './admin-route-tools.js';

/**
 * The config page's POST actions of a ledger-mode provider (wire-contract
 * §10.3): pairing code, disconnect, requeue of dead letters, held rows.
 * False when `action` is none of them. Requeue serves direct mode too (its
 * dead letters live in the same outbox).
 */
export async function ledgerAction(admin: AdminApi, provider: Provider, action: string, form: Record<string, unknown>, tools: AdminRouteTools): Promise<boolean> {
  const back = `${tools.base}/config#${provider.key}`;
  const done = (kind: 'success' | 'error', message: string) => {
    tools.redirectWith({ kind, message }, back);
    return true;
  };
  if (action === 'pairing-code') {
    const { code, expiresAt } = await admin.generatePairingCode(provider.key);
    tools.redirectWith(
      { kind: 'success', message: `Pairing code generated for ${provider.labels.name}. Copy it now: it is shown only once.`, pairingCode: { provider: provider.key, code, expiresAt } },
      back,
    );
    return true;
  }
  if (action === 'disconnect') {
    const result = await admin.disconnect(provider.key);
    const message = !result.wasConnected
      ? 'Already disconnected.'
      : result.acknowledged
        ? `Disconnected from ${provider.labels.name}; the ledger acknowledged.`
        : `Disconnected locally; the ledger did not acknowledge (it will reject this store's calls).`;
    return done('success', message);
  }
  if (action === 'requeue') {
    // An outbox id is a positive integer that fits a double exactly; anything else is no id (0 was a 500).
    const id = typeof form.id === 'string' && /^[1-9]\d{0,14}$/.test(form.id) ? Number(form.id) : null;
    if (form.all !== '1' && id === null) return done('error', 'Nothing requeued: choose one event or all of them.');
    const count = await admin.requeue(id === null ? { all: true } : { id }, provider.key);
    return done('success', `Requeued ${count} event${count === 1 ? '' : 's'}.`);
  }
  if (action === 'held') {
    if (form.action !== 'readdress' && form.action !== 'drop') {
      return done('error', 'Nothing changed: choose to send the held events to the current tenant or to drop them.');
    }
    const held = await admin.heldRows(provider.key);
    if (!held.currentTenantId) return done('error', `${provider.labels.name} is not paired: pair it first.`);
    const count = await admin.resolveHeld(provider.key, form.action);
    const s = count === 1 ? '' : 's';
    return done('success', form.action === 'drop' ? `Dropped ${count} held event${s}.` : `Sent ${count} held event${s} to tenant ${held.currentTenantId}.`);
  }
  return false;
}
