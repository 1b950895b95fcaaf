// Packs packages exactly as they would be published: `pnpm pack` rewrites the
// `workspace:` ranges to the real versions and applies `files`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {import('./publishable-packages.mjs').PublishablePackage} PublishablePackage
 * @typedef {{ pkg: PublishablePackage, tarball: string, files: string[] }} PackedPackage
 */

/**
 * The `files` entries that are missing from a package folder: a package that
 * was not built would otherwise pack without its code and still "succeed".
 * @param {PublishablePackage} pkg
 * @returns {string[]}
 */
export function missingFiles(pkg) {
  const entries = pkg.manifest.files ?? [];
  return entries.filter((entry) => !entry.startsWith('!') && !entry.includes('*') && !existsSync(join(pkg.dir, entry)));
}

/**
 * The tarball's file name without the version (`@byte8/core` -> `byte8-core.tgz`),
 * so instructions and overrides that name it stay true from one release to the next.
 * @param {string} name
 */
export function tarballName(name) {
  return `${name.replace(/^@/, '').replace('/', '-')}.tgz`;
}

/**
 * @param {PublishablePackage[]} packages
 * @param {string} destination folder for the tarballs (created if missing)
 * @returns {PackedPackage[]}
 */
export function packPackages(packages, destination) {
  mkdirSync(destination, { recursive: true });
  const unbuilt = packages.flatMap((pkg) => missingFiles(pkg).map((file) => `${pkg.name}: ${file}`));
  if (unbuilt.length > 0) {
    throw new Error(`missing from the package folder (not built? run \`pnpm build\` and \`pnpm --filter @byte8/adapter-medusa build\`): ${unbuilt.join(', ')}`);
  }
  return packages.map((pkg) => {
    const output = execFileSync('pnpm', ['pack', '--json', '--out', join(destination, tarballName(pkg.name))], { cwd: pkg.dir, encoding: 'utf8' });
    const packed = JSON.parse(output);
    return { pkg, tarball: packed.filename, files: packed.files.map((file) => file.path) };
  });
}
