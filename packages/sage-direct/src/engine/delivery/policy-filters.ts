import type { SagePolicy } from '../policy/sage-policy.js';
import { PolicySkip } from './delivery-context.js';

interface Filterable {
  readonly created_at: string;
  readonly website_id: number;
  readonly store_id?: number;
}

/**
 * (b.1) the documented filters, in their order, for invoices (with
 * `paidAtCreation` and `grandTotal`) and credit memos. The reasons the spec
 * does not name (e.9) are this package's: `unpaid_invoice_not_synced`,
 * `website_not_in_filter`, `store_not_in_filter`.
 */
export function checkDocumentFilters(policy: SagePolicy, document: Filterable, invoice?: { readonly paid: boolean; readonly grandTotal: number }): void {
  if (invoice && !policy.syncUnpaidInvoices && !invoice.paid) throw new PolicySkip('unpaid_invoice_not_synced', 'sync_unpaid_invoices is off and the invoice is not paid');
  if (invoice && !policy.syncZeroValueInvoices && invoice.grandTotal === 0) throw new PolicySkip('zero_value_invoice');
  if (policy.syncSince !== null && document.created_at !== '' && Date.parse(document.created_at) < Date.parse(policy.syncSince)) {
    throw new PolicySkip('outside_sync_since', `created before sync_since ${policy.syncSince}`);
  }
  if (policy.websiteFilter.length > 0 && !policy.websiteFilter.includes(document.website_id)) throw new PolicySkip('website_not_in_filter');
  if (document.store_id !== undefined && policy.storeFilter.length > 0 && !policy.storeFilter.includes(document.store_id)) throw new PolicySkip('store_not_in_filter');
}
