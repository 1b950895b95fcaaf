import path from 'node:path';
import { medusaIntegrationTestRunner } from '@medusajs/test-utils';
import { adminHeaders } from '../helpers/admin-headers.js';
import { byte8Of } from '../helpers/byte8-of.js';

medusaIntegrationTestRunner({
  cwd: path.join(__dirname, '../fixture'),
  testSuite: ({ api, getContainer, dbConnection }) => {
    it('the usual migrate step created the connector tables in Medusa\'s database', async () => {
      const result = await dbConnection.raw("select table_name from information_schema.tables where table_name like 'byte8_%' order by 1");
      const tables = result.rows.map((row: { table_name: string }) => row.table_name);
      expect(tables).toEqual(expect.arrayContaining(['byte8_event_outbox', 'byte8_entity_sync_state']));
    });

    it('the plugin module holds the validated options', () => {
      const service = getContainer().resolve('byte8') as { options: { providers: string[]; worker: { inJob: boolean } } };
      expect(service.options.providers).toEqual(['sage_accounting', 'xero', 'freeagent']);
      expect(service.options.worker.inJob).toBe(false);
    });

    it('loads the three providers by key from the app, each with its own pairing route', async () => {
      const { connector } = await byte8Of(getContainer());
      expect(connector.providers.map((p: { key: string; pairingPath: string }) => [p.key, p.pairingPath])).toEqual([
        ['sage_accounting', '/V1/byte8/setup/pair'],
        ['xero', '/V1/byte8/xero_accounting/setup/pair'],
        ['freeagent', '/V1/byte8/freeagent_accounting/setup/pair'],
      ]);
      // Each route answers the pairing contract (a missing body field is a 400), and an unknown namespace is not a route.
      for (const route of ['/rest/V1/byte8/setup/pair', '/rest/V1/byte8/xero_accounting/setup/pair', '/rest/V1/byte8/freeagent_accounting/setup/pair']) {
        const answer = await api.post(route, {}, { validateStatus: () => true });
        expect([route, answer.status]).toEqual([route, 400]);
      }
      const unknown = await api.post('/rest/V1/byte8/quickbooks_accounting/setup/pair', {}, { validateStatus: () => true });
      expect(unknown.status).toBe(404);
    });

    it('admin routes need an admin session; the ledger routes are outside admin auth', async () => {
      const anonymous = await api.get('/admin/byte8/status').catch((e: any) => e.response);
      expect(anonymous.status).toBe(401);
      const headers = await adminHeaders(getContainer());
      const status = await api.get('/admin/byte8/status', { headers });
      expect(status.status).toBe(200);
      expect(status.data.providers).toEqual(
        ['sage_accounting', 'xero', 'freeagent'].map((key) =>
          expect.objectContaining({ key, connection: expect.objectContaining({ connected: false }), deadLetters: expect.objectContaining({ count: 0 }) }),
        ),
      );
      expect(status.data.providers.map((p: { name: string }) => p.name)).toEqual(['Sage Accounting', 'Xero Accounting', 'FreeAgent Accounting']);
      // With several providers installed, an admin action must say which one.
      const ambiguous = await api.post('/admin/byte8/pairing-code', {}, { headers, validateStatus: () => true });
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.data.message).toBe('provider is required: several providers are installed (sage_accounting, xero, freeagent)');
      const unknown = await api.post('/admin/byte8/disconnect', { provider: 'quickbooks' }, { headers, validateStatus: () => true });
      expect([unknown.status, unknown.data.message]).toEqual([400, 'unknown provider "quickbooks" (installed: sage_accounting, xero, freeagent)']);
      const ping = await api.get('/rest/V1/byte8/ping').catch((e: any) => e.response);
      expect(ping.status).not.toBe(404);
      expect(ping.status).not.toBe(200);
    });
  },
});
