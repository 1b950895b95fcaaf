import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { z } from 'zod';
import { AdminRequestError } from '../../../../admin-api/admin-request-error.js';
import { providerOf } from '../../../../admin-api/provider-of.js';
import { sendAdmin } from '../../../../admin-api/send-admin.js';

const bodySchema = z.object({ provider: z.string().optional(), action: z.enum(['readdress', 'drop']) }).strict();

/**
 * Events queued for a previous tenant before a re-pair (held, never sent on
 * their own): `readdress` sends them to the current tenant, `drop` deletes them.
 */
export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async ({ connector }) => {
    const body = bodySchema.parse(req.body ?? {});
    const provider = providerOf(connector.providers, body.provider);
    const held = await connector.admin.heldRows(provider.key);
    if (!held.currentTenantId) throw new AdminRequestError(409, `${provider.labels.name} is not paired: pair it first`);
    return { provider: provider.key, action: body.action, changed: await connector.admin.resolveHeld(provider.key, body.action) };
  });
