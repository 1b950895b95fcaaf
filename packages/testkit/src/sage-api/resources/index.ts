import type { ResourceSpec } from '../api/resource-spec.js';
import { products, services, stockItems } from './catalog-items.js';
import { contactAllocations } from './contact-allocations.js';
import { contactPayments } from './contact-payments.js';
import { contacts } from './contacts.js';
import { referenceResources } from './reference-resources.js';
import { salesCreditNotes } from './sales-credit-notes.js';
import { salesInvoices } from './sales-invoices.js';
import { stockMovements } from './stock-movements.js';

/** Every `/v3.1/<resource>` the simulator serves, by path segment. */
export const RESOURCES: ReadonlyMap<string, ResourceSpec> = new Map(
  [contacts, salesInvoices, salesCreditNotes, contactPayments, contactAllocations, products, services, stockItems, stockMovements, ...referenceResources].map((spec) => [spec.name, spec]),
);
