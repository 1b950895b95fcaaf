import { z } from 'zod';

/** Outbox row states (wire-contract §6.4). */
export const OUTBOX_STATUSES = ['pending', 'succeeded', 'dead_lettered'] as const;
export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;
