import { readdirSync, readFileSync } from 'node:fs';
import { contactFixture, invoiceFixture, testDialects } from '@byte8/testkit';
import { describe, expect, it } from 'vitest';
import { startDirectShop } from './direct-shop.test-helpers.js';

// A benchmark, not a timed test: run with BYTE8_BENCH=1; it prints figures and asserts only correctness.
const RUN = process.env.BYTE8_BENCH === '1';
const INVOICES = Number(process.env.BYTE8_BENCH_INVOICES ?? 300);
const CUSTOMERS = 30;

/** CPU ms of every `postgres` process on this machine (the server is shared: an upper bound). */
function postgresCpuMs(): number | null {
  try {
    const tick = 10; // USER_HZ 100
    let total = 0;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += (Number(fields[11]) + Number(fields[12])) * tick;
      } catch {
        // the process ended
      }
    }
    return total;
  } catch {
    return null;
  }
}

const dialect = testDialects().find((d) => d.name === 'pg') ?? testDialects()[0]!;

describe.skipIf(!RUN)(`direct-mode throughput against the Sage simulator (${dialect.name})`, () => {
  for (const limit of [null, { requests: 50, windowMs: 1_000 }, { requests: 20, windowMs: 1_000 }] as const) {
    it(`posts ${INVOICES} invoices with ${limit ? `a limit of ${limit.requests} requests/s` : 'no rate limit'}`, async () => {
      const shop = await startDirectShop(dialect);
      try {
        for (let id = 1; id <= INVOICES; id++) {
          const customer = 1 + (id % CUSTOMERS);
          await shop.saveInvoice(invoiceFixture({ magento_id: id, increment_id: `B${id}`, customer: contactFixture({ magento_id: customer, email: `b${customer}@example.com` }) }));
        }
        shop.sim.reset();
        shop.sim.setRateLimit(limit);
        const cpu = process.cpuUsage();
        const pgBefore = postgresCpuMs();
        const started = performance.now();
        await shop.byte8.worker.drainUntilIdle();
        const seconds = (performance.now() - started) / 1000;
        const used = process.cpuUsage(cpu);
        const pgAfter = postgresCpuMs();
        const requests = shop.sim.requests.filter((r) => r.path.startsWith('/v3.1/'));
        const simMs = requests.reduce((sum, r) => sum + r.durationMs, 0);
        const figures = {
          dialect: dialect.name,
          limit: limit ? `${limit.requests}/s` : 'none',
          invoices: INVOICES,
          seconds: Number(seconds.toFixed(2)),
          invoicesPerSecond: Number((INVOICES / seconds).toFixed(1)),
          sageRequests: requests.length,
          requestsPerSecond: Number((requests.length / seconds).toFixed(1)),
          throttled: shop.sim.stats.throttled,
          acceptedRequestsPerSecond: Number(((requests.length - shop.sim.stats.throttled) / seconds).toFixed(1)),
          connectorAndSimulatorCpuMsPerInvoice: Number(((used.user + used.system) / 1000 / INVOICES).toFixed(2)),
          simulatorHandlingMsPerInvoice: Number((simMs / INVOICES).toFixed(2)),
          postgresCpuMsPerInvoice: pgBefore === null || pgAfter === null ? null : Number(((pgAfter - pgBefore) / INVOICES).toFixed(2)),
        };
        console.log(`direct-throughput ${JSON.stringify(figures)}`);
        expect(shop.business.list('sales_invoices')).toHaveLength(INVOICES);
        expect(shop.business.list('contacts')).toHaveLength(CUSTOMERS);
      } finally {
        await shop.close();
      }
    }, 600_000);
  }
});
