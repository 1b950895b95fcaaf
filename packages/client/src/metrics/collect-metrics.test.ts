import { silentLogger } from '@byte8/core';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { sageAccounting } from '@byte8/sage-accounting';
import { testDialects } from '@byte8/testkit';
import { describe, expect, it } from 'vitest';
import { createPublisher } from '../publisher/publisher.js';
import { createSecretBox } from '../secret-box/create-secret-box.js';
import { createStorage } from '../storage/create-storage.js';
import { collectMetrics } from './collect-metrics.js';
import { createDeliveryMetrics } from './delivery-metrics.js';
import { renderPrometheus } from './render-prometheus.js';

const pglite = testDialects().find((d) => d.name === 'pglite')!;

describe('collectMetrics', () => {
  it('reads outbox depth, oldest pending age, dead letters, connection and reconciliation lag from storage', async () => {
    const database = await pglite.createDatabase();
    const storage = await createStorage(database.dialect === 'pglite' ? { pglite: database.pglite } : { databaseUrl: database.url });
    try {
      const providers = [sageAccounting(), freeAgentAccounting()];
      const box = createSecretBox({ logger: silentLogger });
      await storage.connections.setPairingCode('sage_accounting', 'h', new Date());
      await storage.connections.completePairing(
        'sage_accounting',
        'h',
        { tenantId: 't1', encryptedMasterKey: box.seal('k'), ledgerBaseUrl: 'http://127.0.0.1:1' },
        new Date(),
      );
      const publisher = createPublisher({ outbox: storage.outbox, connections: storage.connections });
      const fired = (id: number) => ({
        eventName: 'product.upserted' as const,
        entityType: 'product' as const,
        entityId: id,
        websiteId: 0,
        storeId: 0,
        payload: {},
        idempotencyKey: `product.upserted:${id}`,
        upsert: true,
      });
      await publisher.enqueue('sage_accounting', [fired(1), fired(2), fired(3)]);
      const [claimed] = await storage.outbox.claim({ owner: 'w', limit: 1, leaseMs: 60_000, tenants: [{ provider: 'sage_accounting', tenantId: 't1' }] });
      await storage.outbox.complete('w', [{ kind: 'dead_lettered', id: claimed!.id, statusCode: 422, error: 'HTTP 422', at: new Date() }]);
      await storage.watermarks.set('reconcile:sage_accounting:invoice', { at: new Date(Date.now() - 90_000), afterId: 7 });
      const deliveries = createDeliveryMetrics();
      deliveries.delivery('sage_accounting', 'dead_lettered', 30);

      const snapshot = await collectMetrics({ ...storage, providers, deliveries, watermarks: storage.watermarks });
      expect(snapshot.providers).toEqual([
        { provider: 'sage_accounting', connected: true },
        { provider: 'freeagent', connected: false },
      ]);
      expect(snapshot.outbox.filter((o) => o.provider === 'sage_accounting')).toEqual([
        { provider: 'sage_accounting', status: 'pending', count: 2 },
        { provider: 'sage_accounting', status: 'succeeded', count: 0 },
        { provider: 'sage_accounting', status: 'dead_lettered', count: 1 },
      ]);
      expect(snapshot.deadLetters).toEqual([
        { provider: 'sage_accounting', count: 1 },
        { provider: 'freeagent', count: 0 },
      ]);
      const age = snapshot.oldestPendingAgeSeconds.find((a) => a.provider === 'sage_accounting')!.seconds;
      expect(age).not.toBeNull();
      expect(age!).toBeGreaterThanOrEqual(0);
      expect(snapshot.oldestPendingAgeSeconds.find((a) => a.provider === 'freeagent')!.seconds).toBeNull();
      const lag = snapshot.reconciliationLag.find((l) => l.provider === 'sage_accounting' && l.entityType === 'invoice')!.seconds!;
      expect(lag).toBeGreaterThanOrEqual(90);
      expect(lag).toBeLessThan(600);
      const text = renderPrometheus(snapshot);
      expect(text).toContain('byte8_outbox_rows{provider="sage_accounting",status="pending"} 2');
      expect(text).toContain('byte8_deliveries_total{provider="sage_accounting",outcome="dead_lettered"} 1');
    } finally {
      await storage.close();
      await database.drop();
    }
  }, 120_000);
});
