import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveProviders as clientResolve } from '@byte8/client';
import { sageAccounting } from '@byte8/sage-accounting';
import { describe, expect, it } from 'vitest';
import { resolveProviders } from './resolve-providers.js';

// This package's folder stands for the Medusa app: its dev dependencies hold the three provider packages.
const appDir = dirname(fileURLToPath(import.meta.url));
const client = { resolveProviders: clientResolve };

describe('resolveProviders (the plugin option "providers")', () => {
  it('loads every provider by key or package name, from the app, without knowing any of them', async () => {
    const byKey = await resolveProviders(client, ['sage_accounting', 'xero', 'freeagent'], appDir);
    expect(byKey.map((p) => [p.key, p.labels.statusColumn])).toEqual([
      ['sage_accounting', 'Sage Status'],
      ['xero', 'Xero Status'],
      ['freeagent', 'FreeAgent Status'],
    ]);
    const byName = await resolveProviders(client, ['@byte8/xero-accounting', '@byte8/freeagent-accounting', sageAccounting()], appDir);
    expect(byName.map((p) => p.key)).toEqual(['xero', 'freeagent', 'sage_accounting']);
  });

  it('names the option and the entry it cannot load, and refuses duplicates', async () => {
    await expect(resolveProviders(client, ['@byte8/no-such-provider'], appDir)).rejects.toThrow(/^byte8 plugin option "providers": cannot load "@byte8\/no-such-provider"/);
    await expect(resolveProviders(client, ['quickbooks'], appDir)).rejects.toThrow(
      /^byte8 plugin option "providers": cannot load "quickbooks" \(looked for @byte8\/quickbooks-accounting\)/,
    );
    await expect(resolveProviders(client, ['sage_accounting', sageAccounting()], appDir)).rejects.toThrow('byte8 plugin option "providers": "sage_accounting" is listed twice');
    await expect(resolveProviders(client, ['zod'], appDir)).rejects.toThrow('byte8 plugin option "providers": cannot load "zod" (looked for @byte8/zod-accounting)');
    await expect(resolveProviders(client, ['@byte8/core'], appDir)).rejects.toThrow('"@byte8/core" (@byte8/core) does not default-export a provider factory');
  });
});
