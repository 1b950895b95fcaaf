import type { ConformanceOptions, MakeConformanceHost } from './conformance-host.js';
import { expectChip, expectThat, type Harness, pairHost, withHarness } from './conformance-harness.js';

/** One step of the host contract, runnable on its own against a fresh host. */
export interface ConformanceCheck {
  readonly name: string;
  run(makeHost: MakeConformanceHost, options?: ConformanceOptions): Promise<void>;
}

const check = (name: string, body: (h: Harness) => Promise<void>): ConformanceCheck => ({
  name,
  run: (makeHost, options = {}) => withHarness(makeHost, options, body),
});

const acceptedInvoiceDeliveries = (h: Harness, tenantId: string, id: number) =>
  h.sim.deliveries.filter(
    (d) => d.status === 202 && d.tenantId === tenantId && d.event === 'invoice.created' && d.envelope?.magento_entity_id === id,
  );

/** Pairing: a fresh code pairs, a wrong code and a used code do not. */
export const pairsWithTheLedger = check('pairs with the ledger using a single-use pairing code', async (h) => {
  const wrong = await h.sim.pair(h.host.inboundBaseUrl, 'f'.repeat(32), { provider: h.host.provider, ...(h.host.pairPath ? { pairPath: h.host.pairPath } : {}) });
  expectThat(wrong.status >= 400 && wrong.status < 500, `pairing: a wrong code was answered ${wrong.status}, expected a 4xx`);
  expectThat(!(await h.host.isConnected()), 'pairing: a wrong code left the host connected');
  const code = await h.host.generatePairingCode();
  const options = { provider: h.host.provider, ...(h.host.pairPath ? { pairPath: h.host.pairPath } : {}) };
  const first = await h.sim.pair(h.host.inboundBaseUrl, code, options);
  expectThat(first.status === 200, `pairing: a fresh code was answered ${first.status}, expected 200`);
  expectThat(await h.host.isConnected(), 'pairing: the host does not report itself connected after a 200');
  const reused = await h.sim.pair(h.host.inboundBaseUrl, code, options);
  expectThat(reused.status === 401, `pairing: a used code was answered ${reused.status}, expected 401 (codes are single use)`);
});

/** Saving an invoice writes a pending outbox row and the pending chip, without calling the ledger. */
export const savedInvoiceIsPending = check('a saved invoice shows pending before any delivery', async (h) => {
  await pairHost(h);
  const id = await h.host.createInvoice();
  expectThat(Number.isInteger(id) && id > 0, `createInvoice returned ${id}, expected a positive integer wire id`);
  expectThat((await h.host.syncStatus('invoice', id)) === 'pending', `save: the chip shows '${await h.host.syncStatus('invoice', id)}', expected 'pending'`);
  expectThat(h.sim.stats.deliveries === 0, 'save: the host called the ledger while saving; delivery belongs to the worker');
  expectThat((await h.host.pendingOutboxCount()) >= 1, 'save: no pending outbox row after saving an invoice');
});

/** Draining delivers the event, the ledger pulls a valid invoice and calls back, the chip turns synced. */
export const drainDeliversAndSyncs = check('drain delivers the event and the callback turns the chip synced', async (h) => {
  const tenantId = await pairHost(h);
  const id = await h.host.createInvoice();
  await h.host.drain();
  expectThat(acceptedInvoiceDeliveries(h, tenantId, id).length >= 1, `drain: the ledger accepted no invoice.created for invoice ${id} (deliveries: ${JSON.stringify(h.sim.deliveries.map((d) => [d.event, d.status, d.error]))})`);
  const delivery = acceptedInvoiceDeliveries(h, tenantId, id)[0]!;
  expectThat(delivery.provider === h.host.provider, `drain: delivered for provider '${delivery.provider}', expected '${h.host.provider}'`);
  expectThat((await h.host.pendingOutboxCount()) === 0, 'drain: rows are still pending after a 202');
  await h.sim.idle();
  const pull = h.sim.pulls.find((p) => p.entityType === 'invoice' && p.entityId === id);
  expectThat(pull !== undefined, 'pull: the ledger did not pull the invoice');
  expectThat(pull.valid, `pull: GET invoice/${id} answered ${pull.status} and broke the canonical schema: ${pull.issues.join('; ')}`);
  const callback = h.sim.callbacks.find((c) => c.body.magento_entity_id === id);
  expectThat(callback !== undefined && callback.status >= 200 && callback.status < 300, `callback: sync-state was answered ${callback?.status}, expected 2xx`);
  await expectChip(h, id, 'synced', 'callback');
});

