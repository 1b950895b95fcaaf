import { defaultPairingPath } from '@byte8/core';
import type { HostClient } from './host-client.js';
import { parseJson } from './http-io.js';
import { DEFAULT_PROVIDER } from './simulator-options.js';
import { mintMasterKey, type SimTenant, type TenantRegistry } from './tenant-registry.js';
import { randomUUID } from 'node:crypto';

export interface PairOptions {
  /** Default `sage_accounting`. */
  readonly provider?: string;
  /**
   * Path of the host's anonymous pair route. Default: `/rest/V1/byte8/setup/pair`
   * for Sage, `/rest/V1/byte8/<provider>_accounting/setup/pair` otherwise
   * (the route of Byte8's Xero and FreeAgent modules, `defaultPairingPath` of core).
   */
  readonly pairPath?: string;
  /** Default: a fresh v4 UUID. */
  readonly tenantId?: string;
  /** Default: `byte8_lk_` + 64 random hex characters. */
  readonly masterKey?: string;
}

export interface PairResult {
  readonly tenantId: string;
  readonly masterKey: string;
  /** The host's HTTP status (0: network error). Only a 200 makes the simulator remember the tenant. */
  readonly status: number;
  readonly body: unknown;
}

/** The pair route of a provider under the host's `/rest` front name (wire-contract §4.2, sage-and-providers a.1). */
export function defaultPairPath(provider: string): string {
  return provider === DEFAULT_PROVIDER ? '/rest/V1/byte8/setup/pair' : `/rest${defaultPairingPath(provider)}`;
}

/**
 * Plays the ledger's half of pairing (wire-contract §4.2): mints a tenant and
 * a master key and posts them with the merchant's code to the host.
 */
export async function pairWithHost(
  host: HostClient,
  tenants: TenantRegistry,
  ledgerBaseUrl: string,
  hostBaseUrl: string,
  pairingCode: string,
  options: PairOptions = {},
): Promise<PairResult & { readonly tenant: SimTenant | null }> {
  const base = hostBaseUrl.replace(/\/+$/, '');
  const provider = options.provider ?? DEFAULT_PROVIDER;
  const tenantId = options.tenantId ?? randomUUID();
  const masterKey = options.masterKey ?? mintMasterKey();
  const response = await host.send(
    'POST',
    `${base}${options.pairPath ?? defaultPairPath(provider)}`,
    { 'content-type': 'application/json', accept: 'application/json' },
    JSON.stringify({ pairing_code: pairingCode, tenant_id: tenantId, byte8_api_key: masterKey, ledger_base_url: ledgerBaseUrl }),
  );
  const tenant = response.status === 200 ? tenants.add({ tenantId, masterKey, provider, hostBaseUrl: base }, provider) : null;
  return { tenantId, masterKey, status: response.status, body: parseJson(response.body) ?? response.body, tenant };
}
