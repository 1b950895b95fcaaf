import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProviderPackage } from './check-provider-package.test-helpers.js';
import { runtimeSpecifiers } from './runtime-specifiers.test-helpers.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const providerPackages = readdirSync(join(repoRoot, 'packages')).filter((name) => name.endsWith('-accounting'));

// Architecture §2: provider packages depend on core only; adding a provider is adding a package.
describe('provider packages load nothing but @byte8/core at run time', () => {
  it('finds the three provider packages of this repository', () => {
    expect(providerPackages.sort()).toEqual(['freeagent-accounting', 'sage-accounting', 'xero-accounting']);
  });

  it.each(providerPackages)('packages/%s: package.json, sources and build', (name) => {
    expect(checkProviderPackage(join(repoRoot, 'packages', name))).toEqual([]);
  });

  it('finds every fault of a deliberately bad provider package', () => {
    expect(checkProviderPackage(join(repoRoot, 'tests/e2e/fixtures/bad-accounting'))).toEqual([
      'package.json dependencies: ["@byte8/core","@byte8/client"], expected ["@byte8/core"] only',
      'package.json peerDependencies: ["express"], expected none',
      'package.json devDependencies: @byte8/client (a provider package must not depend on it at all: it depends on the providers)',
      "src/index.ts:4: import '@byte8/client' at run time; a provider may load only @byte8/core",
      "src/index.ts:6: import 'node:fs' at run time; a provider may load only @byte8/core",
      "src/index.ts:8: import 'kysely' at run time; a provider may load only @byte8/core",
      "src/index.ts:12: export from 'zod' at run time; a provider may load only @byte8/core",
      "src/index.ts:22: import() 'undici' at run time; a provider may load only @byte8/core",
      "src/index.ts:22: import() '<computed>' at run time; a provider may load only @byte8/core",
      "src/labels.ts:4: import '../../../../packages/sage-accounting/src/labels.js' reaches outside the package",
      "src/legacy.cjs:2: require() 'pino' at run time; a provider may load only @byte8/core",
    ]);
  });
});

describe('runtimeSpecifiers', () => {
  it('counts what loads at run time and leaves type-only imports out', () => {
    const text = [
      "import type { A } from 'types-only';",
      "import { type B } from 'still-loaded';",
      "import 'side-effect';",
      "export type { C } from 'types-only-too';",
      "export * from 'reexported';",
      "import fs = require('legacy');",
      "type D = import('type-position').D;",
      "const e = await import('dynamic');",
    ].join('\n');
    expect(runtimeSpecifiers('x.ts', text).map((s) => `${s.line} ${s.how} ${s.specifier}`)).toEqual([
      '2 import still-loaded',
      '3 import side-effect',
      '5 export from reexported',
      '6 import = legacy',
      '8 import() dynamic',
    ]);
  });
});
