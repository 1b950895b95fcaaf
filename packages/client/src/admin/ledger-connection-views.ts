import type { ConnectionStatusView, ConnectionStore, DashboardTileView, LedgerAuth, LedgerHealth, LedgerTransport, Logger, SecretBox } from '@byte8/core';
import { PAIRING_CODE_TTL_SECONDS } from '../pairing/pairing-code.js';
import { type LedgerUrlPolicy, LedgerUrlRefusedError } from '../transport/ledger-url-policy.js';
import { isConnected, resolveLedgerAuth } from '../transport/resolve-ledger-auth.js';
import { connectionStatusState } from './connection-status-view.js';
import { dashboardTileView } from './dashboard-tile-view.js';

/** What the ledger-facing admin views read. */
export interface LedgerViewDeps {
  readonly connections: ConnectionStore;
  readonly transport: Pick<LedgerTransport, 'fetchHealth' | 'disconnect'>;
  readonly secretBox: SecretBox;
  readonly clock: { now(): Date };
  readonly logger: Logger;
  readonly ledgerUrlPolicy?: LedgerUrlPolicy;
  /** The ledger's base URL when the stored connection names none, no trailing slash. */
  readonly defaultBaseUrl: string;
}

/** The stored connection as something to call the ledger with, or why not. */
type StoredAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly auth: LedgerAuth }
  | { readonly kind: 'undecryptable' }
  | { readonly kind: 'refused'; readonly reason: string };

function storedAuth(deps: LedgerViewDeps, provider: string, record: Awaited<ReturnType<ConnectionStore['get']>>): StoredAuth {
  try {
    const auth = resolveLedgerAuth(record, deps.secretBox, deps.defaultBaseUrl, deps.ledgerUrlPolicy);
    return auth ? { kind: 'ok', auth } : { kind: 'none' };
  } catch (error) {
    if (error instanceof LedgerUrlRefusedError) {
      deps.logger.error({ provider, reason: error.reason }, 'byte8: stored ledger base URL refused; nothing is sent to it');
      return { kind: 'refused', reason: error.reason };
    }
    deps.logger.error({ provider }, 'byte8: stored master key cannot be decrypted; re-pair or restore the encryption key');
    return { kind: 'undecryptable' };
  }
}

/** Config page status: paired or not, the ledger's health, a pending pairing code. */
export async function ledgerConnectionStatus(deps: LedgerViewDeps, provider: string, providerName: string): Promise<ConnectionStatusView> {
  const record = await deps.connections.get(provider);
  const auth = storedAuth(deps, provider, record);
  const health = auth.kind === 'ok' ? await deps.transport.fetchHealth(auth.auth) : null;
  const state =
    auth.kind === 'undecryptable'
      ? { state: 'unreachable' as const, label: 'Stored master key cannot be decrypted', detail: 'Restore the encryption key it was sealed with, or re-pair.', colour: '#757575' }
      : auth.kind === 'refused'
        ? {
            state: 'unreachable' as const,
            label: 'Ledger URL not allowed',
            detail: `Nothing is sent to it (${auth.reason}). Re-pair with the real ledger, or add its host to ledger.allowedHosts.`,
            colour: '#b30000',
          }
        : connectionStatusState({ provider, providerName, connected: auth.kind === 'ok', health });
  const issuedAt = record?.pairingCodeIssuedAt ?? null;
  return {
    provider,
    ...state,
    connected: auth.kind !== 'none',
    tenantId: record?.tenantId ?? null,
    ledgerBaseUrl: record?.ledgerBaseUrl || deps.defaultBaseUrl,
    pairingCode: {
      pending: !!record?.pairingCodeHash && issuedAt !== null,
      ageMinutes: record?.pairingCodeHash && issuedAt ? Math.floor((deps.clock.now().getTime() - issuedAt.getTime()) / 60_000) : null,
      ttlMinutes: PAIRING_CODE_TTL_SECONDS / 60,
    },
  };
}

/** The dashboard's health tile (wire-contract §10.4). */
export async function ledgerDashboardTile(deps: LedgerViewDeps, provider: string, providerName: string): Promise<DashboardTileView> {
  const record = await deps.connections.get(provider);
  const auth = storedAuth(deps, provider, record);
  const health: LedgerHealth | null = auth.kind === 'ok' ? await deps.transport.fetchHealth(auth.auth) : null;
  return dashboardTileView({
    provider,
    providerName,
    connected: auth.kind !== 'none',
    health,
    ledgerHost: hostOf(record?.ledgerBaseUrl || deps.defaultBaseUrl),
    now: deps.clock.now(),
  });
}

/**
 * Disconnect (wire-contract §5.1): tells the ledger when it can (best
 * effort), then always clears the tenant, master key and pairing code. The
 * base URL, outbox rows and mirror rows stay.
 */
export async function disconnectFromLedger(deps: LedgerViewDeps, provider: string): Promise<{ readonly wasConnected: boolean; readonly acknowledged: boolean }> {
  const record = await deps.connections.get(provider);
  if (!isConnected(record)) return { wasConnected: false, acknowledged: false };
  let acknowledged = false;
  try {
    const auth = storedAuth(deps, provider, record);
    if (auth.kind === 'ok') acknowledged = await deps.transport.disconnect(auth.auth);
  } catch (error) {
    deps.logger.warn({ provider, error: error instanceof Error ? error.message : String(error) }, 'byte8: ledger disconnect call failed');
  }
  await deps.connections.clearCredentials(provider);
  deps.logger.info({ provider, acknowledged }, 'byte8: disconnected');
  return { wasConnected: true, acknowledged };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
