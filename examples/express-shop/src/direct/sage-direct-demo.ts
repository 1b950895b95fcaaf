import { randomBytes } from 'node:crypto';
import type { DirectMode } from '@byte8/core';
import { type SageDirectConnection, sageDirect } from '@byte8/sage-direct';
import { completeSageConsent, SAGE_SEED, SageApiSimulator } from '@byte8/testkit/sage-api';

/** The demo's Sage in direct mode: the testkit's Sage API simulator with its seeded UK business. */
export interface SageDirectDemo {
  readonly simulator: SageApiSimulator;
  readonly mode: DirectMode;
  /** Signs in as the seeded user and allows access, as a merchant would in the browser; no-op when connected. */
  connect(connection: SageDirectConnection): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts `byte8-sage-sim`'s simulator in-process and a `sageDirect()` mode
 * pointing at it, with a policy on the seeded business's ids: UK rates,
 * ledger 4000, purchase ledger 5000, card methods to the card account,
 * products and stock on. `callbackUrl` is the admin's OAuth callback (the
 * merchant can reconnect there by hand).
 */
export async function startSageDirectDemo(callbackUrl: string): Promise<SageDirectDemo> {
  const client = { clientId: 'demo-shop', clientSecret: randomBytes(18).toString('base64url'), redirectUris: [callbackUrl], name: 'Demo shop' };
  const simulator = await SageApiSimulator.start({ clients: [client] });
  const seed = simulator.business(SAGE_SEED.businesses.solo.id).seed;
  const mode = sageDirect({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUri: callbackUrl,
    authorizeUrl: simulator.urls.authorize,
    tokenUrl: simulator.urls.token,
    revokeUrl: simulator.urls.revoke,
    apiBaseUrl: simulator.urls.api,
    policy: {
      defaultTaxRateId: 'GB_STANDARD',
      taxRateMap: { '20': 'GB_STANDARD', '5': 'GB_LOWER', '0': 'GB_ZERO' },
      defaultLedgerAccountId: seed.ledgerAccounts['4000']!,
      defaultPurchaseLedgerAccountId: seed.ledgerAccounts['5000']!,
      defaultBankAccountId: seed.bankAccounts.current,
      paymentMethodMap: { checkmo: null, banktransfer: null, purchaseorder: null },
      syncProducts: true,
      syncStock: true,
    },
  });
  return {
    simulator,
    mode,
    async connect(connection) {
      if ((await connection.status()).state === 'connected') return 'connected';
      const start = await connection.beginConnect();
      const { location } = await completeSageConsent({ authorizeUrl: start.authorizeUrl, userId: SAGE_SEED.users.solo.id });
      if (!location) throw new Error('the Sage simulator did not redirect back');
      const outcome = await connection.completeConnect({ query: Object.fromEntries(new URL(location).searchParams), browserBinding: start.browserBinding });
      if (!outcome.ok) throw new Error(`connecting to the Sage simulator failed: ${outcome.message}`);
      return outcome.business?.name ?? 'connected';
    },
    stop: () => simulator.stop(),
  };
}
