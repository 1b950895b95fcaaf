import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProviderPackage } from './load-provider-package.js';
import { PackageTree } from './provider-packages.test-helpers.js';

// The client's own folder: its dev dependencies hold the real Sage and FreeAgent packages (built).
const clientDir = dirname(fileURLToPath(import.meta.url));
const tree = new PackageTree();
afterAll(() => tree.remove());

describe('loadProviderPackage', () => {
  it('finds a provider by its key through the package naming convention', async () => {
    expect((await loadProviderPackage('freeagent', { searchFrom: [clientDir] })).key).toBe('freeagent');
    expect((await loadProviderPackage('xero', { searchFrom: [clientDir] })).labels.statusColumn).toBe('Xero Status');
    expect((await loadProviderPackage('sage_accounting', { searchFrom: [clientDir] })).key).toBe('sage_accounting');
  });

  it('takes a package name as it is, and prefers the first directory that has the package', async () => {
    tree.addProvider('acme-books-provider', 'acme_books');
    const host = tree.dir('host');
    tree.addProvider('@byte8/acme-accounting', 'acme', host);
    tree.addProvider('@byte8/acme-accounting', 'acme_other');
    expect((await loadProviderPackage('acme-books-provider', { searchFrom: [host] })).key).toBe('acme_books');
    expect((await loadProviderPackage('@byte8/acme-accounting', { searchFrom: [host, tree.root] })).key).toBe('acme');
    expect((await loadProviderPackage('@byte8/acme-accounting', { searchFrom: [tree.dir('elsewhere')] })).key).toBe('acme_other');
  });

  it('names the entry and the package it looked for when nothing is installed', async () => {
    await expect(loadProviderPackage('nope', { searchFrom: [tree.root] })).rejects.toThrow(/^cannot load "nope" \(looked for @byte8\/nope-accounting\): /);
    await expect(loadProviderPackage('@acme/missing', { searchFrom: [tree.root] })).rejects.toThrow(/^cannot load "@acme\/missing": /);
  });

  it('refuses a package without a provider factory, and one whose provider has another key', async () => {
    tree.addPackage('@byte8/nothing-accounting', 'export const x = 1;\n');
    tree.addPackage('@byte8/object-accounting', 'export default { key: "object" };\n');
    tree.addProvider('@byte8/wrong-accounting', 'right');
    const from = { searchFrom: [tree.root] };
    await expect(loadProviderPackage('nothing', from)).rejects.toThrow('"nothing" (@byte8/nothing-accounting) does not default-export a provider factory');
    await expect(loadProviderPackage('object', from)).rejects.toThrow('does not default-export a provider factory');
    await expect(loadProviderPackage('wrong', from)).rejects.toThrow('"wrong" loaded @byte8/wrong-accounting, whose provider key is "right"');
    // By package name there is no key to compare against.
    expect((await loadProviderPackage('@byte8/wrong-accounting', from)).key).toBe('right');
  });

  it('reads the default export of a package required as CommonJS (module.exports.default)', async () => {
    const provider = { key: 'cjs', eventsFor: () => [] };
    const loaded = await loadProviderPackage('@acme/cjs', { importer: async () => ({ 'module.exports': { default: () => provider } }) });
    expect(loaded).toBe(provider);
  });
});
