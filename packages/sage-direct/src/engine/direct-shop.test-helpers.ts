import type { Byte8, Byte8Storage } from '@byte8/client';
import { createByte8, createLogger, createStorage } from '@byte8/client';
import type { CanonicalSource, ChangedEntity, ChangedSinceQuery, Contact, CreditMemo, EntityType, Invoice, Payment, Product, SyncStateRecord } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import type { AnyTestDatabase, TestDialect } from '@byte8/testkit';
import { SAGE_SEED, type SageApiSimulator, type SimBusiness } from '@byte8/testkit/sage-api';
import { sql } from 'kysely';
import { sageDirect } from '../sage-direct.js';
import type { SageDirectConnection } from '../sage-direct-connection.js';
import { connectAs, keyRing, movableClock, simOptions, startSim } from '../sage-direct.test-helpers.js';
import type { SagePolicyOptions } from './policy/sage-policy.js';

/** The host's data, as an adapter's `CanonicalSource` would serve it. */
export class MemorySource implements CanonicalSource {
  readonly invoices = new Map<number, Invoice>();
  readonly memos = new Map<number, CreditMemo>();
  readonly customers = new Map<number, Contact>();
  readonly products = new Map<number, Product>();
  readonly payments = new Map<number, Payment>();
  invoice = async (id: number) => this.invoices.get(id) ?? null;
  creditMemo = async (id: number) => this.memos.get(id) ?? null;
  customer = async (id: number) => this.customers.get(id) ?? null;
  product = async (id: number) => this.products.get(id) ?? null;
  payment = async (id: number) => this.payments.get(id) ?? null;
  paymentMethods = async () => [];
  /** Invoices by `created_at` (what reconciliation asks for); other types change nothing here. */
  changedSince = async (query: ChangedSinceQuery): Promise<ChangedEntity[]> => {
    if (query.entityType !== 'invoice') return [];
    return [...this.invoices.values()]
      .map((invoice) => ({ id: invoice.magento_id, changedAt: new Date(invoice.created_at) }))
      .filter((e) => e.changedAt > query.since || (e.changedAt.getTime() === query.since.getTime() && e.id > (query.afterId ?? 0)))
      .filter((e) => !query.until || e.changedAt <= query.until)
      .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || a.id - b.id)
      .slice(0, query.limit);
  };
}

/** The seeded business's ids a policy names (ledger accounts by nominal code, bank accounts). */
export type Seed = SimBusiness['seed'];

