import type { ConnectionCredentials, ConnectionRecord, ConnectionStore } from '@byte8/core';
import { sql } from 'kysely';
import { toDateOrNull, toStringOrNull } from './sql-values.js';
import type { StoreContext } from './store-context.js';

export function toRecord(row: Record<string, unknown>): ConnectionRecord {
  return {
    provider: String(row.provider),
    tenantId: toStringOrNull(row.tenant_id),
    encryptedMasterKey: toStringOrNull(row.encrypted_master_key),
    ledgerBaseUrl: toStringOrNull(row.ledger_base_url),
    pairingCodeHash: toStringOrNull(row.pairing_code_hash),
    pairingCodeIssuedAt: toDateOrNull(row.pairing_code_issued_at),
    pairedAt: toDateOrNull(row.paired_at),
  };
}

export function checkProvider(method: string, provider: unknown): void {
  if (typeof provider !== 'string' || provider.length === 0 || provider.length > 32) {
    throw new TypeError(`${method}: \`provider\` must be a string of 1 to 32 characters`);
  }
}

/** A pairing code's hash as `setPairingCode` stores it. */
export function checkPairingCodeHash(hash: unknown): void {
  if (typeof hash !== 'string' || hash.length === 0 || hash.length > 128) {
    throw new TypeError('setPairingCode: `hash` must be a string of 1 to 128 characters');
  }
}

/** What `completePairing` stores: every field present, the tenant id within its column. */
export function checkCredentials(credentials: ConnectionCredentials): void {
  for (const name of ['tenantId', 'encryptedMasterKey', 'ledgerBaseUrl'] as const) {
    if (typeof credentials?.[name] !== 'string' || credentials[name].length === 0) {
      throw new TypeError(`completePairing: \`credentials.${name}\` must be a non-empty string`);
    }
  }
  if (credentials.tenantId.length > 64) throw new TypeError('completePairing: `credentials.tenantId` is longer than 64 characters');
}

export function checkDate(method: string, name: string, value: unknown): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`${method}: \`${name}\` must be a valid Date`);
}

/** Per-provider connection rows (`byte8_connection`) over kysely. */
export class KyselyConnectionStore implements ConnectionStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async get(provider: string): Promise<ConnectionRecord | null> {
    checkProvider('get', provider);
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#context.tables.connection} WHERE provider = ${provider}
    `.execute(this.#context.db);
    return result.rows[0] ? toRecord(result.rows[0]) : null;
  }

  async setPairingCode(provider: string, hash: string, issuedAt: Date): Promise<void> {
    checkProvider('setPairingCode', provider);
    checkPairingCodeHash(hash);
    checkDate('setPairingCode', 'issuedAt', issuedAt);
    await sql`
      INSERT INTO ${this.#context.tables.connection} (provider, pairing_code_hash, pairing_code_issued_at, updated_at)
      VALUES (${provider}, ${hash}, ${issuedAt}::timestamptz, ${this.#context.clock.now()}::timestamptz)
      ON CONFLICT (provider) DO UPDATE SET pairing_code_hash = excluded.pairing_code_hash,
        pairing_code_issued_at = excluded.pairing_code_issued_at, updated_at = excluded.updated_at
    `.execute(this.#context.db);
  }

  async completePairing(
    provider: string,
    expectedCodeHash: string,
    credentials: ConnectionCredentials,
    pairedAt: Date,
  ): Promise<boolean> {
    checkProvider('completePairing', provider);
    checkDate('completePairing', 'pairedAt', pairedAt);
    checkCredentials(credentials);
    if (typeof expectedCodeHash !== 'string' || expectedCodeHash.length === 0) return false;
    // Compare-and-set: of two racing pairings with the same code, the row lock lets exactly one match.
    const result = await sql`
      UPDATE ${this.#context.tables.connection}
      SET tenant_id = ${credentials.tenantId}, encrypted_master_key = ${credentials.encryptedMasterKey},
          ledger_base_url = ${credentials.ledgerBaseUrl}, pairing_code_hash = NULL, pairing_code_issued_at = NULL,
          paired_at = ${pairedAt}::timestamptz, updated_at = ${this.#context.clock.now()}::timestamptz
      WHERE provider = ${provider} AND pairing_code_hash = ${expectedCodeHash}
    `.execute(this.#context.db);
    return Number(result.numAffectedRows ?? 0n) === 1;
  }

  async clearCredentials(provider: string): Promise<void> {
    checkProvider('clearCredentials', provider);
    // The ledger base URL stays so a later re-pair reaches the same ledger (wire-contract §5.1).
    await sql`
      UPDATE ${this.#context.tables.connection}
      SET tenant_id = NULL, encrypted_master_key = NULL, pairing_code_hash = NULL, pairing_code_issued_at = NULL,
          paired_at = NULL, updated_at = ${this.#context.clock.now()}::timestamptz
      WHERE provider = ${provider}
    `.execute(this.#context.db);
  }

  async list(): Promise<ConnectionRecord[]> {
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#context.tables.connection} ORDER BY provider
    `.execute(this.#context.db);
    return result.rows.map(toRecord);
  }
}
