import { describe, expect, it } from 'vitest';
import { deriveSubkey } from './derive-subkeys.js';

describe('deriveSubkey (wire-contract §3.1 test vector)', () => {
  it('reproduces both subkeys of the spec', () => {
    expect(deriveSubkey('test-master-key-0123456789', 'outbound').toString('hex')).toBe(
      '00977575e7c1fc4bc03b0f29ede9bbc7aa46b45f358198c109927b3507d5a8a4',
    );
    expect(deriveSubkey('test-master-key-0123456789', 'inbound').toString('hex')).toBe(
      '554b4d8f1d411fdd7d954da1c9a5328ae2618fa2edf36bfa437de95bf0ff063d',
    );
  });

  it('trims the master key as the Magento client does', () => {
    expect(deriveSubkey('  test-master-key-0123456789\n', 'outbound')).toEqual(deriveSubkey('test-master-key-0123456789', 'outbound'));
  });

  it('refuses an empty master key', () => {
    expect(() => deriveSubkey('   ', 'inbound')).toThrow(/not connected/);
  });
});
