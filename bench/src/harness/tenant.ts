import { randomBytes, randomUUID } from 'node:crypto';
import { AesGcmSecretBox, type Byte8Storage } from '@byte8/client';
import type { LedgerAuth } from '@byte8/core';
import type { SimProcess } from '../sim-client.js';

export const PROVIDER = 'sage_accounting';

/** A tenant known to the simulator, and the secret-box key its master key is sealed with. */
export interface BenchTenant {
  readonly tenantId: string;
  readonly masterKey: string;
  /** Base64 key of the secret box (handed to worker processes). */
  readonly boxKey: string;
  readonly auth: LedgerAuth;
}

export function secretBoxFor(boxKey: string): AesGcmSecretBox {
  return new AesGcmSecretBox({ keys: { bench: boxKey }, activeKeyId: 'bench' });
}

export async function newTenant(sim: SimProcess): Promise<BenchTenant> {
  const tenantId = randomUUID();
  const masterKey = `byte8_lk_${randomBytes(32).toString('hex')}`;
  await sim.register(tenantId, masterKey);
  return { tenantId, masterKey, boxKey: randomBytes(32).toString('base64'), auth: { baseUrl: sim.url, tenantId, masterKey } };
}

/** Pairs the storage's provider with the tenant, as the pairing flow would. */
export async function pair(storage: Byte8Storage, tenant: BenchTenant): Promise<void> {
  const code = randomBytes(16).toString('hex');
  await storage.connections.setPairingCode(PROVIDER, code, new Date());
  await storage.connections.completePairing(
    PROVIDER,
    code,
    { tenantId: tenant.tenantId, encryptedMasterKey: secretBoxFor(tenant.boxKey).seal(tenant.masterKey), ledgerBaseUrl: tenant.auth.baseUrl },
    new Date(),
  );
}
