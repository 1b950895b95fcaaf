import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';
import { scrubSecrets } from './scrub-secrets.js';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJieXRlOCIsInN1YiI6InRlbmFudCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, records: () => lines.map((line) => JSON.parse(line) as Record<string, any>), raw: () => lines.join('\n') };
}

describe('createLogger', () => {
  it('redacts secret fields at the top level and nested', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream });
    logger.info(
      {
        token: 'abc',
        pairingCode: 'ABCD-EFGH-JKLM',
        request: { authorization: 'Bearer xyz', jwt: 'j', byte8_api_key: 'k' },
        body: { pairing_code: 'PQRS-TUVW', connection: { masterKey: 'mk-secret' } },
        provider: 'sage_accounting',
      },
      'pairing',
    );
    const [record] = out.records();
    expect(record!.token).toBe('[redacted]');
    expect(record!.pairingCode).toBe('[redacted]');
    expect(record!.request).toEqual({ authorization: '[redacted]', jwt: '[redacted]', byte8_api_key: '[redacted]' });
    expect(record!.body.pairing_code).toBe('[redacted]');
    expect(record!.body.connection.masterKey).toBe('[redacted]');
    expect(record!.provider).toBe('sage_accounting');
    for (const secret of ['abc"', 'ABCD-EFGH-JKLM', 'xyz', 'PQRS-TUVW', 'mk-secret']) expect(out.raw()).not.toContain(secret);
  });

  it('masks JWT-looking strings in messages, field values and errors', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream });
    logger.warn({ detail: `ledger answered with ${JWT} inside`, err: new Error(`bad token ${JWT}`) }, `got ${JWT}`);
    expect(out.raw()).not.toContain('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    const [record] = out.records();
    expect(record!.msg).toBe('got [redacted]');
    expect(record!.detail).toBe('ledger answered with [redacted] inside');
    expect(record!.err.message).toBe('bad token [redacted]');
  });

  it('honours the level and the child bindings', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream, level: 'warn' });
    logger.info({}, 'hidden');
    logger.debug({}, 'hidden');
    const child = logger.child({ component: 'worker', token: 'child-secret' });
    child.warn({ rows: 3 }, 'shown');
    child.error({}, 'also shown');
    const records = out.records();
    expect(records.map((r) => r.msg)).toEqual(['shown', 'also shown']);
    expect(records[0]!.component).toBe('worker');
    expect(records[0]!.level).toBe(40);
    expect(out.raw()).not.toContain('child-secret');
  });

  it('does not mutate the caller’s objects', () => {
    const out = capture();
    const fields = { token: 'keep-me', nested: { jwt: JWT } };
    createLogger({ destination: out.stream }).info(fields, 'x');
    expect(fields).toEqual({ token: 'keep-me', nested: { jwt: JWT } });
  });
});

describe('scrubSecrets', () => {
  it('masks bearer credentials and leaves ordinary text alone', () => {
    expect(scrubSecrets('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [redacted]');
    expect(scrubSecrets('invoice.created:42 delivered in 12 ms')).toBe('invoice.created:42 delivered in 12 ms');
  });
});
