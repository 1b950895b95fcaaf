import { createHash, randomBytes } from 'node:crypto';

/** A fresh id in Sage's format: 32 lower-case hex characters. */
export function newSageId(): string {
  return randomBytes(16).toString('hex');
}

/** A stable id in the same format for seeded objects, so tests and demos can name them. */
export function seedId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
