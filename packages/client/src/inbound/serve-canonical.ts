import {
  type CanonicalSource,
  contactSchema,
  creditMemoSchema,
  invoiceSchema,
  type Logger,
  paymentMethodListSchema,
  paymentSchema,
  productSchema,
  toWire,
} from '@byte8/core';
import type { InboundResponse } from '../app/inbound-types.js';
import { errorResponse, internalErrorResponse, jsonResponse } from './responses.js';

/** Path segment of each canonical route and how the host answers it (wire-contract §7.4-§7.8). */
const ENTITIES = {
  invoice: { schema: invoiceSchema, get: (s: CanonicalSource, id: number) => s.invoice(id) },
  customer: { schema: contactSchema, get: (s: CanonicalSource, id: number) => s.customer(id) },
  creditmemo: { schema: creditMemoSchema, get: (s: CanonicalSource, id: number) => s.creditMemo(id) },
  payment: { schema: paymentSchema, get: (s: CanonicalSource, id: number) => s.payment(id) },
  product: { schema: productSchema, get: (s: CanonicalSource, id: number) => s.product(id) },
} as const;

export type CanonicalEntityRoute = keyof typeof ENTITIES;
export const CANONICAL_ROUTES = Object.keys(ENTITIES) as CanonicalEntityRoute[];

export interface ServeCanonicalDeps {
  readonly canonicalSource: CanonicalSource;
  readonly logger: Logger;
  readonly newReportId: () => string;
}

/**
 * `GET /V1/byte8/<entity>/:id`. The id must be a decimal integer (400
 * otherwise, as Magento's int cast); 0 and unknown ids are 404. The host's
 * entity is validated against the core schema and sent through `toWire()`;
 * an invalid entity is a 500 with a generic message, never partial data.
 */
export async function serveCanonical(deps: ServeCanonicalDeps, entity: CanonicalEntityRoute, rawId: string): Promise<InboundResponse> {
  if (!/^\d{1,15}$/.test(rawId)) {
    return errorResponse(400, 'Invalid type for value: "%value". Expected Type: "int".', { value: rawId.slice(0, 64) });
  }
  const id = Number(rawId);
  const notFound = () => errorResponse(404, 'No such entity with %fieldName = %fieldValue', { fieldName: 'id', fieldValue: id });
  if (id === 0) return notFound();
  const { schema, get } = ENTITIES[entity];
  return guarded(deps, { entity, id }, async () => {
    const value = await get(deps.canonicalSource, id);
    return value === null ? notFound() : jsonResponse(200, toWire(schema as Parameters<typeof toWire>[0], value));
  });
}

/**
 * `GET /V1/byte8/payment-methods` (§7.3). Not passed through `toWire()`:
 * a missing label stays `null` inside this plain list.
 */
export async function servePaymentMethods(deps: ServeCanonicalDeps): Promise<InboundResponse> {
  return guarded(deps, { entity: 'payment-methods' }, async () =>
    jsonResponse(200, paymentMethodListSchema.parse(await deps.canonicalSource.paymentMethods())),
  );
}

async function guarded(deps: ServeCanonicalDeps, context: Record<string, unknown>, build: () => Promise<InboundResponse>): Promise<InboundResponse> {
  try {
    return await build();
  } catch (error) {
    const reportId = deps.newReportId();
    deps.logger.error({ ...context, reportId, error: describe(error) }, 'byte8: canonical entity could not be served');
    return internalErrorResponse(reportId);
  }
}

/** Zod issues by path and message only: the host's data values stay out of the log. */
function describe(error: unknown): unknown {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return { invalid: error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.join('.')}: ${i.message}`) };
  }
  return error instanceof Error ? error.message : String(error);
}
