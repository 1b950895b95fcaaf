import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import type { ZodError } from 'zod';
import type { MedusaConnector } from '../connector/create-medusa-connector.js';
import { resolveConnector } from '../medusa/resolve-connector.js';
import { ProviderRequestError } from './provider-of.js';

/**
 * Runs an admin handler with the connector and answers JSON; bad input
 * (unknown provider, invalid body) is a 400 with a message.
 */
export async function sendAdmin(
  req: MedusaRequest,
  res: MedusaResponse,
  handler: (medusa: MedusaConnector) => Promise<unknown>,
): Promise<void> {
  let body: unknown;
  try {
    body = await handler(await resolveConnector(req.scope));
  } catch (error) {
    if (error instanceof ProviderRequestError || (error as ZodError).name === 'ZodError') {
      res.status(400).json({ message: (error as Error).message });
      return;
    }
    throw error;
  }
  res.json(body);
}
