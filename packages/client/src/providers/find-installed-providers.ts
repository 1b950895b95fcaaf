import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Provider } from '@byte8/core';
import { type LoadProviderOptions, loadProviderPackage } from './load-provider-package.js';

/** Provider packages by the naming convention (core's `providerPackageName`). */
const PROVIDER_PACKAGE = /^[a-z0-9][a-z0-9-]*-accounting$/;

/** `@byte8/*-accounting` packages in `node_modules` of `dir` and of every parent, nearest first. */
function installedNames(dir: string): string[] {
  const names = new Set<string>();
  for (let current = dir; ; current = dirname(current)) {
    let entries: string[] = [];
    try {
      entries = readdirSync(join(current, 'node_modules', '@byte8'));
    } catch {
      // No scope folder here.
    }
    for (const entry of entries.sort()) if (PROVIDER_PACKAGE.test(entry)) names.add(`@byte8/${entry}`);
    if (dirname(current) === current) return [...names];
  }
}

/**
 * The providers installed next to a host, for a host that names none: every
 * `@byte8/*-accounting` package found from the first directory of
 * `searchFrom` that has any (each directory and its parents), loaded in name
 * order. Empty when none is installed; a package that fails to load is an
 * error naming it.
 *
 * @example
 * const providers = await findInstalledProviders([process.cwd()]);
 */
export async function findInstalledProviders(searchFrom: readonly string[], options: Omit<LoadProviderOptions, 'searchFrom'> = {}): Promise<Provider[]> {
  for (const dir of searchFrom) {
    const names = installedNames(dir);
    if (names.length === 0) continue;
    const providers: Provider[] = [];
    for (const name of names) providers.push(await loadProviderPackage(name, { ...options, searchFrom: [dir] }));
    return providers;
  }
  return [];
}
