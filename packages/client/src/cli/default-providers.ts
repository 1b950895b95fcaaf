import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Provider } from '@byte8/core';

// A variable, so the compiler does not try to type an optional package.
const SAGE_PACKAGE = '@byte8/sage-accounting';

/**
 * Providers when no configuration module names any: Sage, if
 * `@byte8/sage-accounting` is installed next to the host (looked up from
 * `cwd` first, then from this package). Empty when it is not installed.
 */
export async function defaultProviders(cwd: string): Promise<Provider[]> {
  const attempts: Array<() => Promise<unknown>> = [
    async () => import(pathToFileURL(createRequire(join(cwd, 'noop.js')).resolve(SAGE_PACKAGE)).href),
    async () => import(SAGE_PACKAGE),
  ];
  for (const attempt of attempts) {
    try {
      const module = (await attempt()) as { sageAccounting?: () => Provider };
      if (typeof module.sageAccounting === 'function') return [module.sageAccounting()];
    } catch {
      // Not installed there; try the next place.
    }
  }
  return [];
}
