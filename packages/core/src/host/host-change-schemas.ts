import { z } from 'zod';
import { INVOICE_STATES } from '../canonical/invoice.js';
import type { HostChangeKind } from './host-changes.js';

// Wire ids are positive integers that survive JSON and SQL bigint unchanged.
const wireId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const scopeId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
// Magento's increment ids are varchar(50).
const incrementId = z.string().trim().min(1).max(50);

const invoiceSnapshot = z.object({ id: wireId, incrementId, state: z.enum(INVOICE_STATES), websiteId: scopeId, storeId: scopeId });
const creditMemoSnapshot = z.object({ id: wireId, incrementId, websiteId: scopeId, storeId: scopeId });
const customerSnapshot = z.object({ id: wireId, websiteId: scopeId });
const productSnapshot = z.object({ id: wireId });

/** What each hook accepts (`HostChange`'s `change`), checked before any provider rule runs. */
export const HOST_CHANGE_SCHEMAS: Readonly<Record<HostChangeKind, z.ZodType>> = {
  invoice: z.object({ before: invoiceSnapshot.nullable(), after: invoiceSnapshot }),
  creditmemo: z.object({ before: creditMemoSnapshot.nullable(), after: creditMemoSnapshot }),
  customer: z.object({ before: customerSnapshot.nullable().optional(), after: customerSnapshot }),
  product: z.object({ before: productSnapshot.nullable().optional(), after: productSnapshot }),
  stock: z.object({ productId: wireId }),
};

/** The first problem of a change, as `after.id: ...`; null when it is well formed. */
export function hostChangeProblem(kind: HostChangeKind, change: unknown): string | null {
  const result = HOST_CHANGE_SCHEMAS[kind].safeParse(change);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return `${issue.path.join('.') || 'change'}: ${issue.message}`;
}
