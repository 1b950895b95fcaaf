/**
 * Runs `task` over `items` with at most `concurrency` in flight and returns
 * the results in input order. `shouldStart` is asked before each item: once it
 * says no, the remaining items are left unstarted (their result is undefined).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
  shouldStart: () => boolean = () => true,
): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = Array.from({ length: items.length }, () => undefined);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length && shouldStart()) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}
