import { describe, expect, it } from 'vitest';
import { defaultPairingPath, pairingNamespace, providerPackageName, providerShortName } from './provider-naming.js';

describe('provider naming conventions (sage-and-providers a.1)', () => {
  it.each([
    ['sage_accounting', 'sage_accounting', 'sage', '@byte8/sage-accounting'],
    ['xero', 'xero_accounting', 'xero', '@byte8/xero-accounting'],
    ['freeagent', 'freeagent_accounting', 'freeagent', '@byte8/freeagent-accounting'],
    ['acme_books', 'acme_books_accounting', 'acme-books', '@byte8/acme-books-accounting'],
  ])('%s: route segment %s, short name %s, package %s', (key, namespace, short, pkg) => {
    expect(pairingNamespace(key)).toBe(namespace);
    expect(defaultPairingPath(key)).toBe(`/V1/byte8/${namespace}/setup/pair`);
    expect(providerShortName(key)).toBe(short);
    expect(providerPackageName(key)).toBe(pkg);
  });
});
