/** One entry of Sage's v3.1 error array (c.4). */
export interface SageErrorItem {
  /** `$severity`, e.g. `error`. */
  readonly severity: string;
  /** `$dataCode`, e.g. `RecordInvalid`, `AuthenticationFailure`. */
  readonly dataCode: string;
  /** `$message`. */
  readonly message: string;
  /** `$source`: a field path (`line_items.tax_rate_id`), `base`, or empty. */
  readonly source: string;
}

const MAX_ITEMS = 50;
const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

/**
 * Reads Sage's error body (c.4): a JSON array of `{ $severity, $dataCode,
 * $message, $source }`. A single object is taken as a one-item array; any
 * other body gives no items (the status still says what happened).
 */
export function parseSageErrorItems(body: string): SageErrorItem[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const list = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? [value] : [];
  return list
    .slice(0, MAX_ITEMS)
    .filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && ('$message' in item || '$dataCode' in item))
    .map((item) => ({
      severity: text(item.$severity, 32) || 'error',
      dataCode: text(item.$dataCode, 128),
      message: text(item.$message, 1000),
      source: text(item.$source, 256),
    }));
}
