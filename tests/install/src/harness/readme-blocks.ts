import { readFileSync } from 'node:fs';

/**
 * The fenced code blocks of a README, so a test runs what the README says
 * instead of its own copy (a README that drifts fails the test).
 */
export class ReadmeBlocks {
  readonly #blocks: string[];

  constructor(readonly path: string) {
    this.#blocks = [...readFileSync(path, 'utf8').matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
  }

  /** The one block whose first line is `firstLine` (e.g. `// medusa-config.ts`). */
  file(firstLine: string): string {
    return this.#only(`starting with ${firstLine}`, (block) => block.split('\n', 1)[0]!.trim() === firstLine);
  }

  /** The one line, in any block, that starts with `prefix` (continuation lines joined). */
  line(prefix: string): string {
    const lines = this.#blocks.flatMap((block) => block.replace(/\\\n\s*/g, '').split('\n'));
    const found = lines.filter((line) => line.startsWith(prefix));
    if (found.length !== 1) throw new Error(`${this.path}: expected one line starting with "${prefix}", found ${found.length}`);
    return found[0]!;
  }

  #only(what: string, test: (block: string) => boolean): string {
    const found = this.#blocks.filter(test);
    if (found.length !== 1) throw new Error(`${this.path}: expected one code block ${what}, found ${found.length}`);
    return found[0]!;
  }
}
