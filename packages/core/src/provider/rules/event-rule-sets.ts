import type { AnyProviderEventRule } from '../provider-event.js';
import { creditMemoCreatedRule } from './credit-memo-created.js';
import { customerUpsertedRule } from './customer-upserted.js';
import { invoiceCreatedRule } from './invoice-created.js';
import { invoicePaidRule } from './invoice-paid.js';
import { productUpsertedRule, stockUpsertedRule } from './product-upserted.js';

/**
 * The four subscriptions every Byte8 provider module has (sage-and-providers
 * a.2): invoices, payments, credit memos, customers, in enqueue order
 * (`invoice.created` before `invoice.paid` when one save fires both).
 */
export const salesEventRules: readonly AnyProviderEventRule[] = Object.freeze([
  invoiceCreatedRule,
  invoicePaidRule,
  creditMemoCreatedRule,
  customerUpsertedRule,
]);

/** `product.upserted` from catalog and stock saves (Sage only among Byte8's modules). */
export const catalogEventRules: readonly AnyProviderEventRule[] = Object.freeze([productUpsertedRule, stockUpsertedRule]);
