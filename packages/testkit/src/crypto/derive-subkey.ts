import { hkdfSync } from 'node:crypto';

/** HKDF `info` of the key the host signs with and the ledger verifies with (wire-contract §3.1). */
export const OUTBOUND_KEY_INFO = 'byte8-magento-outbound-v1';
/** HKDF `info` of the key the ledger signs with and the host verifies with (wire-contract §3.1). */
export const INBOUND_KEY_INFO = 'byte8-magento-inbound-v1';

/**
 * The ledger's own derivation of a direction subkey: HKDF-SHA256, empty salt,
 * the master key's trimmed UTF-8 bytes as IKM, 32 raw bytes out.
 * Written independently of `@byte8/client` on purpose: the simulator checks it.
 */
export function deriveSimSubkey(masterKey: string, direction: 'outbound' | 'inbound'): Buffer {
  const ikm = masterKey.trim();
  if (ikm === '') throw new Error('cannot derive a subkey from an empty master key');
  const info = direction === 'outbound' ? OUTBOUND_KEY_INFO : INBOUND_KEY_INFO;
  return Buffer.from(hkdfSync('sha256', Buffer.from(ikm, 'utf8'), Buffer.alloc(0), info, 32));
}
