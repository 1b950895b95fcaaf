import type { MedusaConnector } from '../connector/create-medusa-connector.js';
import type Byte8ModuleService from '../modules/byte8/service.js';
import type { AppScope } from '../modules/byte8/service.js';

/** The plugin's module service from Medusa's app container. */
export function byte8Service(scope: AppScope): Byte8ModuleService {
  return scope.resolve<Byte8ModuleService>('byte8');
}

/** The composed connector, from any Medusa scope (subscriber, job, request). */
export function resolveConnector(scope: AppScope): Promise<MedusaConnector> {
  return byte8Service(scope).connector(scope);
}
