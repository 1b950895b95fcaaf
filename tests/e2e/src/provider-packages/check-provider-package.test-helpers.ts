import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { runtimeSpecifiers } from './runtime-specifiers.test-helpers.js';

/** The one runtime dependency a provider package may have (architecture §2). */
const ALLOWED = '@byte8/core';
/** Packages a provider must not even dev-depend on: they depend on core and providers, which made a workspace cycle. */
const NEVER_EVEN_FOR_TESTS = /^@byte8\/(client|adapter-.+)$/;

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path, keep);
    return keep(name) ? [path] : [];
  });
}

const isShippedSource = (name: string) => /\.(ts|tsx|js|mjs|cjs)$/.test(name) && !/\.d\.ts$/.test(name) && !/\.test(-helpers)?\.[cm]?[jt]sx?$/.test(name);
const isBuiltModule = (name: string) => /\.(js|mjs|cjs)$/.test(name) && !/\.test(-helpers)?\./.test(name);

/**
 * What is wrong with a provider package's dependencies, one line each (empty
 * when nothing is): its `package.json` (`dependencies` exactly `@byte8/core`,
 * no peer, optional or bundled dependencies, no dev dependency that would
 * make a cycle), and every module its shipped sources and (when built) its
 * `dist` load at run time: `@byte8/core` or a relative path inside the package.
 */
export function checkProviderPackage(packageDir: string): string[] {
  const problems: string[] = [];
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const deps = Object.keys(manifest.dependencies ?? {});
  if (deps.length !== 1 || deps[0] !== ALLOWED) problems.push(`package.json dependencies: ${JSON.stringify(deps)}, expected ["${ALLOWED}"] only`);
  for (const field of ['peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
    const listed = Object.keys(manifest[field] ?? {});
    if (listed.length > 0) problems.push(`package.json ${field}: ${JSON.stringify(listed)}, expected none`);
  }
  for (const dev of Object.keys(manifest.devDependencies ?? {}).filter((name) => NEVER_EVEN_FOR_TESTS.test(name))) {
    problems.push(`package.json devDependencies: ${dev} (a provider package must not depend on it at all: it depends on the providers)`);
  }

  const files = [...filesUnder(join(packageDir, 'src'), isShippedSource), ...filesUnder(join(packageDir, 'dist'), isBuiltModule)];
  for (const file of files) {
    for (const { specifier, line, how } of runtimeSpecifiers(file, readFileSync(file, 'utf8'))) {
      const where = `${relative(packageDir, file).split(sep).join('/')}:${line}`;
      if (specifier === ALLOWED) continue;
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        if (target === packageDir || target.startsWith(packageDir + sep)) continue;
        problems.push(`${where}: ${how} '${specifier}' reaches outside the package`);
        continue;
      }
      problems.push(`${where}: ${how} '${specifier}' at run time; a provider may load only ${ALLOWED}`);
    }
  }
  return problems;
}
