import type { Provider } from '@byte8/core';

/** Provider keys this plugin knows by name, with the package and factory that build them. */
const KNOWN_PROVIDERS: Readonly<Record<string, { readonly pkg: string; readonly factory: string }>> = {
  sage_accounting: { pkg: '@byte8/sage-accounting', factory: 'sageAccounting' },
  '@byte8/sage-accounting': { pkg: '@byte8/sage-accounting', factory: 'sageAccounting' },
};

export type ProviderEntry = string | { readonly key: string; readonly eventsFor: unknown };

/** Loads a package by name (a seam so tests and hosts can control module resolution). */
export type PackageImporter = (name: string) => Promise<Record<string, unknown>>;

const defaultImporter: PackageImporter = (name) => import(name) as Promise<Record<string, unknown>>;

function isProvider(value: unknown): value is Provider {
  return typeof value === 'object' && value !== null && typeof (value as Provider).eventsFor === 'function';
}

/**
 * Turns the `providers` option into provider objects. A known key or package
 * uses its factory; any other package must default-export a factory
 * returning a provider. Fails naming the entry that could not be loaded.
 */
export async function resolveProviders(entries: readonly ProviderEntry[], importer: PackageImporter = defaultImporter): Promise<Provider[]> {
  const providers: Provider[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      if (!isProvider(entry)) throw new Error(`byte8 plugin option "providers": ${String(entry.key)} is not a provider`);
      providers.push(entry);
      continue;
    }
    const known = KNOWN_PROVIDERS[entry];
    const pkg = known?.pkg ?? entry;
    let loaded: Record<string, unknown>;
    try {
      loaded = await importer(pkg);
    } catch (error) {
      throw new Error(`byte8 plugin option "providers": cannot load "${entry}" (${(error as Error).message})`);
    }
    const factory = known ? loaded[known.factory] : (loaded.default ?? (loaded['module.exports'] as Record<string, unknown> | undefined)?.default);
    const provider = typeof factory === 'function' ? (factory as () => unknown)() : undefined;
    if (!isProvider(provider)) {
      throw new Error(`byte8 plugin option "providers": "${entry}" does not export a provider factory`);
    }
    providers.push(provider);
  }
  const keys = providers.map((p) => p.key);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate) throw new Error(`byte8 plugin option "providers": "${duplicate}" is listed twice`);
  return providers;
}
