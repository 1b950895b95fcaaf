import { hkdfSync } from 'node:crypto';

/** HKDF `info` strings; a change must be coordinated with the ledger as `-v2` (wire-contract §3.1). */
export const OUTBOUND_INFO = 'byte8-magento-outbound-v1';
export const INBOUND_INFO = 'byte8-magento-inbound-v1';

export type KeyDirection = 'outbound' | 'inbound';

/**
 * Derives the 32-byte HMAC key for one direction: HKDF-SHA256, empty salt,
 * IKM = the master key's UTF-8 bytes exactly as received after trimming
 * (no base64 or hex decoding, wire-contract §2.3, §3.1).
 */
export function deriveSubkey(masterKey: string, direction: KeyDirection): Buffer {
  const ikm = masterKey.trim();
  if (ikm === '') throw new Error('cannot derive a subkey: the master key is empty (not connected)');
  const info = direction === 'outbound' ? OUTBOUND_INFO : INBOUND_INFO;
  return Buffer.from(hkdfSync('sha256', Buffer.from(ikm, 'utf8'), Buffer.alloc(0), info, 32));
}
