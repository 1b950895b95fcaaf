import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { medusaBuildStamp } from './medusa-build-stamp.mjs';

describe('medusaBuildStamp', () => {
  it('changes when a plugin source changes and not when the build output does', () => {
    const root = mkdtempSync(join(tmpdir(), 'byte8-stamp-'));
    const plugin = join(root, 'packages/adapter-medusa');
    mkdirSync(join(plugin, 'src/api'), { recursive: true });
    mkdirSync(join(plugin, '.medusa/server'), { recursive: true });
    writeFileSync(join(plugin, 'package.json'), '{}');
    writeFileSync(join(plugin, 'src/api/route.ts'), 'export const a = 1;');
    const first = medusaBuildStamp(root);
    writeFileSync(join(plugin, '.medusa/server/out.js'), 'built');
    expect(medusaBuildStamp(root)).toBe(first);
    writeFileSync(join(plugin, 'src/api/route.ts'), 'export const a = 2;');
    expect(medusaBuildStamp(root)).not.toBe(first);
  });
});
