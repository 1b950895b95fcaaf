import { describe, expect, it } from 'vitest';
import { defineProvider } from '../provider/define-provider.js';
import { TOKENS } from '../ports/tokens.js';
import { buildContainer } from './build-container.js';

const labels = { name: 'Test', statusColumn: 'Test Status', chips: { synced: 's', pending: 'p', skipped: 'k', failed: 'f', none: '—' } };
const provider = (key: string, pairingPath = `/V1/byte8/${key}/setup/pair`) =>
  defineProvider({ key, cliName: key, labels, pairingPath, webhookProviderParam: key, events: [] });

describe('buildContainer', () => {
  it('resolves factories once and lets a later binding override an earlier one', () => {
    let built = 0;
    const clockA = { now: () => new Date(0) };
    const clockB = { now: () => new Date(1) };
    const container = buildContainer({
      providers: [provider('one')],
      bindings: [
        { token: TOKENS.Clock, value: clockA },
        { token: TOKENS.Clock, value: clockB },
        { token: TOKENS.Logger, factory: (resolve) => ({ built: ++built, clock: resolve(TOKENS.Clock) }) },
      ],
    });
    expect(container.get(TOKENS.Clock)).toBe(clockB);
    expect(container.get(TOKENS.Logger)).toBe(container.get(TOKENS.Logger));
    expect(built).toBe(1);
    expect(container.get<readonly unknown[]>(TOKENS.Providers)).toHaveLength(1);
  });

  it('fails at build time on a missing required port, naming it', () => {
    expect(() => buildContainer({ providers: [], bindings: [], require: [TOKENS.OutboxStore] })).toThrow(/byte8\.OutboxStore/);
  });

  it('refuses the same provider or pairing path twice', () => {
    expect(() => buildContainer({ providers: [provider('one'), provider('one')], bindings: [] })).toThrow(/installed twice/);
    expect(() =>
      buildContainer({ providers: [provider('a', '/V1/byte8/setup/pair'), provider('b', '/V1/byte8/setup/pair')], bindings: [] }),
    ).toThrow(/pairing path/);
  });

  it('names the missing provider', () => {
    const c = buildContainer({ providers: [provider('one')], bindings: [] });
    expect(() => c.provider('two')).toThrow(/"two" is not installed \(installed: one\)/);
  });
});

describe('defineProvider', () => {
  it('fails with the setting name', () => {
    expect(() => defineProvider({ key: 'Bad Key', cliName: 'x', labels, pairingPath: '/V1/byte8/setup/pair', webhookProviderParam: null, events: [] })).toThrow(/key/);
    expect(() => defineProvider({ key: 'ok', cliName: 'x', labels, pairingPath: '/pair', webhookProviderParam: null, events: [] })).toThrow(/pairingPath/);
  });
});
