import type { OutboxRow, Random } from '@byte8/core';
import { describe, expect, it } from 'vitest';
import { BACKOFF_LADDER_SECONDS, nextAttemptAt } from './backoff.js';
import { MAX_ERROR_BODY_BYTES, TRUNCATION_MARKER, cutBody, outcomeFor } from './outcome-for.js';

/** A Random whose fraction is fixed: 0 -> -10 %, 0.5 -> exact, ~1 -> +10 %. */
const fixedFraction = (fraction: number): Random => ({
  bytes: () => {
    const n = Math.min(Math.floor(fraction * 2 ** 32), 2 ** 32 - 1);
    return new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  },
  uuid: () => '00000000-0000-4000-8000-000000000000',
});
const middle = fixedFraction(0.5);
const at = new Date('2026-01-01T00:00:00Z');
const row = (attempts = 0): OutboxRow => ({
  id: 7,
  provider: 'sage_accounting',
  tenantId: 't',
  eventName: 'invoice.created',
  idempotencyKey: 'invoice.created:1',
  body: '{}',
  entityType: 'invoice',
  entityId: 1,
  status: 'pending',
  attempts,
  attemptsStarted: attempts + 1,
  lastStatusCode: null,
  lastAttemptAt: null,
  nextAttemptAt: null,
  lastError: null,
  leaseOwner: 'w',
  leaseExpiresAt: null,
  createdAt: at,
});
const policy = { maxAttempts: 10, random: middle };
const answer = (statusCode: number, body = '', retryAfterMs: number | null = null) =>
  ({ kind: 'response', statusCode, body, retryAfterMs }) as const;

describe('outcomeFor (wire-contract §6.5, §6.8; design §5)', () => {
  it('records any 2xx as succeeded with its status', () => {
    for (const code of [200, 202, 204, 299]) {
      expect(outcomeFor(row(), answer(code), at, policy)).toEqual({ kind: 'succeeded', id: 7, statusCode: code, at });
    }
  });

  it('dead-letters a deterministic 4xx on the first try with HTTP <code>: <body>', () => {
    for (const code of [400, 401, 403, 404, 409, 422, 499]) {
      expect(outcomeFor(row(), answer(code, '{"error":"no"}'), at, policy)).toEqual({
        kind: 'dead_lettered',
        id: 7,
        statusCode: code,
        error: `HTTP ${code}: {"error":"no"}`,
        at,
      });
    }
  });

  it('retries 408, 425, 429, 5xx, 3xx, 1xx and network errors on the ladder', () => {
    for (const code of [408, 425, 429, 500, 502, 503, 504, 301, 302, 100]) {
      const outcome = outcomeFor(row(), answer(code), at, policy);
      expect(outcome).toMatchObject({ kind: 'retry', statusCode: code, nextAttemptAt: new Date(at.getTime() + 60_000) });
    }
    const network = outcomeFor(row(2), { kind: 'network-error', message: 'ECONNREFUSED' }, at, policy);
    expect(network).toMatchObject({ kind: 'retry', statusCode: null, nextAttemptAt: new Date(at.getTime() + 1_800_000) });
    expect(network.kind === 'retry' && network.error).toMatch(/Network error .*ECONNREFUSED/);
  });

  it('dead-letters with the transient_exhausted prefix once maxAttempts attempts finished', () => {
    const outcome = outcomeFor(row(9), answer(503), at, policy);
    expect(outcome).toMatchObject({ kind: 'dead_lettered', statusCode: null });
    expect(outcome.kind === 'dead_lettered' && outcome.error).toMatch(/^transient_exhausted: Byte8 returned HTTP 503/);
    expect(outcomeFor(row(8), answer(503), at, policy).kind).toBe('retry');
    expect(outcomeFor(row(2), answer(503), at, { ...policy, maxAttempts: 3 }).kind).toBe('dead_lettered');
  });

  it('honours Retry-After when it is longer than the ladder step, never shorter', () => {
    expect(outcomeFor(row(), answer(429, '', 600_000), at, policy)).toMatchObject({ nextAttemptAt: new Date(at.getTime() + 600_000) });
    expect(outcomeFor(row(), answer(429, '', 5_000), at, policy)).toMatchObject({ nextAttemptAt: new Date(at.getTime() + 60_000) });
    // A hostile Retry-After cannot park a row for more than a day.
    expect(outcomeFor(row(), answer(503, '', 30 * 86_400_000), at, policy)).toMatchObject({
      nextAttemptAt: new Date(at.getTime() + 86_400_000),
    });
  });

  it('cuts long bodies at 8 KiB on a character boundary and marks the cut', () => {
    const long = 'é'.repeat(MAX_ERROR_BODY_BYTES);
    const cut = cutBody(long);
    expect(cut.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(Buffer.byteLength(cut.slice(0, -TRUNCATION_MARKER.length))).toBe(MAX_ERROR_BODY_BYTES);
    expect(cut).not.toContain('\ufffd');
    expect(cutBody('short')).toBe('short');
    const outcome = outcomeFor(row(), answer(400, 'x'.repeat(20_000)), at, policy);
    expect(outcome.kind === 'dead_lettered' && outcome.error.length).toBe(`HTTP 400: `.length + MAX_ERROR_BODY_BYTES + TRUNCATION_MARKER.length);
  });
});

describe('nextAttemptAt (wire-contract §6.6 ladder)', () => {
  it('follows the ladder, capped at the last step', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (nextAttemptAt(at, n, null, middle).getTime() - at.getTime()) / 1000);
    expect(delays).toEqual([60, 300, 1800, 7200, 21600, 43200, 86400, 86400, 86400]);
    expect(BACKOFF_LADDER_SECONDS).toEqual([60, 300, 1800, 7200, 21600, 43200, 86400]);
  });

  it('spreads retries by +/-10 % jitter', () => {
    const low = nextAttemptAt(at, 2, null, fixedFraction(0)).getTime() - at.getTime();
    const high = nextAttemptAt(at, 2, null, fixedFraction(0.999999)).getTime() - at.getTime();
    expect(low).toBe(270_000);
    expect(high).toBeGreaterThan(329_000);
    expect(high).toBeLessThanOrEqual(330_000);
  });
});
