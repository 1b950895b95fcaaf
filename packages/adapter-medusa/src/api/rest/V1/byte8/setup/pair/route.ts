import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { serveInbound } from '../../../../../../inbound/serve-inbound.js';

/** Anonymous pairing on the route without a provider segment, Sage's (rate limited by the client). */
export const AUTHENTICATE = false;

export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> => serveInbound(req, res);
