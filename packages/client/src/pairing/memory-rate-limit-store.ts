import type { RateLimitStore } from '@byte8/core';

/** `RateLimitStore` in this process's memory: for a handler with no database to share (each process counts alone). */
export function createMemoryRateLimitStore(): RateLimitStore {
  const buckets = new Map<string, { windowStart: number; hits: number }>();
  return {
    async hit(bucket, windowStart) {
      const start = windowStart.getTime();
      const current = buckets.get(bucket);
      const hits = current && current.windowStart === start ? current.hits + 1 : 1;
      buckets.set(bucket, { windowStart: start, hits });
      return hits;
    },
    async unhit(bucket, windowStart) {
      const current = buckets.get(bucket);
      if (current && current.windowStart === windowStart.getTime() && current.hits > 0) current.hits -= 1;
    },
    async purgeBefore(before) {
      let purged = 0;
      for (const [bucket, entry] of buckets) {
        if (entry.windowStart < before.getTime()) {
          buckets.delete(bucket);
          purged += 1;
        }
      }
      return purged;
    },
  };
}
