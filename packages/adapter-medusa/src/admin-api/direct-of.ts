import type { DirectConnection } from '@byte8/core';
import type { MedusaConnector } from '../connector/create-medusa-connector.js';
import { AdminRequestError } from './admin-request-error.js';

/** The direct-mode connection a route names (`/oauth/:provider/...`); 404 for a provider that is not in direct mode. */
export function directOf(medusa: MedusaConnector, provider: unknown): DirectConnection {
  const connection = typeof provider === 'string' ? medusa.connector.direct?.get(provider) : undefined;
  if (!connection) throw new AdminRequestError(404, `provider "${String(provider)}" is not in direct mode`);
  return connection;
}
