import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provider } from '@byte8/core';
import { findInstalledProviders } from '../providers/find-installed-providers.js';

/**
 * Providers when no configuration module names any: every provider package
 * (`@byte8/*-accounting`) installed next to the host, looked up from `cwd`
 * first, then from where this package is installed. Empty when none is.
 */
export function defaultProviders(cwd: string): Promise<Provider[]> {
  return findInstalledProviders([cwd, dirname(fileURLToPath(import.meta.url))]);
}
