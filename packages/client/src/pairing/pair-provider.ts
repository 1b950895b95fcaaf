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

/** What the connection row can hold (`tenant_id` varchar(64)); the others are bounded so a flood stays cheap. */
const FIELD_LIMITS = { tenant_id: 64, byte8_api_key: 1024, ledger_base_url: 2048 } as const;

/** The first field over its limit or with control characters, as a 400 message; null when all fit. */
function fieldProblem(fields: Readonly<Record<keyof typeof FIELD_LIMITS, string>>): string | null {
  for (const [name, limit] of Object.entries(FIELD_LIMITS) as [keyof typeof FIELD_LIMITS, number][]) {
    if (fields[name].length > limit) return `${name} must be at most ${limit} characters.`;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
    if (/[\u0000-\u001f\u007f]/.test(fields[name])) return `${name} must not contain control characters.`;
  }
  return null;
}

/**
 * The ledger's pairing call for one provider (wire-contract §4.2), in the
 * Magento order: trim, all four present, URL shape (then, beyond Magento, the
 * fields' sizes and the ledger URL policy), then the pairing code
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
  // Every field is checked before anything is read or written: a bad one is a 400, never a 500 after the code was spent.
  const problem = fieldProblem({ tenant_id: tenantId, byte8_api_key: masterKey, ledger_base_url: baseUrl });
  if (problem) return { ok: false, status: 400, message: problem };
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
