import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * Unpacks a package tarball into a fresh temporary folder.
 * @param {string} tarball
 * @returns {{ dir: string, files: string[] }} `dir` is the package root (npm's `package/`); `files` relative to it
 */
export function unpackTarball(tarball) {
  const into = mkdtempSync(join(tmpdir(), 'byte8-unpacked-'));
  execFileSync('tar', ['xzf', tarball, '-C', into]);
  const dir = join(into, 'package');
  return { dir, files: listFiles(dir).map((file) => relative(dir, file)) };
}

/** @param {string} dir @returns {string[]} */
function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
