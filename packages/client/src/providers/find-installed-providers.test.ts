import { afterAll, describe, expect, it } from 'vitest';
import { findInstalledProviders } from './find-installed-providers.js';
import { PackageTree } from './provider-packages.test-helpers.js';

const tree = new PackageTree();
afterAll(() => tree.remove());

describe('findInstalledProviders', () => {
  it('loads every @byte8/*-accounting package of the directory and its parents, nearest first, by name', async () => {
    const app = tree.dir('shop');
    tree.addProvider('@byte8/zeta-accounting', 'zeta', app);
    tree.addProvider('@byte8/alpha-accounting', 'alpha', app);
    tree.addProvider('@byte8/beta-accounting', 'beta');
    // Not provider packages: another @byte8 package, and a -accounting package of another scope.
    tree.addPackage('@byte8/client', 'export default () => { throw new Error("never loaded"); };\n', app);
    tree.addProvider('@acme/gamma-accounting', 'gamma', app);
    const found = await findInstalledProviders([tree.dir('shop', 'src')]);
    expect(found.map((p) => p.key)).toEqual(['alpha', 'zeta', 'beta']);
  });

  it('uses the first directory that has any, and finds none in an empty tree', async () => {
    const empty = new PackageTree();
    const other = new PackageTree();
    try {
      other.addProvider('@byte8/omega-accounting', 'omega');
      expect(await findInstalledProviders([empty.root])).toEqual([]);
      expect((await findInstalledProviders([empty.root, other.root])).map((p) => p.key)).toEqual(['omega']);
    } finally {
      empty.remove();
      other.remove();
    }
  });

  it('fails naming a provider package that does not load', async () => {
    const broken = new PackageTree();
    try {
      broken.addPackage('@byte8/broken-accounting', 'export default 42;\n');
      await expect(findInstalledProviders([broken.root])).rejects.toThrow('"@byte8/broken-accounting" (@byte8/broken-accounting) does not default-export a provider factory');
    } finally {
      broken.remove();
    }
  });
});
