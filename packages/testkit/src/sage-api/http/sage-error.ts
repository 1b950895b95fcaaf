import { jsonReply, type SageReply } from './sage-reply.js';

/** One entry of Sage's error body, a JSON array of these (c.4). */
export interface SageErrorItem {
  readonly $severity: 'error';
  readonly $dataCode: string;
  readonly $message: string;
  readonly $source: string;
}

export function sageErrorItem(dataCode: string, message: string, source = ''): SageErrorItem {
  return { $severity: 'error', $dataCode: dataCode, $message: message, $source: source };
}

/**
 * A refusal thrown by API handlers and turned into `status` with the error
 * array as body; the router catches it so handlers stay linear.
 */
export class SageApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly SageErrorItem[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(errors.map((item) => `${item.$source || 'base'}: ${item.$message}`).join('; '));
  }

  reply(): SageReply {
    return jsonReply(this.status, this.errors, this.headers);
  }
}

/** 404 for an unknown id; the message is the one Sage sends (c.4, third-party reports). */
export const recordNotFound = (): SageApiError => new SageApiError(404, [sageErrorItem('RecordNotFound', "Couldn't find record.")]);

/** 422 with one `RecordInvalid` entry on `source`. */
export const recordInvalid = (source: string, message: string): SageApiError => new SageApiError(422, [sageErrorItem('RecordInvalid', message, source)]);
