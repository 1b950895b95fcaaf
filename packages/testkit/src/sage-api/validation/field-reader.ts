import type { SageRecord } from '../store/sage-record.js';
import type { SimBusiness } from '../store/sim-business.js';
import { REQUIRED, type Violations } from './violations.js';

export type Input = Record<string, unknown>;

interface TextRule {
  readonly required?: boolean;
  /** (c.7) maximum length. */
  readonly max?: number;
}

interface AmountRule {
  readonly required?: boolean;
  readonly min?: number;
}

interface ReferenceRule {
  readonly required?: boolean;
  /** What the error calls the object (`Contact`, `Ledger Account`). */
  readonly label: string;
  /** Only these records count as found (e.g. not deleted). */
  readonly accept?: (record: SageRecord) => boolean;
}

const isObject = (value: unknown): value is Input => typeof value === 'object' && value !== null && !Array.isArray(value);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Reads typed fields from a request object and records each problem on its
 * `$source` path (`prefix.field`). Absent and null count as not given.
 */
export class FieldReader {
  constructor(
    readonly input: Input,
    readonly violations: Violations,
    readonly prefix = '',
  ) {}

  source(field: string): string {
    return this.prefix === '' ? field : `${this.prefix}.${field}`;
  }

  has(field: string): boolean {
    return this.input[field] !== undefined && this.input[field] !== null;
  }

  #missing(field: string, required: boolean | undefined): boolean {
    if (this.has(field)) return false;
    if (required) this.violations.add(this.source(field), REQUIRED);
    return true;
  }

  /** A string (numbers are taken as their text, as a form field would be). Empty counts as missing when required. */
  text(field: string, rule: TextRule = {}): string | undefined {
    if (this.#missing(field, rule.required)) return undefined;
    const value = this.input[field];
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.violations.add(this.source(field), 'is invalid');
      return undefined;
    }
    const text = String(value);
    if (rule.required && text.trim() === '') {
      this.violations.add(this.source(field), REQUIRED);
      return undefined;
    }
    if (rule.max !== undefined && text.length > rule.max) {
      this.violations.add(this.source(field), `is too long (maximum is ${rule.max} characters)`);
    }
    return text;
  }

  /** A decimal given as a JSON number or a numeric string. */
  amount(field: string, rule: AmountRule = {}): number | undefined {
    if (this.#missing(field, rule.required)) return undefined;
    const value = this.input[field];
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (!Number.isFinite(number) || Math.abs(number) > 1e12) {
      this.violations.add(this.source(field), 'is not a number');
      return undefined;
    }
    if (rule.min !== undefined && number < rule.min) {
      this.violations.add(this.source(field), `must be greater than or equal to ${rule.min}`);
      return undefined;
    }
    return number;
  }

  /** A calendar date `YYYY-MM-DD`. */
  date(field: string, rule: { readonly required?: boolean } = {}): string | undefined {
    if (this.#missing(field, rule.required)) return undefined;
    const value = this.input[field];
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      this.violations.add(this.source(field), 'is not a valid date');
      return undefined;
    }
    return value;
  }

  bool(field: string): boolean | undefined {
    if (!this.has(field)) return undefined;
    const value = this.input[field];
    if (typeof value !== 'boolean') {
      this.violations.add(this.source(field), 'is invalid');
      return undefined;
    }
    return value;
  }

  object(field: string): Input | undefined {
    if (!this.has(field)) return undefined;
    const value = this.input[field];
    if (!isObject(value)) {
      this.violations.add(this.source(field), 'is invalid');
      return undefined;
    }
    return value;
  }

  /** An array; `required` also refuses an empty one. */
  array(field: string, rule: { readonly required?: boolean } = {}): unknown[] | undefined {
    if (this.#missing(field, rule.required)) return undefined;
    const value = this.input[field];
    if (!Array.isArray(value)) {
      this.violations.add(this.source(field), 'is invalid');
      return undefined;
    }
    if (rule.required && value.length === 0) this.violations.add(this.source(field), REQUIRED);
    return value;
  }

  /**
   * An `<name>_id` naming an object of `resource`. A missing id is reported on
   * the `_id` field; an unknown one on the association (`contact`,
   * `line_items.tax_rate`), the way (c.4)'s examples name them.
   */
  reference(field: string, resource: string, business: SimBusiness, rule: ReferenceRule): SageRecord | undefined {
    const id = this.text(field, { required: rule.required });
    if (id === undefined) return undefined;
    const record = business.row(resource, id);
    if (record === undefined || (rule.accept !== undefined && !rule.accept(record))) {
      this.violations.add(this.source(field.replace(/_id$/, '')), `Couldn't find ${rule.label}.`);
      return undefined;
    }
    return record;
  }

  /** Reads `field` as an object (or an empty one) for nested checks under `field.`. */
  nested(field: string): FieldReader | undefined {
    const value = this.object(field);
    return value === undefined ? undefined : new FieldReader(value, this.violations, this.source(field));
  }

  /** A reader for `value` (an element of an array) under `source`, or undefined with a violation when it is not an object. */
  static element(value: unknown, violations: Violations, source: string): FieldReader | undefined {
    if (!isObject(value)) {
      violations.add(source, 'is invalid');
      return undefined;
    }
    return new FieldReader(value, violations, source);
  }
}
