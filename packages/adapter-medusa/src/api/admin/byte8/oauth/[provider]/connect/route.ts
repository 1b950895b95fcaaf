import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { setBrowserBinding } from '../../../../../../admin-api/browser-binding.js';
import { directOf } from '../../../../../../admin-api/direct-of.js';
import { sendAdmin } from '../../../../../../admin-api/send-admin.js';

/**
 * Starts "Connect": a new state and PKCE bound to this browser by a cookie;
 * the admin page then sends the browser to `authorizeUrl`.
 */
export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async (medusa) => {
    const connection = directOf(medusa, req.params.provider);
    const start = await connection.beginConnect();
    setBrowserBinding(req, res, connection.provider, start.browserBinding);
    return { provider: connection.provider, authorizeUrl: start.authorizeUrl, expiresAt: start.expiresAt };
  });
