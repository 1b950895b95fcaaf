import type { Clock, ConnectionStore, Logger, SecretBox } from '@byte8/core';
import type { LedgerUrlPolicy } from '../transport/ledger-url-policy.js';
import { defaultLedgerUrlPolicy } from '../transport/resolve-ledger-auth.js';
import { hashPairingCode, PAIRING_CODE_TTL_SECONDS, sameHash } from './pairing-code.js';

export interface PairProviderDeps {
  readonly connections: ConnectionStore;
  readonly secretBox: SecretBox;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Which ledgers a pairing may name; default the real ledger's hosts only. */
  readonly ledgerUrlPolicy?: LedgerUrlPolicy;
}

export type PairOutcome =
  | { readonly ok: true; readonly tenantId: string }
  | { readonly ok: false; readonly status: 400 | 401; readonly message: string };

export const PAIR_MESSAGES = {
  required: 'pairing_code, tenant_id, byte8_api_key and ledger_base_url are all required.',
  badUrl: 'ledger_base_url must be an absolute http(s) URL.',
  refusedUrl: 'ledger_base_url is not an allowed ledger: %1.',
  invalidCode: 'Invalid or expired pairing code.',
} as const;

const invalidCode = { ok: false, status: 401, message: PAIR_MESSAGES.invalidCode } as const;

/**
 * The ledger's pairing call for one provider (wire-contract §4.2), in the
 * Magento order: trim, all four present, URL shape, then the pairing code
 * (missing, expired and wrong answer the same 401; only the log tells them
 * apart). On success the master key is sealed and stored with the tenant and
 * base URL, consuming the code in the same compare-and-set, so a code pairs
 * once even under concurrent calls, and a re-pair replaces the key atomically.
 *
 * `params` are the body's snake_case members.
 */
export async function pairProvider(deps: PairProviderDeps, provider: string, params: Readonly<Record<string, unknown>>): Promise<PairOutcome> {
  const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string).trim() : '');
  const code = text('pairing_code');
  const tenantId = text('tenant_id');
  const masterKey = text('byte8_api_key');
  const baseUrl = text('ledger_base_url').replace(/\/+$/, '');
  if (!code || !tenantId || !masterKey || !baseUrl) return { ok: false, status: 400, message: PAIR_MESSAGES.required };
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) return { ok: false, status: 400, message: PAIR_MESSAGES.badUrl };
  // The URL receives the worker's signed deliveries and the admin's health calls: only allowed ledgers.
  const verdict = (deps.ledgerUrlPolicy ?? defaultLedgerUrlPolicy()).check(baseUrl);
  if (!verdict.ok) {
    deps.logger.warn({ provider, reason: verdict.reason }, 'byte8: pairing refused: ledger_base_url not allowed');
    return { ok: false, status: 400, message: PAIR_MESSAGES.refusedUrl.replace('%1', verdict.reason) };
  }

  const rejected = (cause: string): PairOutcome => {
    deps.logger.warn({ provider, cause }, 'byte8: pairing rejected');
    return invalidCode;
  };
  const record = await deps.connections.get(provider);
  const storedHash = record?.pairingCodeHash ?? null;
  const issuedAt = record?.pairingCodeIssuedAt ?? null;
  if (!storedHash || !issuedAt) return rejected('no pairing code is pending');
  const now = deps.clock.now();
  if (Math.floor((now.getTime() - issuedAt.getTime()) / 1000) > PAIRING_CODE_TTL_SECONDS) return rejected('pairing code expired');
  if (!sameHash(hashPairingCode(code), storedHash)) return rejected('pairing code mismatch');

  const credentials = { tenantId, encryptedMasterKey: deps.secretBox.seal(masterKey), ledgerBaseUrl: baseUrl };
  if (!(await deps.connections.completePairing(provider, storedHash, credentials, now))) {
    return rejected('pairing code was consumed or replaced meanwhile');
  }
  deps.logger.info({ provider, tenantId }, 'byte8: paired successfully');
  return { ok: true, tenantId };
}
