import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sageAccounting } from '@byte8/sage-accounting';
import { describe, expect, it } from 'vitest';
import { resolveProviders } from './resolve-providers.js';

const searchFrom = [dirname(fileURLToPath(import.meta.url))];

describe('resolveProviders', () => {
  it('loads keys and package names and takes provider objects, in the order listed', async () => {
    const providers = await resolveProviders(['freeagent', sageAccounting()], { searchFrom });
    expect(providers.map((p) => p.key)).toEqual(['freeagent', 'sage_accounting']);
    expect((await resolveProviders(['@byte8/sage-accounting'], { searchFrom }))[0]?.labels.name).toBe('Sage Accounting');
  });

  it('refuses a provider listed twice, however it is named', async () => {
    await expect(resolveProviders(['sage_accounting', sageAccounting()], { searchFrom })).rejects.toThrow('"sage_accounting" is listed twice');
    await expect(resolveProviders(['freeagent', '@byte8/freeagent-accounting'], { searchFrom })).rejects.toThrow('"freeagent" is listed twice');
  });

  it('refuses an entry that is neither a name nor a provider', async () => {
    await expect(resolveProviders([{ key: 'xero' }])).rejects.toThrow('"xero" is not a provider (defineProvider) nor a package name');
    await expect(resolveProviders([42])).rejects.toThrow('number is not a provider');
    await expect(resolveProviders([null])).rejects.toThrow('object is not a provider');
  });
});
