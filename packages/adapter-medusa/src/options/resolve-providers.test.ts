import { describe, expect, it } from 'vitest';
import { sageAccounting } from '@byte8/sage-accounting';
import { resolveProviders } from './resolve-providers.js';

describe('resolveProviders', () => {
  it('loads Sage by key, by package name, or takes a provider object', async () => {
    for (const entry of ['sage_accounting', '@byte8/sage-accounting', sageAccounting()]) {
      const [provider] = await resolveProviders([entry]);
      expect(provider?.key).toBe('sage_accounting');
    }
  });

  it('names the entry it cannot load and refuses duplicates', async () => {
    await expect(resolveProviders(['@byte8/no-such-provider'])).rejects.toThrow(/cannot load "@byte8\/no-such-provider"/);
    await expect(resolveProviders(['sage_accounting', sageAccounting()])).rejects.toThrow(/"sage_accounting" is listed twice/);
    await expect(resolveProviders(['zod'])).rejects.toThrow(/"zod" does not export a provider factory/);
  });
});
