import type { AdminApi, DirectConnection, Provider } from '@byte8/core';
import type { BusinessChoice } from '../render/direct-section.js';
import type { ProviderConfigView } from '../render/config-page.js';

/** The businesses of a connection waiting for its choice; a failure becomes words on the page, not a 500. */
async function businessChoice(connection: DirectConnection): Promise<BusinessChoice> {
  try {
    return { businesses: await connection.listBusinesses(), problem: null };
  } catch (error) {
    return { businesses: [], problem: (error as Error).message };
  }
}

/** What the configuration page shows per provider: the ledger pairing, or the direct connection. */
export function loadConfigViews(admin: AdminApi, providers: readonly Provider[], direct: ReadonlyMap<string, DirectConnection>): Promise<ProviderConfigView[]> {
  return Promise.all(
    providers.map(async (provider): Promise<ProviderConfigView> => {
      const connection = direct.get(provider.key);
      if (!connection) {
        return {
          provider,
          status: await admin.connectionStatus(provider.key),
          deadLetters: await admin.deadLetters({ provider: provider.key }),
          held: await admin.heldRows(provider.key),
        };
      }
      const view = await connection.status();
      return {
        mode: 'direct',
        provider,
        direct: view,
        businesses: view.state === 'business_needed' ? await businessChoice(connection) : null,
        deadLetters: await admin.deadLetters({ provider: provider.key }),
      };
    }),
  );
}
