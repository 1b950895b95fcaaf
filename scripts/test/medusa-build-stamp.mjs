import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.medusa', 'dist', 'integration-tests']);

function* files(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* files(join(dir, entry.name));
    } else yield join(dir, entry.name);
  }
}

/**
 * A fingerprint of what `medusa plugin:build` reads: the plugin's sources and
 * config (by content), and the type declarations of the workspace packages it
 * imports (by size and time; the build type-checks against them).
 */
export function medusaBuildStamp(root) {
  const plugin = join(root, 'packages/adapter-medusa');
  const hash = createHash('sha256');
  const inputs = [...files(join(plugin, 'src')), join(plugin, 'package.json'), join(plugin, 'tsconfig.json')].sort();
  for (const file of inputs) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const pkg of ['core', 'client', 'sage-accounting']) {
    const declarations = [...files(join(root, 'packages', pkg, 'dist'))].filter((f) => f.endsWith('.d.ts')).sort();
    for (const file of declarations) {
      const { size, mtimeMs } = statSync(file);
      hash.update(`${relative(root, file)}:${size}:${Math.floor(mtimeMs)}\0`);
    }
  }
  return hash.digest('hex');
}
