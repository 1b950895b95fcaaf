import type { Provider } from '@byte8/core';
import { isProvider } from './is-provider.js';
import { type LoadProviderOptions, loadProviderPackage } from './load-provider-package.js';

/** How a host lists a provider in its configuration: a key, a package name, or a provider object. */
export type ProviderEntry = string | Provider;

/**
 * Turns a host's list of providers into provider objects, in order: keys
 * and package names are loaded with `loadProviderPackage`, objects are
 * checked. Refuses a provider listed twice. Errors name the entry.
 *
 * @example
 * const providers = await resolveProviders(['sage_accounting', 'xero', 'freeagent'], { searchFrom: [process.cwd()] });
 */
export async function resolveProviders(entries: readonly unknown[], options: LoadProviderOptions = {}): Promise<Provider[]> {
  const providers: Provider[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') providers.push(await loadProviderPackage(entry, options));
    else if (isProvider(entry)) providers.push(entry);
    else throw new Error(`${describe(entry)} is not a provider (defineProvider) nor a package name`);
  }
  const keys = providers.map((p) => p.key);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate) throw new Error(`"${duplicate}" is listed twice`);
  return providers;
}

const describe = (value: unknown): string => {
  const key = (value as { key?: unknown } | null)?.key;
  return typeof key === 'string' ? `"${key}"` : typeof value;
};
