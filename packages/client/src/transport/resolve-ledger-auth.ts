import type { ConnectionRecord, LedgerAuth, SecretBox } from '@byte8/core';
import { assertLedgerUrl, type LedgerUrlPolicy, ledgerUrlPolicy } from './ledger-url-policy.js';

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
 * cannot be opened (unknown key id, tampering), or when the stored base URL
 * is not one `policy` allows (`LedgerUrlRefusedError`): configuration faults
 * the caller must surface, not a silent "disconnected".
 */
export function resolveLedgerAuth(
  record: ConnectionRecord | null,
  secretBox: SecretBox,
  defaultBaseUrl: string = DEFAULT_LEDGER_BASE_URL,
  policy: LedgerUrlPolicy = defaultLedgerUrlPolicy(defaultBaseUrl),
): LedgerAuth | null {
  if (!isConnected(record)) return null;
  const baseUrl = (record.ledgerBaseUrl || defaultBaseUrl).replace(/\/+$/, '');
  // Checked before the key is even opened: a refused URL never gets a signed request.
  assertLedgerUrl(policy, baseUrl);
  const masterKey = secretBox.open(record.encryptedMasterKey).trim();
  if (masterKey === '') return null;
  return { baseUrl, tenantId: record.tenantId, masterKey };
}

/** The policy of a component built without one: the real ledger's hosts plus the configured default ledger. */
export function defaultLedgerUrlPolicy(defaultBaseUrl: string = DEFAULT_LEDGER_BASE_URL): LedgerUrlPolicy {
  return ledgerUrlPolicy({ trustedBaseUrls: [defaultBaseUrl] });
}
