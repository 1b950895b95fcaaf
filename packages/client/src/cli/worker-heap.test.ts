import { describe, expect, it } from 'vitest';
import { WORKER_V8_FLAGS, commandOf, workerV8Flags } from './worker-heap.js';

describe('the worker process V8 settings', () => {
  it('finds the command past global options and their values', () => {
    expect(commandOf(['worker', '--once'])).toBe('worker');
    expect(commandOf(['--json', '--database-url', 'postgres://h/db', 'worker'])).toBe('worker');
    expect(commandOf(['--config', 'worker', 'status'])).toBe('status');
    expect(commandOf(['--log-level=debug', 'outbox', 'inspect'])).toBe('outbox');
    expect(commandOf(['--', 'worker'])).toBe('worker');
    expect(commandOf(['--json'])).toBeUndefined();
  });

  it('applies to `byte8 worker` only', () => {
    expect(workerV8Flags(['worker'], [])).toEqual(WORKER_V8_FLAGS);
    expect(WORKER_V8_FLAGS.length).toBeGreaterThan(0);
    expect(workerV8Flags(['outbox', 'inspect'], [])).toEqual([]);
    expect(workerV8Flags(['--config', 'worker', 'status'], [])).toEqual([]);
  });

  it("leaves a setting the operator gave node on its command line as they gave it", () => {
    expect(workerV8Flags(['worker'], ['--heap-growing-percent=0'])).toEqual([]);
    expect(workerV8Flags(['worker'], ['--heap_growing_percent=80'])).toEqual([]);
    expect(workerV8Flags(['worker'], ['--max-old-space-size=512', ''])).toEqual(WORKER_V8_FLAGS);
  });
});
