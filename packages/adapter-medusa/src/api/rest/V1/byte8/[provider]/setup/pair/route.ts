import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { serveInbound } from '../../../../../../../inbound/serve-inbound.js';

/** Anonymous pairing on a namespaced route, e.g. `/V1/byte8/xero_accounting/setup/pair`; the client knows which provider owns it. */
export const AUTHENTICATE = false;

export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> => serveInbound(req, res);
