import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { resolveConnector } from '../medusa/resolve-connector.js';

/** Where Medusa serves the ledger's routes; the client's handler sees paths from `/V1/`. */
export const INBOUND_MOUNT = '/rest';

/**
 * Serves one `/rest/V1/byte8/*` request with the client's node handler. The
 * body parser is off for these routes (see middlewares), so the client reads
 * the exact bytes itself, under `inbound.maxBodyBytes`, before any JWT or
 * rate-limit work, and decides HTTPS with `inbound.trustProxy` (not Express's
 * `req.secure`, which follows Medusa's own proxy setting).
 */
export async function serveInbound(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { connector } = await resolveConnector(req.scope);
  const url = req.originalUrl ?? req.url;
  const pathOnly = url.split('?', 1)[0] ?? url;
  const path = pathOnly.startsWith(INBOUND_MOUNT) ? pathOnly.slice(INBOUND_MOUNT.length) : pathOnly;
  await connector.serveNode(req, res, path);
}
