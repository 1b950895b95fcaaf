import type { DirectConnection } from '@byte8/core';
import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { AdminRequestError } from '../../../../../../admin-api/admin-request-error.js';
import { takeBrowserBinding } from '../../../../../../admin-api/browser-binding.js';
import { directOf } from '../../../../../../admin-api/direct-of.js';
import { resolveConnector } from '../../../../../../medusa/resolve-connector.js';

/** Where the admin dashboard is served (`admin.path` of medusa-config, default `/app`). */
function adminPath(req: MedusaRequest): string {
  const path = req.scope.resolve<{ admin?: { path?: string } }>('configModule').admin?.path ?? '/app';
  return path.replace(/\/+$/, '');
}

/**
 * The provider's redirect lands here (register `<backend URL>/admin/byte8/oauth/<provider>/callback`
 * with the provider's app). Checks state and browser, exchanges the code, stores the connection,
 * and sends the browser back to the settings page with the outcome's kind (`?byte8_oauth=`):
 * the page asks `/admin/byte8/status?oauth=<kind>` for the words.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse): Promise<void> => {
  let connection: DirectConnection;
  try {
    connection = directOf(await resolveConnector(req.scope), req.params.provider);
  } catch (error) {
    if (error instanceof AdminRequestError) {
      res.status(error.status).json({ message: error.message });
      return;
    }
    throw error;
  }
  const binding = takeBrowserBinding(req, res, connection.provider);
  const outcome = await connection.completeConnect({ query: req.query as Record<string, unknown>, browserBinding: binding });
  const back = new URLSearchParams({ byte8_oauth: outcome.kind, provider: connection.provider });
  res.redirect(303, `${adminPath(req)}/settings/byte8?${back}`);
};
