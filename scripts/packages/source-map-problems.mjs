// A shipped source map is only useful if the sources it names ship too.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * @param {string} dir the unpacked package root
 * @param {string[]} files relative to `dir`
 * @returns {{ maps: number, problems: string[] }}
 */
export function sourceMapProblems(dir, files) {
  const problems = [];
  let maps = 0;
  for (const file of files) {
    let map = null;
    if (file.endsWith('.map')) {
      map = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } else if (/\.(c|m)?js$/.test(file)) {
      const inline = INLINE_MAP.exec(readFileSync(join(dir, file), 'utf8'));
      if (inline) map = JSON.parse(Buffer.from(inline[1], 'base64').toString('utf8'));
    }
    if (!map) continue;
    maps += 1;
    // Sources embedded in the map need no file beside it.
    if (Array.isArray(map.sourcesContent) && map.sourcesContent.every((content) => typeof content === 'string')) continue;
    const base = join(dirname(join(dir, file)), map.sourceRoot ?? '');
    for (const source of map.sources ?? []) {
      const target = join(base, source);
      if (!target.startsWith(dir) || !existsSync(target)) problems.push(`${file} maps to ${relative(dir, target)}, which is not in the package`);
    }
  }
  return { maps, problems };
}
