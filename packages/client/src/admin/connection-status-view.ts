import type { ConnectionState, ConnectionStatusView, LedgerHealth } from '@byte8/core';

/** Status dot colours of the config page (wire-contract §10.3). */
export const CONNECTION_COLOURS: Readonly<Record<ConnectionState, string>> = {
  connected: '#00873d',
  waiting: '#b36500',
  provider_not_connected: '#b36500',
  unreachable: '#757575',
  disconnected: '#b30000',
  token_revoked: '#b30000',
};

export interface ConnectionStatusInput {
  readonly provider: string;
  readonly providerName: string;
  readonly connected: boolean;
  /** The ledger's health; null when it could not be read. Ignored when not connected. */
  readonly health: LedgerHealth | null;
}

/**
 * State, label and detail of a provider's connection (wire-contract §10.3),
 * in Magento's order. One improvement: when health cannot be read, this says
 * "Ledger unreachable" (grey); Magento, which sees `[]` then, says "Waiting
 * for ledger".
 */
export function connectionStatusState(input: ConnectionStatusInput): Pick<ConnectionStatusView, 'state' | 'label' | 'detail' | 'colour'> {
  const view = (state: ConnectionState, label: string, detail: string | null = null) => ({ state, label, detail, colour: CONNECTION_COLOURS[state] });
  if (!input.connected) return view('disconnected', 'Not paired', "Generate a pairing code and paste it into the ledger's Connect form.");
  const health = input.health;
  if (health === null) return view('unreachable', 'Ledger unreachable', 'The ledger health check failed; it is retried on the next visit.');
  const status = health.tenant?.magento_connection_status ?? '';
  if (status === 'token_revoked') return view('token_revoked', 'Store disconnected — re-pair required', 'The ledger can no longer call this store. Generate a new pairing code.');
  if (status === 'pending' || status === '') return view('waiting', 'Waiting for ledger');
  if (status === 'active') {
    if (health.binding?.status === 'active') {
      const region = health.binding.region ? ` (${health.binding.region.toUpperCase()})` : '';
      return view('connected', `Connected to ${input.providerName}${region}`);
    }
    return view('provider_not_connected', `Paired — ${input.providerName} not connected yet`, 'Finish connecting at the ledger dashboard.');
  }
  return view('unreachable', 'Ledger unreachable');
}
