// The workspace's publishable packages: every package pnpm lists that is not
// marked private. The package checks and the install test loop over this list,
// so a new package is checked and installed as soon as it joins the workspace.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} PublishablePackage
 * @property {string} name
 * @property {string} version
 * @property {string} dir absolute path of the package folder
 * @property {Record<string, any>} manifest its package.json
 */

/**
 * @param {string} root the workspace root
 * @returns {PublishablePackage[]} sorted by name
 */
export function publishablePackages(root) {
  const listed = JSON.parse(execFileSync('pnpm', ['ls', '-r', '--json', '--depth', '-1'], { cwd: root, encoding: 'utf8' }));
  return listed
    .map((entry) => ({ dir: entry.path, manifest: JSON.parse(readFileSync(join(entry.path, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir, manifest }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
