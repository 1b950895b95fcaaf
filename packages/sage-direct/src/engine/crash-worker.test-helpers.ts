// A drain worker process in direct mode for the crash test: its own pool on the shared database,
// the same key ring, a canonical source that derives every invoice from its id. Prints
// `{"ready":true}` once draining; SIGTERM stops it cleanly, SIGKILL is what the test sends.
import { createByte8, createLogger, createStorage } from '@byte8/client';
import type { CanonicalSource } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { contactFixture, invoiceFixture } from '@byte8/testkit';
import { sageDirect } from '../sage-direct.js';

export interface CrashWorkerConfig {
  readonly databaseUrl: string;
  readonly ring: { keys: Record<string, string>; activeKeyId: string };
  readonly sage: Parameters<typeof sageDirect>[0];
  readonly customers: number;
}

/** Invoice `id` of the crash test: one of `customers` customers, reference `K{id}`. */
export function crashInvoice(id: number, customers: number) {
  const customer = 1 + (id % customers);
  return invoiceFixture({ magento_id: id, increment_id: `K${id}`, customer: contactFixture({ magento_id: customer, email: `c${customer}@example.com` }) });
}

if (process.argv[2]) {
  const config = JSON.parse(process.argv[2]) as CrashWorkerConfig;
  const storage = await createStorage({ databaseUrl: config.databaseUrl, migrate: false });
  const missing = async () => null;
  const source: CanonicalSource = {
    invoice: async (id) => crashInvoice(id, config.customers),
    creditMemo: missing,
    customer: missing,
    product: missing,
    payment: missing,
    paymentMethods: async () => [],
    changedSince: async () => [],
  };
  const byte8 = await createByte8({
    storage,
    providers: [sageAccounting()],
    canonicalSource: source,
    encryption: config.ring,
    logger: createLogger({ level: 'silent' }),
    direct: [sageDirect(config.sage)],
    // A short lease, so rows a killed worker held come back within the test; passes must fit in it.
    worker: { leaseMs: 5_000, pollIntervalMs: 100, batchSize: 20, concurrency: 10, gcIntervalMs: 0, deliveryTimeoutMs: 2_000 },
    reconciliation: { intervalMs: 3_600_000 },
  });
  byte8.worker.start();
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid })}\n`);
  process.on('SIGTERM', () => {
    void byte8.close().then(() => process.exit(0));
  });
}
