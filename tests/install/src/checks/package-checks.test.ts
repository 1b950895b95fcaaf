import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importProblems, importedPackages, packageOf } from '../../../../scripts/packages/import-problems.mjs';
import { missingFiles, tarballName } from '../../../../scripts/packages/pack-packages.mjs';
import { publishablePackages } from '../../../../scripts/packages/publishable-packages.mjs';
import { sourceMapProblems } from '../../../../scripts/packages/source-map-problems.mjs';
import { WORKSPACE_ROOT } from '../harness/workspace-root.js';

/** The detectors behind `pnpm check:packages`, on small unpacked packages made here. */
let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

function unpacked(files: Record<string, string>): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'byte8-check-'));
  folders.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return { dir, files: Object.keys(files) };
}

const inlineMap = (map: object) => `\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;

describe('publishable packages', () => {
  it('are the workspace packages not marked private, sorted by name', () => {
    const names = publishablePackages(WORKSPACE_ROOT).map((pkg) => pkg.name);
    expect(names).toEqual([...names].sort());
    for (const name of ['@byte8/core', '@byte8/client', '@byte8/sage-accounting', '@byte8/adapter-express', '@byte8/adapter-medusa', '@byte8/testkit']) {
      expect(names).toContain(name);
    }
    for (const name of ['@byte8/bench', '@byte8/example-express-shop', '@byte8/e2e', '@byte8/reliability', '@byte8/install-tests', 'byte8-node']) {
      expect(names).not.toContain(name);
    }
  });

  it('name their tarballs without the version, so instructions stay true across releases', () => {
    expect(tarballName('@byte8/adapter-medusa')).toBe('byte8-adapter-medusa.tgz');
    expect(tarballName('plain')).toBe('plain.tgz');
  });

  it('count as not built when a `files` entry is missing (negations and globs aside)', () => {
    const { dir } = unpacked({ 'README.md': '#' });
    const manifest = { files: ['dist', '!dist/**/*.test.*', 'src/**/*.ts', 'README.md'] };
    expect(missingFiles({ name: 'x', version: '1.0.0', dir, manifest })).toEqual(['dist']);
  });
});

describe('import check', () => {
  it('reads package names from imports, re-exports, import() and require(), not from comments or relative paths', () => {
    const code = [
      "import { z } from 'zod';",
      "import type { Pool } from 'pg';",
      "export * from '@byte8/core/sub';",
      "import './local.js';",
      "import 'node:fs';",
      "import { readFile } from 'fs/promises';",
      'const ui = require("@medusajs/ui");',
      "const later = await import('undici');",
      "/** @example import { sageAccounting } from '@byte8/sage-accounting'; */",
      "// import nothing from 'commented-out';",
      'import {',
      '  a,',
      "} from 'multi-line';",
    ].join('\n');
    expect(importedPackages(code).sort()).toEqual(['@byte8/core', '@medusajs/ui', 'multi-line', 'pg', 'undici', 'zod']);
    expect(packageOf('@scope/name/deep/path')).toBe('@scope/name');
    expect(packageOf('crypto')).toBeNull();
  });

  it('reports a shipped import the manifest does not declare, and accepts dependencies, peers and the package itself', () => {
    const pkg = unpacked({
      'dist/index.js': "import { z } from 'zod';\nimport 'left-pad';\nimport { self } from '@acme/pkg/other';\nconst r = require('react');",
      'src/index.ts': "import 'only-in-source';",
    });
    const manifest = { name: '@acme/pkg', dependencies: { zod: '4' }, peerDependencies: { react: '18' }, devDependencies: { 'left-pad': '1' } };
    const { problems } = importProblems(pkg.dir, pkg.files, manifest);
    expect(problems).toEqual(['dist/index.js imports left-pad, which is not a dependency or peer dependency']);
  });

  it('reports public types that come from a devDependency @types package, and accepts them as a peer', () => {
    const pkg = unpacked({ 'dist/options.d.ts': "import type { Pool } from 'pg';\nexport interface Options { pool?: Pool }" });
    const asDev = importProblems(pkg.dir, pkg.files, { name: 'x', dependencies: { pg: '8' }, devDependencies: { '@types/pg': '8' } });
    expect(asDev.problems).toEqual([expect.stringContaining('come from @types/pg, a devDependency')]);
    const asPeer = importProblems(pkg.dir, pkg.files, { name: 'x', dependencies: { pg: '8' }, peerDependencies: { '@types/pg': '8' }, devDependencies: { '@types/pg': '8' } });
    expect(asPeer.problems).toEqual([]);
  });
});

describe('source map check', () => {
  it('reports a map whose source does not ship, and accepts one whose source does', () => {
    const map = JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' });
    const without = unpacked({ 'dist/index.js.map': map });
    expect(sourceMapProblems(without.dir, without.files).problems).toEqual(['dist/index.js.map maps to src/index.ts, which is not in the package']);
    const withSource = unpacked({ 'dist/index.js.map': map, 'src/index.ts': 'export {};' });
    expect(sourceMapProblems(withSource.dir, withSource.files)).toEqual({ maps: 1, problems: [] });
  });

  it('reads inline maps, accepts embedded sources and refuses sources outside the package', () => {
    const inline = unpacked({ 'lib/a.js': `exports.a = 1;${inlineMap({ version: 3, sources: ['../../outside/a.ts'], mappings: '' })}` });
    expect(sourceMapProblems(inline.dir, inline.files).problems).toEqual([expect.stringContaining('lib/a.js maps to ../outside/a.ts')]);
    const embedded = unpacked({ 'lib/a.js': `exports.a = 1;${inlineMap({ version: 3, sources: ['../src/a.ts'], sourcesContent: ['export const a = 1;'], mappings: '' })}` });
    expect(sourceMapProblems(embedded.dir, embedded.files)).toEqual({ maps: 1, problems: [] });
  });
});
