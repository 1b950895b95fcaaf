import { SageApiError, type SageErrorItem, sageErrorItem } from '../http/sage-error.js';

/** Sage's wording for a missing field (c.8, third-party reports of `line_items.tax_rate_id`). */
export const REQUIRED = 'This field is required.';

/**
 * Collects every problem of one request, so a 422 lists them all at once as
 * Sage does, then throws them as one `SageApiError`.
 */
export class Violations {
  readonly #items: SageErrorItem[] = [];

  add(source: string, message: string, dataCode = 'RecordInvalid'): void {
    // Lines share one flattened `$source` (`line_items.tax_rate_id`), so the same problem on two lines is one entry.
    if (this.#items.some((item) => item.$source === source && item.$message === message)) return;
    this.#items.push(sageErrorItem(dataCode, message, source));
  }

  get empty(): boolean {
    return this.#items.length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw new SageApiError(422, [...this.#items]);
  }
}
