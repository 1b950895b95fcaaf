import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { xeroAccounting } from '@byte8/xero-accounting';
import { describe, expect, it } from 'vitest';
import { adminRouter } from './admin-router.js';
import { sage, start } from './admin-router.test-helpers.js';
import { MemoryAdminApi, deadLetter, record } from './memory-admin-api.test-helpers.js';

describe('adminRouter', () => {
  it('refuses to boot without the host auth middleware, naming the option', () => {
    const api = new MemoryAdminApi({ sage_accounting: sage.labels });
    expect(() => adminRouter({ admin: api, providers: [sage], auth: undefined as never })).toThrow(/admin\.auth is required/);
    expect(() => adminRouter({ admin: api, providers: [sage], auth: [] })).toThrow(/admin\.auth is required/);
  });

  it('is reachable only through the host auth', async () => {
    const { call } = await start();
    const { res, text } = await call('/config', { headers: { 'x-admin': 'no' } });
    expect(res.status).toBe(401);
    expect(text).toBe('login required');
  });

  it('renders the configuration page of §10.3', async () => {
    const { call } = await start();
    const { res, text } = await call('/config');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(text).toContain('value="https://shop.example.test"');
    expect(text).toContain('data-copy="sage_accounting-base-url"');
    expect(text).toContain('Generate pairing code');
    expect(text).toContain('href="https://ledger.example.test/dashboard" target="_blank" rel="noopener noreferrer"');
    expect(text).toMatch(/background:#b30000.*Not paired/s);
    expect(text).toMatch(/<button type="submit" class="byte8-danger" disabled/);
    expect(text).toContain('<label for="sage_accounting-base-url">');
  });

  it('shows a generated pairing code once, then asks to confirm a regenerate', async () => {
    const { call, post, jar, api } = await start();
    await call('/config');
    const generated = await post('/providers/sage_accounting/pairing-code', { _csrf: jar.get('byte8_csrf')! });
    expect(generated.res.status).toBe(303);
    expect(generated.res.headers.get('location')).toBe('/admin/byte8/config#sage_accounting');
    const first = await call('/config');
    expect(first.text).toContain('value="code-1-0123456789abcdef"');
    expect(first.text).toContain('shown only once and expires in 30 minutes');
    const reload = await call('/config');
    expect(reload.text).not.toContain('code-1-0123456789abcdef');
    expect(reload.text).toContain('Regenerate pairing code');
    expect(reload.text).toContain('data-confirm="A pairing code is pending.');
    expect(api.calls).toEqual(['generate:sage_accounting']);
  });

  it('rejects a POST without a matching CSRF token with 403 and changes nothing', async () => {
    const { call, post, api } = await start();
    await call('/config');
    const missing = await post('/providers/sage_accounting/pairing-code', {});
    expect(missing.res.status).toBe(403);
    expect(missing.text).toContain('form token is missing or does not match');
    const forged = await post('/providers/sage_accounting/disconnect', { _csrf: 'x'.repeat(43) });
    expect(forged.res.status).toBe(403);
    api.deadLettered.set('sage_accounting', [deadLetter(7)]);
    const requeue = await post('/providers/sage_accounting/requeue', { all: '1' });
    expect(requeue.res.status).toBe(403);
    expect(api.calls).toEqual([]);
    expect((await api.connectionStatus('sage_accounting')).pairingCode.pending).toBe(false);
    expect((await api.deadLetters({ provider: 'sage_accounting' })).count).toBe(1);
  });

  it('answers a form over 64 KiB with 413 and changes nothing (it was a 500)', async () => {
    const { call, post, jar, api } = await start();
    await call('/config');
    api.deadLettered.set('sage_accounting', [deadLetter(7)]);
    const huge = await post('/providers/sage_accounting/requeue', { _csrf: jar.get('byte8_csrf')!, all: '1', padding: 'x'.repeat(70 * 1024) });
    expect(huge.res.status).toBe(413);
    expect(huge.text).toContain('The form sent more than 64 KiB; nothing was changed.');
    expect(api.calls).toEqual([]);
  });

  it('shows the dead-letter banner, escaped, and requeues', async () => {
    const { call, post, jar, api } = await start();
    api.deadLettered.set('sage_accounting', [deadLetter(7), deadLetter(8)]);
    const page = await call('/config');
    expect(page.text).toContain('⚠ 2 events need attention.');
    expect(page.text).toContain('Unprocessable &lt;entity&gt;');
    expect(page.text).not.toContain('Unprocessable <entity>');
    for (const id of ['nope', '0', '-1', '1e3', '1'.repeat(16), ' 7']) {
      const bad = await post('/providers/sage_accounting/requeue', { _csrf: jar.get('byte8_csrf')!, id });
      expect(bad.res.status).toBe(303);
      expect((await call('/config')).text).toContain('Nothing requeued');
    }
    expect(api.calls).toEqual([]);
    await post('/providers/sage_accounting/requeue', { _csrf: jar.get('byte8_csrf')!, id: '7' });
    const after = await call('/config');
    expect(after.text).toContain('Requeued 1 event.');
    expect(after.text).toContain('⚠ 1 event needs attention.');
    await post('/providers/sage_accounting/requeue', { _csrf: jar.get('byte8_csrf')!, all: '1' });
    expect((await call('/config')).text).not.toContain('need attention');
  });

  it('shows events held for a previous tenant and lets the operator send or drop them, with CSRF', async () => {
    const { call, post, jar, api } = await start();
    api.connections.set('sage_accounting', { tenantId: 'tenant-b', codeIssuedAt: null });
    api.held.set('sage_accounting', { count: 2, tenants: ['tenant-<a>'] });
    const page = await call('/config');
    expect(page.text).toContain('⏸ 2 events were queued for a previous ledger tenant');
    expect(page.text).toContain('tenant-&lt;a&gt;');
    expect(page.text).toContain('Send them to the current tenant');
    expect((await post('/providers/sage_accounting/held', { action: 'readdress' })).res.status).toBe(403);
    const unknown = await post('/providers/sage_accounting/held', { _csrf: jar.get('byte8_csrf')!, action: 'delete' });
    expect(unknown.res.status).toBe(303);
    expect((await call('/config')).text).toContain('Nothing changed: choose');
    expect(api.calls).toEqual([]);
    await post('/providers/sage_accounting/held', { _csrf: jar.get('byte8_csrf')!, action: 'readdress' });
    const after = await call('/config');
    expect(after.text).toContain('Sent 2 held events to tenant tenant-b.');
    expect(after.text).not.toContain('previous ledger tenant');
    expect(api.calls).toEqual(['held:readdress:sage_accounting']);
  });

  it('says "pair it first" instead of acting on held events of an unpaired provider', async () => {
    const { call, post, jar, api } = await start();
    await call('/config');
    await post('/providers/sage_accounting/held', { _csrf: jar.get('byte8_csrf')!, action: 'drop' });
    expect((await call('/config')).text).toContain('Sage Accounting is not paired: pair it first.');
    expect(api.calls).toEqual([]);
  });

  it('disconnects after confirmation and reports an already-disconnected store', async () => {
    const { call, post, jar, api } = await start();
    api.connections.set('sage_accounting', { tenantId: 'tenant-<b>', codeIssuedAt: null });
    const page = await call('/config');
    expect(page.text).toContain('tenant-&lt;b&gt;');
    expect(page.text).toMatch(/data-confirm="Disconnect Sage Accounting\?/);
    await post('/providers/sage_accounting/disconnect', { _csrf: jar.get('byte8_csrf')! });
    expect((await call('/config')).text).toContain('Disconnected from Sage Accounting; the ledger acknowledged.');
    await post('/providers/sage_accounting/disconnect', { _csrf: jar.get('byte8_csrf')! });
    expect((await call('/config')).text).toContain('Already disconnected.');
  });

  it('lists invoices with chips of §10.1, tooltips, escaping and paging', async () => {
    const { call, api } = await start();
    api.records.push(
      record({ entityId: 25, status: 'synced', providerReference: 'SI-<27>', providerEntityId: 'uuid-25' }),
      record({ entityId: 24, status: 'skipped', skipReason: 'zero_value_invoice' }),
      record({ entityId: 23, status: 'failed', errorCode: 'validation' }),
      record({ entityId: 22, status: 'pending' }),
      record({ entityId: 1, status: 'synced', providerEntityId: 'uuid-1' }),
    );
    const { text } = await call('/invoices');
    expect(text).toContain('<th scope="col" aria-sort="none"><a href="/admin/byte8/invoices?sort=status_asc">Sage Status</a></th>');
    expect(text).toContain('<span class="byte8-sync-chip byte8-sync-chip--synced" title="SI-&lt;27&gt;">✓ Synced</span>');
    expect(text).toContain('<span class="byte8-sync-chip byte8-sync-chip--skipped" title="Skipped: zero_value_invoice">⏸ Skipped</span>');
    expect(text).toContain('<span class="byte8-sync-chip byte8-sync-chip--failed" title="Error: validation">✗ Failed</span>');
    expect(text).toContain('<span class="byte8-sync-chip byte8-sync-chip--pending">⏳ Pending</span>');
    expect(text).toContain('<span class="byte8-sync-chip byte8-sync-chip--none">—</span>');
    expect(text).toContain('page 1 of 3 (25 total)');
    expect(text).toContain('INV-0025');
    expect(text).not.toContain('INV-0015');
    const last = await call('/invoices?page=3');
    expect(last.text).toContain('INV-&lt;img src=x onerror=alert(1)&gt;');
    expect(last.text).not.toContain('<img src=x');
    expect(last.text).toContain('rel="prev"');
  });

  it('filters the list by status', async () => {
    const { call, api } = await start();
    api.records.push(record({ entityId: 3, status: 'failed', errorCode: 'auth' }), record({ entityId: 4, status: 'synced' }));
    const { text } = await call('/invoices?status=failed');
    expect(text).toContain('(1 total)');
    expect(text).toContain('INV-0003');
    expect(text).not.toContain('INV-0004');
    expect(text).toContain('<option value="failed" selected>');
    const junk = await call('/invoices?status=%3Cscript%3E&page=-4&sort=drop');
    expect(junk.res.status).toBe(200);
    expect(junk.text).toContain('(25 total)');
  });

  it('renders the detail block of §10.2 with only non-empty fields', async () => {
    const { call, api } = await start();
    api.records.push(record({ entityId: 5, status: 'failed', errorCode: 'validation' }));
    const { text } = await call('/invoices/5');
    expect(text).toContain('<dt>Status</dt><dd><span class="byte8-sync-chip byte8-sync-chip--failed" title="Error: validation">✗ Failed</span>');
    expect(text).toContain('<dt>Error code</dt><dd class="byte8-mono">validation</dd>');
    expect(text).toContain('<dt>Last sync</dt><dd>2026-04-29 10:11 UTC</dd>');
    expect(text).not.toContain('<dt>Reference</dt>');
    expect(text).not.toContain('<dt>Skip reason</dt>');
    expect((await call('/invoices/999')).res.status).toBe(404);
    expect((await call('/invoices/abc')).res.status).toBe(404);
  });

  it('gives each installed provider a config section, a chip column and a detail block, in the order installed', async () => {
    const xero = xeroAccounting();
    const freeAgent = freeAgentAccounting();
    const { call, api, post, jar } = await start([sage, xero, freeAgent]);
    api.records.push(
      record({ entityId: 25, status: 'synced' }),
      record({ entityId: 25, status: 'failed', provider: xero.key, errorCode: 'validation' }),
      record({ entityId: 25, status: 'skipped', provider: freeAgent.key, skipReason: 'zero_value_invoice' }),
    );
    const list = await call('/invoices');
    // The filtered provider's column is a sort link; the others are plain headers.
    const headers = [...list.text.matchAll(/<th scope="col"(?: aria-sort="\w+")?>(?:<a [^>]*>)?([^<]+ Status)(?: [▲▼])?(?:<\/a>)?<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(['Sage Status', 'Xero Status', 'FreeAgent Status']);
    const row = list.text.match(/<tr data-id="25">[\s\S]*?<\/tr>/)![0];
    expect([...row.matchAll(/data-provider="([a-z_]+)"><span class="byte8-sync-chip byte8-sync-chip--(\w+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['sage_accounting', 'synced'],
      ['xero', 'failed'],
      ['freeagent', 'skipped'],
    ]);
    // The provider filter lists all three.
    expect(list.text).toContain('<option value="xero">Xero Accounting</option><option value="freeagent">FreeAgent Accounting</option>');

    const detail = await call('/invoices/25');
    expect([...detail.text.matchAll(/<h2 id="([a-z_]+)-detail-invoice-25">([^<]+)<\/h2>/g)].map((m) => m[2])).toEqual([
      'Sage Accounting',
      'Xero Accounting',
      'FreeAgent Accounting',
    ]);
    expect(detail.text).toContain('title="Error: validation">✗ Failed');
    expect(detail.text).toContain('title="Skipped: zero_value_invoice">⏸ Skipped');

    const config = await call('/config');
    for (const key of ['sage_accounting', 'xero', 'freeagent']) expect(config.text).toContain(`id="${key}-heading"`);
    // Each provider pairs on its own: generating a code for Xero touches Xero only.
    await post('/providers/xero/pairing-code', { _csrf: jar.get('byte8_csrf')! });
    expect(api.calls).toEqual(['generate:xero']);
  });

  it('shows the health tile for Sage only and a connection line for Xero and FreeAgent', async () => {
    const { call, api } = await start([sage, xeroAccounting(), freeAgentAccounting()]);
    api.connections.set('xero', { tenantId: 'tenant-x', codeIssuedAt: null });
    const { text } = await call('/');
    expect(text.match(/class="byte8-card byte8-tile /g)).toHaveLength(1);
    expect(text).toContain('id="sage_accounting-tile"');
    expect(text).not.toContain('id="xero-tile"');
    expect(text).toMatch(/<section class="byte8-card" id="xero-connection" data-state="connected" data-mode="ledger"><h2>Xero Accounting<\/h2>\s*<p><a href="\/admin\/byte8\/config#xero">Connection<\/a>/);
    expect(text).toMatch(/<section class="byte8-card" id="freeagent-connection" data-state="disconnected" data-mode="ledger"><h2>FreeAgent Accounting<\/h2>/);
    // Every provider gets the day's figures, tile or not.
    for (const key of ['sage_accounting', 'xero', 'freeagent']) expect(text).toContain(`id="${key}-figures"`);
  });

  it('renders the dashboard tile of §10.4 as one link', async () => {
    const { call } = await start();
    const { text } = await call('/');
    expect(text).toMatch(/<a class="byte8-card byte8-tile byte8-tile--disconnected" href="\/admin\/byte8\/config#sage_accounting"/);
    expect(text).toContain('Byte8 Sage Accounting Sync');
    expect(text).toContain('<dd class="byte8-errors-high">2</dd>');
  });
});
