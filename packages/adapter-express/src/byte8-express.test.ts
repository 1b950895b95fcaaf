import type { Byte8 } from '@byte8/client';
import { describe, expect, it } from 'vitest';
import { byte8Express } from './byte8-express.js';

describe('byte8Express', () => {
  it('fails at boot without admin auth, naming the option', () => {
    const byte8 = {} as Byte8;
    expect(() => byte8Express({ byte8, admin: {} as never })).toThrow(/^admin\.auth is required/);
    expect(() => byte8Express({ byte8 } as never)).toThrow(/^admin\.auth is required/);
    expect(() => byte8Express({ byte8, admin: { auth: 'yes' as never } })).toThrow(/^admin\.auth is required/);
  });
});
