import type { ConnectionStore, Provider } from '@byte8/core';

/** The installed providers that are paired (tenant and master key stored), in installation order. */
export async function connectedProviders(connections: ConnectionStore, providers: readonly Provider[]): Promise<Provider[]> {
  const records = await connections.list();
  return providers.filter((provider) => {
    const record = records.find((r) => r.provider === provider.key);
    return Boolean(record?.tenantId && record.encryptedMasterKey);
  });
}
