import { DIRECT_CONNECT_OUTCOME_KINDS, type DirectConnectOutcomeKind } from '@byte8/core';
import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { sendAdmin } from '../../../../admin-api/send-admin.js';

const isOutcomeKind = (value: unknown): value is DirectConnectOutcomeKind => (DIRECT_CONNECT_OUTCOME_KINDS as readonly unknown[]).includes(value);

/**
 * Connection status of every installed provider, the dead-letter banner and
 * the events held for a previous tenant; `direct` for a provider in direct
 * mode. `?oauth=<kind>&provider=<key>` (what the OAuth callback redirects
 * with) adds `oauthMessage`, the outcome in words.
 */
export const GET = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async ({ connector }) => {
    const providers = [];
    for (const provider of connector.providers) {
      const direct = connector.direct?.get(provider.key);
      providers.push({
        key: provider.key,
        name: provider.labels.name,
        chips: provider.labels.chips,
        mode: direct ? 'direct' : 'ledger',
        connection: await connector.admin.connectionStatus(provider.key),
        deadLetters: await connector.admin.deadLetters({ provider: provider.key, limit: 20 }),
        held: await connector.admin.heldRows(provider.key),
        direct: direct ? await direct.status() : null,
      });
    }
    const { oauth, provider } = req.query as Record<string, unknown>;
    const messenger = typeof provider === 'string' ? connector.direct?.get(provider) : undefined;
    const oauthMessage = messenger && isOutcomeKind(oauth) ? messenger.describe(oauth) : null;
    return { providers, oauthMessage };
  });
