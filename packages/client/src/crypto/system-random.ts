import { randomBytes, randomUUID } from 'node:crypto';
import type { Random } from '@byte8/core';

/** The default `Random`: node's CSPRNG (jtis, jitter, pairing codes). */
export const systemRandom: Random = {
  bytes: (length) => new Uint8Array(randomBytes(length)),
  uuid: () => randomUUID(),
};
