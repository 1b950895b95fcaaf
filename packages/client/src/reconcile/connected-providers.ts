import type { ConnectionStore, Provider } from '@byte8/core';
import { isConnected } from '../transport/resolve-ledger-auth.js';

/**
 * The installed providers that are paired (tenant and master key stored), in installation order.
 * `direct` answers for providers in direct mode (connected to the provider's API, not the ledger).
 */
export async function connectedProviders(
  connections: ConnectionStore,
  providers: readonly Provider[],
  direct?: (provider: string) => Promise<boolean> | undefined,
): Promise<Provider[]> {
  const records = await connections.list();
  const connected: Provider[] = [];
  for (const provider of providers) {
    const directly = direct?.(provider.key);
    if (directly !== undefined ? await directly : isConnected(records.find((r) => r.provider === provider.key) ?? null)) connected.push(provider);
  }
  return connected;
}
