import type { SageApiSimulator } from '../sage-api-simulator.js';
import { SAGE_SEED } from '../seed/seeded-accounts.js';
import { type ApiClient, apiAs, connect, type Json, startSim } from '../sage-api.test-helpers.js';

export const SOLO = SAGE_SEED.businesses.solo.id;

export const UK_ADDRESS = { address_line_1: '1 Test Street', city: 'Leeds', postal_code: 'LS1 1AA', country_id: 'GB' };
export const FR_ADDRESS = { address_line_1: '5 Rue de Test', city: 'Paris', postal_code: '75001', country_id: 'FR' };

/** A connected client of the solo business plus its seeded ids. */
export async function soloClient(sim: SageApiSimulator): Promise<{ client: ApiClient; ledger: (code: string) => string; bank: string }> {
  const tokens = await connect(sim);
  const business = sim.business(SOLO);
  return { client: apiAs(sim, tokens.access_token), ledger: (code) => business.seed.ledgerAccounts[code]!, bank: business.seed.bankAccounts.current };
}

export function contactBody(overrides: Record<string, unknown> = {}) {
  return { contact: { name: 'Ada Lovelace', contact_type_ids: ['CUSTOMER'], reference: 'M5', main_address: UK_ADDRESS, main_contact_person: { name: 'Ada', email: 'ada@example.com' }, ...overrides } };
}

export async function createContact(client: ApiClient, overrides: Record<string, unknown> = {}): Promise<Json> {
  const result = await client.post('/contacts', contactBody(overrides));
  if (result.status !== 201) throw new Error(`contact not created: ${JSON.stringify(result.json)}`);
  return result.json;
}

export function line(ledgerId: string, overrides: Record<string, unknown> = {}) {
  return { description: 'Widget', ledger_account_id: ledgerId, quantity: 2, unit_price: 10, tax_rate_id: 'GB_STANDARD', tax_amount: 4, ...overrides };
}

export function invoiceBody(contactId: string, ledgerId: string, overrides: Record<string, unknown> = {}, root = 'sales_invoice', linesKey = 'invoice_lines') {
  return { [root]: { contact_id: contactId, date: '2026-03-01', main_address: UK_ADDRESS, [linesKey]: [line(ledgerId)], ...overrides } };
}

export async function createInvoice(client: ApiClient, contactId: string, ledgerId: string, overrides: Record<string, unknown> = {}): Promise<Json> {
  const result = await client.post('/sales_invoices', invoiceBody(contactId, ledgerId, overrides));
  if (result.status !== 201) throw new Error(`invoice not created: ${JSON.stringify(result.json)}`);
  return result.json;
}

/** A started simulator, a client of the solo business and two customers (Ada and Bob), for payment tests. */
export async function startPaymentSetup() {
  const sim = await startSim();
  const { client, ledger, bank } = await soloClient(sim);
  const ada = await createContact(client, { reference: 'ADA' });
  const bob = await createContact(client, { name: 'Bob', reference: 'BOB' });
  return { sim, client, ledger, bank, ada, bob };
}

export function receiptBody(bankId: string, contactId: string, total: number, allocations: unknown[], overrides: Record<string, unknown> = {}) {
  return {
    contact_payment: { transaction_type_id: 'CUSTOMER_RECEIPT', contact_id: contactId, bank_account_id: bankId, date: '2026-03-05', total_amount: total, allocated_artefacts: allocations, ...overrides },
  };
}
