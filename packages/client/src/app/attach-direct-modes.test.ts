import { type DirectConnection, type DirectMode, type DirectModeDeps, silentLogger, systemClock } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { describe, expect, it } from 'vitest';
import { systemRandom } from '../crypto/system-random.js';
import { attachDirectModes } from './attach-direct-modes.js';

const deps = { oauthConnections: {} as DirectModeDeps['oauthConnections'], secretBox: { seal: (v: string) => v, open: (v: string) => v }, clock: systemClock, random: systemRandom, logger: silentLogger };

/** A direct mode that records what it was attached with. */
function modeFor(provider: string, seen: DirectModeDeps[] = []): DirectMode {
  return {
    provider,
    attach: (given) => {
      seen.push(given);
      return { provider } as DirectConnection;
    },
  };
}

describe('attachDirectModes', () => {
  it('attaches each mode once, to the connector’s storage and secret box, keyed by provider', () => {
    const seen: DirectModeDeps[] = [];
    const attached = attachDirectModes([modeFor('sage_accounting', seen)], [sageAccounting(), freeAgentAccounting()], deps);
    expect([...attached.keys()]).toEqual(['sage_accounting']);
    expect(seen).toEqual([deps]);
    expect(attachDirectModes([], [sageAccounting()], deps).size).toBe(0);
  });

  it('fails at boot naming the entry: not a mode, a provider not installed, a provider twice', () => {
    const providers = [sageAccounting()];
    expect(() => attachDirectModes('sage' as never, providers, deps)).toThrow(/^createByte8: direct must be a list/);
    expect(() => attachDirectModes([{ provider: 'sage_accounting' } as never], providers, deps)).toThrow(/direct\[0\] is not a direct mode/);
    expect(() => attachDirectModes([modeFor('xero')], providers, deps)).toThrow(/direct\[0\] is for provider "xero", which is not in providers/);
    expect(() => attachDirectModes([modeFor('sage_accounting'), modeFor('sage_accounting')], providers, deps)).toThrow(/lists provider "sage_accounting" twice/);
  });
});
