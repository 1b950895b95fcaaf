import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { describe, expect, it } from 'vitest';
import { sage, start } from './admin-router.test-helpers.js';
import { record } from './memory-admin-api.test-helpers.js';

const csrf = (jar: Map<string, string>) => jar.get('byte8_csrf')!;

describe('what a merchant meets in the admin', () => {
  it('shows no "Last sync" for a pending document: it was queued, not synced', async () => {
    const { call, api } = await start();
    api.records.push(record({ entityId: 22, status: 'pending', lastSyncAt: new Date('2026-04-30T09:00:00Z') }));
    const list = await call('/invoices');
    const row = list.text.split('<tr data-id="22">')[1]!.split('</tr>')[0]!;
    expect(row).toContain('⏳ Pending');
    expect(row).not.toContain('2026-04-30 09:00 UTC');
    const detail = await call('/invoices/22');
    expect(detail.text).toContain('<dt>Queued</dt><dd>2026-04-30 09:00 UTC</dd>');
    expect(detail.text).not.toContain('<dt>Last sync</dt>');
  });

  it('sorts by the status column, problems first, then the other way', async () => {
    const { call, api } = await start();
    api.records.push(
      record({ entityId: 3, status: 'synced' }),
      record({ entityId: 4, status: 'failed', errorCode: 'auth' }),
      record({ entityId: 5, status: 'skipped', skipReason: 'zero_value_invoice' }),
    );
    // The memory API sorts only by time: the router must ask the mirror for the status order.
    const sorts: unknown[] = [];
    const list = api.listStatuses.bind(api);
    api.listStatuses = async (query) => {
      sorts.push(query.sort);
      return list(query);
    };
    const page = await call('/invoices?sort=status_asc');
    expect(sorts).toEqual(['status_asc']);
    expect(page.text).toContain('<th scope="col" aria-sort="ascending"><a href="/admin/byte8/invoices?sort=status_desc">Sage Status ▲</a></th>');
    expect(page.text).toContain('<option value="status_asc" selected>Status (problems first)</option>');
    await call('/invoices?sort=status_desc');
    expect(sorts).toEqual(['status_asc', 'status_desc']);
  });

  it('explains a failure in words and syncs it again from the detail page, with CSRF', async () => {
    const { call, post, jar, api } = await start();
    api.records.push(record({ entityId: 5, status: 'failed', errorCode: 'validation' }));
    api.events.set('sage_accounting:invoice:5', [
      { eventName: 'invoice.created', idempotencyKey: 'invoice.created:5', outboxStatus: 'succeeded', status: 'failed', chip: { label: '✗ Failed', className: '', title: null }, detail: 'Delivered; Sync failed: error validation.', attempts: 1, lastAttemptAt: new Date('2026-04-29T10:11:00Z') },
    ]);
    const detail = await call('/invoices/5');
    expect(detail.text).toContain('<dt>Reason</dt><dd class="byte8-reason">Sync failed: error validation.</dd>');
    expect(detail.text).toMatch(/<li data-event="invoice\.created"><span class="byte8-mono">invoice\.created<\/span> <span class="byte8-sync-chip byte8-sync-chip--failed">✗ Failed<\/span>\s*Delivered; Sync failed: error validation\. <span class="byte8-note">\(2026-04-29 10:11 UTC\)<\/span>/);
    expect(detail.text).toContain('action="/admin/byte8/invoices/5/resync"');

    const forged = await post('/invoices/5/resync', { provider: 'sage_accounting' });
    expect(forged.res.status).toBe(403);
    expect(api.calls).toEqual([]);

    const done = await post('/invoices/5/resync', { _csrf: csrf(jar), provider: 'sage_accounting', back: '/admin/byte8/invoices/5' });
    expect(done.res.status).toBe(303);
    expect(done.res.headers.get('location')).toBe('/admin/byte8/invoices/5');
    expect(api.calls).toEqual(['resync:sage_accounting:invoice:5']);
    const after = await call('/invoices/5');
    expect(after.text).toContain('INV-0005: Queued again: invoice.created.');
    expect(after.text).toContain('⏳ Pending');
    expect(after.text).not.toContain('action="/admin/byte8/invoices/5/resync"');
  });

  it('syncs again from the list and comes back to the same page', async () => {
    const { call, post, jar, api } = await start();
    api.records.push(record({ entityId: 24, status: 'skipped', skipReason: 'zero_value_invoice' }), record({ entityId: 25, status: 'synced' }));
    const list = await call('/invoices?status=skipped');
    expect(list.text).toContain('action="/admin/byte8/invoices/24/resync"');
    expect(list.text).not.toContain('action="/admin/byte8/invoices/25/resync"');
    expect(list.text).toContain('<input type="hidden" name="back" value="/admin/byte8/invoices?status=skipped">');
    const done = await post('/invoices/24/resync', { _csrf: csrf(jar), provider: 'sage_accounting', back: '/admin/byte8/invoices?status=skipped' });
    expect(done.res.headers.get('location')).toBe('/admin/byte8/invoices?status=skipped');
    expect((await call('/invoices?status=skipped')).text).toContain('INV-0024: Queued again: invoice.created.');
  });

  it('refuses a bad "Sync again" clearly and queues nothing', async () => {
    const { call, post, jar, api } = await start([sage, freeAgentAccounting()]);
    api.records.push(record({ entityId: 5, status: 'failed', errorCode: 'validation' }));
    await call('/invoices');
    const cases: Array<[string, Record<string, string>, number, string]> = [
      ['/invoices/abc/resync', { provider: 'sage_accounting' }, 404, 'There is no such document.'],
      ['/invoices/0/resync', { provider: 'sage_accounting' }, 404, 'There is no such document.'],
      ['/invoices/999/resync', { provider: 'sage_accounting' }, 404, 'Nothing was queued.'],
      ['/invoices/5/resync', { provider: 'xero' }, 400, 'Choose one of the installed providers'],
      ['/invoices/5/resync', {}, 400, 'Choose one of the installed providers'],
    ];
    for (const [path, form, status, text] of cases) {
      const result = await post(path, { _csrf: csrf(jar), ...form });
      expect([path, result.res.status]).toEqual([path, status]);
      expect(result.text).toContain(text);
    }
    expect(api.calls).toEqual([]);
    // A "back" that leaves the admin falls back to the document.
    for (const back of ['https://evil.example/', '//evil.example/admin/byte8/x', '/elsewhere', '/admin/byte8/x\\y']) {
      const result = await post('/invoices/5/resync', { _csrf: csrf(jar), provider: 'sage_accounting', back });
      expect(result.res.headers.get('location')).toBe('/admin/byte8/invoices/5');
    }
  });

  it('leads the configuration with the connection once paired, with pairing again folded under it', async () => {
    const { call, api } = await start();
    const unpaired = (await call('/config')).text;
    expect(unpaired.indexOf('Pair with the ledger')).toBeLessThan(unpaired.indexOf('<h3>Connection</h3>'));
    expect(unpaired).not.toContain('<details');
    api.connections.set('sage_accounting', { tenantId: 'tenant-1', codeIssuedAt: null });
    const paired = (await call('/config')).text;
    expect(paired.indexOf('<h3>Connection</h3>')).toBeLessThan(paired.indexOf('<details class="byte8-repair"'));
    expect(paired).toMatch(/<details class="byte8-repair" id="sage_accounting-repair"><summary>Pair again…<\/summary>\s*<h3 id="sage_accounting-pairing-heading">Pair again<\/h3>/);
    expect(paired).not.toContain('Pair with the ledger');
  });

  it('puts the day’s figures and a 24-hour chart on the dashboard', async () => {
    const { call } = await start();
    const { text } = await call('/');
    const figure = (name: string) => text.split(`data-figure="${name}"><dt>`)[1]!.split('</div>')[0]!;
    expect(figure('delivered-today')).toContain('Delivered today</dt><dd><strong>40</strong>');
    expect(figure('pending')).toContain('<strong>3</strong>');
    expect(figure('failed-24h')).toContain('<strong>2</strong>');
    expect(figure('failed-24h')).toContain('href="/admin/byte8/invoices?status=failed"');
    expect(figure('oldest-pending')).toContain('<strong>4 minutes</strong>');
    expect(figure('last-delivery')).toContain('<strong>just now</strong> <span class="byte8-note">(2026-05-01 23:59 UTC)</span>');
    const svg = text.split('<svg')[1]!.split('</svg>')[0]!;
    expect(svg.match(/<g><title>/g)).toHaveLength(24);
    expect(svg).toContain('<title id="sage_accounting-figures-chart-summary">Last 24 hours: 46 delivered, 2 failed or refused.</title>');
    expect(svg).toContain('<title>20:00–21:00 UTC: 0 delivered, 2 failed</title>');
    expect(text).toContain('44 delivery attempts\n(40 accepted, 3 to retry, 1 refused), 12 ms on average.');
  });
});
