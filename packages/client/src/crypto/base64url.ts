/**
 * Strict base64url (RFC 4648 §5, no padding) as the Magento verifier reads
 * JWT segments (wire-contract §3.3.2 step 3): any character outside the URL
 * alphabet, or a length that cannot be unpadded base64, makes it null.
 */
export function decodeBase64Url(segment: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) return null;
  const bytes = Buffer.from(segment, 'base64url');
  // Non-canonical trailing bits would decode the same bytes from two strings.
  if (bytes.toString('base64url') !== segment) return null;
  return bytes;
}

