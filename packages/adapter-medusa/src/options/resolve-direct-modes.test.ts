import { sageDirect } from '@byte8/sage-direct';
import { describe, expect, it } from 'vitest';
import { resolveDirectModes } from './resolve-direct-modes.js';

const options = { clientId: 'app', clientSecret: 'secret-in-env', redirectUri: 'https://shop.example.com/admin/byte8/oauth/sage_accounting/callback' };

describe('resolveDirectModes', () => {
  it('loads a direct mode by package name with its options, or takes one made in the config', async () => {
    const [byName] = await resolveDirectModes([{ resolve: '@byte8/sage-direct', options }]);
    expect(byName?.provider).toBe('sage_accounting');
    const [made] = await resolveDirectModes([sageDirect(options)]);
    expect(made?.provider).toBe('sage_accounting');
  });

  it('fails naming the entry, with the package’s own message, and never echoes the secret', async () => {
    await expect(resolveDirectModes([{ resolve: '@byte8/sage-direct', options: { ...options, redirectUri: 'http://shop.example.com/cb' } }])).rejects.toThrow(
      /^byte8 plugin option "direct\[0\]": sageDirect option "redirectUri": must be an https URL/,
    );
    const error = await resolveDirectModes([{ resolve: '@byte8/sage-direct', options: { ...options, clientId: '' } }]).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/"clientId"/);
    expect((error as Error).message).not.toContain('secret-in-env');
    await expect(resolveDirectModes([{ resolve: '@byte8/no-such-direct', options: {} }])).rejects.toThrow(/"direct\[0\]": cannot load "@byte8\/no-such-direct"/);
    await expect(resolveDirectModes([{ resolve: 'zod', options: {} }])).rejects.toThrow(/"zod" has no default export making a direct mode|did not make a direct mode/);
    await expect(resolveDirectModes([sageDirect(options), { resolve: '@byte8/sage-direct', options }])).rejects.toThrow(/"sage_accounting" is listed twice/);
  });
});
