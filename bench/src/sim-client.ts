import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What the simulator counted (a subset of its `SimulatorStats`). */
export interface SimStats {
  readonly deliveries: number;
  readonly accepted: number;
  readonly uniqueKeys: number;
  readonly duplicateDeliveries: number;
  readonly rejected: number;
  /** JWTs the counting sink checked (1 in `verifyEvery`); the simulator checks every one and leaves this out. */
  readonly verified?: number;
  /** CPU time the simulator process used so far (user + system), in microseconds. */
  readonly cpuMicros: number;
}

/** Which stand-in answers the deliveries: the full simulator, or the counting sink that costs next to nothing. */
export type SinkKind = 'simulator' | 'counting';

/** A LedgerSimulator, or the counting sink, running in a child process (same IPC protocol). */
export class SimProcess {
  readonly #child: ChildProcess;
  readonly #waiting = new Map<number, (result: unknown) => void>();
  #next = 1;

  private constructor(
    child: ChildProcess,
    readonly url: string,
    readonly kind: SinkKind,
  ) {
    this.#child = child;
    child.on('message', (message: { id: number; result: unknown }) => {
      this.#waiting.get(message.id)?.(message.result);
      this.#waiting.delete(message.id);
    });
  }

  /** `record`: keep every exchange, so `receipts()` can answer (latency runs); off by default to keep it cheap. */
  static async start(options: { readonly record?: boolean } = {}): Promise<SimProcess> {
    return SimProcess.#fork('simulator', './sim-process.js', options.record ? ['--record'] : []);
  }

  /**
   * The counting sink (`sink/counting-sink-process.ts`): 202 to every webhook, counts keys and
   * duplicates, verifies the JWT of 1 request in `verifyEvery` (0: none).
   */
  static async startCounting(options: { readonly record?: boolean; readonly verifyEvery?: number } = {}): Promise<SimProcess> {
    const args = ['--verify-every', String(options.verifyEvery ?? 100), ...(options.record ? ['--record'] : [])];
    return SimProcess.#fork('counting', './sink/counting-sink-process.js', args);
  }

  static async #fork(kind: SinkKind, script: string, args: string[]): Promise<SimProcess> {
    // No inherited Node flags: a test runner's (e.g. a `source` condition) would load TypeScript sources.
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), args, { stdio: 'inherit', execArgv: [] });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (message: { result: string }) => resolve(message.result));
      child.once('exit', (code) => reject(new Error(`${kind} process exited with ${code}`)));
    });
    return new SimProcess(child, url, kind);
  }

  #call<T>(op: string, fields: Record<string, unknown> = {}): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve) => {
      this.#waiting.set(id, resolve as (result: unknown) => void);
      this.#child.send({ op, id, ...fields });
    });
  }

  register(tenantId: string, masterKey: string): Promise<boolean> {
    return this.#call('register', { tenantId, masterKey });
  }

  stats(): Promise<SimStats> {
    return this.#call('stats');
  }

  /** Pid of the simulator process (CPU accounting). */
  get pid(): number {
    return this.#child.pid ?? 0;
  }

  /** Idempotency key and answer time (epoch ms) of every accepted delivery; needs `record`. */
  receipts(): Promise<Array<[string, number]>> {
    return this.#call('receipts');
  }

  async stop(): Promise<void> {
    await this.#call('stop');
  }
}
