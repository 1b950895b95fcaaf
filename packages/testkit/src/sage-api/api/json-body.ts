import { hasMediaType } from '../http/form-body.js';
import { SageApiError, sageErrorItem } from '../http/sage-error.js';
import type { Input } from '../validation/field-reader.js';
import { REQUIRED } from '../validation/violations.js';

const isObject = (value: unknown): value is Input => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The object under `rootKey` of a JSON body (c.6: bodies are wrapped in the
 * singular root key). 415 for another media type (c.4); 400 for broken JSON.
 */
export function readRootObject(headers: Readonly<Record<string, string>>, body: string, rootKey: string): Input {
  if (!hasMediaType(headers['content-type'], 'application/json')) {
    throw new SageApiError(415, [sageErrorItem('UnsupportedMediaType', 'Content-Type must be application/json')]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SageApiError(400, [sageErrorItem('BadRequest', 'The request body is not valid JSON')]);
  }
  const root = isObject(parsed) ? parsed[rootKey] : undefined;
  if (!isObject(root)) throw new SageApiError(422, [sageErrorItem('RecordInvalid', REQUIRED, rootKey)]);
  return root;
}