export interface DirectShop {
  readonly sim: SageApiSimulator;
  readonly byte8: Byte8;
  readonly storage: Byte8Storage;
  readonly sage: SageDirectConnection;
  readonly source: MemorySource;
  /** The Sage business the shop posts to; read back what was posted. */
  readonly business: SimBusiness;
  readonly clock: ReturnType<typeof movableClock>;
  /** Saves through the host hooks, as an adapter would. */
  saveInvoice(invoice: Invoice, before?: Invoice | null, payment?: Payment): Promise<void>;
  saveCreditMemo(memo: CreditMemo): Promise<void>;
  saveCustomer(customer: Contact): Promise<void>;
  saveProduct(product: Product): Promise<void>;
  /** Drains until nothing is due, moving time on past retry waits (at most `rounds` times). */
  drain(rounds?: number): Promise<void>;
  chip(entityType: EntityType, id: number): Promise<SyncStateRecord | null>;
  outboxStatuses(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** Default test policy: UK rates, ledger 4000, purchase 5000, card payments to the card account, products and stock on. */
export function testPolicy(seed: Seed, extra: SagePolicyOptions = {}): SagePolicyOptions {
  return {
    defaultTaxRateId: 'GB_STANDARD',
    taxRateMap: { '20': 'GB_STANDARD', '5': 'GB_LOWER' },
    defaultLedgerAccountId: seed.ledgerAccounts['4000']!,
    defaultPurchaseLedgerAccountId: seed.ledgerAccounts['5000']!,
    paymentMethodMap: { stripe: seed.bankAccounts.card, checkmo: null },
    syncProducts: true,
    syncStock: true,
    ...extra,
  };
}

/**
 * A shop in direct mode over `dialect`: the Sage simulator, a connector with
 * `sageDirect()` configured, connected as the solo user (one business).
 */
export async function startDirectShop(
  dialect: TestDialect<AnyTestDatabase>,
  options: {
    policy?: (seed: Seed) => SagePolicyOptions;
    sim?: SageApiSimulator;
    timeoutMs?: number;
    ring?: ReturnType<typeof keyRing>;
    /** MySQL only: the prefix of every connector table. */
    tablePrefix?: string;
  } = {},
): Promise<DirectShop & { database: AnyTestDatabase; policy: SagePolicyOptions }> {
  const sim = options.sim ?? (await startSim());
  const business = sim.business(SAGE_SEED.businesses.solo.id);
  const database = await dialect.createDatabase();
  const clock = movableClock();
  const storage = await createStorage(
    database.dialect === 'pglite'
      ? { pglite: database.pglite, clock }
      : { databaseUrl: database.url, clock, ...(database.dialect === 'mysql' && options.tablePrefix ? { tablePrefix: options.tablePrefix } : {}) },
  );
  const outbox = sql.table(`${storage.tablePrefix ?? ''}byte8_event_outbox`);
  const source = new MemorySource();
  const policy = (options.policy ?? testPolicy)(business.seed);
  const byte8 = await createByte8({
    storage,
    providers: [sageAccounting()],
    canonicalSource: source,
    encryption: options.ring ?? keyRing(),
    clock,
    logger: createLogger({ level: 'silent' }),
    direct: [sageDirect({ ...simOptions(sim), policy, timeoutMs: options.timeoutMs ?? 2_000 })],
    worker: { jitter: 0 },
  });
  const sage = byte8.direct.get('sage_accounting') as SageDirectConnection;
  const { outcome } = await connectAs(sage, SAGE_SEED.users.solo.id);
  if (!outcome.ok) throw new Error(`connect failed: ${outcome.message}`);

  const snapshot = (invoice: Invoice) => ({ id: invoice.magento_id, incrementId: invoice.increment_id, state: invoice.state, websiteId: invoice.website_id, storeId: invoice.store_id });
  const shop: DirectShop & { database: AnyTestDatabase; policy: SagePolicyOptions } = {
    policy,
    sim,
    byte8,
    storage,
    sage,
    source,
    business,
    clock,
    database,
    async saveInvoice(invoice, before = null, payment) {
      source.invoices.set(invoice.magento_id, invoice);
      if (payment) source.payments.set(invoice.magento_id, payment);
      await byte8.hooks.invoiceSaved({ before: before ? snapshot(before) : null, after: snapshot(invoice) });
    },
    async saveCreditMemo(memo) {
      source.memos.set(memo.magento_id, memo);
      await byte8.hooks.creditMemoSaved({ before: null, after: { id: memo.magento_id, incrementId: memo.increment_id, websiteId: memo.website_id, storeId: 1 } });
    },
    async saveCustomer(customer) {
      source.customers.set(customer.magento_id, customer);
      await byte8.hooks.customerSaved({ after: { id: customer.magento_id, websiteId: customer.website_id } });
    },
    async saveProduct(product) {
      source.products.set(product.magento_id, product);
      await byte8.hooks.productSaved({ after: { id: product.magento_id } });
    },
    async drain(rounds = 12) {
      for (let round = 0; round < rounds; round++) {
        await byte8.worker.drainUntilIdle();
        const waiting = await sql<{ n: string }>`SELECT count(*) AS n FROM ${outbox} WHERE status = 'pending'`.execute(storage.db);
        if (Number(waiting.rows[0]!.n) === 0) return;
        clock.advance(25 * 3_600_000);
      }
    },
    chip: (entityType, id) => storage.syncState.find(entityType, id, 'sage_accounting'),
    async outboxStatuses() {
      const rows = await sql<{ status: string; n: string }>`SELECT status, count(*) AS n FROM ${outbox} GROUP BY status`.execute(storage.db);
      return Object.fromEntries(rows.rows.map((row) => [row.status, Number(row.n)]));
    },
    async close() {
      await byte8.close();
      await database.drop();
      if (!options.sim) await sim.stop();
    },
  };
  return shop;
}
