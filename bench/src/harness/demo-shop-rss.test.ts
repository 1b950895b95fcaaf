import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoShopStartArgs, measureDemoShopStart } from './demo-shop-rss.js';

describe('the demo shop as `pnpm start` runs it', () => {
  it('takes the node arguments from the start script, after its build step', () => {
    expect(demoShopStartArgs('pnpm build && node examples/express-shop/dist/main.js')).toEqual(['examples/express-shop/dist/main.js']);
    expect(() => demoShopStartArgs('pnpm build && tsx main.ts')).toThrow(/expected "... && node <args>"/);
    const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    expect(demoShopStartArgs(root.scripts.start).at(-1)).toBe('examples/express-shop/dist/main.js');
  });

  it('stays within 250 MB resident after a first start on a fresh data directory', { timeout: 180_000 }, async () => {
    const memory = await measureDemoShopStart(undefined, 3_000);
    expect(Math.max(memory.rssAtReadyMiB, memory.rssSettledMiB) * 1.048576).toBeLessThanOrEqual(250);
  });
});
