import type { DirectCommandContext } from '@byte8/core';
import { invoiceFixture, testDialects } from '@byte8/testkit';
import { SAGE_SEED } from '@byte8/testkit/sage-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DirectShop, startDirectShop } from '../engine/direct-shop.test-helpers.js';
import { directDryRunCommand } from './direct-dry-run.js';
import { directStatusCommand } from './direct-status.js';

describe.each(testDialects())('byte8 sage direct:status and direct:dry-run, on $name', (dialect) => {
  let shop: DirectShop;
  const out: string[] = [];
  const err: string[] = [];
  const context = (): DirectCommandContext => ({
    provider: 'sage_accounting',
    connection: shop.sage,
    outboxCounts: async () => (await shop.storage.outbox.counts()).filter((c) => c.provider === 'sage_accounting'),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  beforeAll(async () => {
    shop = await startDirectShop(dialect);
  });
  afterAll(() => shop?.close());

  it('prints the Sage payload of an invoice and posts nothing', async () => {
    shop.source.invoices.set(42, invoiceFixture({ magento_id: 42, increment_id: 'DRY42' }));
    out.length = 0;
    expect(await directDryRunCommand.run({ invoice: '42' }, context())).toBe(0);
    const calls = JSON.parse(out.join('\n'));
    expect(calls.map((call: { method: string; path: string }) => `${call.method} ${call.path}`)).toEqual(['POST /contacts', 'POST /sales_invoices']);
    expect(calls[1].body.sales_invoice).toMatchObject({ contact_id: '<new contact M5>', reference: 'DRY42', invoice_lines: [expect.objectContaining({ tax_rate_id: 'GB_STANDARD', tax_amount: 6.8 })] });
    expect(shop.sim.stats.creates).toEqual({});
  });

  it('names the posted contact by its Sage id once it exists', async () => {
    await shop.saveInvoice(invoiceFixture({ magento_id: 43, increment_id: 'REAL43' }));
    await shop.drain();
    out.length = 0;
    expect(await directDryRunCommand.run({ invoice: '42' }, context())).toBe(0);
    const calls = JSON.parse(out.join('\n'));
    expect(calls).toHaveLength(1);
    expect(calls[0].body.sales_invoice.contact_id).toBe(shop.business.list('contacts')[0]!.id);
  });

  it('refuses bad input with a usage error and a missing document with its reason', async () => {
    err.length = 0;
    expect(await directDryRunCommand.run({}, context())).toBe(2);
    expect(await directDryRunCommand.run({ invoice: '1', product: '2' }, context())).toBe(2);
    expect(await directDryRunCommand.run({ invoice: '-3' }, context())).toBe(2);
    expect(await directDryRunCommand.run({ invoice: '1e3' }, context())).toBe(2);
    expect(await directDryRunCommand.run({ invoice: '999' }, context())).toBe(1);
    expect(err.at(-1)).toBe('not_found: The store has no invoice 999');
  });

  it('shows the connection, the business and the outbox; exits 1 and says the rows are held when reconnect is needed', async () => {
    out.length = 0;
    expect(await directStatusCommand.run({}, context())).toBe(0);
    expect(out.join('\n')).toContain(`business:  ${SAGE_SEED.businesses.solo.name}`);
    expect(out.join('\n')).toMatch(/outbox: {4}pending 0, dead_lettered 0, succeeded 1/);
    shop.sim.revokeApp(SAGE_SEED.users.solo.id);
    await shop.saveInvoice(invoiceFixture({ magento_id: 44, increment_id: 'HELD44' }));
    await shop.drain();
    out.length = 0;
    expect(await directStatusCommand.run({ json: true }, context())).toBe(1);
    const json = JSON.parse(out.join('\n'));
    expect(json).toMatchObject({ state: 'reconnect_needed', outbox: { pending: 1, succeeded: 1 } });
    expect(json.reason).toContain('Reconnect');
  });
});
