import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace's `packages/` folder. */
const PACKAGES = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A throwaway directory tree with `node_modules` packages written by the test. */
export class PackageTree {
  readonly root = mkdtempSync(join(tmpdir(), 'byte8-providers-'));

  /** Writes `<dir>/node_modules/<name>` with an ES module `index.js` holding `source`. */
  addPackage(name: string, source: string, dir = this.root): string {
    const folder = join(dir, 'node_modules', ...name.split('/'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, type: 'module', exports: { '.': './index.js' } }));
    writeFileSync(join(folder, 'index.js'), source);
    return folder;
  }

  /** A provider package whose default export builds a provider with this key (no core needed: providers are duck-typed). */
  addProvider(name: string, key: string, dir = this.root): string {
    return this.addPackage(name, `export default () => ({ key: ${JSON.stringify(key)}, cliName: ${JSON.stringify(key)}, events: [], commands: [], eventsFor: () => [] });\n`, dir);
  }

  /** Installs a workspace package (`sage-accounting`) the way pnpm does: a link under `node_modules/@byte8`. */
  linkWorkspacePackage(folder: string, dir = this.root): void {
    mkdirSync(join(dir, 'node_modules', '@byte8'), { recursive: true });
    symlinkSync(join(PACKAGES, folder), join(dir, 'node_modules', '@byte8', folder), 'dir');
  }

  dir(...parts: string[]): string {
    const path = join(this.root, ...parts);
    mkdirSync(path, { recursive: true });
    return path;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
