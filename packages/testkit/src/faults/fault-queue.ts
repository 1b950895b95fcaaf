interface QueuedFault<Reply, Target> {
  remaining: number;
  readonly target: Target;
  readonly label: string;
  readonly reply: Reply;
}

/** A fault taken from the queue: what to answer, and a label for the records. */
export interface TakenFault<Reply> {
  readonly label: string;
  readonly reply: Reply;
}

/**
 * Faults waiting to be served, first queued first served. Each fault answers
 * `count` requests whose target matches; the simulators decide what a target is
 * (a webhook event, a method and path) and what a reply is.
 */
export class FaultQueue<Reply, Target> {
  readonly #queue: QueuedFault<Reply, Target>[] = [];

  push(count: number, label: string, reply: Reply, target: Target): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`fault count must be a positive integer, got ${count}`);
    this.#queue.push({ remaining: count, target, label, reply });
  }

  /** Uses up one answer of the first queued fault whose target `matches`, if any. */
  take(matches: (target: Target) => boolean): TakenFault<Reply> | null {
    const index = this.#queue.findIndex((fault) => matches(fault.target));
    const fault = this.#queue[index];
    if (fault === undefined) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#queue.splice(index, 1);
    return { label: fault.label, reply: fault.reply };
  }

  /** Answers still queued. */
  get pending(): number {
    return this.#queue.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  clear(): void {
    this.#queue.length = 0;
  }
}
