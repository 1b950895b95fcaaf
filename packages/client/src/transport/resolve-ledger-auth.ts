import type { ConnectionRecord, LedgerAuth, SecretBox } from '@byte8/core';

/** Used until pairing stores the ledger's own base URL (wire-contract §2.1). */
export const DEFAULT_LEDGER_BASE_URL = 'https://ledger.byte8.io';

/** A provider counts as connected when it has a tenant and a master key (wire-contract §2.2). */
export function isConnected(record: ConnectionRecord | null): record is ConnectionRecord & {
  readonly tenantId: string;
  readonly encryptedMasterKey: string;
} {
  return !!record && !!record.tenantId && !!record.encryptedMasterKey;
}

/**
 * The credentials to call the ledger for a provider, decrypting the master
 * key, or null when the provider is not connected. Throws when the sealed key
 * cannot be opened (unknown key id, tampering): that is a configuration fault
 * the caller must surface, not a silent "disconnected".
 */
export function resolveLedgerAuth(
  record: ConnectionRecord | null,
  secretBox: SecretBox,
  defaultBaseUrl: string = DEFAULT_LEDGER_BASE_URL,
): LedgerAuth | null {
  if (!isConnected(record)) return null;
  const masterKey = secretBox.open(record.encryptedMasterKey).trim();
  if (masterKey === '') return null;
  const baseUrl = (record.ledgerBaseUrl || defaultBaseUrl).replace(/\/+$/, '');
  return { baseUrl, tenantId: record.tenantId, masterKey };
}
