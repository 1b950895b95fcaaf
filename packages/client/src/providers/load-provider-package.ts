import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Provider, providerPackageName } from '@byte8/core';
import { isProvider } from './is-provider.js';

/** Imports a module by specifier or file URL (a seam for tests). */
export type ModuleImporter = (specifier: string) => Promise<Record<string, unknown>>;

export interface LoadProviderOptions {
  /**
   * Directories to resolve packages from, in order: the host's own directory
   * first, so the provider packages the host installed are the ones used.
   * After them, the package is imported from this package's location.
   */
  readonly searchFrom?: readonly string[];
  readonly importer?: ModuleImporter;
}

const defaultImporter: ModuleImporter = (specifier) => import(specifier) as Promise<Record<string, unknown>>;

/**
 * A provider key (`xero`, `sage_accounting`): no `@`, `/`, `-` or `.`, so
 * never a scoped or dashed package name. Anything else is a package name.
 */
const KEY = /^[a-z][a-z0-9_]{0,31}$/;

/**
 * Loads one provider package, named by the provider's key (`xero`, found as
 * `@byte8/xero-accounting` by the naming convention of core's
 * `providerPackageName`) or by its package name (`acme-books-provider`). The package must
 * default-export a factory returning a provider; a package found through a
 * key must hold the provider of that key. Fails naming the entry.
 *
 * @example
 * const xero = await loadProviderPackage('xero', { searchFrom: [process.cwd()] });
 */
export async function loadProviderPackage(entry: string, options: LoadProviderOptions = {}): Promise<Provider> {
  const importer = options.importer ?? defaultImporter;
  const byKey = KEY.test(entry);
  const pkg = byKey ? providerPackageName(entry) : entry;
  let loaded: Record<string, unknown>;
  try {
    loaded = await importPackageFrom(pkg, options.searchFrom ?? [], importer);
  } catch (error) {
    throw new Error(`cannot load "${entry}"${byKey ? ` (looked for ${pkg})` : ''}: ${firstLine(error)}`);
  }
  // `module.exports`: what Node's require() of an ES module gives a CommonJS caller.
  const factory = loaded.default ?? (loaded['module.exports'] as Record<string, unknown> | undefined)?.default;
  const provider = typeof factory === 'function' ? (factory as () => unknown)() : undefined;
  if (!isProvider(provider)) throw new Error(`"${entry}" (${pkg}) does not default-export a provider factory`);
  if (byKey && provider.key !== entry) throw new Error(`"${entry}" loaded ${pkg}, whose provider key is "${provider.key}"`);
  return provider;
}

/**
 * Imports package `pkg` as the host installed it: resolved from the first of
 * `searchFrom` that has it (the host's own directory), else from here. For a
 * plugin that must not bring the packages a host chooses (providers, direct modes).
 */
export async function importPackageFrom(
  pkg: string,
  searchFrom: readonly string[] = [],
  importer: ModuleImporter = defaultImporter,
): Promise<Record<string, unknown>> {
  for (const dir of searchFrom) {
    let resolved: string;
    try {
      resolved = createRequire(join(dir, 'noop.js')).resolve(pkg);
    } catch {
      continue;
    }
    return importer(pathToFileURL(resolved).href);
  }
  return importer(pkg);
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!;
