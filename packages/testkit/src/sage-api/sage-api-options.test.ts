import { describe, expect, it } from 'vitest';
import { SAGE_DEMO_CLIENT, type SageApiSimulatorOptions } from './sage-api-options.js';
import { SageApiSimulator } from './sage-api-simulator.js';
import { SAGE_SEED } from './seed/seeded-accounts.js';

const client = { clientId: 'c', clientSecret: 's', redirectUris: ['http://127.0.0.1:1/cb'] };

describe('SageApiSimulator options', () => {
  it('fails closed at start, naming the setting', async () => {
    const bad: [SageApiSimulatorOptions, RegExp][] = [
      [{ port: 70000 }, /^port/],
      [{ port: -1 }, /^port/],
      [{ host: '' }, /^host/],
      [{ clients: [{ ...client, clientId: '' }] }, /clients\[0\]\.clientId/],
      [{ clients: [{ ...client, clientSecret: '' }] }, /clients\[0\]\.clientSecret/],
      [{ clients: [{ ...client, redirectUris: [] }] }, /clients\[0\]\.redirectUris/],
      [{ clients: [{ ...client, redirectUris: ['/relative'] }] }, /clients\[0\]\.redirectUris/],
      [{ clients: [{ ...client, redirectUris: ['http://x/cb#frag'] }] }, /clients\[0\]\.redirectUris/],
      [{ clients: [client, client] }, /clientId twice/],
      [{ rateLimit: { requests: 0, windowMs: 1000 } }, /rateLimit\.requests/],
      [{ rateLimit: { requests: 5, windowMs: 1.5 } }, /rateLimit\.windowMs/],
      [{ clock: {} as never }, /^clock/],
    ];
    for (const [options, message] of bad) await expect(SageApiSimulator.start(options), JSON.stringify(options)).rejects.toThrow(message);
  });

  it('defaults to 127.0.0.1, a free port, the demo client and the seeded businesses', async () => {
    const sim = await SageApiSimulator.start();
    try {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.urls).toEqual({
        authorize: `${sim.url}/oauth2/auth/central?filter=apiv3.1`,
        token: `${sim.url}/token`,
        revoke: `${sim.url}/revoke`,
        api: `${sim.url}/v3.1`,
      });
      expect(sim.clients()).toEqual([SAGE_DEMO_CLIENT]);
      expect(sim.businesses().map((business) => business.id)).toEqual([SAGE_SEED.businesses.solo.id, SAGE_SEED.businesses.north.id, SAGE_SEED.businesses.south.id]);
      expect(sim.users().map((user) => user.businessIds.length)).toEqual([1, 2]);
      const business = sim.business(SAGE_SEED.businesses.solo.id);
      expect(business.profile).toEqual({ id: SAGE_SEED.businesses.solo.id, name: 'Solo Shop Ltd', countryId: 'GB', baseCurrencyId: 'GBP' });
      expect(business.get('ledger_accounts', business.seed.ledgerAccounts['4000']!)).toMatchObject({ nominal_code: 4000, visible_in_sales: true });
      expect(business.get('bank_accounts', business.seed.bankAccounts.current)).toMatchObject({ nominal_code: 1200 });
      expect(() => sim.business('nope')).toThrow(/unknown business/);
      expect(() => sim.registerClient({ ...client, redirectUris: ['not a uri'] })).toThrow(/redirectUris/);
    } finally {
      await sim.stop();
    }
  });

  it('seeds stable ids, the same on every start, and separate per business', async () => {
    const [a, b] = await Promise.all([SageApiSimulator.start(), SageApiSimulator.start()]);
    try {
      const seedOf = (sim: SageApiSimulator, id: string) => sim.business(id).seed;
      expect(seedOf(a, SAGE_SEED.businesses.north.id)).toEqual(seedOf(b, SAGE_SEED.businesses.north.id));
      expect(seedOf(a, SAGE_SEED.businesses.north.id).ledgerAccounts['4000']).not.toBe(seedOf(a, SAGE_SEED.businesses.south.id).ledgerAccounts['4000']);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
