import type { ConnectionStore, Provider } from '@byte8/core';
import { isConnected } from '../transport/resolve-ledger-auth.js';

/** The installed providers that are paired (tenant and master key stored), in installation order. */
export async function connectedProviders(connections: ConnectionStore, providers: readonly Provider[]): Promise<Provider[]> {
  const records = await connections.list();
  return providers.filter((provider) => {
    return isConnected(records.find((r) => r.provider === provider.key) ?? null);
  });
}