/** A 4xx is deterministic: dead-lettered after one attempt, counted in the banner, not retried. */
export const fourXxDeadLetters = check('a 4xx dead-letters on the first try and shows in the banner count', async (h) => {
  const tenantId = await pairHost(h);
  h.sim.faults.failNext(1, 422, { error: 'rejected by test' }, { event: 'invoice.created' });
  const id = await h.host.createInvoice();
  await h.host.drain();
  const attempts = () => h.sim.deliveries.filter((d) => d.event === 'invoice.created' && d.tenantId === tenantId).length;
  expectThat(attempts() === 1, `4xx: the ledger saw ${attempts()} invoice.created attempts in one drain, expected exactly 1`);
  expectThat((await h.host.deadLetterCount()) === 1, `4xx: the banner counts ${await h.host.deadLetterCount()} dead letters, expected 1`);
  expectThat((await h.host.pendingOutboxCount()) === 0, '4xx: the row is still pending; a 4xx must dead-letter on the first try');
  await h.host.drain();
  expectThat(attempts() === 1, '4xx: a dead letter was sent again without a requeue');
  expectThat((await h.host.syncStatus('invoice', id)) === 'pending', '4xx: the chip changed although the ledger never accepted the event');
});

/** Requeue puts a dead letter back; the next drain delivers it. */
export const requeueDelivers = check('requeue delivers a dead letter', async (h) => {
  const tenantId = await pairHost(h);
  h.sim.faults.failNext(1, 400, undefined, { event: 'invoice.created' });
  const id = await h.host.createInvoice();
  await h.host.drain();
  expectThat((await h.host.deadLetterCount()) === 1, 'requeue: setup did not dead-letter the event on a 400');
  const requeued = await h.host.requeueAll();
  expectThat(requeued === 1, `requeue: requeueAll returned ${requeued}, expected 1`);
  expectThat((await h.host.deadLetterCount()) === 0, 'requeue: the banner still counts the requeued row');
  await h.host.drain();
  expectThat(acceptedInvoiceDeliveries(h, tenantId, id).length === 1, 'requeue: the drain after requeue did not deliver the event');
  await expectChip(h, id, 'synced', 'requeue');
});

/** The canonical routes answer 404 for a missing entity and 401 without a valid token. */
export const pullsAreGuarded = check('a pull of a missing entity is 404, a pull without a valid token is 401', async (h) => {
  const tenantId = await pairHost(h);
  const id = await h.host.createInvoice();
  const missing = await h.sim.pull(tenantId, 'invoice', 999_999_999);
  expectThat(missing.status === 404, `pull: a missing invoice was answered ${missing.status}, expected 404`);
  const found = await h.sim.pull(tenantId, 'invoice', id);
  expectThat(found.status === 200, `pull: the saved invoice ${id} was answered ${found.status}, expected 200`);
  const expired = h.sim.mintInboundToken(tenantId, { now: Math.floor(Date.now() / 1000) - 3600 });
  const refused = await h.sim.pull(tenantId, 'invoice', id, { token: expired });
  expectThat(refused.status === 401, `pull: an expired token was answered ${refused.status}, expected 401`);
  const token = h.sim.mintInboundToken(tenantId);
  expectThat((await h.sim.pull(tenantId, 'invoice', id, { token })).status === 200, 'pull: a fresh token was refused');
  const replay = await h.sim.pull(tenantId, 'invoice', id, { token });
  expectThat(replay.status === 401, `pull: a replayed jti was answered ${replay.status}, expected 401`);
});

/** Disconnect tells the ledger, clears credentials, and keeps pending rows without sending them. */
export const disconnectKeepsPending = check('disconnect clears credentials and keeps pending rows', async (h) => {
  const tenantId = await pairHost(h);
  await h.host.createInvoice();
  const pending = await h.host.pendingOutboxCount();
  expectThat(pending >= 1, 'disconnect: setup left no pending row');
  await h.host.disconnect();
  expectThat(!(await h.host.isConnected()), 'disconnect: the host still reports itself connected');
  expectThat(h.sim.tenant(tenantId)?.disconnected === true, 'disconnect: the ledger was not told (POST /v1/tenant/disconnect with a valid token, key and body)');
  expectThat((await h.host.pendingOutboxCount()) === pending, `disconnect: pending rows went from ${pending} to ${await h.host.pendingOutboxCount()}; they must be kept`);
  await h.host.drain();
  expectThat(h.sim.stats.deliveries === 0, 'disconnect: the worker delivered while disconnected');
  expectThat((await h.host.pendingOutboxCount()) === pending, 'disconnect: draining while disconnected changed the pending rows');
});

/** Every check, in the order of the merchant's story. */
export const CONFORMANCE_CHECKS: readonly ConformanceCheck[] = [
  pairsWithTheLedger,
  savedInvoiceIsPending,
  drainDeliversAndSyncs,
  fourXxDeadLetters,
  requeueDelivers,
  pullsAreGuarded,
  disconnectKeepsPending,
];
