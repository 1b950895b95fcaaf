import { z } from 'zod';

/** The four entity kinds the mirror tracks (wire-contract §9.1). */
export const ENTITY_TYPES = ['invoice', 'creditmemo', 'customer', 'product'] as const;
export const entityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof entityTypeSchema>;
