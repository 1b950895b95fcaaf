/**
 * Wall-clock time of each step of each app, printed when the file ends so a CI
 * log shows where the minutes go (install with a warm cache, migrate, boot...).
 */
export class Timings {
  readonly #rows: Array<{ app: string; step: string; ms: number }> = [];

  async time<T>(app: string, step: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      this.#rows.push({ app, step, ms: Date.now() - started });
    }
  }

  report(): string {
    return this.#rows.map(({ app, step, ms }) => `${app.padEnd(14)} ${step.padEnd(28)} ${(ms / 1000).toFixed(1).padStart(7)} s`).join('\n');
  }
}
