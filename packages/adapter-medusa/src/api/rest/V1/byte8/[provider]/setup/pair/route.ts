import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { serveInbound } from '../../../../../../../inbound/serve-inbound.js';

/** Anonymous pairing for other providers. */
export const AUTHENTICATE = false;

export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> => serveInbound(req, res);
