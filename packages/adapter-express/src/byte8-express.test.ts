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

describe('byte8Express inbound settings', () => {
  it('refuses its own trustProxy and maxBodyBytes: they are set once, in createByte8, for every adapter', () => {
    const byte8 = {} as Byte8;
    const auth = () => undefined;
    expect(() => byte8Express({ byte8, admin: { auth }, trustProxy: true } as never)).toThrow(
      'byte8Express: trustProxy is set once, in createByte8({ inbound: { trustProxy } })',
    );
    expect(() => byte8Express({ byte8, admin: { auth }, maxBodyBytes: 10 } as never)).toThrow(/maxBodyBytes is set once, in createByte8/);
  });
});
