// Every package the shipped code imports must be one the manifest declares:
// under npm's hoisting an undeclared import often works by luck, under pnpm's
// strict layout it fails. Type declarations count too: a consumer's compiler
// resolves them from the package's own location.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BUILTINS = new Set(builtinModules);
const CODE = /\.(c|m)?js$/;
const TYPES = /\.d\.(c|m)?ts$/;
// Statement-level imports and re-exports, dynamic import() and require(), with a literal specifier.
const SPECIFIERS = [
  /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** @param {string} specifier @returns {string | null} the package name, or null for relative and built-in modules */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) ? null : name;
}

/** @param {string} text @returns {string[]} package names imported, comments left out */
export function importedPackages(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const names = new Set();
  for (const pattern of SPECIFIERS) {
    for (const match of code.matchAll(pattern)) {
      const name = packageOf(match[1]);
      if (name) names.add(name);
    }
  }
  return [...names];
}

/** @param {string} name @returns {string} the DefinitelyTyped package of `name` */
function typesPackageOf(name) {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

/**
 * @param {string} dir the unpacked package root
 * @param {string[]} files relative to `dir`
 * @param {Record<string, any>} manifest the packed package.json
 * @returns {{ imports: number, problems: string[] }}
 */
export function importProblems(dir, files, manifest) {
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const devOnly = new Set(Object.keys(manifest.devDependencies ?? {}).filter((name) => !declared.has(name)));
  const problems = new Set();
  const seen = new Set();
  for (const file of files) {
    const isTypes = TYPES.test(file);
    // The shipped sources (src/) are there for the source maps; dist is what runs and what compilers read.
    if (file.startsWith('src/') || (!isTypes && !CODE.test(file))) continue;
    for (const name of importedPackages(readFileSync(join(dir, file), 'utf8'))) {
      seen.add(name);
      if (!declared.has(name)) problems.add(`${file} imports ${name}, which is not a dependency or peer dependency`);
      else if (isTypes && devOnly.has(typesPackageOf(name))) {
        problems.add(`${file} uses the types of ${name}, which come from ${typesPackageOf(name)}, a devDependency: declare it as a dependency or (optional) peer`);
      }
    }
  }
  return { imports: seen.size, problems: [...problems] };
}
