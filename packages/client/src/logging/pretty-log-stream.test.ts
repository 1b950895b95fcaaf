import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';
import { formatLogLine } from './pretty-log-stream.js';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0In0.c2lnbmF0dXJl';

/** A stream that says it is (or is not) a terminal, like process.stdout does. */
function terminal(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join(''), lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('pretty logs', () => {
  it('writes one readable, coloured line per event to a terminal', () => {
    const out = terminal(true);
    const logger = createLogger({ destination: out.stream });
    logger.info({ provider: 'sage_accounting', event: 'invoice.created', ids: [1, 2] }, 'byte8: delivered');
    logger.warn({ reason: 'ledger said no' }, 'byte8: retry');
    const lines = out.lines();
    expect(lines).toHaveLength(2);
    const ESC = String.fromCharCode(27);
    expect(lines[0]!.slice(0, 9)).toMatch(/^\d\d:\d\d:\d\d $/);
    expect(lines[0]!.slice(9)).toBe(`${ESC}[32mINFO ${ESC}[0m byte8: delivered  provider=sage_accounting event=invoice.created ids=[1,2]`);
    expect(lines[1]).toContain('WARN');
    expect(lines[1]).toContain('reason="ledger said no"');
    expect(out.text()).not.toContain('{"level"');
  });

  it('writes JSON when the destination is not a terminal', () => {
    const out = terminal(false);
    createLogger({ destination: out.stream }).info({ provider: 'sage_accounting' }, 'byte8: delivered');
    expect(JSON.parse(out.lines()[0]!)).toMatchObject({ level: 30, msg: 'byte8: delivered', provider: 'sage_accounting' });
  });

  it('follows an explicit format whatever the destination', () => {
    const pipe = terminal(false);
    createLogger({ destination: pipe.stream, format: 'pretty' }).error({ err: new Error('boom') }, 'failed');
    expect(pipe.lines()[0]).toMatch(/^\d\d:\d\d:\d\d ERROR failed {2}err="boom"$/);
    const tty = terminal(true);
    createLogger({ destination: tty.stream, format: 'json' }).info({}, 'x');
    expect(JSON.parse(tty.lines()[0]!).msg).toBe('x');
    expect(() => createLogger({ destination: pipe.stream, format: 'fancy' as never })).toThrow(/`format` must be json, pretty or auto/);
  });

  it('never prints a secret: redaction happens before the line is made pretty', () => {
    const out = terminal(true);
    createLogger({ destination: out.stream }).info(
      { token: 'tok-secret', request: { authorization: 'Bearer abc.def' }, pairingCode: 'c0ffee', note: `got ${JWT}` },
      `minted ${JWT}`,
    );
    const text = out.text();
    for (const secret of ['tok-secret', 'abc.def', 'c0ffee', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9']) expect(text).not.toContain(secret);
    expect(text).toContain('token=[redacted]');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(formatLogLine('plain text')).toBe('plain text\n');
  });
});
