import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { z } from 'zod';
import { providerOf } from '../../../../admin-api/provider-of.js';
import { sendAdmin } from '../../../../admin-api/send-admin.js';

const bodySchema = z.object({ provider: z.string().optional() }).strict();

/** Issues a pairing code; the plaintext is in this answer only (the store keeps its hash). */
export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async ({ connector }) => {
    const body = bodySchema.parse(req.body ?? {});
    const provider = providerOf(connector.providers, body.provider);
    const { code, expiresAt } = await connector.admin.generatePairingCode(provider.key);
    return { provider: provider.key, code, expiresAt };
  });
