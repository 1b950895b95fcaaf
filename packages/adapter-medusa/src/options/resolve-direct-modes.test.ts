import { importPackageFrom } from '@byte8/client';
import { sageDirect } from '@byte8/sage-direct';
import { describe, expect, it } from 'vitest';
import { resolveDirectModes } from './resolve-direct-modes.js';

/** The client's importer, searching from this package (where the tests' dev dependencies are installed). */
const client = { importPackageFrom };
const appDir = process.cwd();
const options = { clientId: 'app', clientSecret: 'secret-in-env', redirectUri: 'https://shop.example.com/admin/byte8/oauth/sage_accounting/callback' };

describe('resolveDirectModes', () => {
  it('loads a direct mode by package name with its options, or takes one made in the config', async () => {
    const [byName] = await resolveDirectModes(client, [{ resolve: '@byte8/sage-direct', options }], appDir);
    expect(byName?.provider).toBe('sage_accounting');
    const [made] = await resolveDirectModes(client, [sageDirect(options)], appDir);
    expect(made?.provider).toBe('sage_accounting');
  });

  it('fails naming the entry, with the package’s own message, and never echoes the secret', async () => {
    await expect(resolveDirectModes(client, [{ resolve: '@byte8/sage-direct', options: { ...options, redirectUri: 'http://shop.example.com/cb' } }], appDir)).rejects.toThrow(
      /^byte8 plugin option "direct\[0\]": sageDirect option "redirectUri": must be an https URL/,
    );
    const error = await resolveDirectModes(client, [{ resolve: '@byte8/sage-direct', options: { ...options, clientId: '' } }], appDir).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/"clientId"/);
    expect((error as Error).message).not.toContain('secret-in-env');
    await expect(resolveDirectModes(client, [{ resolve: '@byte8/no-such-direct', options: {} }], appDir)).rejects.toThrow(/"direct\[0\]": cannot load "@byte8\/no-such-direct"/);
    await expect(resolveDirectModes(client, [{ resolve: 'zod', options: {} }], appDir)).rejects.toThrow(/"zod" has no default export making a direct mode|did not make a direct mode/);
    await expect(resolveDirectModes(client, [sageDirect(options), { resolve: '@byte8/sage-direct', options }], appDir)).rejects.toThrow(/"sage_accounting" is listed twice/);
  });
});
