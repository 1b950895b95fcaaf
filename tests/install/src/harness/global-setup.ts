import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { packPackages } from '../../../../scripts/packages/pack-packages.mjs';
import { publishablePackages } from '../../../../scripts/packages/publishable-packages.mjs';
import { WORKSPACE_ROOT } from './workspace-root.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Package name -> tarball path, for every publishable package of the workspace. */
    tarballs: Record<string, string>;
  }
}

/** Packs every publishable package once, as `pnpm publish` would, for all the apps. */
export default function setup(project: TestProject): () => void {
  const destination = mkdtempSync(join(tmpdir(), 'byte8-tarballs-'));
  const packed = packPackages(publishablePackages(WORKSPACE_ROOT), destination);
  project.provide('tarballs', Object.fromEntries(packed.map(({ pkg, tarball }) => [pkg.name, tarball])));
  return () => rmSync(destination, { recursive: true, force: true });
}
