#!/usr/bin/env node
// `pnpm check:packages`: packs every publishable workspace package as it would
// be published and checks the tarball: publint (strict), arethetypeswrong,
// a LICENSE, no tests, source maps whose sources ship, imports that the
// manifest declares, no workspace-only ranges, and one version for all.
// Needs a build first (`pnpm build`, `pnpm --filter @byte8/adapter-medusa build`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importProblems } from './packages/import-problems.mjs';
import { packPackages } from './packages/pack-packages.mjs';
import { publishablePackages } from './packages/publishable-packages.mjs';
import { sourceMapProblems } from './packages/source-map-problems.mjs';
import { unpackTarball } from './packages/unpack-tarball.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const TEST_FILE = /(^|\/)(__tests__|integration-tests)\/|\.(test|spec)\.|\.test-helpers\./;
const LOCAL_RANGE = /^(workspace|link|file|portal):/;

/** Runs a checker; its output is shown only when it fails. */
function tool(name, args) {
  const run = spawnSync(bin(name), args, { cwd: root, encoding: 'utf8' });
  return run.status === 0 ? [] : [`${name} failed:\n${`${run.stdout}${run.stderr}`.trim()}`];
}

/**
 * ESM-only packages are not meant for node10 or for require() below Node 20.19
 * (the engines floor). A package without type declarations (the Medusa plugin:
 * Medusa loads its modules by path and bundles its admin entry, nobody imports
 * its types) is still checked for resolution on Node 16+, not for types.
 */
function attwProfile(manifest, files) {
  if (manifest.type === 'module') return ['--profile', 'esm-only'];
  if (!files.some((file) => /\.d\.(c|m)?ts$/.test(file))) return ['--profile', 'node16', '--ignore-rules', 'untyped-resolution'];
  return [];
}

function manifestProblems(manifest) {
  const problems = [];
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (LOCAL_RANGE.test(range)) problems.push(`${field}.${name} is "${range}", which only resolves in this workspace`);
    }
  }
  if (manifest.license !== 'MIT') problems.push(`license is ${manifest.license ?? 'missing'}, not MIT`);
  if (manifest.publishConfig?.access !== 'public') problems.push('publishConfig.access is not "public" (a scoped package publishes as restricted otherwise)');
  return problems;
}

const packages = publishablePackages(root);
const destination = mkdtempSync(join(tmpdir(), 'byte8-packed-'));
let failed = 0;
try {
  const versions = new Set(packages.map((pkg) => pkg.version));
  if (versions.size > 1) {
    failed += 1;
    console.log(`✗ versions differ (${packages.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')}): the packages are released together under one version`);
  }
  for (const { pkg, tarball } of packPackages(packages, destination)) {
    const { dir, files } = unpackTarball(tarball);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const maps = sourceMapProblems(dir, files);
    const imports = importProblems(dir, files, manifest);
    const problems = [
      ...tool('publint', ['run', tarball, '--strict']),
      ...tool('attw', [tarball, '--format', 'ascii', ...attwProfile(manifest, files)]),
      ...(files.some((file) => /^LICEN[CS]E(\.md|\.txt)?$/i.test(file)) ? [] : ['no LICENSE file']),
      ...files.filter((file) => TEST_FILE.test(file)).map((file) => `ships a test file: ${file}`),
      ...manifestProblems(manifest),
      ...maps.problems,
      ...imports.problems,
    ];
    rmSync(dirname(dir), { recursive: true, force: true });
    if (problems.length === 0) {
      console.log(`✓ ${pkg.name}@${pkg.version}: ${files.length} files, ${maps.maps} source maps, ${imports.imports} imported packages declared; publint and attw clean`);
    } else {
      failed += 1;
      console.log(`✗ ${pkg.name}@${pkg.version}:\n${problems.map((problem) => `  - ${problem.replace(/\n/g, '\n    ')}`).join('\n')}`);
    }
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}
console.log(failed === 0 ? `${packages.length} packages ready to publish` : `${failed} of ${packages.length} packages have problems`);
process.exit(failed === 0 ? 0 : 1);
