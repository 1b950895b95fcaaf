import type { CanonicalSource, EntityXrefStore, XrefScope } from '@byte8/core';
import type { CatalogLink } from '../mapping/artefact-lines.js';
import { routesToFallback } from '../mapping/b2c-routing.js';
import { catalogBody, familyOf } from '../mapping/catalog-payload.js';
import { fallbackIdentity, individualIdentity } from '../mapping/contact-identity.js';
import { fallbackContactBody, individualContactBody } from '../mapping/contact-payload.js';
import { creditNotePayload } from '../mapping/credit-note-payload.js';
import { documentReference, invoicePayload } from '../mapping/invoice-payload.js';
import { bankAccountFor, paymentPayload } from '../mapping/payment-payload.js';
import { exchangeRateOf } from '../mapping/artefact-lines.js';
import type { SagePolicy } from '../policy/sage-policy.js';
import { DocumentError } from '../delivery/document-error.js';

/** One call the engine would make. Ids of objects not created yet read `<new …>`. */
export interface PreviewCall {
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body: unknown;
}

export type PreviewKind = 'invoice' | 'payment' | 'creditmemo' | 'customer' | 'product';

export interface PreviewDeps {
  readonly policy: SagePolicy;
  readonly source: CanonicalSource;
  readonly xrefs: EntityXrefStore;
  /** The connected business, when there is one: known Sage ids are filled in. */
  readonly scope: XrefScope | null;
  readonly now: Date;
}

/**
 * The Sage calls a document would cause, built with the same mapping as the
 * engine and posting nothing (`byte8 sage direct:dry-run`). Objects the
 * cross-reference already knows are named by their Sage id.
 */
export async function previewDocument(deps: PreviewDeps, kind: PreviewKind, id: number): Promise<PreviewCall[]> {
  const { policy, source, now } = deps;
  const known = async (xrefKind: string, hostKey: string) => (deps.scope ? ((await deps.xrefs.find(deps.scope, xrefKind, hostKey))?.providerId ?? null) : null);
  const catalog: CatalogLink = async (sku) => {
    const found = sku.length <= 128 ? await known('sku', sku) : null;
    return found ? { field: 'product_id', id: found } : null;
  };
  const calls: PreviewCall[] = [];
  const contactFor = async (customer: Parameters<typeof individualIdentity>[0], currency: string, total: number) => {
    const individual = individualIdentity(customer, currency, policy);
    const existing = await known(individual.kind, individual.hostKey);
    const identity = routesToFallback(policy, customer, total, existing !== null) ? fallbackIdentity(currency, policy) : individual;
    const id = identity === individual ? existing : await known(identity.kind, identity.hostKey);
    if (id) return id;
    const body = identity.kind === 'contact_fallback' ? fallbackContactBody(identity, policy) : individualContactBody(customer, identity, policy);
    calls.push({ method: 'POST', path: '/contacts', body });
    return `<new contact ${identity.reference}>`;
  };
  const missing = (what: string) => new DocumentError('not_found', `The store has no ${what} ${id}`);
  switch (kind) {
    case 'customer': {
      const c = await source.customer(id);
      if (!c) throw missing('customer');
      const identity = individualIdentity(c, policy.baseCurrency, policy);
      const existing = await known(identity.kind, identity.hostKey);
      calls.push({ method: existing ? 'PUT' : 'POST', path: existing ? `/contacts/${existing}` : '/contacts', body: individualContactBody(c, identity, policy) });
      break;
    }
    case 'product': {
      const product = await source.product(id);
      if (!product) throw missing('product');
      const family = familyOf(policy, product);
      if (family === null) throw new DocumentError('PRODUCT_TYPE_NOT_SUPPORTED', `${product.product_type} products are not synced`);
      const existing = await known('product', String(id));
      calls.push({ method: existing ? 'PUT' : 'POST', path: existing ? `/${family}/${existing}` : `/${family}`, body: catalogBody(policy, product, family) });
      break;
    }
    case 'invoice': {
      const invoice = await source.invoice(id);
      if (!invoice) throw missing('invoice');
      const contactId = await contactFor(invoice.customer, invoice.currency, invoice.grand_total);
      calls.push({ method: 'POST', path: '/sales_invoices', body: (await invoicePayload(policy, invoice, contactId, catalog, now)).body });
      break;
    }
    case 'creditmemo': {
      const memo = await source.creditMemo(id);
      if (!memo) throw missing('credit memo');
      const contactId = await contactFor(memo.customer, memo.currency, memo.grand_total);
      calls.push({ method: 'POST', path: '/sales_credit_notes', body: (await creditNotePayload(policy, memo, contactId, catalog, now)).body });
      break;
    }
    case 'payment': {
      const invoice = await source.invoice(id);
      const payment = await source.payment(id);
      if (!invoice || !payment) throw missing('paid invoice');
      const bank = bankAccountFor(policy, payment.method || invoice.payment_method);
      if (bank === null) throw new DocumentError('payment_method_not_mapped', `No bank account for payment method "${payment.method}": no payment would be posted`);
      const invoiceId = (await known('invoice', String(id))) ?? '<the invoice, posted first>';
      const contactId = await contactFor(invoice.customer, invoice.currency, invoice.grand_total);
      calls.push({
        method: 'POST',
        path: '/contact_payments',
        body: paymentPayload({ payment, contactId, invoiceId, bankAccountId: bank, reference: documentReference(policy, invoice.increment_id), currency: invoice.currency, exchangeRate: exchangeRateOf(policy, invoice.currency, invoice.base_to_order_rate), allocate: invoice.grand_total, now }),
      });
      break;
    }
  }
  return calls;
}
