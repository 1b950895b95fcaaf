/**
 * A ledger stand-in that costs next to nothing: a `node:http` server in its
 * own process answering every webhook POST with 202 `{"sync_run_id": ...}`.
 * It counts requests, distinct idempotency keys per tenant and duplicates (a
 * key the tenant sent before), so a drain can still be checked for exactly-once delivery, and it
 * verifies the JWT of one request in `--verify-every N` (0: none) with the
 * simulator's own verifier, so the transport stays honest without the sink's
 * CPU bounding the drain. Same IPC protocol as the simulator's process:
 * the parent sends `{ op, id, ... }`, the child answers `{ id, result }`.
 */
import { createServer } from 'node:http';
import { deriveSimSubkey, verifyOutboundToken } from '@byte8/testkit';

type Request =
  | { readonly op: 'register'; readonly id: number; readonly tenantId: string; readonly masterKey: string }
  | { readonly op: 'stats'; readonly id: number }
  | { readonly op: 'receipts'; readonly id: number }
  | { readonly op: 'stop'; readonly id: number };

const verifyFlag = process.argv.indexOf('--verify-every');
const verifyEvery = verifyFlag >= 0 ? Number(process.argv[verifyFlag + 1]) : 0;
const record = process.argv.includes('--record');

const subkeys = new Map<string, Buffer>();
const seen = new Set<string>();
const receipts: Array<[string, number]> = [];
let deliveries = 0;
let duplicates = 0;
let rejected = 0;
let verified = 0;
let runCounter = 0;

/** `{"sync_run_id":"…"}` with a distinct id per answer, built without crypto (the sink must stay cheap). */
function answerBody(): Buffer {
  runCounter++;
  const tail = runCounter.toString(16).padStart(12, '0');
  return Buffer.from(`{"sync_run_id":"00000000-0000-4000-8000-${tail}"}`);
}

/** `/webhooks/magento/{tenant}/{event}`: the tenant segment, or null. */
function tenantOf(url: string): string | null {
  const match = /^\/webhooks\/magento\/([^/?]+)\//.exec(url);
  return match ? decodeURIComponent(match[1]!) : null;
}

function verify(authorization: string | undefined, url: string): string | null {
  const tenant = tenantOf(url);
  if (tenant === null) return 'bad_route';
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
  const result = verifyOutboundToken(token, {
    expectedTenant: tenant,
    keyFor: (t) => subkeys.get(t) ?? null,
    now: Math.floor(Date.now() / 1000),
    // Sampled checks do not keep a jti cache: replay is the simulator's job.
    seen: () => false,
  });
  verified++;
  return result.ok ? null : result.reason;
}

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const count = ++deliveries;
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string' || key === '') {
      rejected++;
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"missing_idempotency_key"}');
      return;
    }
    if (verifyEvery > 0 && count % verifyEvery === 0) {
      const refused = verify(req.headers.authorization, req.url ?? '');
      if (refused !== null) {
        rejected++;
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: refused }));
        return;
      }
    }
    // Keys are per tenant, as the ledger keeps them: every bench run has its own tenant and may reuse keys.
    const tenantKey = `${tenantOf(req.url ?? '') ?? ''}\n${key}`;
    if (seen.has(tenantKey)) duplicates++;
    else seen.add(tenantKey);
    if (record) receipts.push([key, Date.now()]);
    const body = answerBody();
    res.writeHead(202, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

process.on('message', async (message: Request) => {
  const answer = (result: unknown) => process.send?.({ id: message.id, result });
  switch (message.op) {
    case 'register':
      subkeys.set(message.tenantId, deriveSimSubkey(message.masterKey, 'outbound'));
      answer(true);
      break;
    case 'stats':
      answer({
        deliveries,
        accepted: deliveries - rejected,
        uniqueKeys: seen.size,
        duplicateDeliveries: duplicates,
        rejected,
        verified,
        cpuMicros: cpuMicros(),
      });
      break;
    case 'receipts':
      answer(receipts);
      break;
    case 'stop':
      server.close();
      server.closeAllConnections();
      answer(true);
      process.disconnect();
      break;
  }
});

// The parent died without `stop`: do not outlive it.
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.send?.({ id: 0, result: `http://127.0.0.1:${address.port}` });
});
