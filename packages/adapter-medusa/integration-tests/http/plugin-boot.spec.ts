import path from 'node:path';
import { medusaIntegrationTestRunner } from '@medusajs/test-utils';
import { adminHeaders } from '../helpers/admin-headers.js';

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
      expect(service.options.providers).toEqual(['sage_accounting']);
      expect(service.options.worker.inJob).toBe(false);
    });

    it('admin routes need an admin session; the ledger routes are outside admin auth', async () => {
      const anonymous = await api.get('/admin/byte8/status').catch((e: any) => e.response);
      expect(anonymous.status).toBe(401);
      const headers = await adminHeaders(getContainer());
      const status = await api.get('/admin/byte8/status', { headers });
      expect(status.status).toBe(200);
      expect(status.data.providers).toEqual([
        expect.objectContaining({ key: 'sage_accounting', connection: expect.objectContaining({ connected: false }), deadLetters: expect.objectContaining({ count: 0 }) }),
      ]);
      const ping = await api.get('/rest/V1/byte8/ping').catch((e: any) => e.response);
      expect(ping.status).not.toBe(404);
      expect(ping.status).not.toBe(200);
    });
  },
});
