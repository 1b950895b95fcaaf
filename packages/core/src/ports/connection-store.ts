/** What a provider's pairing left behind (wire-contract §2; one row per provider, design §4). */
export interface ConnectionRecord {
  readonly provider: string;
  readonly tenantId: string | null;
  /** Master key encrypted by the `SecretBox`; never the plaintext. */
  readonly encryptedMasterKey: string | null;
  readonly ledgerBaseUrl: string | null;
  readonly pairingCodeHash: string | null;
  readonly pairingCodeIssuedAt: Date | null;
  readonly pairedAt: Date | null;
}

export interface ConnectionCredentials {
  readonly tenantId: string;
  readonly encryptedMasterKey: string;
  readonly ledgerBaseUrl: string;
}

/** Port: per-provider connection state. */
export interface ConnectionStore {
  get(provider: string): Promise<ConnectionRecord | null>;
  /** Replaces the pairing-code hash and issue time (the old code dies at once). */
  setPairingCode(provider: string, hash: string, issuedAt: Date): Promise<void>;
  /**
   * Atomically stores credentials and consumes the pairing code, but only if
   * the stored hash still equals `expectedCodeHash` (single use under races).
   * Returns false when the code was consumed or replaced meanwhile.
   */
  completePairing(provider: string, expectedCodeHash: string, credentials: ConnectionCredentials, pairedAt: Date): Promise<boolean>;
  /** Clears tenant, key and pairing code; keeps the ledger base URL (wire-contract §5.1). */
  clearCredentials(provider: string): Promise<void>;
  /** Every provider that has a row. */
  list(): Promise<ConnectionRecord[]>;
}
