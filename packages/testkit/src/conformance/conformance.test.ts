import { describe, expect, it } from 'vitest';
import {
  CONFORMANCE_CHECKS,
  type ConformanceCheck,
  disconnectKeepsPending,
  drainDeliversAndSyncs,
  fourXxDeadLetters,
  pairsWithTheLedger,
  pullsAreGuarded,
  requeueDelivers,
  savedInvoiceIsPending,
} from './conformance-checks.js';
import { ConformanceError } from './conformance-harness.js';
import { type Breaks, startReferenceHost } from './reference-host.test-helpers.js';
import { runHostConformance } from './run-host-conformance.js';

// The suite as an adapter runs it, against a host that follows the contract.
runHostConformance('reference host', () => startReferenceHost(), { settleTimeoutMs: 2000 });

describe('the conformance suite fails on a host that skips a step', () => {
  const cases: Array<[keyof Breaks, ConformanceCheck, RegExp]> = [
    ['pairAcceptsAnyCode', pairsWithTheLedger, /wrong code/],
    ['pairCodeReusable', pairsWithTheLedger, /used code/],
    ['skipPendingChip', savedInvoiceIsPending, /chip shows 'none', expected 'pending'/],
    ['skipOutboxRow', savedInvoiceIsPending, /no pending outbox row/],
    ['deliverOnSave', savedInvoiceIsPending, /called the ledger while saving/],
    ['skipOutboxRow', drainDeliversAndSyncs, /accepted no invoice.created/],
    ['invalidCanonical', drainDeliversAndSyncs, /broke the canonical schema: grand_total/],
    ['ignoreCallbacks', drainDeliversAndSyncs, /chip shows 'pending', expected 'synced'/],
    ['retry4xx', fourXxDeadLetters, /banner counts 0/],
    ['neverRequeue', requeueDelivers, /still counts the requeued row/],
    ['missingIs500', pullsAreGuarded, /missing invoice was answered 500/],
    ['noPullAuth', pullsAreGuarded, /expired token was answered 200/],
    ['noReplayCheck', pullsAreGuarded, /replayed jti was answered 200/],
    ['disconnectKeepsCredentials', disconnectKeepsPending, /still reports itself connected/],
    ['disconnectSilently', disconnectKeepsPending, /ledger was not told/],
    ['disconnectDropsPending', disconnectKeepsPending, /pending rows went from 1 to 0/],
    ['drainWhileDisconnected', disconnectKeepsPending, /delivered while disconnected/],
  ];

  it.each(cases.map(([flag, check, message]) => [flag, check.name, check, message] as const))('breaking %s fails "%s"', async (flag, _name, check, message) => {
    const error = await check.run(() => startReferenceHost({ [flag]: true }), { settleTimeoutMs: 300 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConformanceError);
    expect((error as Error).message).toMatch(message);
  });

  it('every check passes on the reference host when called as a plain function', async () => {
    for (const c of CONFORMANCE_CHECKS) await expect(c.run(() => startReferenceHost())).resolves.toBeUndefined();
  });

  it('every break is caught by at least one check', async () => {
    const flags: Array<keyof Breaks> = [
      'pairAcceptsAnyCode', 'pairCodeReusable', 'skipPendingChip', 'skipOutboxRow', 'deliverOnSave', 'ignoreCallbacks', 'invalidCanonical',
      'retry4xx', 'neverRequeue', 'missingIs500', 'noPullAuth', 'noReplayCheck', 'disconnectKeepsCredentials', 'disconnectSilently',
      'disconnectDropsPending', 'drainWhileDisconnected',
    ];
    for (const flag of flags) {
      const results = await Promise.allSettled(CONFORMANCE_CHECKS.map((c) => c.run(() => startReferenceHost({ [flag]: true }), { settleTimeoutMs: 300 })));
      expect(results.some((r) => r.status === 'rejected'), `no check failed with ${flag}`).toBe(true);
    }
  }, 60_000);

  it('closes the host even when a check fails', async () => {
    let closed = false;
    const error = await savedInvoiceIsPending
      .run(async () => {
        const host = await startReferenceHost({ skipPendingChip: true });
        return { ...host, close: async () => { closed = true; await host.close(); } };
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConformanceError);
    expect(closed).toBe(true);
  });
});
