import type { Provider } from '@byte8/core';
import type { ClientApi } from '../connector/client-api.js';

/**
 * Turns the `providers` option into provider objects with the client's
 * resolver: a provider key (`xero`) is the package `@byte8/<name>-accounting`
 * by the naming convention, any other string a package name, an object a
 * provider from `defineProvider()`. Packages are looked up from the Medusa
 * app's directory, where the merchant installs them, so the plugin knows no
 * provider by name. A failure stops the boot naming the option.
 */
export async function resolveProviders(client: Pick<ClientApi, 'resolveProviders'>, entries: readonly unknown[], appDir: string): Promise<Provider[]> {
  try {
    return await client.resolveProviders(entries, { searchFrom: [appDir] });
  } catch (error) {
    throw new Error(`byte8 plugin option "providers": ${(error as Error).message}`);
  }
}
