import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { directOf } from '../../../../../../admin-api/direct-of.js';
import { sendAdmin } from '../../../../../../admin-api/send-admin.js';

/** Revokes the grant at the provider and clears the tokens; outbox and mirror rows stay. */
export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async (medusa) => {
    const connection = directOf(medusa, req.params.provider);
    return { provider: connection.provider, ...(await connection.disconnect()) };
  });
