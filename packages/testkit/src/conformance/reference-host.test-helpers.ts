// A tiny in-memory host that follows the contract, with switches that break
// one step each. The conformance meta-tests prove the suite catches every break.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SyncStatus } from '@byte8/core';
import { invoiceFixture } from '../fixtures/invoice.js';
import { signTestToken, testSubkey } from '../simulator/simulator.test-helpers.js';
import type { ConformanceHost } from './conformance-host.js';

export interface Breaks {
  readonly pairAcceptsAnyCode?: boolean;
  readonly pairCodeReusable?: boolean;
  readonly skipPendingChip?: boolean;
  readonly skipOutboxRow?: boolean;
  readonly deliverOnSave?: boolean;
  readonly ignoreCallbacks?: boolean;
  readonly invalidCanonical?: boolean;
  readonly retry4xx?: boolean;
  readonly neverRequeue?: boolean;
  readonly missingIs500?: boolean;
  readonly noPullAuth?: boolean;
  readonly noReplayCheck?: boolean;
  readonly disconnectKeepsCredentials?: boolean;
  readonly disconnectSilently?: boolean;
  readonly disconnectDropsPending?: boolean;
  readonly drainWhileDisconnected?: boolean;
}

interface Row {
  readonly key: string;
  readonly event: string;
  readonly body: string;
  readonly entityId: number;
  status: 'pending' | 'succeeded' | 'dead_lettered';
}

export async function startReferenceHost(breaks: Breaks = {}): Promise<ConformanceHost> {
  let connection: { tenantId: string; masterKey: string; ledgerUrl: string } | null = null;
  let lastLedgerUrl = '';
  let codeHash: string | null = null;
  const invoices = new Set<number>();
  const outbox: Row[] = [];
  const chips = new Map<number, SyncStatus>();
  const seenJtis = new Set<string>();
  let nextId = 100;

  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const outboundToken = () => {
    const now = Math.floor(Date.now() / 1000);
    const c = connection!;
    return signTestToken(c.masterKey, { iss: 'magento', sub: c.tenantId, aud: 'byte8-ledger', iat: now, nbf: now, exp: now + 60, jti: randomUUID() });
  };
  const inboundOk = (authorization: string | undefined): boolean => {
    if (breaks.noPullAuth) return true;
    if (connection === null || !authorization?.startsWith('Bearer ')) return false;
    const [h, p, s] = authorization.slice(7).split('.') as [string, string, string];
    if (createHmac('sha256', testSubkey(connection.masterKey, 'inbound')).update(`${h}.${p}`).digest('base64url') !== s) return false;
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    if (claims.iss !== 'byte8-ledger' || claims.aud !== 'magento' || claims.sub !== connection.tenantId) return false;
    if (claims.exp <= now || claims.nbf > now + 30 || claims.exp - claims.iat > 300) return false;
    if (!breaks.noReplayCheck) {
      if (seenJtis.has(claims.jti)) return false;
      seenJtis.add(claims.jti);
    }
    return true;
  };

  const deliver = async (row: Row) => {
    const c = connection!;
    const res = await fetch(`${c.ledgerUrl}/webhooks/magento/${c.tenantId}/${row.event}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${outboundToken()}`, 'content-type': 'application/json', 'idempotency-key': row.key },
      body: row.body,
    }).catch(() => null);
    if (res === null) return;
    await res.text();
    if (res.status >= 200 && res.status < 300) row.status = 'succeeded';
    else if (res.status >= 400 && res.status < 500 && !breaks.retry4xx) row.status = 'dead_lettered';
  };

  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const path = req.url ?? '';
    if (req.method === 'POST' && path === '/rest/V1/byte8/setup/pair') {
      const input = JSON.parse(body);
      const ok = breaks.pairAcceptsAnyCode || (codeHash !== null && sha256(input.pairing_code) === codeHash);
      if (!ok) return send(401, { message: 'Invalid or expired pairing code.' });
      if (!breaks.pairCodeReusable) codeHash = null;
      connection = { tenantId: input.tenant_id, masterKey: input.byte8_api_key, ledgerUrl: input.ledger_base_url };
      lastLedgerUrl = input.ledger_base_url;
      return send(200, []);
    }
    if (!inboundOk(req.headers.authorization)) return send(401, { message: 'The consumer isn\'t authorized.' });
    if (req.method === 'POST' && path === '/rest/V1/byte8/sync-state') {
      const input = JSON.parse(body);
      if (!breaks.ignoreCallbacks) chips.set(input.magento_entity_id, input.sync_status);
      return send(200, []);
    }
    const match = /^\/rest\/V1\/byte8\/invoice\/(\d+)$/.exec(path);
    if (req.method === 'GET' && match) {
      const id = Number(match[1]);
      if (!invoices.has(id)) return breaks.missingIs500 ? send(500, { message: 'Internal Error' }) : send(404, { message: 'No such entity.' });
      const invoice = invoiceFixture({ magento_id: id, increment_id: String(id).padStart(9, '0') });
      return send(200, breaks.invalidCanonical ? { ...invoice, grand_total: String(invoice.grand_total) } : invoice);
    }
    return send(404, { message: 'Route not found.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    inboundBaseUrl: `http://127.0.0.1:${port}`,
    provider: 'sage_accounting',
    async generatePairingCode() {
      const code = createHash('md5').update(randomUUID()).digest('hex');
      codeHash = sha256(code);
      return code;
    },
    async createInvoice() {
      const id = nextId++;
      invoices.add(id);
      const row: Row = {
        key: `invoice.created:${id}`,
        event: 'invoice.created',
        entityId: id,
        status: 'pending',
        body: JSON.stringify({ magento_entity_id: id, website_id: 1, store_id: 1, occurred_at: '2026-04-30T10:11:12Z', payload: { increment_id: String(id), paid: false } }),
      };
      if (!breaks.skipOutboxRow) outbox.push(row);
      if (!breaks.skipPendingChip) chips.set(id, 'pending');
      if (breaks.deliverOnSave && connection) await deliver(row);
      return id;
    },
    async drain() {
      if (connection === null && !breaks.drainWhileDisconnected) return;
      if (connection === null) connection = { tenantId: 'gone', masterKey: 'gone', ledgerUrl: lastLedgerUrl };
      for (const row of outbox.filter((r) => r.status === 'pending')) await deliver(row);
    },
    async syncStatus(_type, id) {
      return chips.get(id) ?? 'none';
    },
    async deadLetterCount() {
      return outbox.filter((r) => r.status === 'dead_lettered').length;
    },
    async requeueAll() {
      const dead = outbox.filter((r) => r.status === 'dead_lettered');
      if (!breaks.neverRequeue) for (const row of dead) row.status = 'pending';
      return dead.length;
    },
    async disconnect() {
      if (connection === null) return;
      const c = connection;
      if (!breaks.disconnectSilently) {
        await fetch(`${c.ledgerUrl}/v1/tenant/disconnect`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${outboundToken()}`,
            'content-type': 'application/json',
            'idempotency-key': `disconnect:${createHash('sha1').update(c.tenantId).digest('hex')}`,
          },
          body: '{}',
        }).then((r) => r.text(), () => '');
      }
      if (!breaks.disconnectKeepsCredentials) connection = null;
      if (breaks.disconnectDropsPending) for (const row of outbox) if (row.status === 'pending') row.status = 'dead_lettered';
    },
    async isConnected() {
      return connection !== null;
    },
    async pendingOutboxCount() {
      return outbox.filter((r) => r.status === 'pending').length;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
