import type { Clock, ConnectionStore, Random } from '@byte8/core';
import { hashPairingCode, PAIRING_CODE_TTL_SECONDS } from './pairing-code.js';

export interface GeneratePairingCodeDeps {
  readonly connections: ConnectionStore;
  /** Must be a CSPRNG. */
  readonly random: Random;
  readonly clock: Clock;
}

/**
 * Issues a pairing code for one provider (wire-contract §4.1): 16 random
 * bytes as 32 lowercase hex characters. Only its SHA-256 and the issue time
 * are stored, replacing any earlier code, which stops working at once. The
 * plaintext is returned to show the merchant once; never log it.
 */
export async function generatePairingCode(
  deps: GeneratePairingCodeDeps,
  provider: string,
): Promise<{ readonly code: string; readonly expiresAt: Date }> {
  const bytes = deps.random.bytes(16);
  if (bytes.length !== 16) throw new Error('random.bytes(16) returned the wrong number of bytes');
  const code = Buffer.from(bytes).toString('hex');
  const issuedAt = deps.clock.now();
  await deps.connections.setPairingCode(provider, hashPairingCode(code), issuedAt);
  return { code, expiresAt: new Date(issuedAt.getTime() + PAIRING_CODE_TTL_SECONDS * 1000) };
}
