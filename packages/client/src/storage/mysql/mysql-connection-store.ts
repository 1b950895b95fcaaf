import type { ConnectionCredentials, ConnectionRecord, ConnectionStore } from '@byte8/core';
import { sql } from 'kysely';
import { checkCredentials, checkDate, checkPairingCodeHash, checkProvider, toRecord } from '../connection-store.js';
import type { StoreContext } from '../store-context.js';

/** Per-provider connection rows (`byte8_connection`) on MySQL; the same rules as connection-store.ts. */
export class MysqlConnectionStore implements ConnectionStore {
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
      VALUES (${provider}, ${hash}, ${issuedAt}, ${this.#context.clock.now()})
      ON DUPLICATE KEY UPDATE pairing_code_hash = VALUES(pairing_code_hash),
        pairing_code_issued_at = VALUES(pairing_code_issued_at), updated_at = VALUES(updated_at)
    `.execute(this.#context.db);
  }

  async completePairing(provider: string, expectedCodeHash: string, credentials: ConnectionCredentials, pairedAt: Date): Promise<boolean> {
    checkProvider('completePairing', provider);
    checkDate('completePairing', 'pairedAt', pairedAt);
    checkCredentials(credentials);
    if (typeof expectedCodeHash !== 'string' || expectedCodeHash.length === 0) return false;
    // Compare-and-set: of two racing pairings with the same code, the row lock lets exactly one match
    // (the second UPDATE re-reads the row after the first commits, and the hash is gone).
    const result = await sql`
      UPDATE ${this.#context.tables.connection}
      SET tenant_id = ${credentials.tenantId}, encrypted_master_key = ${credentials.encryptedMasterKey},
          ledger_base_url = ${credentials.ledgerBaseUrl}, pairing_code_hash = NULL, pairing_code_issued_at = NULL,
          paired_at = ${pairedAt}, updated_at = ${this.#context.clock.now()}
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
          paired_at = NULL, updated_at = ${this.#context.clock.now()}
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
