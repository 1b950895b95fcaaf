/** Base64url without padding (RFC 7515 §2), the encoding of every JWT segment. */
export function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * Strict base64url decode: returns null for characters outside the url-safe
 * alphabet or an impossible length, instead of Node's lenient best effort.
 */
export function decodeBase64url(segment: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) return null;
  return Buffer.from(segment, 'base64url');
}
