import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCapped } from './read-capped.js';

const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));

describe('readCapped', () => {
  it('reads a body up to the cap and says whether there was more', async () => {
    expect(await readCapped(chunks('ab', 'cd'), 4)).toEqual({ text: 'abcd', truncated: false });
    expect(await readCapped(chunks('ab', 'cd', 'e'), 4)).toEqual({ text: 'abcd', truncated: true });
    expect(await readCapped(chunks('abcdef'), 3)).toEqual({ text: 'abc', truncated: true });
    expect(await readCapped(chunks(), 3)).toEqual({ text: '', truncated: false });
  });
});
