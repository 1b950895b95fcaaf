import type { DirectConnectionView, OAuthConnectionRecord } from '@byte8/core';
import { CONNECTION_COLOURS } from '../admin/connection-status-view.js';

/** The admin's view of a direct-mode connection row (the config page's palette). */
export function directConnectionView(
  record: OAuthConnectionRecord | null,
  context: { readonly provider: string; readonly serviceName: string; readonly redirectUri: string },
): DirectConnectionView {
  const name = context.serviceName;
  const base = { provider: context.provider, serviceName: name, redirectUri: context.redirectUri, business: record?.business ?? null, connectedAt: null, reason: null };
  if (!record || record.status === 'disconnected' || !record.tokens) {
    return {
      ...base,
      state: 'not_connected',
      label: `Not connected to ${name}`,
      detail: `Connect to ${name} to post this store's documents straight to ${name}.`,
      colour: CONNECTION_COLOURS.disconnected,
    };
  }
  const connected = { ...base, connectedAt: record.connectedAt };
  if (record.status === 'reconnect_needed') {
    return { ...connected, state: 'reconnect_needed', label: `Reconnect to ${name} needed`, detail: record.statusReason, reason: record.statusReason, colour: CONNECTION_COLOURS.token_revoked };
  }
  if (record.status === 'business_needed' || record.business === null) {
    return {
      ...connected,
      state: 'business_needed',
      label: `Connected to ${name}: choose a business`,
      detail: `The ${name} user reaches several businesses: choose the one this store posts to. Nothing is posted until then.`,
      colour: CONNECTION_COLOURS.waiting,
    };
  }
  return { ...connected, state: 'connected', label: `Connected to ${name}: ${record.business.name}`, detail: null, colour: CONNECTION_COLOURS.connected };
}
