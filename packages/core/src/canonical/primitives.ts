import { z } from 'zod';
import { WIRE_TIMESTAMP_PATTERN } from '../wire/timestamps.js';

/** Money and quantities: JSON numbers in the document currency, never minor units (wire-contract §8). */
export const money = z.number().finite();
export const wireId = z.number().int().nonnegative();
/** Required timestamps are UTC ISO, or `''` when the host value failed to parse (§8). */
export const requiredTimestamp = z.union([z.string().regex(WIRE_TIMESTAMP_PATTERN), z.literal('')]);
export const optionalTimestamp = z.string().regex(WIRE_TIMESTAMP_PATTERN).nullish();
export const optionalString = z.string().nullish();
export const optionalMoney = money.nullish();
